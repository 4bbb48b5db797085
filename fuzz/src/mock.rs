//! The runtime the fuzzer drives: System, Timestamp, Balances and the real twins, circles and
//! grid pallets, wired as the chain wires them (the circles pallet hears of deleted twins),
//! with bounds small enough that the fuzzer reaches them often.

use frame_support::{
	derive_impl,
	traits::{ConstU32, ConstU64, ConstantStoragePrice},
};
use frame_system::EnsureRoot;

zerochain_test_utils::test_runtime! {
	Test {
		accounts: u64,
		balance: u64,
		pallets: {
			Timestamp: pallet_timestamp,
			Balances: pallet_balances,
			Twins: pallet_twins,
			Circles: pallet_circles,
			Grid: pallet_grid,
		},
	}
}

#[derive_impl(pallet_timestamp::config_preludes::TestDefaultConfig)]
impl pallet_timestamp::Config for Test {}

/// One gibibyte.
pub const GIB: u64 = 1 << 30;

/// The pallets' test configurations, with room for deeper trees and more records than their
/// own tests need, so that the fuzzer reaches other bounds than theirs, and smaller deposits,
/// so that what the poor account ([`POOR_FUNDS`]) can pay for runs out partway through.
#[derive_impl(pallet_twins::config_preludes::TestDefaultConfig)]
impl pallet_twins::Config for Test {
	type Currency = Balances;
	type EntityDeposit = ConstantStoragePrice<ConstU64<10>, Balance>;
	type MaxChildren = ConstU32<6>;
	type MaxRecords = ConstU32<16>;
	type MaxEntitiesPerTwin = ConstU32<2>;
	type OnDeleted = Circles;
}

#[derive_impl(pallet_circles::config_preludes::TestDefaultConfig)]
impl pallet_circles::Config for Test {
	type Currency = Balances;
	type Twins = Twins;
	type CircleDeposit = ConstantStoragePrice<ConstU64<5>, Balance>;
	type PendingDeposit = ConstantStoragePrice<ConstU64<1>, Balance>;
	type MaxMembers = ConstU32<5>;
	type MaxRequests = ConstU32<3>;
	type MaxCirclesPerTwin = ConstU32<6>;
}

#[derive_impl(pallet_grid::config_preludes::TestDefaultConfig)]
impl pallet_grid::Config for Test {
	type Currency = Balances;
	type Twins = Twins;
	type Time = Timestamp;
	type GovernanceOrigin = EnsureRoot<AccountId>;
	type MaxFarmIps = ConstU32<3>;
	type MaxNodesPerFarm = ConstU32<4>;
}

/// The accounts that act: well funded, but for the last, which can pay for little.
pub const ACCOUNTS: [AccountId; 6] = [1, 2, 3, 4, 5, 6];
/// What each acting account holds at genesis; the last holds [`POOR_FUNDS`].
pub const FUNDS: Balance = 100_000;
/// What the poor account holds: a twin's deposit and a little more.
pub const POOR_FUNDS: Balance = 25;

/// The genesis state: the accounts funded, nothing registered.
pub fn genesis() -> sp_io::TestExternalities {
	let funds = |account| if account == ACCOUNTS[ACCOUNTS.len() - 1] { POOR_FUNDS } else { FUNDS };
	at_block_one(endowed(ACCOUNTS.map(|account| (account, funds(account)))))
}
