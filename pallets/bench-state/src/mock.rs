//! A runtime with System, Timestamp, Balances, the real twins, circles and grid pallets and
//! this one, with 32-byte accounts as on the chain, for the unit tests.

use crate as pallet_bench_state;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64},
};
use frame_system::EnsureRoot;
use pallet_grid::Resources;
use sp_runtime::{traits::IdentityLookup, AccountId32, BuildStorage};

type Block = frame_system::mocking::MockBlock<Test>;
pub type Balance = u64;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Timestamp: pallet_timestamp,
		Balances: pallet_balances,
		Twins: pallet_twins,
		Circles: pallet_circles,
		Grid: pallet_grid,
		BenchState: pallet_bench_state,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId32;
	type Lookup = IdentityLookup<AccountId32>;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_timestamp::config_preludes::TestDefaultConfig)]
impl pallet_timestamp::Config for Test {}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type Balance = Balance;
}

/// One gibibyte.
const GIB: u64 = 1 << 30;

parameter_types! {
	pub const MinResources: Resources = Resources { cores: 1, memory: 2 * GIB, ssd: 50 * GIB, hdd: 0 };
}

impl pallet_twins::Config for Test {
	type Currency = Balances;
	type TwinDeposit = ConstU64<10>;
	type EntityDeposit = ConstU64<10>;
	type MaxDepth = ConstU32<3>;
	type MaxChildren = ConstU32<8>;
	type MaxRecords = ConstU32<32>;
	type MaxEntitiesPerTwin = ConstU32<2>;
	type MaxTwinsPerEntity = ConstU32<2>;
	type OnDeleted = Circles;
	type WeightInfo = ();
}

impl pallet_circles::Config for Test {
	type Currency = Balances;
	type Twins = Twins;
	type CircleDeposit = ConstU64<5>;
	type MaxDepth = ConstU32<2>;
	type MaxMembers = ConstU32<8>;
	type PendingDeposit = ConstU64<1>;
	type MaxInvitations = ConstU32<8>;
	type MaxRequests = ConstU32<8>;
	type MaxRequestsPerAccount = ConstU32<2>;
	type MaxCirclesPerTwin = ConstU32<8>;
	type WeightInfo = ();
}

impl pallet_grid::Config for Test {
	type Currency = Balances;
	type Twins = Twins;
	type Time = Timestamp;
	type GovernanceOrigin = EnsureRoot<AccountId32>;
	type FarmDeposit = ConstU64<50>;
	type NodeDeposit = ConstU64<20>;
	type MaxFarmIps = ConstU32<4>;
	type MaxNodesPerFarm = ConstU32<8>;
	type MaxCertifiers = ConstU32<2>;
	type MinResources = MinResources;
	type WeightInfo = ();
}

impl pallet_bench_state::Config for Test {
	type Endowment = ConstU64<1_000>;
}

/// The state the bench state's genesis builds from `config`.
pub fn built(config: pallet_bench_state::GenesisConfig<Test>) -> sp_io::TestExternalities {
	let genesis = RuntimeGenesisConfig { bench_state: config, ..Default::default() };
	sp_io::TestExternalities::new(genesis.build_storage().expect("the genesis builds"))
}
