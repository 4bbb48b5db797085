//! Unit tests: create twin.

use super::*;

#[test]
fn stores_the_twin_its_indices_and_holds_the_deposit() {
	run(|| {
		assert_ok!(TwinsPallet::create_twin(
			signed(1),
			relay("relay.zero.example"),
			name("alice_1")
		));
		let twin = Twins::<Test>::get(1).unwrap();
		assert_eq!(twin.account, 1);
		assert_eq!(twin.relay.unwrap().as_bytes(), b"relay.zero.example");
		assert_eq!(twin.public_key, None);
		assert_eq!(twin.name.clone().unwrap().as_bytes(), b"alice_1");
		assert_eq!(TwinByAccount::<Test>::get(1), Some(1));
		assert_eq!(TwinByName::<Test>::get(twin.name.unwrap()), Some(1));
		assert_eq!(held(1, HoldReason::TwinDeposit), TWIN_DEPOSIT);
		assert_eq!(
			ticket_amount::<Balance>(&twin.deposit),
			TWIN_DEPOSIT,
			"the ticket knows what it holds"
		);
		assert_eq!(TwinsPallet::twin_deposit(), TWIN_DEPOSIT);
		assert_eq!(Balances::balance(&1), ENDOWMENT - TWIN_DEPOSIT);
		assert_eq!(last_event(), TwinsEvent::TwinCreated { twin: 1, account: 1, parent: None });
	});
}

#[test]
fn ids_are_sequential_from_one_and_never_reused() {
	run(|| {
		assert_eq!(twin_of(1), 1);
		assert_eq!(twin_of(2), 2);
		assert_ok!(TwinsPallet::delete_twin(signed(2), 2));
		assert_eq!(twin_of(3), 3);
	});
}

#[test]
fn one_top_level_twin_per_account() {
	run(|| {
		twin_of(1);
		assert_noop!(new_twin(1), Error::<Test>::AccountHasTwin);
	});
}

#[test]
fn refuses_bad_relays() {
	run(|| {
		for bad in ["", ".", "a..b", ".a.b", "a.b.", "a b", "a/b", "ü.example", "a:80"] {
			assert_noop!(
				TwinsPallet::create_twin(signed(1), relay(bad), None),
				Error::<Test>::InvalidRelay
			);
		}
		// One byte past the rule still reaches the pallet, which names the error.
		let too_long = ["a"; 127].join(".") + "a";
		assert_noop!(
			TwinsPallet::create_twin(signed(1), relay(&too_long), None),
			Error::<Test>::InvalidRelay
		);
		let longest = ["a"; 127].join(".");
		assert_eq!(longest.len(), 253);
		assert_ok!(TwinsPallet::create_twin(signed(1), relay(&longest), None));
		assert_ok!(TwinsPallet::create_twin(signed(2), relay("10.0.0.1"), None));
		assert_ok!(TwinsPallet::create_twin(signed(3), relay("My_Relay-1"), None));
	});
}

#[test]
fn refuses_bad_names() {
	run(|| {
		for bad in ["ab", "Alice", "alice!", "al ice", "élan", "ALICE"] {
			assert_noop!(
				TwinsPallet::create_twin(signed(1), None, name(bad)),
				Error::<Test>::InvalidName
			);
		}
		assert_noop!(
			TwinsPallet::create_twin(signed(1), None, name(&"a".repeat(33))),
			Error::<Test>::InvalidName
		);
		let longest = "a".repeat(32);
		assert_ok!(TwinsPallet::create_twin(signed(1), None, name(&longest)));
		assert_ok!(TwinsPallet::create_twin(signed(2), None, name("a-b_0")));
	});
}

#[test]
fn refuses_a_name_another_twin_has() {
	run(|| {
		assert_ok!(TwinsPallet::create_twin(signed(1), None, name("taken")));
		assert_noop!(
			TwinsPallet::create_twin(signed(2), None, name("taken")),
			Error::<Test>::NameTaken
		);
	});
}

#[test]
fn refuses_an_account_that_cannot_hold_the_deposit() {
	run(|| {
		assert_noop!(new_twin(POOR), Error::<Test>::CannotHoldDeposit);
	});
}

#[test]
fn an_index_answer_leads_to_its_twin_or_to_nothing() {
	run(|| {
		assert_ok!(TwinsPallet::create_twin(signed(1), None, name("alice_1")));
		let (id, twin) = TwinsPallet::indexed_twin(TwinByAccount::<Test>::get(1)).unwrap();
		assert_eq!((id, twin.account, twin.name.unwrap().as_bytes()), (1, 1, &b"alice_1"[..]));
		assert_eq!(TwinsPallet::indexed_twin(TwinByAccount::<Test>::get(2)), None);
		assert_eq!(TwinsPallet::indexed_twin(Some(2)), None);
	});
}

#[test]
fn the_phonebook_counts_a_twins_holdings_not_its_memberships() {
	run(|| {
		assert_ok!(TwinsPallet::create_twin(signed(1), None, name("alice_1")));
		let twin = TwinByAccount::<Test>::get(1).unwrap();
		let registry_add = <TwinsPallet as TwinRegistry<AccountId>>::add_record;
		registry_add(twin, RecordKind::Farm, 7).unwrap();
		registry_add(twin, RecordKind::Membership, 3).unwrap();
		registry_add(twin, RecordKind::Membership, 4).unwrap();
		assert_eq!(Twins::<Test>::get(twin).unwrap().records, 3);
		// How many circles it is in would count private ones: the queries leave them out.
		let shown = TwinsPallet::shown_twin(twin).unwrap();
		assert_eq!((shown.records, shown.holdings, shown.last_record), (1, 1, 0));
		assert_eq!(Twins::<Test>::get(twin).unwrap().last_record, 3);
		assert_eq!(TwinsPallet::indexed_twin(Some(twin)).unwrap().1, shown);
		assert_eq!(TwinsPallet::twins_page(None, 10).items, vec![(twin, shown)]);
	});
}

#[test]
fn a_deposit_ticket_is_stored_as_the_amount_it_replaced() {
	run(|| {
		assert_ok!(TwinsPallet::create_twin(signed(1), None, None));
		let twin = Twins::<Test>::get(1).unwrap();
		// The layout before tickets held the amount where the ticket now is: the same bytes
		// read either way, so the records on chain needed no migration.
		let amount = Twin::<AccountId, Balance>::decode(&mut &twin.encode()[..]).unwrap();
		assert_eq!(amount.deposit, TWIN_DEPOSIT);
		assert_eq!(TwinOf::<Test>::decode(&mut &amount.encode()[..]).unwrap(), twin);
	});
}
