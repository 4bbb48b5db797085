//! `pallet_grid`: farms and nodes.

use crate::{Balance, Balances, Runtime, Timestamp, Twins, UNITS};
use frame_support::{parameter_types, traits::ConstU32};
use pallet_grid::Resources;

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
	type Time = Timestamp;
	/// Three fifths of the council, or root.
	type GovernanceOrigin = crate::configs::governance::CouncilOrRoot;
	type FarmDeposit = FarmDeposit;
	type NodeDeposit = NodeDeposit;
	/// A /24's worth of addresses.
	type MaxFarmIps = ConstU32<256>;
	/// A data centre's worth of machines; bigger operators run several farms.
	type MaxNodesPerFarm = ConstU32<4096>;
	type MaxCertifiers = ConstU32<32>;
	type MinResources = MinResources;
	type WeightInfo = pallet_grid::weights::SubstrateWeight<Runtime>;
}
