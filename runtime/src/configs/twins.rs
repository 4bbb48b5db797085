//! `pallet_twins`: the phonebook.

use crate::{Balance, Balances, Runtime, UNITS};
use frame_support::{
	parameter_types,
	traits::{ConstU32, ConstantStoragePrice},
};

parameter_types! {
	/// A twin holds one ZERO: enough that a million squatted names cost a million ZERO, little
	/// enough that anyone registers without thinking twice. Released on deletion.
	pub const TwinDeposit: Balance = UNITS;
	/// An entity holds one ZERO, for the same reason.
	pub const EntityDeposit: Balance = UNITS;
}

impl pallet_twins::Config for Runtime {
	type Currency = Balances;
	/// Deposits are flat: each kind of record has a bounded size, so its price is set per
	/// kind (here and in the circles and grid pallets), held as a ticket in the record.
	type TwinDeposit = ConstantStoragePrice<TwinDeposit, Balance>;
	type EntityDeposit = ConstantStoragePrice<EntityDeposit, Balance>;
	/// A company, its departments, their teams, their people, their devices.
	type MaxDepth = ConstU32<4>;
	type MaxChildren = ConstU32<256>;
	/// Child twins, circles, farms and nodes together.
	type MaxRecords = ConstU32<4096>;
	type MaxEntitiesPerTwin = ConstU32<16>;
	type MaxTwinsPerEntity = ConstU32<1024>;
	/// Circles forgets the invitations, requests and offers that concern a deleted twin.
	type OnDeleted = crate::Circles;
	type WeightInfo = pallet_twins::weights::SubstrateWeight<Runtime>;
}
