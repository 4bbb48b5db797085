//! Governance: the council (`pallet_collective`, its members kept by `pallet_membership`), the
//! validator set it manages, and the door from its motions to the root origin.
//!
//! Thresholds (docs/validators.md): three fifths of the council change the validator set and
//! the grid's certifications; four fifths change the council itself and dispatch any call as
//! root (a runtime upgrade, GRANDPA's `note_stalled`) — the council's membership takes the
//! same majority as root, or three fifths could vote the others out and act as root alone.
//! Root — the sudo key on the development chain and local testnet, nobody on a live network
//! launched without one — can do all of it.

use crate::{
	configs::{
		consensus::{HISTORY_DEPTH, MAX_VALIDATORS},
		RuntimeBlockWeights,
	},
	AccountId, BlockNumber, Council, Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin, DAYS,
};
use frame_support::{
	parameter_types,
	traits::{ConstU32, EitherOfDiverse},
	weights::Weight,
};
use frame_system::{EnsureNever, EnsureRoot};
use sp_runtime::Perbill;

/// The council's instance of `pallet_collective` and `pallet_membership`.
pub type CouncilInstance = pallet_collective::Instance1;

/// Root, or a motion of at least three fifths of the council: the chain's governance origin.
pub type CouncilOrRoot = EitherOfDiverse<
	EnsureRoot<AccountId>,
	pallet_collective::EnsureProportionAtLeast<AccountId, CouncilInstance, 3, 5>,
>;

/// Root, or a motion of at least four fifths of the council: what may act as root.
pub type CouncilSupermajorityOrRoot = EitherOfDiverse<
	EnsureRoot<AccountId>,
	pallet_collective::EnsureProportionAtLeast<AccountId, CouncilInstance, 4, 5>,
>;

/// How the council counts a member who did not vote when a motion is closed at the end of
/// its term: as a nay. (`pallet_collective`'s own choices count them as the prime member
/// voted, which would let one member pass a motion by proposing it and waiting.)
pub struct AbstentionIsNay;

impl pallet_collective::DefaultVote for AbstentionIsNay {
	fn default_vote(_prime: Option<bool>, _ayes: u32, _nays: u32, _members: u32) -> bool {
		false
	}
}

/// The largest council.
pub const MAX_COUNCIL: u32 = 16;

parameter_types! {
	/// A motion is open for three days; it closes earlier once its threshold is met.
	pub const MotionDuration: BlockNumber = 3 * DAYS;
	/// A motion may carry a call of at most half a block.
	pub MaxProposalWeight: Weight = Perbill::from_percent(50) * RuntimeBlockWeights::get().max_block;
}

impl pallet_collective::Config<CouncilInstance> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = MotionDuration;
	type MaxProposals = ConstU32<32>;
	type MaxMembers = ConstU32<MAX_COUNCIL>;
	/// A member who did not vote counts as a nay: silence never passes a motion.
	type DefaultVote = AbstentionIsNay;
	type WeightInfo = pallet_collective::weights::SubstrateWeight<Runtime>;
	/// Members change through `CouncilMembership` only, which keeps the two in step.
	type SetMembersOrigin = EnsureNever<()>;
	type MaxProposalWeight = MaxProposalWeight;
	type DisapproveOrigin = CouncilOrRoot;
	type KillOrigin = CouncilOrRoot;
	/// Only members propose; no deposit.
	type Consideration = ();
}

impl pallet_membership::Config<CouncilInstance> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AddOrigin = CouncilSupermajorityOrRoot;
	type RemoveOrigin = CouncilSupermajorityOrRoot;
	type SwapOrigin = CouncilSupermajorityOrRoot;
	type ResetOrigin = CouncilSupermajorityOrRoot;
	/// No prime member: with abstentions counted as nays, a prime would decide nothing.
	type PrimeOrigin = EnsureNever<AccountId>;
	type MembershipInitialized = Council;
	type MembershipChanged = Council;
	type MaxMembers = ConstU32<MAX_COUNCIL>;
	type WeightInfo = pallet_membership::weights::SubstrateWeight<Runtime>;
}

impl pallet_validator_set::Config for Runtime {
	type GovernanceOrigin = CouncilOrRoot;
	/// Equivocations are reported for GRANDPA's key.
	type Session = pallet_validator_set::SessionAdapter<Runtime, sp_consensus_grandpa::AuthorityId>;
	type MaxValidators = ConstU32<MAX_VALIDATORS>;
	type HistoryDepth = ConstU32<HISTORY_DEPTH>;
	type WeightInfo = pallet_validator_set::weights::SubstrateWeight<Runtime>;
}

impl pallet_governance::Config for Runtime {
	type RuntimeCall = RuntimeCall;
	type RootOrigin = CouncilSupermajorityOrRoot;
	type WeightInfo = pallet_governance::weights::SubstrateWeight<Runtime>;
}
