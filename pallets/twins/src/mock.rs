//! A runtime with only System, Balances and this pallet, for the unit tests.

use crate as pallet_twins;
use frame_support::derive_impl;

zerochain_test_utils::test_runtime! {
	Test {
		accounts: u64,
		balance: u64,
		pallets: { Balances: pallet_balances, TwinsPallet: pallet_twins },
	}
}

/// The deposit of a twin in the tests (the pallet's test configuration).
pub const TWIN_DEPOSIT: Balance = 10;
/// The deposit of an entity in the tests (the pallet's test configuration).
pub const ENTITY_DEPOSIT: Balance = 20;
/// What each of the endowed accounts 1 to 9 holds at genesis.
pub const ENDOWMENT: Balance = 1_000;
/// An account with too little to hold a deposit.
pub const POOR: AccountId = 99;

#[derive_impl(pallet_twins::config_preludes::TestDefaultConfig)]
impl pallet_twins::Config for Test {
	type Currency = Balances;
}

/// State with accounts 1 to 9 endowed and `POOR` holding just above the existential deposit.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let balances = (1..=9).map(|account| (account, ENDOWMENT)).chain([(POOR, TWIN_DEPOSIT / 2)]);
	let mut ext = at_block_one(endowed(balances));
	ext.register_extension(sp_keystore::KeystoreExt::new(
		sp_keystore::testing::MemoryKeystore::new(),
	));
	ext
}

/// Runs `test` on fresh state, then checks every invariant of the pallet.
pub fn run(test: impl FnOnce()) {
	checked(new_test_ext(), test, TwinsPallet::do_try_state);
}
