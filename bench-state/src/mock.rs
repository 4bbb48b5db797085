//! A runtime with System, Timestamp, Balances and the real twins, circles and grid pallets,
//! with 32-byte accounts as on the chain, for the unit tests.

use frame_support::{derive_impl, traits::ConstU32};
use frame_system::EnsureRoot;
use sp_runtime::{AccountId32, BuildStorage};

zerochain_test_utils::test_runtime! {
	Test {
		accounts: AccountId32,
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

/// The pallets' test configurations, with room for farms of eight nodes and circles of eight
/// members.
#[derive_impl(pallet_twins::config_preludes::TestDefaultConfig)]
impl pallet_twins::Config for Test {
	type Currency = Balances;
	type MaxChildren = ConstU32<8>;
	type MaxRecords = ConstU32<32>;
	type OnDeleted = Circles;
}

#[derive_impl(pallet_circles::config_preludes::TestDefaultConfig)]
impl pallet_circles::Config for Test {
	type Currency = Balances;
	type Twins = Twins;
	type MaxMembers = ConstU32<8>;
	type MaxInvitations = ConstU32<8>;
	type MaxRequests = ConstU32<8>;
	type MaxRequestsPerAccount = ConstU32<2>;
	type MaxCirclesPerTwin = ConstU32<8>;
}

#[derive_impl(pallet_grid::config_preludes::TestDefaultConfig)]
impl pallet_grid::Config for Test {
	type Currency = Balances;
	type Twins = Twins;
	type Time = Timestamp;
	type GovernanceOrigin = EnsureRoot<AccountId32>;
	type MaxNodesPerFarm = ConstU32<8>;
}

/// What each generated account is given in the tests.
pub const ENDOWMENT: Balance = 1_000;

/// The state [`crate::build`] makes of `counts` on an empty genesis.
pub fn built(counts: crate::BenchCounts) -> sp_io::TestExternalities {
	let genesis = RuntimeGenesisConfig::default().build_storage().expect("the genesis builds");
	let mut ext = sp_io::TestExternalities::new(genesis);
	ext.execute_with(|| crate::build::<Test>(&counts, ENDOWMENT));
	ext
}
