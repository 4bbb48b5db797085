//! # Validator set pallet: who validates Zero Chain, decided on chain
//!
//! Zero Chain is a proof-of-authority chain: a known set of validators author blocks with
//! Aura and finalise them with GRANDPA. This pallet keeps that set and hands it to
//! `pallet_session` as its [`pallet_session::SessionManager`]; the session pallet in turn
//! gives each session's validators' keys to Aura and GRANDPA.
//!
//! ## Changing the set
//! The governance origin (the council, or root) admits a validator with
//! [`Pallet::add_validator`] once the validator has registered its session keys
//! (`Session.set_keys`), and removes one with [`Pallet::remove_validator`]. A change made
//! during session `n` is planned at the end of session `n` and takes effect when session
//! `n + 2` starts: the session pallet queues each set one session ahead, so that every
//! validator knows its keys will be needed before they are. The events name that session.
//! Until then a removed validator keeps authoring and voting: it is still in the active set.
//!
//! ## Liveness
//! `pallet_authorship` tells this pallet who authored each block. A validator that authored
//! nothing in [`MaxIdleSessions`] consecutive sessions in which it was active is dropped at
//! the next session change ([`Event::ValidatorDropped`]) — but never below
//! [`MinValidators`], and never so that fewer than two thirds of the remaining validators are
//! known to be live (authored in their last active session). A dropped validator comes back
//! only by governance.
//!
//! ## Equivocation
//! `pallet_offences` reports a validator proven to have equivocated (GRANDPA votes). The proof
//! that the key was a validator's is checked against this pallet's record of the keys each
//! session used ([`KeySets`], kept for [`Config::HistoryDepth`] sessions), so a validator that
//! registers new keys and then votes twice with its old ones, still in use for two sessions, is
//! proven all the same ([`key_owners`]). The offender is disabled at once for the rest
//! of the session (`pallet_session`'s disabling strategy decides, up to a third of the set)
//! and removed from the set like [`Pallet::remove_validator`] would, unless that would leave
//! fewer than [`MinValidators`], in which case it is kept and [`Event::OffenderKept`] asks
//! governance to act.
//!
//! ## Sessions
//! This pallet also ends the sessions, every `session_blocks` blocks (a genesis choice), from
//! its `on_initialize`; the session pallet's own `ShouldEndSession` is [`EndedByValidatorSet`],
//! which never ends one. The session pallet charges a session change it makes itself the whole
//! block's weight, so the block that starts a session would carry no transaction; here the
//! rotation is charged what it measured (`rotate_session`, a full set's worth).
//!
//! ## Bounds
//! The set holds at most [`Config::MaxValidators`]; the minimum, the idle threshold and the
//! session length are chosen per chain in its genesis (see `docs/validators.md`).

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use key_owners::{KeyOf, KeyOwnerProof};
pub use pallet::*;
pub use session::{EndedByValidatorSet, SessionAdapter, SessionControl};
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod key_owners;
mod liveness;
mod offences;
mod session;
#[cfg(any(feature = "try-runtime", test))]
mod try_state;
pub mod weights;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

const LOG_TARGET: &str = "runtime::validator-set";

/// The reads and writes of a session change that its benchmark cannot reach, charged beside
/// its figure — a generous bound: GRANDPA scheduling the new set (its pending change, set id,
/// stall flag and the oldest set id's session: four writes) and enacting it at the block's end
/// (the change read and removed, the authorities written), and the oldest session's keys
/// forgotten once a chain is older than its history (two reads and two writes). A forced change
/// after a stall (root's `Grandpa.note_stalled`) adds one read and one write of its own,
/// within the bound's slack.
pub const UNMEASURED_ROTATION_ACCESSES: (u64, u64) = (3, 8);

/// The validator set of a proof-of-authority chain, changed by governance, by liveness and by
/// proven equivocation, always at a session boundary and never below its minimum.
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use sp_staking::SessionIndex;

	/// The validators as stored: in the order they author in.
	pub type ValidatorsOf<T> =
		BoundedVec<<T as frame_system::Config>::AccountId, <T as Config>::MaxValidators>;

	/// A session's validators that had keys, with the key equivocations are proven for.
	pub type KeySetOf<T> = BoundedVec<
		(<T as frame_system::Config>::AccountId, KeyOf<T>),
		<T as Config>::MaxValidators,
	>;

	/// The storage layout's version; bump it with a migration.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Who admits and removes validators.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The session pallet: the active set, registered keys, disabling and history.
		type Session: SessionControl<Self::AccountId>;

		/// The most validators the set holds. The consensus pallets' own bound
		/// (`MaxAuthorities`) must be at least this.
		#[pallet::constant]
		type MaxValidators: Get<u32>;

		/// How many past sessions' keys are kept ([`KeySets`]), so that an equivocation can be
		/// proven up to that many sessions after it happened.
		#[pallet::constant]
		type HistoryDepth: Get<SessionIndex>;

		/// The weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// The validators of the next planned session, in authoring order.
	#[pallet::storage]
	pub type Validators<T: Config> = StorageValue<_, ValidatorsOf<T>, ValueQuery>;

	/// Whether [`Validators`] changed since the session pallet last planned a session: the
	/// session pallet is handed a new set (and GRANDPA schedules a set change) only then.
	#[pallet::storage]
	pub type SetChanged<T: Config> = StorageValue<_, bool, ValueQuery>;

	/// The fewest validators the set may have; set at genesis.
	#[pallet::storage]
	pub type MinValidators<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// How many consecutive active sessions without a block get a validator dropped; zero
	/// turns dropping off. Set at genesis.
	#[pallet::storage]
	pub type MaxIdleSessions<T: Config> = StorageValue<_, SessionIndex, ValueQuery>;

	/// The length of a session in blocks; set at genesis. This pallet ends a session every
	/// that many blocks; the session pallet's estimate of the next rotation reads it through
	/// [`SessionLength`].
	#[pallet::storage]
	pub type SessionBlocks<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	/// The validators that authored at least one block in the ongoing session.
	#[pallet::storage]
	pub type SessionAuthors<T: Config> = StorageValue<_, ValidatorsOf<T>, ValueQuery>;

	/// For each validator of the set, how many consecutive sessions it was active in without
	/// authoring a block. Absent means zero.
	#[pallet::storage]
	pub type IdleSessions<T: Config> =
		StorageMap<_, Twox64Concat, T::AccountId, SessionIndex, ValueQuery>;

	/// The keys of sessions' validators ([`KeySetOf`]), under the first session that used
	/// them: consecutive sessions with the same keys share one list.
	#[pallet::storage]
	pub type KeySets<T: Config> = StorageMap<_, Twox64Concat, SessionIndex, KeySetOf<T>>;

	/// For each session of the history, the ongoing and the planned one included, the first
	/// session of its keys in [`KeySets`].
	#[pallet::storage]
	pub type SessionKeySet<T: Config> = StorageMap<_, Twox64Concat, SessionIndex, SessionIndex>;

	/// The validator set at genesis, and the chain's choices for it.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The first validators, in authoring order. Each needs session keys in the session
		/// pallet's genesis.
		pub validators: Vec<T::AccountId>,
		/// The fewest validators the set may have: at least one, at most the genesis set.
		pub min_validators: u32,
		/// Consecutive active sessions without a block before a validator is dropped; zero
		/// turns dropping off.
		pub max_idle_sessions: SessionIndex,
		/// The length of a session in blocks, at least one.
		pub session_blocks: BlockNumberFor<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			let mut unique = self.validators.clone();
			unique.sort();
			unique.dedup();
			assert_eq!(unique.len(), self.validators.len(), "a genesis validator is listed twice");
			let validators = ValidatorsOf::<T>::try_from(self.validators.clone())
				.expect("the genesis set is within MaxValidators");
			// The default, empty configuration builds too (for tooling); a chain with
			// validators must have chosen a minimum and a session length.
			if !validators.is_empty() {
				assert!(
					self.min_validators >= 1 && self.min_validators as usize <= validators.len(),
					"min_validators is between one and the size of the genesis set",
				);
				assert!(!self.session_blocks.is_zero(), "a session lasts at least one block");
			}
			Validators::<T>::put(validators);
			MinValidators::<T>::put(self.min_validators);
			MaxIdleSessions::<T>::put(self.max_idle_sessions);
			SessionBlocks::<T>::put(self.session_blocks);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// Governance admitted a validator; it validates from `effective_session` on.
		ValidatorAdded { who: T::AccountId, effective_session: SessionIndex },
		/// Governance removed a validator; it validates until `effective_session` starts.
		ValidatorRemoved { who: T::AccountId, effective_session: SessionIndex },
		/// A validator authored nothing in `idle_sessions` consecutive active sessions and was
		/// dropped; it validates until `effective_session` starts.
		ValidatorDropped {
			who: T::AccountId,
			idle_sessions: SessionIndex,
			effective_session: SessionIndex,
		},
		/// A validator proven to have equivocated in `offence_session` was disabled and
		/// removed; it is out of the set from `effective_session` on.
		OffenderRemoved {
			who: T::AccountId,
			offence_session: SessionIndex,
			effective_session: SessionIndex,
		},
		/// A validator proven to have equivocated was disabled but kept in the set, because
		/// removing it would leave fewer than the minimum: governance must act.
		OffenderKept { who: T::AccountId, offence_session: SessionIndex },
		/// An account outside the set deleted its session keys, and their deposit went back.
		KeysWithdrawn { who: T::AccountId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is already in the validator set.
		AlreadyValidator,
		/// The account is not in the validator set.
		NotValidator,
		/// The set is full (`MaxValidators`).
		TooManyValidators,
		/// Removing the validator would leave fewer than the minimum.
		TooFewValidators,
		/// The account has no session keys: it must call `Session.set_keys` first, or it
		/// could not author or vote once admitted.
		NoSessionKeys,
		/// A member of the set keeps its session keys (it replaces them with
		/// `Session.set_keys`): without them the set would lose a validator nobody removed.
		/// Ask governance to remove it first.
		StillValidator,
		/// The account validates the ongoing session or the next, planned before it left: its
		/// keys are in use until then. Try again once its `effective_session` has started.
		StillValidating,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Admits `who` to the validator set, from the start of the second session after
		/// this one. `who` must have registered its session keys.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::add_validator())]
		pub fn add_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let mut validators = Validators::<T>::get();
			ensure!(!validators.contains(&who), Error::<T>::AlreadyValidator);
			ensure!(T::Session::key_of(&who).is_some(), Error::<T>::NoSessionKeys);
			validators.try_push(who.clone()).map_err(|_| Error::<T>::TooManyValidators)?;
			Validators::<T>::put(validators);
			IdleSessions::<T>::remove(&who);
			SetChanged::<T>::put(true);
			Self::deposit_event(Event::ValidatorAdded {
				who,
				effective_session: Self::effective_session(),
			});
			Ok(())
		}

		/// Removes `who` from the validator set; it validates until the start of the second
		/// session after this one. The set never shrinks below its minimum.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_validator())]
		pub fn remove_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_remove(&who)?;
			Self::deposit_event(Event::ValidatorRemoved {
				who,
				effective_session: Self::effective_session(),
			});
			Ok(())
		}

		/// Deletes the caller's session keys and releases their deposit: for an account that
		/// registered keys and was not admitted, or has left the set. The runtime refuses
		/// `Session.purge_keys` to everyone, since a member without keys would leave the set
		/// without governance asking; this call refuses members, and a removed validator until
		/// its last session has ended (its node still votes with them).
		#[pallet::call_index(2)]
		#[pallet::weight(
			T::WeightInfo::withdraw_keys().saturating_add(T::DbWeight::get().reads_writes(2, 2))
		)]
		pub fn withdraw_keys(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(!Validators::<T>::get().contains(&who), Error::<T>::StillValidator);
			ensure!(!T::Session::in_session(&who), Error::<T>::StillValidating);
			T::Session::purge_keys(&who)?;
			Self::deposit_event(Event::KeysWithdrawn { who });
			Ok(())
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Ends the session every [`SessionBlocks`] blocks, in place of `pallet_session`'s own
		/// hook (the runtime gives it [`EndedByValidatorSet`]), and charges the rotation's
		/// measured weight where the session pallet would take the whole block.
		///
		/// Also charges for noting the block's author, which `pallet_authorship` does in its
		/// own `on_initialize` without charging: a read of [`SessionAuthors`], and a write the
		/// first time a validator authors in a session.
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			let noting_author = T::DbWeight::get().reads_writes(1, 1);
			let rotation =
				if Self::rotate_if_due(now) {
					T::WeightInfo::rotate_session().saturating_add(T::DbWeight::get().reads_writes(
						UNMEASURED_ROTATION_ACCESSES.0,
						UNMEASURED_ROTATION_ACCESSES.1,
					))
				} else {
					T::DbWeight::get().reads(1)
				};
			noting_author.saturating_add(rotation)
		}

		/// The key record forgets one session per session, the one just out of the history:
		/// a history of none would forget the ongoing session's keys as it is planned.
		/// (Changing the depth on a live chain needs a migration of [`SessionKeySet`].)
		fn integrity_test() {
			assert!(T::HistoryDepth::get() >= 1, "HistoryDepth keeps at least one session");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	impl<T: Config> Pallet<T> {
		/// The session from which a change made now applies: the session pallet has already
		/// planned the next one.
		pub fn effective_session() -> SessionIndex {
			T::Session::current_session().saturating_add(2)
		}

		/// Takes `who` out of the set, unless it is not in it or the set is at its minimum.
		pub(crate) fn do_remove(who: &T::AccountId) -> DispatchResult {
			let mut validators = Validators::<T>::get();
			let position =
				validators.iter().position(|v| v == who).ok_or(Error::<T>::NotValidator)?;
			ensure!(
				validators.len() as u32 > MinValidators::<T>::get(),
				Error::<T>::TooFewValidators
			);
			validators.remove(position);
			Validators::<T>::put(validators);
			IdleSessions::<T>::remove(who);
			SetChanged::<T>::put(true);
			Ok(())
		}
	}
}

/// The session length the chain chose at genesis, for `pallet_session::PeriodicSessions`
/// (the session pallet's estimate of the next rotation) and this pallet's hook.
pub struct SessionLength<T>(core::marker::PhantomData<T>);

impl<T: Config> frame_support::traits::Get<frame_system::pallet_prelude::BlockNumberFor<T>>
	for SessionLength<T>
{
	/// At least one block, even before genesis is built: a zero period would make
	/// `PeriodicSessions` divide by zero.
	fn get() -> frame_system::pallet_prelude::BlockNumberFor<T> {
		SessionBlocks::<T>::get().max(sp_runtime::traits::One::one())
	}
}
