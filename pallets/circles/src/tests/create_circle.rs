//! Unit tests: create circle.

use super::*;

#[test]
fn makes_the_owner_its_first_member_and_a_record_of_the_owner() {
	run(|| {
		let circle = create(1, "friends", None);
		let record = Circles::<Test>::get(circle).unwrap();
		assert_eq!((record.owner, record.members, record.invitations, record.depth), (1, 1, 0, 0));
		assert_eq!(standing(circle, 1), Some(Standing::Member(Role::Owner)));
		assert_eq!(CircleByName::<Test>::get(1, record.name), Some(circle));
		assert_eq!(records_of(1), vec![(RecordKind::Circle, circle)]);
		assert_eq!(held(1), CIRCLE_DEPOSIT);
		assert_eq!(zerochain_primitives::held::<Balance>(&record.deposit), CIRCLE_DEPOSIT);
		assert_eq!(CirclesPallet::circle_deposit(), CIRCLE_DEPOSIT);
		assert_eq!(last_event(), CirclesEvent::CircleCreated { circle, owner: 1, parent: None });
	});
}

#[test]
fn names_are_unique_per_owner_only() {
	run(|| {
		create(1, "friends", None);
		create(2, "friends", None);
		assert_noop!(
			try_create(1, "friends", "", None, CircleVisibility::Private, rights()),
			Error::<Test>::NameTaken
		);
	});
}

#[test]
fn refuses_bad_input() {
	run(|| {
		let attempt = |who: AccountId, owner, n: &str, d: DescriptionInput, rights| {
			CirclesPallet::create_circle(
				signed(who),
				owner,
				name(n),
				d,
				None,
				CircleVisibility::Public,
				rights,
			)
		};
		assert_noop!(
			attempt(1, 42, "ok_name", description(""), rights()),
			pallet_twins::Error::<Test>::TwinNotFound
		);
		assert_noop!(
			attempt(2, 1, "ok_name", description(""), rights()),
			pallet_twins::Error::<Test>::NotTwinController
		);
		assert_noop!(attempt(1, 1, "No", description(""), rights()), Error::<Test>::InvalidName);
		assert_noop!(
			attempt(1, 1, "ok_name", description("a\u{7}b"), rights()),
			Error::<Test>::InvalidDescription
		);
		assert_noop!(
			attempt(1, 1, "ok_name", BoundedVec::truncate_from(vec![0xc3]), rights()),
			Error::<Test>::InvalidDescription
		);
		let inverted = RoleRights { viewer: Rights::ALL, ..rights() };
		assert_noop!(
			attempt(1, 1, "ok_name", description(""), inverted),
			Error::<Test>::RightsNotOrdered
		);
		let unknown =
			RoleRights { admin: Rights::decode(&mut &[0b1_0000u8][..]).unwrap(), ..rights() };
		assert_noop!(
			attempt(1, 1, "ok_name", description(""), unknown),
			Error::<Test>::UnknownRights
		);
		assert_noop!(
			attempt(POOR, POOR_TWIN, "ok_name", description(""), rights()),
			Error::<Test>::CannotHoldDeposit
		);
		assert_ok!(attempt(1, 1, "ok_name", description("line one\nline two"), rights()));
	});
}

#[test]
fn sub_circles_have_the_same_owner_and_a_bounded_depth() {
	run(|| {
		let [top, _middle, bottom] = nested(["top", "middle", "bottom"]);
		assert_eq!(Circles::<Test>::get(bottom).unwrap().depth, 2);
		assert_eq!(Circles::<Test>::get(top).unwrap().children, 1);
		let attempt = |owner: TwinId, parent| {
			try_create(owner, "deeper", "", Some(parent), CircleVisibility::Public, rights())
		};
		assert_noop!(attempt(1, bottom), Error::<Test>::TooDeep);
		assert_noop!(attempt(2, top), Error::<Test>::ParentOfAnotherOwner);
		assert_noop!(attempt(1, 42), Error::<Test>::CircleNotFound);
	});
}

#[test]
fn a_twin_is_in_a_bounded_number_of_circles() {
	run(|| {
		for index in 0..5 {
			create(1, &format!("circle{index}"), None);
		}
		assert_noop!(
			try_create(1, "one_more", "", None, CircleVisibility::Public, rights()),
			Error::<Test>::TooManyCircles
		);
	});
}
