//! Unit tests: delete circle.

use super::*;

#[test]
fn removes_every_entry_and_gives_back_every_record() {
	run(|| {
		let circle = team(&[(2, Role::Member)]);
		assert_ok!(own::invite(circle, 1, 3, Role::Viewer));
		assert_ok!(own::request_join(circle, 4));
		assert_ok!(CirclesPallet::delete_circle(signed(1), circle));
		assert_eq!(last_event(), CirclesEvent::CircleDeleted { circle });
		assert!(Circles::<Test>::get(circle).is_none());
		assert_eq!(Members::<Test>::iter_prefix(circle).count(), 0);
		for twin in 1..=4 {
			assert!(records_of(twin).is_empty(), "twin {twin} still holds a record");
			assert_eq!(TwinCircleCount::<Test>::get(twin), 0);
		}
		assert_eq!(held(1), 0);
		assert_eq!(Balances::balance(&1), ENDOWMENT - 1);
	});
}

#[test]
fn refused_with_sub_circles_to_non_owners_and_for_unknown_circles() {
	run(|| {
		let [top, sub] = nested(["top", "sub"]);
		add_member(top, 2, Role::Admin);
		assert_noop!(CirclesPallet::delete_circle(signed(1), top), Error::<Test>::HasSubCircles);
		assert_noop!(
			CirclesPallet::delete_circle(signed(2), sub),
			pallet_twins::Error::<Test>::NotTwinController
		);
		assert_noop!(CirclesPallet::delete_circle(signed(1), 42), Error::<Test>::CircleNotFound);
		assert_ok!(CirclesPallet::delete_circle(signed(1), sub));
		assert_eq!(Circles::<Test>::get(top).unwrap().children, 0);
		assert_ok!(CirclesPallet::delete_circle(signed(1), top));
	});
}
