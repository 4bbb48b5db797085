//! Unit tests: twins that go away.

use super::*;

#[test]
fn a_member_cannot_be_deleted_until_it_leaves() {
	run(|| {
		let circle = team(&[(2, Role::Member)]);
		for (account, twin) in [(1, 1), (2, 2)] {
			assert_noop!(
				TwinsPallet::delete_twin(signed(account), twin),
				pallet_twins::Error::<Test>::OwnsRecords
			);
		}
		assert_ok!(own::leave(circle, 2));
		assert_ok!(TwinsPallet::delete_twin(signed(2), 2));
		assert_ok!(CirclesPallet::delete_circle(signed(1), circle));
		assert_ok!(TwinsPallet::delete_twin(signed(1), 1));
	});
}

#[test]
fn invitations_never_jam_the_invited_twin() {
	run(|| {
		// Two attackers invite the victim into as many circles as they can hold.
		for attacker in [1, 2] {
			for index in 0..5 {
				let circle = create(attacker, &format!("jam{index}"), None);
				assert_ok!(own::invite(circle, attacker, 3, Role::Viewer));
			}
		}
		// The victim still has every place among circles, creates its own, and can go.
		assert!(records_of(3).is_empty());
		assert_eq!(TwinCircleCount::<Test>::get(3), 0);
		let mine = create(3, "mine", None);
		assert_ok!(CirclesPallet::delete_circle(signed(3), mine));
		assert_ok!(TwinsPallet::delete_twin(signed(3), 3));
		// An invitation to a twin that is gone can never be accepted; the circle may
		// withdraw it at once, and the chain clears the others in its idle time.
		assert_noop!(own::accept_invitation(1, 3), pallet_twins::Error::<Test>::TwinNotFound);
		assert_ok!(own::remove(1, 1, 3));
		assert_eq!(held_pending(1), 4 * PENDING_DEPOSIT);
		assert!(Departed::<Test>::contains_key(3));
		CirclesPallet::on_idle(2, Weight::MAX);
		assert_eq!(PendingEntries::<Test>::iter().count(), 0);
		assert_eq!((held_pending(1), held_pending(2)), (0, 0));
		assert!(!Departed::<Test>::contains_key(3) && Inbox::<Test>::iter().count() == 0);
		let cleared = events()
			.into_iter()
			.filter(|event| matches!(event, CirclesEvent::DepartedTwinCleared { twin: 3, .. }))
			.count();
		assert_eq!(cleared, 9, "the nine invitations the circles had not withdrawn");
	});
}

#[test]
fn no_offer_or_invitation_outlives_its_twin() {
	run(|| {
		let offered = create(1, "offered", None);
		let inviting = create(2, "inviting", None);
		assert_ok!(CirclesPallet::offer_ownership(signed(1), offered, Some(4)));
		assert_ok!(own::invite(inviting, 2, 4, Role::Viewer));
		assert_ok!(TwinsPallet::delete_twin(signed(4), 4));
		// Each idle step clears one entry, and only what fits in the idle weight runs:
		// the invariants (checked by `run`) allow a departed twin's entries meanwhile.
		let step = CirclesPallet::on_idle(2, Weight::zero());
		assert_eq!(step, Weight::zero());
		assert!(OwnershipOffers::<Test>::contains_key(offered));
		CirclesPallet::on_idle(2, Weight::MAX);
		assert_eq!(OwnershipOffers::<Test>::get(offered), None);
		assert!(!PendingEntries::<Test>::contains_key(inviting, 4));
		assert_eq!(held_pending(2), 0);
		assert!(Departed::<Test>::iter().next().is_none());
		// A twin with nothing pending is never queued.
		assert_ok!(TwinsPallet::delete_twin(signed(5), 5));
		assert!(!Departed::<Test>::contains_key(5));
	});
}

#[test]
fn a_requesting_twin_can_be_deleted() {
	run(|| {
		let circle = team(&[]);
		assert_ok!(own::request_join(circle, 3));
		assert_ok!(TwinsPallet::delete_twin(signed(3), 3));
	});
}

#[test]
fn a_member_changes_hands_with_its_membership_an_owner_does_not() {
	run(|| {
		let circle = team(&[(2, Role::Admin)]);
		// Twin 1 owns the circle, whose deposit is held on account 1: it stays.
		assert_ok!(TwinsPallet::delete_twin(signed(7), 7));
		assert_noop!(
			TwinsPallet::request_transfer(signed(1), 1, 7),
			pallet_twins::Error::<Test>::OwnsRecords
		);
		// Twin 2 is only a member: it goes to account 7 with its membership.
		assert_ok!(TwinsPallet::request_transfer(signed(2), 2, 7));
		assert_ok!(TwinsPallet::accept_transfer(signed(7), 2, None));
		assert_noop!(
			CirclesPallet::invite(signed(2), circle, 2, 3, Role::Viewer),
			pallet_twins::Error::<Test>::NotTwinController
		);
		assert_ok!(CirclesPallet::invite(signed(7), circle, 2, 3, Role::Viewer));
	});
}
