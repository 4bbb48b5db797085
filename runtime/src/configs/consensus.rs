//! Time and consensus: `pallet_timestamp`, Aura (who authors which slot) and GRANDPA
//! (finality).

use crate::{Aura, Runtime, SLOT_DURATION};
use frame_support::traits::ConstU32;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_core::ConstU64;

/// The most validators the chain can have. A proof-of-authority set is small; 32 leaves room
/// to grow without a migration.
pub type MaxAuthorities = ConstU32<32>;

impl pallet_timestamp::Config for Runtime {
	type Moment = u64;
	type OnTimestampSet = Aura;
	/// Aura needs two blocks' timestamps to be at least a slot apart; timestamp's minimum
	/// period is half of that (it is checked against the slot).
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = ();
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = MaxAuthorities;
	/// One block per slot: a second block in the same slot is an equivocation.
	type AllowMultipleBlocksPerSlot = frame_support::traits::ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = crate::RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = MaxAuthorities;
	/// No staking, hence no nominators.
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	/// Equivocation reports need session history, which a fixed authority set lacks; they are
	/// not accepted (`()`), and misbehaving validators are removed by the root origin.
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}
