//! Unit tests: update circle.

use super::*;

#[test]
fn the_owner_changes_everything_an_admin_only_the_description() {
	run(|| {
		let circle = team(&[(2, Role::Admin)]);
		let fewer = RoleRights { member: Rights::of(&[Right::Read]), ..rights() };
		assert_noop!(
			try_update(2, circle, "x", CircleVisibility::Private, fewer),
			Error::<Test>::OwnerSetsRights
		);
		assert_ok!(try_update(2, circle, "by the admin", CircleVisibility::Public, rights()));
		assert_eq!(
			Circles::<Test>::get(circle).unwrap().description,
			Description::try_from(description("by the admin")).unwrap()
		);
		assert_ok!(try_update(1, circle, "by the owner", CircleVisibility::Public, fewer));
		assert_eq!(last_event(), CirclesEvent::CircleUpdated { circle });
		let record = Circles::<Test>::get(circle).unwrap();
		assert_eq!((record.rights, record.visibility), (fewer, CircleVisibility::Public));
	});
}

#[test]
fn refuses_members_without_manage_and_bad_input() {
	run(|| {
		let circle = team(&[(2, Role::Member)]);
		let update = |who, d: &str, r| try_update(who, circle, d, CircleVisibility::Public, r);
		assert_noop!(update(2, "", rights()), Error::<Test>::NoManageRight);
		assert_noop!(update(3, "", rights()), Error::<Test>::NoManageRight);
		assert_noop!(update(1, "\u{0}", rights()), Error::<Test>::InvalidDescription);
		let inverted = RoleRights { viewer: Rights::ALL, ..rights() };
		assert_noop!(update(1, "", inverted), Error::<Test>::RightsNotOrdered);
		assert_noop!(
			try_update(1, 42, "", CircleVisibility::Public, rights()),
			Error::<Test>::CircleNotFound
		);
	});
}

#[test]
fn only_the_owner_turns_a_private_circle_public() {
	run(|| {
		let circle = team(&[]);
		assert_ok!(try_update(1, circle, "hidden", CircleVisibility::Private, rights()));
		let sub = create(1, "inner", Some(circle));
		add_member(circle, 2, Role::Admin);
		// An admin of the circle, and through it of its sub-circles, holds Manage in both,
		// yet who may see the members is the owner's choice alone.
		let by_admin = |target, visibility| try_update(2, target, "changed", visibility, rights());
		assert_noop!(
			by_admin(circle, CircleVisibility::Public),
			Error::<Test>::OwnerSetsVisibility
		);
		assert_noop!(by_admin(sub, CircleVisibility::Private), Error::<Test>::OwnerSetsVisibility);
		assert_eq!(Circles::<Test>::get(circle).unwrap().visibility, CircleVisibility::Private);
		assert_ok!(try_update(1, circle, "open", CircleVisibility::Public, rights()));
		assert_eq!(Circles::<Test>::get(circle).unwrap().visibility, CircleVisibility::Public);
	});
}
