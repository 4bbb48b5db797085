//! Unit tests: requests.

use super::*;

#[test]
fn request_then_approve() {
	run(|| {
		let circle = team(&[]);
		assert_ok!(own::request_join(circle, 2));
		assert_eq!(last_event(), CirclesEvent::JoinRequested { circle, twin: 2 });
		assert_eq!(standing(circle, 2), Some(Standing::Requested));
		assert_eq!((held_pending(2), records_of(2).len()), (PENDING_DEPOSIT, 0));
		assert_ok!(own::approve_join(circle, 1, 2, Role::Viewer));
		assert_eq!(
			last_event(),
			CirclesEvent::JoinApproved { circle, twin: 2, role: Role::Viewer, by: 1 }
		);
		assert_eq!(standing(circle, 2), Some(Standing::Member(Role::Viewer)));
		assert_eq!(held_pending(2), 0);
	});
}

#[test]
fn a_private_circle_is_invite_only() {
	run(|| {
		let circle = create_with(1, "board", None, CircleVisibility::Private, rights());
		assert_noop!(own::request_join(circle, 2), Error::<Test>::InviteOnly);
		assert_ok!(own::invite(circle, 1, 2, Role::Member));
	});
}

#[test]
fn a_circle_made_private_approves_no_more_requests() {
	run(|| {
		let circle = team(&[]);
		assert_ok!(own::request_join(circle, 2));
		make_private(circle);
		assert_noop!(own::approve_join(circle, 1, 2, Role::Viewer), Error::<Test>::InviteOnly);
		// Its managers turn the request down, and the requester gets its deposit back.
		assert_ok!(own::remove(circle, 1, 2));
		assert_eq!(held_pending(2), 0);
	});
}

#[test]
fn requests_from_throwaway_twins_never_block_invitations() {
	run(|| {
		let circle = team(&[]);
		for twin in [2, 3] {
			assert_ok!(own::request_join(circle, twin));
		}
		assert_noop!(own::request_join(circle, 4), Error::<Test>::TooManyRequests);
		// The requests are full; invitations are bounded on their own.
		for twin in 4..=6 {
			assert_ok!(own::invite(circle, 1, twin, Role::Viewer));
		}
		// Turning a request down gives the requester its deposit back.
		assert_ok!(own::remove(circle, 1, 2));
		assert_eq!(held_pending(2), 0);
		assert_ok!(own::request_join(circle, 7));
	});
}

#[test]
fn request_and_approve_errors() {
	run(|| {
		let circle = team(&[(3, Role::Member)]);
		assert_noop!(own::request_join(42, 2), Error::<Test>::CircleNotFound);
		assert_noop!(
			CirclesPallet::request_join(signed(2), circle, 3),
			pallet_twins::Error::<Test>::NotTwinController
		);
		assert_noop!(own::request_join(circle, 3), Error::<Test>::AlreadyInCircle);
		assert_noop!(own::approve_join(circle, 1, 2, Role::Viewer), Error::<Test>::NoRequest);
		assert_ok!(own::request_join(circle, 2));
		assert_noop!(own::approve_join(circle, 3, 2, Role::Viewer), Error::<Test>::NoInviteRight);
		assert_noop!(own::approve_join(circle, 1, 2, Role::Owner), Error::<Test>::CannotGrantOwner);
	});
}

#[test]
fn one_account_cannot_fill_the_queue_with_throwaway_twins() {
	run(|| {
		let circle = team(&[]);
		let child = || {
			assert_ok!(TwinsPallet::create_child_twin(signed(2), 2, None, None));
			pallet_twins::LastTwinId::<Test>::get()
		};
		let (first, second) = (child(), child());
		assert_ok!(CirclesPallet::request_join(signed(2), circle, first));
		assert_noop!(
			CirclesPallet::request_join(signed(2), circle, second),
			Error::<Test>::TooManyRequestsFromAccount
		);
		assert_noop!(own::request_join(circle, 2), Error::<Test>::TooManyRequestsFromAccount);
		// Another account still gets the circle's last slot, and the bound is per circle.
		assert_ok!(own::request_join(circle, 3));
		let other = create(1, "other", None);
		assert_ok!(CirclesPallet::request_join(signed(2), other, second));
		// An answered or withdrawn request frees the account's place.
		assert_ok!(own::approve_join(circle, 1, first, Role::Viewer));
		assert_eq!(RequestsByAccount::<Test>::get(circle, 2), None);
		assert_ok!(CirclesPallet::request_join(signed(2), circle, second));
		assert_ok!(CirclesPallet::leave(signed(2), circle, second));
		assert_ok!(own::request_join(circle, 2));
		// A deleted circle forgets whose requests it had.
		assert_ok!(CirclesPallet::delete_circle(signed(1), other));
		assert_eq!(RequestsByAccount::<Test>::get(other, 2), None);
	});
}
