//! Unit tests: ownership.

use super::*;

#[test]
fn offer_then_accept_moves_the_circle_its_record_and_its_deposit() {
	run(|| {
		let circle = team(&[(2, Role::Member)]);
		assert_ok!(CirclesPallet::offer_ownership(signed(1), circle, Some(2)));
		assert_eq!(last_event(), CirclesEvent::OwnershipOffered { circle, to: Some(2) });
		assert_ok!(own::accept_ownership(circle, 2));
		assert_eq!(last_event(), CirclesEvent::OwnershipTransferred { circle, from: 1, to: 2 });
		let record = Circles::<Test>::get(circle).unwrap();
		assert_eq!((record.owner, record.depositor, record.members), (2, 2, 2));
		assert_eq!(standing(circle, 2), Some(Standing::Member(Role::Owner)));
		assert_eq!(standing(circle, 1), Some(Standing::Member(Role::Admin)));
		assert_eq!(records_of(2), vec![(RecordKind::Circle, circle)]);
		assert_eq!(records_of(1), vec![(RecordKind::Membership, circle)]);
		assert_eq!((held(1), held(2)), (0, CIRCLE_DEPOSIT));
		assert_eq!(CircleByName::<Test>::get(2, record.name.clone()), Some(circle));
		assert!(CircleByName::<Test>::get(1, record.name).is_none());
		// The old owner may now leave.
		assert_ok!(own::leave(circle, 1));
	});
}

#[test]
fn a_twin_outside_the_circle_may_take_it() {
	run(|| {
		let circle = team(&[]);
		assert_ok!(CirclesPallet::offer_ownership(signed(1), circle, Some(3)));
		assert_ok!(own::accept_ownership(circle, 3));
		assert_eq!(Circles::<Test>::get(circle).unwrap().members, 2);
	});
}

#[test]
fn offer_errors_and_withdrawal() {
	run(|| {
		let [top, sub] = nested(["top", "sub"]);
		assert_noop!(
			CirclesPallet::offer_ownership(signed(2), top, Some(2)),
			pallet_twins::Error::<Test>::NotTwinController
		);
		// The rest through account 1, the owner's.
		let offer = |circle, to| CirclesPallet::offer_ownership(signed(1), circle, to);
		assert_noop!(offer(top, Some(1)), Error::<Test>::AlreadyOwner);
		assert_noop!(offer(top, Some(42)), pallet_twins::Error::<Test>::TwinNotFound);
		assert_noop!(offer(top, Some(2)), Error::<Test>::CircleInTree);
		assert_noop!(offer(sub, Some(2)), Error::<Test>::CircleInTree);
		assert_noop!(offer(42, Some(2)), Error::<Test>::CircleNotFound);
		assert_noop!(offer(top, None), Error::<Test>::NoOwnershipOffer);
		let alone = create(1, "alone", None);
		assert_ok!(offer(alone, Some(2)));
		assert_ok!(offer(alone, None));
		assert_noop!(own::accept_ownership(alone, 2), Error::<Test>::NoOwnershipOffer);
	});
}

#[test]
fn accept_errors() {
	run(|| {
		let circle = team(&[]);
		create(2, "team", None);
		assert_ok!(CirclesPallet::offer_ownership(signed(1), circle, Some(2)));
		assert_noop!(own::accept_ownership(circle, 3), Error::<Test>::NotOfferedToTwin);
		assert_noop!(
			CirclesPallet::accept_ownership(signed(3), circle, 2),
			pallet_twins::Error::<Test>::NotTwinController
		);
		assert_noop!(own::accept_ownership(circle, 2), Error::<Test>::NameTaken);
		assert_ok!(CirclesPallet::offer_ownership(signed(1), circle, Some(POOR_TWIN)));
		assert_noop!(
			CirclesPallet::accept_ownership(signed(POOR), circle, POOR_TWIN),
			Error::<Test>::CannotHoldDeposit
		);
	});
}
