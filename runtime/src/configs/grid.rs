//! `pallet_grid`: farms and nodes.

use crate::{Balance, Balances, Runtime, Twins, UNITS};
use core::time::Duration;
use frame_support::{
	parameter_types,
	traits::{ConstU32, ConstantStoragePrice, UnixTime},
};
use pallet_grid::Resources;

/// The chain's time as the timestamp pallet keeps it, zero at genesis. The timestamp pallet's
/// own `UnixTime` logs an error each time it is read at genesis, which is right for a pallet
/// that needs a real time there; the grid only stamps a node's creation, and a node registered
/// at genesis (the benchmark chain registers 100,000) was created at time zero.
pub struct ChainTime;

impl UnixTime for ChainTime {
	fn now() -> Duration {
		Duration::from_millis(pallet_timestamp::Now::<Runtime>::get())
	}
}

/// One gibibyte.
const GIB: u64 = 1 << 30;

parameter_types! {
	/// A farm holds ten ZERO: farms are few, and a name unique on the chain is worth guarding
	/// against squatting. Released on deletion.
	pub const FarmDeposit: Balance = 10 * UNITS;
	/// A node holds one ZERO, like a twin. Released on deletion.
	pub const NodeDeposit: Balance = UNITS;
	/// The least a machine must have to run Zero OS workloads: one core, 2 GiB of memory and
	/// 50 GiB of SSD; HDD is optional.
	pub const MinResources: Resources =
		Resources { cores: 1, memory: 2 * GIB, ssd: 50 * GIB, hdd: 0 };
}

impl pallet_grid::Config for Runtime {
	type Currency = Balances;
	type Twins = Twins;
	type Time = ChainTime;
	/// Three fifths of the council, or root.
	type GovernanceOrigin = crate::configs::governance::CouncilOrRoot;
	type FarmDeposit = ConstantStoragePrice<FarmDeposit, Balance>;
	type NodeDeposit = ConstantStoragePrice<NodeDeposit, Balance>;
	/// A /24's worth of addresses.
	type MaxFarmIps = ConstU32<256>;
	/// A data centre's worth of machines; bigger operators run several farms.
	type MaxNodesPerFarm = ConstU32<4096>;
	type MaxCertifiers = ConstU32<32>;
	type MinResources = MinResources;
	type WeightInfo = pallet_grid::weights::SubstrateWeight<Runtime>;
}
