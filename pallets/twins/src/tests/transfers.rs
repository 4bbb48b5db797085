//! Unit tests: transfers.

use super::*;

#[test]
fn request_then_accept_moves_the_twin_and_its_deposit() {
	run(|| {
		let twin = twin_of(1);
		assert_ok!(offer(1, twin, 2));
		assert_eq!(last_event(), TwinsEvent::TransferRequested { twin, from: 1, to: 2 });
		assert_ok!(accept(2, twin, None));
		assert_eq!(
			last_event(),
			TwinsEvent::TwinTransferred { twin, from: 1, to: 2, parent: None }
		);
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
fn a_sold_child_leaves_the_sellers_tree() {
	run(|| {
		let (parent, child) = family(1);
		let own = twin_of(2);
		assert_ok!(offer(1, child, 2));
		// The receiver has a top-level twin: the child goes under it.
		assert_noop!(accept(2, child, None), Error::<Test>::AccountHasTwin);
		assert_ok!(accept(2, child, Some(own)));
		let record = Twins::<Test>::get(child).unwrap();
		let link = record.parent.unwrap();
		assert_eq!((record.account, link.twin, record.depth), (2, own, 1));
		assert_eq!(Records::<Test>::get(own, link.record).map(|r| r.key), Some(child));
		assert_eq!(Twins::<Test>::get(parent).unwrap().children, 0);
		assert_eq!(Twins::<Test>::get(own).unwrap().children, 1);
		let event = TwinsEvent::TwinTransferred { twin: child, from: 1, to: 2, parent: Some(link) };
		assert_eq!(last_event(), event);
		// The seller's side no longer acts for it, nor asks for it back.
		assert_noop!(
			TwinsPallet::set_relay(signed(1), child, None),
			Error::<Test>::NotTwinController
		);
		assert_noop!(offer(1, child, 1), Error::<Test>::NotTwinController);
		assert_noop!(TwinsPallet::delete_twin(signed(1), child), Error::<Test>::NotTwinController);
	});
}

#[test]
fn a_sold_child_may_become_the_receivers_own_twin() {
	run(|| {
		let (parent, child) = family(1);
		hand(1, child, 2, None);
		let record = Twins::<Test>::get(child).unwrap();
		assert_eq!((record.parent, record.depth), (None, 0));
		assert_eq!(TwinByAccount::<Test>::get(2), Some(child));
		assert_eq!(TwinByAccount::<Test>::get(1), Some(parent));
		assert!(!TwinsPallet::can_act_for(&1, child));
		// And a top-level twin may go under one of the receiver's.
		hand(1, parent, 2, Some(child));
		assert_eq!(TwinByAccount::<Test>::get(1), None);
		assert_eq!(Twins::<Test>::get(parent).unwrap().depth, 1);
	});
}

#[test]
fn only_the_receivers_choice_keeps_a_twin_where_it_is() {
	run(|| {
		let (farm, machine) = family(1);
		twin_of(2);
		// A twin of the receiver's own choosing, kept under the sender's twin: a machine's
		// key, still acted for by the farmer.
		hand(1, machine, 2, Some(farm));
		let record = Twins::<Test>::get(machine).unwrap();
		assert_eq!((record.account, record.parent.unwrap().twin), (2, farm));
		assert!(TwinsPallet::can_act_for(&1, machine));
		assert!(TwinsPallet::can_act_for(&2, machine));
	});
}

#[test]
fn a_twin_kept_under_its_parent_leaves_only_when_the_parents_side_offers_it() {
	run(|| {
		let (farm, machine) = family(1);
		hand(1, machine, 2, Some(farm));
		// The machine's key offers it on, to a key of its own: it stays under the farm.
		assert_ok!(offer(2, machine, 3));
		assert_noop!(accept(3, machine, None), Error::<Test>::KeptByParent);
		assert_ok!(accept(3, machine, Some(farm)));
		assert!(TwinsPallet::can_act_for(&1, machine));
		// The farmer's offer lets it go.
		hand(1, machine, 4, None);
		assert!(!TwinsPallet::can_act_for(&1, machine));
	});
}

#[test]
fn a_twin_goes_only_under_a_twin_its_receiver_acts_for() {
	run(|| {
		let (_, child) = family(1);
		let others = twin_of(3);
		let own = twin_of(2);
		let deep = child_of(2, child_of(2, child_of(2, own)));
		assert_ok!(offer(1, child, 2));
		assert_noop!(accept(2, child, Some(others)), Error::<Test>::NotTwinController);
		assert_noop!(accept(2, child, Some(42)), Error::<Test>::TwinNotFound);
		assert_noop!(accept(2, child, Some(deep)), Error::<Test>::TooDeep);
		// A receiver that acts for the twin already (its parent is the receiver's), taking it
		// back from the key it handed it to, cannot make it its own parent.
		let device = child_of(4, twin_of(4));
		hand(4, device, 5, TwinByAccount::<Test>::get(4));
		assert_ok!(offer(4, device, 4));
		assert_noop!(accept(4, device, Some(device)), Error::<Test>::OwnParent);
	});
}

#[test]
fn a_twin_with_holdings_does_not_change_hands() {
	run(|| {
		let registry_add = <TwinsPallet as TwinRegistry<AccountId>>::add_record;
		let (parent, child) = family(1);
		// Its child would stay with the old controller.
		assert_noop!(offer(1, parent, 2), Error::<Test>::HasChildren);
		// So would a circle, a farm or a node, with the deposits held for them.
		for kind in [RecordKind::Circle, RecordKind::Farm, RecordKind::Node] {
			let record = registry_add(child, kind, 7).unwrap();
			assert_noop!(offer(1, child, 2), Error::<Test>::OwnsRecords);
			assert_ok!(<TwinsPallet as TwinRegistry<AccountId>>::remove_record(child, record));
		}
		// A membership of someone else's circle belongs to the twin and goes with it.
		registry_add(child, RecordKind::Membership, 7).unwrap();
		assert_ok!(offer(1, child, 2));
		// A holding acquired while the offer stands stops the transfer too.
		let record = registry_add(child, RecordKind::Farm, 8).unwrap();
		assert_noop!(accept(2, child, None), Error::<Test>::OwnsRecords);
		assert_ok!(<TwinsPallet as TwinRegistry<AccountId>>::remove_record(child, record));
		assert_ok!(accept(2, child, None));
		assert_eq!(Twins::<Test>::get(child).unwrap().account, 2);
	});
}

#[test]
fn what_the_old_controller_claimed_does_not_pass_on() {
	run(|| {
		let (twin, entity, pair) = twin_and_entity();
		let key = set_key(1, twin, 7);
		let first_signature = vouch(&pair, entity, twin);
		assert_ok!(link_with(1, twin, entity, first_signature));
		hand(1, twin, 2, None);

		let record = Twins::<Test>::get(twin).unwrap();
		assert_eq!((record.public_key, record.entities), (None, 0));
		assert_eq!(TwinByKey::<Test>::get(key), None);
		assert!(!TwinEntities::<Test>::contains_key(twin, entity));
		assert_eq!(Entities::<Test>::get(entity).unwrap().twins, 0);
		// The entity vouched for the twin as account 1's: its signature is void for 2 …
		assert_noop!(link_with(2, twin, entity, first_signature), Error::<Test>::BadSignature);
		// … and stays void should the twin come back to 1.
		hand(2, twin, 1, None);
		assert_noop!(link_with(1, twin, entity, first_signature), Error::<Test>::BadSignature);
	});
}

#[test]
fn cancel_withdraws_the_offer() {
	run(|| {
		let twin = twin_of(1);
		assert_ok!(offer(1, twin, 2));
		assert_noop!(
			TwinsPallet::cancel_transfer(signed(2), twin),
			Error::<Test>::NotTwinController
		);
		assert_ok!(TwinsPallet::cancel_transfer(signed(1), twin));
		assert_eq!(last_event(), TwinsEvent::TransferCancelled { twin });
		assert_noop!(accept(2, twin, None), Error::<Test>::NoTransferPending);
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
		assert_noop!(offer(2, twin, 2), Error::<Test>::NotTwinController);
		assert_noop!(offer(1, twin, 1), Error::<Test>::TransferToSelf);
		assert_noop!(offer(1, 42, 2), Error::<Test>::TwinNotFound);
		assert_ok!(offer(1, twin, 2));
		assert_noop!(offer(1, twin, 4), Error::<Test>::TransferPending);
	});
}

#[test]
fn accept_errors() {
	run(|| {
		let twin = twin_of(1);
		assert_noop!(accept(2, twin, None), Error::<Test>::NoTransferPending);
		assert_ok!(offer(1, twin, 2));
		assert_noop!(accept(3, twin, None), Error::<Test>::NotTransferReceiver);
		// The receiver got a twin of its own meanwhile.
		twin_of(2);
		assert_noop!(accept(2, twin, None), Error::<Test>::AccountHasTwin);
		let other = twin_of(4);
		assert_ok!(offer(4, other, POOR));
		assert_noop!(accept(POOR, other, None), Error::<Test>::CannotHoldDeposit);
	});
}
