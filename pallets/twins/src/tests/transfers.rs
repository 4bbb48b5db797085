//! Unit tests: transfers.

use super::*;

#[test]
fn request_then_accept_moves_the_twin_and_its_deposit() {
	run(|| {
		let twin = twin_of(1);
		assert_ok!(TwinsPallet::request_transfer(signed(1), twin, 2));
		assert_eq!(last_event(), TwinsEvent::TransferRequested { twin, from: 1, to: 2 });
		assert_ok!(TwinsPallet::accept_transfer(signed(2), twin));
		assert_eq!(last_event(), TwinsEvent::TwinTransferred { twin, from: 1, to: 2 });
		assert_eq!(Twins::<Test>::get(twin).unwrap().account, 2);
		assert_eq!(TwinByAccount::<Test>::get(2), Some(twin));
		assert!(TwinByAccount::<Test>::get(1).is_none());
		assert_eq!(held(1, HoldReason::TwinDeposit), 0);
		assert_eq!(held(2, HoldReason::TwinDeposit), TWIN_DEPOSIT);
		// The old controller has lost it.
		assert_noop!(
			TwinsPallet::set_relay(signed(1), twin, None),
			Error::<Test>::NotTwinController
		);
	});
}

#[test]
fn a_child_changes_hands_and_stays_under_its_parent() {
	run(|| {
		let parent = twin_of(1);
		let child = child_of(1, parent);
		let own = twin_of(2);
		// The receiver's own top-level twin does not matter for a child.
		assert_ok!(TwinsPallet::request_transfer(signed(1), child, 2));
		assert_ok!(TwinsPallet::accept_transfer(signed(2), child));
		let record = Twins::<Test>::get(child).unwrap();
		assert_eq!((record.account, record.parent.unwrap().twin), (2, parent));
		assert_eq!(TwinByAccount::<Test>::get(2), Some(own));
	});
}

#[test]
fn a_twin_with_holdings_does_not_change_hands() {
	run(|| {
		let registry_add = <TwinsPallet as TwinRegistry<AccountId>>::add_record;
		let parent = twin_of(1);
		let child = child_of(1, parent);
		// Its child would stay with the old controller.
		assert_noop!(
			TwinsPallet::request_transfer(signed(1), parent, 2),
			Error::<Test>::HasChildren
		);
		// So would a circle, a farm or a node, with the deposits held for them.
		for kind in [RecordKind::Circle, RecordKind::Farm, RecordKind::Node] {
			let record = registry_add(child, kind, 7).unwrap();
			assert_noop!(
				TwinsPallet::request_transfer(signed(1), child, 2),
				Error::<Test>::OwnsRecords
			);
			assert_ok!(<TwinsPallet as TwinRegistry<AccountId>>::remove_record(child, record));
		}
		// A membership of someone else's circle belongs to the twin and goes with it.
		registry_add(child, RecordKind::Membership, 7).unwrap();
		assert_ok!(TwinsPallet::request_transfer(signed(1), child, 2));
		// A holding acquired while the offer stands stops the transfer too.
		let record = registry_add(child, RecordKind::Farm, 8).unwrap();
		assert_noop!(TwinsPallet::accept_transfer(signed(2), child), Error::<Test>::OwnsRecords);
		assert_ok!(<TwinsPallet as TwinRegistry<AccountId>>::remove_record(child, record));
		assert_ok!(TwinsPallet::accept_transfer(signed(2), child));
		assert_eq!(Twins::<Test>::get(child).unwrap().account, 2);
	});
}

#[test]
fn what_the_old_controller_claimed_does_not_pass_on() {
	run(|| {
		let twin = twin_of(1);
		let key = set_key(1, twin, 7);
		let (entity, pair) = sr25519_entity(5);
		let first_signature = EntitySignature::Sr25519(pair.sign(&vouching(entity, twin)).0);
		assert_ok!(TwinsPallet::link_entity(signed(1), twin, entity, first_signature));
		assert_ok!(TwinsPallet::request_transfer(signed(1), twin, 2));
		assert_ok!(TwinsPallet::accept_transfer(signed(2), twin));

		let record = Twins::<Test>::get(twin).unwrap();
		assert_eq!((record.public_key, record.entities), (None, 0));
		assert_eq!(TwinByKey::<Test>::get(key), None);
		assert!(!TwinEntities::<Test>::contains_key(twin, entity));
		assert_eq!(Entities::<Test>::get(entity).unwrap().twins, 0);
		// The entity vouched for the twin as account 1's: its signature is void for 2 …
		assert_noop!(
			TwinsPallet::link_entity(signed(2), twin, entity, first_signature),
			Error::<Test>::BadSignature
		);
		// … and stays void should the twin come back to 1.
		assert_ok!(TwinsPallet::request_transfer(signed(2), twin, 1));
		assert_ok!(TwinsPallet::accept_transfer(signed(1), twin));
		assert_noop!(
			TwinsPallet::link_entity(signed(1), twin, entity, first_signature),
			Error::<Test>::BadSignature
		);
	});
}

#[test]
fn cancel_withdraws_the_offer() {
	run(|| {
		let twin = twin_of(1);
		assert_ok!(TwinsPallet::request_transfer(signed(1), twin, 2));
		assert_noop!(
			TwinsPallet::cancel_transfer(signed(2), twin),
			Error::<Test>::NotTwinController
		);
		assert_ok!(TwinsPallet::cancel_transfer(signed(1), twin));
		assert_eq!(last_event(), TwinsEvent::TransferCancelled { twin });
		assert_noop!(
			TwinsPallet::accept_transfer(signed(2), twin),
			Error::<Test>::NoTransferPending
		);
		assert_noop!(
			TwinsPallet::cancel_transfer(signed(1), twin),
			Error::<Test>::NoTransferPending
		);
	});
}

#[test]
fn request_errors() {
	run(|| {
		let twin = twin_of(1);
		twin_of(3);
		assert_noop!(
			TwinsPallet::request_transfer(signed(2), twin, 2),
			Error::<Test>::NotTwinController
		);
		assert_noop!(
			TwinsPallet::request_transfer(signed(1), twin, 1),
			Error::<Test>::TransferToSelf
		);
		assert_noop!(
			TwinsPallet::request_transfer(signed(1), twin, 3),
			Error::<Test>::AccountHasTwin
		);
		assert_noop!(TwinsPallet::request_transfer(signed(1), 42, 2), Error::<Test>::TwinNotFound);
		assert_ok!(TwinsPallet::request_transfer(signed(1), twin, 2));
		assert_noop!(
			TwinsPallet::request_transfer(signed(1), twin, 4),
			Error::<Test>::TransferPending
		);
	});
}

#[test]
fn accept_errors() {
	run(|| {
		let twin = twin_of(1);
		assert_noop!(
			TwinsPallet::accept_transfer(signed(2), twin),
			Error::<Test>::NoTransferPending
		);
		assert_ok!(TwinsPallet::request_transfer(signed(1), twin, 2));
		assert_noop!(
			TwinsPallet::accept_transfer(signed(3), twin),
			Error::<Test>::NotTransferReceiver
		);
		// The receiver got a twin of its own meanwhile.
		twin_of(2);
		assert_noop!(TwinsPallet::accept_transfer(signed(2), twin), Error::<Test>::AccountHasTwin);
		let other = twin_of(4);
		assert_ok!(TwinsPallet::request_transfer(signed(4), other, POOR));
		assert_noop!(
			TwinsPallet::accept_transfer(signed(POOR), other),
			Error::<Test>::CannotHoldDeposit
		);
	});
}
