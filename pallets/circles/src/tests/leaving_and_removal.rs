//! Unit tests: leaving and removal.

use super::*;

#[test]
fn a_member_leaves_and_a_requester_withdraws() {
	run(|| {
		let circle = create(1, "team", None);
		add_member(circle, 2, Role::Member);
		assert_ok!(CirclesPallet::request_join(signed(3), circle, 3));
		assert_ok!(CirclesPallet::leave(signed(2), circle, 2));
		assert_eq!(last_event(), CirclesEvent::Left { circle, twin: 2 });
		assert_ok!(CirclesPallet::leave(signed(3), circle, 3));
		assert!(records_of(2).is_empty() && records_of(3).is_empty());
		assert_eq!(Circles::<Test>::get(circle).unwrap().members, 1);
		assert_noop!(CirclesPallet::leave(signed(2), circle, 2), Error::<Test>::NotInCircle);
		assert_noop!(CirclesPallet::leave(signed(1), circle, 1), Error::<Test>::OwnerStays);
	});
}

#[test]
fn managers_remove_up_to_their_own_role_and_never_the_owner() {
	run(|| {
		let circle = create(1, "team", None);
		add_member(circle, 2, Role::Admin);
		add_member(circle, 3, Role::Admin);
		add_member(circle, 4, Role::Member);
		assert_noop!(CirclesPallet::remove(signed(4), circle, 4, 3), Error::<Test>::NoManageRight);
		assert_noop!(CirclesPallet::remove(signed(2), circle, 2, 1), Error::<Test>::OwnerStays);
		assert_noop!(CirclesPallet::remove(signed(2), circle, 2, 5), Error::<Test>::NotInCircle);
		assert_noop!(CirclesPallet::remove(signed(2), 42, 2, 4), Error::<Test>::CircleNotFound);
		assert_ok!(CirclesPallet::remove(signed(2), circle, 2, 4));
		assert_eq!(last_event(), CirclesEvent::Removed { circle, twin: 4, by: 2 });
		assert_ok!(CirclesPallet::remove(signed(2), circle, 2, 3));
		assert!(records_of(3).is_empty() && records_of(4).is_empty());
	});
}

#[test]
fn a_manager_cannot_remove_a_higher_role() {
	run(|| {
		// Members may manage here.
		let flat = RoleRights {
			admin: Rights::ALL,
			member: Rights::ALL,
			viewer: Rights::of(&[Right::Read]),
		};
		assert_ok!(CirclesPallet::create_circle(
			signed(1),
			1,
			name("flat"),
			description(""),
			None,
			CircleVisibility::Public,
			flat
		));
		let circle = LastCircleId::<Test>::get();
		add_member(circle, 2, Role::Member);
		add_member(circle, 3, Role::Admin);
		assert_noop!(CirclesPallet::remove(signed(2), circle, 2, 3), Error::<Test>::RoleTooHigh);
	});
}
