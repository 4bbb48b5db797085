//! Time and consensus: `pallet_timestamp`; Aura (who authors which slot) and GRANDPA
//! (finality), whose keys come from `pallet_session`; the session's validators from
//! `pallet_validator_set`; `pallet_authorship` (who authored, for liveness) and
//! `pallet_offences` (proven GRANDPA equivocations, their keys' owners proven from the
//! validator set's record of each session's keys).

use crate::{
	AccountId, Aura, Offences, Runtime, RuntimeCall, RuntimeEvent, Session, SessionKeys,
	UncheckedExtrinsic, ValidatorSet, DAYS, SLOT_DURATION,
};
use frame_support::{parameter_types, traits::ConstU32};
use pallet_session::PeriodicSessions;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_core::ConstU64;
use sp_runtime::traits::{ConvertInto, OpaqueKeys};

/// The most validators the chain can have. A proof-of-authority set is small; 32 leaves room
/// to grow without a migration. Aura's, GRANDPA's and the validator set's bound alike.
pub const MAX_VALIDATORS: u32 = 32;
/// [`MAX_VALIDATORS`] as a type.
pub type MaxAuthorities = ConstU32<MAX_VALIDATORS>;

/// How many past sessions' keys (and GRANDPA set ids) are kept: an equivocation can be proven
/// that long after it happened. A week of the live network's one-hour sessions.
pub const HISTORY_DEPTH: u32 = 168;

impl pallet_timestamp::Config for Runtime {
	type Moment = u64;
	type OnTimestampSet = Aura;
	/// Aura needs two blocks' timestamps to be at least a slot apart; timestamp's minimum
	/// period is half of that (it is checked against the slot).
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = crate::weights::pallet_timestamp::WeightInfo<Runtime>;
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	/// A validator disabled for equivocation may not author for the rest of its session.
	type DisabledValidators = Session;
	type MaxAuthorities = MaxAuthorities;
	/// One block per slot: a second block in the same slot is an equivocation.
	type AllowMultipleBlocksPerSlot = frame_support::traits::ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

parameter_types! {
	/// An equivocation report stays in the transaction pool for a day at most.
	pub const ReportLongevity: u64 = DAYS as u64;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = MaxAuthorities;
	/// No staking, hence no nominators.
	type MaxNominators = ConstU32<0>;
	/// Set ids are mapped to sessions for as long as sessions are kept.
	type MaxSetIdSessionEntries = ConstU64<{ HISTORY_DEPTH as u64 }>;
	/// An equivocation is proven against the keys of the session it happened in, as the
	/// validator set recorded them when it planned the session.
	type KeyOwnerProof = pallet_validator_set::KeyOwnerProof;
	type EquivocationReportSystem =
		pallet_grandpa::EquivocationReportSystem<Self, Offences, ValidatorSet, ReportLongevity>;
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// A validator is its account.
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	/// Sessions have the length the chain chose at genesis (`docs/validators.md`); the
	/// validator set's hook ends them, charged the rotation's measured weight, where this
	/// pallet would charge the session's first block whole.
	type ShouldEndSession = pallet_validator_set::EndedByValidatorSet;
	type NextSessionRotation =
		PeriodicSessions<pallet_validator_set::SessionLength<Runtime>, ConstU32<0>>;
	/// The validator set pallet plans each session, and records the keys queued for it.
	type SessionManager = ValidatorSet;
	type SessionHandler = <SessionKeys as OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	/// At most a third of the set can be disabled at once: the rest still finalises.
	type DisablingStrategy = pallet_session::disabling::UpToLimitDisablingStrategy;
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = crate::Balances;
	/// Any account may store session keys, admitted or not: the keys and their two unique
	/// owner indices cost what a twin does (a record with unique indices), held until the
	/// keys are purged. Replacing keys holds nothing more; the genesis validators' keys hold
	/// nothing.
	type KeyDeposit = frame_support::traits::ConstU128<{ crate::UNITS }>;
}

/// Refuses `Session.purge_keys` (`frame_system`'s call filter). A validator without keys is
/// skipped by the session pallet, so a member purging its keys would leave the set without
/// the validator set's minimum being asked; keys are replaced with `Session.set_keys` instead,
/// and a validator that leaves asks the council. Root is not filtered.
pub struct NoSessionKeyPurge;

impl frame_support::traits::Contains<RuntimeCall> for NoSessionKeyPurge {
	fn contains(call: &RuntimeCall) -> bool {
		!matches!(call, RuntimeCall::Session(pallet_session::Call::purge_keys { .. }))
	}
}

impl pallet_authorship::Config for Runtime {
	/// The author is the session validator whose Aura key sealed the slot.
	type FindAuthor = pallet_session::FindAccountFromAuthorIndex<Self, Aura>;
	/// The validator set counts who authored, for liveness.
	type EventHandler = ValidatorSet;
}

impl pallet_offences::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// A validator is identified by its account, with nothing further.
	type IdentificationTuple = (AccountId, ());
	/// The validator set disables and removes the offender.
	type OnOffenceHandler = ValidatorSet;
}

/// GRANDPA submits equivocation reports as unsigned transactions.
impl<LocalCall> frame_system::offchain::CreateTransactionBase<LocalCall> for Runtime
where
	RuntimeCall: From<LocalCall>,
{
	type Extrinsic = UncheckedExtrinsic;
	type RuntimeCall = RuntimeCall;
}

impl<LocalCall> frame_system::offchain::CreateBare<LocalCall> for Runtime
where
	RuntimeCall: From<LocalCall>,
{
	fn create_bare(call: RuntimeCall) -> UncheckedExtrinsic {
		UncheckedExtrinsic::new_bare(call)
	}
}
