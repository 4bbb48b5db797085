//! Unit tests: registry.

use super::*;

#[test]
fn records_resolve_by_two_numbers_and_numbers_are_not_reused() {
	run(|| {
		let twin = twin_of(1);
		let first =
			<TwinsPallet as TwinRegistry<AccountId>>::add_record(twin, RecordKind::Circle, 7)
				.unwrap();
		let second =
			<TwinsPallet as TwinRegistry<AccountId>>::add_record(twin, RecordKind::Farm, 3)
				.unwrap();
		assert_eq!((first, second), (1, 2));
		assert_eq!(
			Records::<Test>::get(twin, 2),
			Some(RecordRef { kind: RecordKind::Farm, key: 3 })
		);
		assert_ok!(<TwinsPallet as TwinRegistry<AccountId>>::remove_record(twin, first));
		assert_eq!(
			<TwinsPallet as TwinRegistry<AccountId>>::add_record(twin, RecordKind::Node, 1),
			Ok(3)
		);
		assert_noop!(
			<TwinsPallet as TwinRegistry<AccountId>>::remove_record(twin, first),
			Error::<Test>::RecordNotFound
		);
		assert_noop!(
			<TwinsPallet as TwinRegistry<AccountId>>::add_record(42, RecordKind::Node, 1),
			Error::<Test>::TwinNotFound
		);
	});
}

#[test]
fn answers_who_may_act_for_a_twin() {
	run(|| {
		let (_, child) = family(1);
		assert!(<TwinsPallet as TwinRegistry<AccountId>>::exists(child));
		assert!(!<TwinsPallet as TwinRegistry<AccountId>>::exists(42));
		assert!(<TwinsPallet as TwinRegistry<AccountId>>::can_act_for(&1, child));
		assert!(!<TwinsPallet as TwinRegistry<AccountId>>::can_act_for(&2, child));
		assert!(!<TwinsPallet as TwinRegistry<AccountId>>::can_act_for(&1, 42));
	});
}
