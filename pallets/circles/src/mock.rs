//! A runtime with System, Balances, the real twins pallet and this pallet, for the unit tests.
//! Accounts 1 to 9 each control a top-level twin of the same number.

use crate as pallet_circles;
use frame_support::{
	derive_impl,
	traits::{ConstU32, ConstU64, ConstantStoragePrice},
};

zerochain_test_utils::test_runtime! {
	Test {
		accounts: u64,
		balance: u64,
		pallets: {
			Balances: pallet_balances,
			TwinsPallet: pallet_twins,
			CirclesPallet: pallet_circles,
		},
	}
}

/// The deposit of a circle in the tests (the pallet's test configuration).
pub const CIRCLE_DEPOSIT: Balance = 30;
/// The deposit of an invitation or a request in the tests (the pallet's test configuration).
pub const PENDING_DEPOSIT: Balance = 3;
/// What each of the endowed accounts 1 to 9 holds at genesis.
pub const ENDOWMENT: Balance = 1_000;
/// An account whose twin exists but who cannot pay a circle's deposit.
pub const POOR: AccountId = 99;
/// `POOR`'s twin, created after those of accounts 1 to 9.
pub const POOR_TWIN: zerochain_primitives::TwinId = 10;

/// Twins cheap enough for `POOR` to hold one, with room for many circles' records.
#[derive_impl(pallet_twins::config_preludes::TestDefaultConfig)]
impl pallet_twins::Config for Test {
	type Currency = Balances;
	type TwinDeposit = ConstantStoragePrice<ConstU64<1>, Balance>;
	type MaxRecords = ConstU32<20>;
	type OnDeleted = CirclesPallet;
}

#[derive_impl(pallet_circles::config_preludes::TestDefaultConfig)]
impl pallet_circles::Config for Test {
	type Currency = Balances;
	type Twins = TwinsPallet;
}

/// State where accounts 1 to 9 (and `POOR`) each control the twin of the same number.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let balances = (1..=9).map(|account| (account, ENDOWMENT)).chain([(POOR, 10)]);
	let mut ext = at_block_one(endowed(balances));
	ext.execute_with(|| {
		for account in (1..=9).chain([POOR]) {
			TwinsPallet::create_twin(RuntimeOrigin::signed(account), None, None).unwrap();
		}
	});
	ext
}

/// Runs `test` on fresh state, then checks every invariant of the pallet.
pub fn run(test: impl FnOnce()) {
	checked(new_test_ext(), test, CirclesPallet::do_try_state);
}
