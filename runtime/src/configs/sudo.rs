//! `pallet_sudo`: the root origin held by one key, for bootstrapping only. The development
//! chain and the local testnet give it to Alice; a live network is launched without a key
//! and governed by its council (`docs/validators.md`).

use crate::{Runtime, RuntimeCall, RuntimeEvent};

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}
