//! Unit tests: leaving and removal.

use super::*;

#[test]
fn a_member_leaves_and_a_requester_withdraws() {
	run(|| {
		let circle = team(&[(2, Role::Member)]);
		assert_ok!(own::request_join(circle, 3));
		assert_ok!(own::leave(circle, 2));
		assert_eq!(last_event(), CirclesEvent::Left { circle, twin: 2 });
		assert_ok!(own::leave(circle, 3));
		assert!(records_of(2).is_empty() && records_of(3).is_empty());
		assert_eq!(Circles::<Test>::get(circle).unwrap().members, 1);
		assert_noop!(own::leave(circle, 2), Error::<Test>::NotInCircle);
		assert_noop!(own::leave(circle, 1), Error::<Test>::OwnerStays);
	});
}

#[test]
fn managers_remove_up_to_their_own_role_and_never_the_owner() {
	run(|| {
		let circle = team(&[(2, Role::Admin), (3, Role::Admin), (4, Role::Member)]);
		assert_noop!(own::remove(circle, 4, 3), Error::<Test>::NoManageRight);
		assert_noop!(own::remove(circle, 2, 1), Error::<Test>::OwnerStays);
		assert_noop!(own::remove(circle, 2, 5), Error::<Test>::NotInCircle);
		assert_noop!(own::remove(42, 2, 4), Error::<Test>::CircleNotFound);
		assert_ok!(own::remove(circle, 2, 4));
		assert_eq!(last_event(), CirclesEvent::Removed { circle, twin: 4, by: 2 });
		assert_ok!(own::remove(circle, 2, 3));
		assert!(records_of(3).is_empty() && records_of(4).is_empty());
	});
}

#[test]
fn a_manager_cannot_remove_a_higher_role() {
	run(|| {
		// Members may manage here.
		let circle = create_with(1, "flat", None, CircleVisibility::Public, flat_rights());
		add_members(circle, &[(2, Role::Member), (3, Role::Admin)]);
		assert_noop!(own::remove(circle, 2, 3), Error::<Test>::RoleTooHigh);
	});
}
