//! `pallet_circles`: groups of twins with roles and rights.

use crate::{Balance, Balances, Runtime, Twins, UNITS};
use frame_support::{
	parameter_types,
	traits::{ConstU32, ConstantStoragePrice},
};

parameter_types! {
	/// A circle holds a tenth of a ZERO: a circle is cheaper than a twin, since its size is
	/// bounded by the limits below, and it is released on deletion.
	pub const CircleDeposit: Balance = UNITS / 10;
	/// An invitation or a request to join holds a hundredth of a ZERO on whoever makes it,
	/// until it is answered or withdrawn: pending entries are free to the twin they concern,
	/// so their maker pays for the room they take.
	pub const PendingDeposit: Balance = UNITS / 100;
}

impl pallet_circles::Config for Runtime {
	type Currency = Balances;
	type Twins = Twins;
	type CircleDeposit = ConstantStoragePrice<CircleDeposit, Balance>;
	/// A circle, its sub-circles, theirs and theirs.
	type MaxDepth = ConstU32<3>;
	/// Enough for a company's department or a large family; bigger groups nest.
	type MaxMembers = ConstU32<256>;
	type PendingDeposit = ConstantStoragePrice<PendingDeposit, Balance>;
	/// Invitations and requests have their own bounds, so that requests from throwaway twins
	/// never keep a circle from inviting.
	type MaxInvitations = ConstU32<64>;
	type MaxRequests = ConstU32<64>;
	/// Two at a time per account: filling the 64 slots takes 32 funded accounts, each with its
	/// own twin, and a circle's managers turn requests down one by one (`remove`).
	type MaxRequestsPerAccount = ConstU32<2>;
	type MaxCirclesPerTwin = ConstU32<256>;
	type WeightInfo = pallet_circles::weights::SubstrateWeight<Runtime>;
}
