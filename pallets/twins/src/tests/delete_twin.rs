//! Unit tests: delete twin.

use super::*;

#[test]
fn frees_everything_and_releases_the_deposit() {
	run(|| {
		assert_ok!(TwinsPallet::create_twin(signed(1), None, name("gone")));
		assert_ok!(offer(1, 1, 2));
		assert_ok!(TwinsPallet::delete_twin(signed(1), 1));
		assert!(Twins::<Test>::get(1).is_none());
		assert!(TwinByAccount::<Test>::get(1).is_none());
		assert!(PendingTransfers::<Test>::get(1).is_none());
		assert_eq!(held(1, HoldReason::TwinDeposit), 0);
		assert_eq!(Balances::balance(&1), ENDOWMENT);
		assert_eq!(last_event(), TwinsEvent::TwinDeleted { twin: 1 });
		// The name and key are free for the next twin.
		assert_ok!(TwinsPallet::create_twin(signed(2), None, name("gone")));
	});
}

#[test]
fn a_child_gives_back_its_address() {
	run(|| {
		let (parent, child) = family(1);
		assert_ok!(TwinsPallet::delete_twin(signed(1), child));
		assert!(Records::<Test>::get(parent, 1).is_none());
		assert_eq!(Twins::<Test>::get(parent).unwrap().children, 0);
		assert_ok!(TwinsPallet::delete_twin(signed(1), parent));
	});
}

#[test]
fn unlinks_the_entities_that_vouch_for_it() {
	run(|| {
		let (twin, entity, _) = linked_twin();
		assert_ok!(TwinsPallet::delete_twin(signed(1), twin));
		assert_eq!(Entities::<Test>::get(entity).unwrap().twins, 0);
		assert!(EntityTwins::<Test>::get(entity, twin).is_none());
		assert_ok!(TwinsPallet::delete_entity(signed(5), entity));
	});
}

#[test]
fn refused_while_it_owns_twins_or_records() {
	run(|| {
		let (parent, child) = family(1);
		assert_noop!(TwinsPallet::delete_twin(signed(1), parent), Error::<Test>::HasChildren);
		let record =
			<TwinsPallet as TwinRegistry<AccountId>>::add_record(child, RecordKind::Node, 9)
				.unwrap();
		assert_noop!(TwinsPallet::delete_twin(signed(1), child), Error::<Test>::OwnsRecords);
		assert_ok!(<TwinsPallet as TwinRegistry<AccountId>>::remove_record(child, record));
		assert_ok!(TwinsPallet::delete_twin(signed(1), child));
	});
}

#[test]
fn refused_to_strangers_and_for_unknown_twins() {
	run(|| {
		let twin = twin_of(1);
		assert_noop!(TwinsPallet::delete_twin(signed(2), twin), Error::<Test>::NotTwinController);
		assert_noop!(TwinsPallet::delete_twin(signed(1), 42), Error::<Test>::TwinNotFound);
	});
}
