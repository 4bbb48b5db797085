//! How this pallet meets `pallet_session`: the [`SessionControl`] it needs, the
//! `SessionManager` it is, and the `ShouldEndSession` ([`EndedByValidatorSet`]) that leaves
//! ending sessions to it.

use crate::{Config, Pallet, SessionLength, SetChanged, Validators, LOG_TARGET};
use alloc::vec::Vec;
use frame_support::traits::Get;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{traits::Zero, DispatchResult, Perbill};
use sp_staking::{offence::OffenceSeverity, SessionIndex};

/// What this pallet needs of the session pallet.
pub trait SessionControl<AccountId> {
	/// The ongoing session's index.
	fn current_session() -> SessionIndex;
	/// The validators of the ongoing session, in authoring order.
	fn active_validators() -> Vec<AccountId>;
	/// Whether `who` has registered session keys (`Session.set_keys`).
	fn has_keys(who: &AccountId) -> bool;
	/// Whether `who` validates the ongoing session or is queued for the next: its keys must
	/// stay, or its equivocations in them could no longer be proven.
	fn in_session(who: &AccountId) -> bool;
	/// Stops `who` from authoring for the rest of the ongoing session, if the session
	/// pallet's disabling strategy allows.
	fn disable(who: &AccountId);
	/// Ends the ongoing session and starts the next, telling the consensus pallets and this
	/// pallet (as the session manager).
	fn rotate();
	/// Forgets the validator sets of the sessions before `index`: equivocations in them can no
	/// longer be proven.
	fn prune_history_before(index: SessionIndex);
	/// Deletes `who`'s session keys and releases their deposit, as `Session.purge_keys`
	/// would (which the runtime's call filter refuses to everyone).
	fn purge_keys(who: &AccountId) -> DispatchResult;
	/// Registers session keys for `who`, for the benchmarks.
	#[cfg(feature = "runtime-benchmarks")]
	fn register_keys(who: &AccountId);
}

/// [`SessionControl`] over `pallet_session` and its `historical` module, whose validator id is
/// the account id.
pub struct SessionAdapter<T>(core::marker::PhantomData<T>);

impl<T> SessionControl<T::AccountId> for SessionAdapter<T>
where
	T: pallet_session::historical::Config<ValidatorId = <T as frame_system::Config>::AccountId>,
{
	fn current_session() -> SessionIndex {
		pallet_session::Pallet::<T>::current_index()
	}

	fn active_validators() -> Vec<T::AccountId> {
		pallet_session::Pallet::<T>::validators()
	}

	fn has_keys(who: &T::AccountId) -> bool {
		pallet_session::Pallet::<T>::load_keys(who).is_some()
	}

	fn in_session(who: &T::AccountId) -> bool {
		pallet_session::Pallet::<T>::validators().contains(who)
			|| pallet_session::Pallet::<T>::queued_keys()
				.iter()
				.any(|(queued, _)| queued == who)
	}

	fn disable(who: &T::AccountId) {
		pallet_session::Pallet::<T>::report_offence(who.clone(), OffenceSeverity(Perbill::one()));
	}

	fn rotate() {
		pallet_session::Pallet::<T>::rotate_session();
	}

	fn prune_history_before(index: SessionIndex) {
		pallet_session::historical::Pallet::<T>::prune_up_to(index);
	}

	fn purge_keys(who: &T::AccountId) -> DispatchResult {
		pallet_session::Pallet::<T>::purge_keys(frame_system::RawOrigin::Signed(who.clone()).into())
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn register_keys(who: &T::AccountId) {
		use codec::{Decode, Encode};
		use pallet_session::SessionInterface;
		use sp_runtime::traits::OpaqueKeys;
		// Every key is the account's bytes, so that two accounts never share one.
		let seed = who.encode().repeat(T::Keys::key_ids().len());
		let keys = T::Keys::decode(&mut sp_runtime::traits::TrailingZeroInput::new(&seed))
			.expect("session keys decode from any input padded with zeroes");
		<pallet_session::Pallet<T> as SessionInterface>::set_keys(who, keys)
			.expect("the benchmark's keys are unique to its account");
	}
}

/// `pallet_session`'s `ShouldEndSession` when this pallet ends the sessions: never. The
/// session pallet charges a session it ends itself the whole block's weight, so the block that
/// starts a session could carry no transaction; this pallet ends them at the same blocks from its
/// own hook (`on_initialize`), charged the rotation's measured weight.
pub struct EndedByValidatorSet;

impl<BlockNumber> pallet_session::ShouldEndSession<BlockNumber> for EndedByValidatorSet {
	fn should_end_session(_now: BlockNumber) -> bool {
		false
	}
}

impl<T: Config> Pallet<T> {
	/// Ends the ongoing session if block `now` is the first of a new one: every
	/// [`SessionBlocks`](crate::SessionBlocks) blocks, counted from genesis.
	pub(crate) fn rotate_if_due(now: BlockNumberFor<T>) -> bool {
		let due = (now % SessionLength::<T>::get()).is_zero();
		if due {
			T::Session::rotate();
		}
		due
	}

	/// The set the session pallet should plan for session `index`, if it changed.
	fn plan(index: SessionIndex) -> Option<Vec<T::AccountId>> {
		Self::drop_idle(index);
		let history_start = index.saturating_sub(T::HistoryDepth::get());
		if history_start > 0 {
			T::Session::prune_history_before(history_start);
		}
		if !SetChanged::<T>::take() {
			return None;
		}
		let validators = Validators::<T>::get().into_inner();
		log::info!(target: LOG_TARGET, "session {index} will have {} validators", validators.len());
		Some(validators)
	}
}

impl<T: Config> pallet_session::SessionManager<T::AccountId> for Pallet<T> {
	fn new_session(new_index: SessionIndex) -> Option<Vec<T::AccountId>> {
		Self::plan(new_index)
	}

	/// Sessions 0 and 1 both have the genesis set.
	fn new_session_genesis(_new_index: SessionIndex) -> Option<Vec<T::AccountId>> {
		SetChanged::<T>::kill();
		Some(Validators::<T>::get().into_inner())
	}

	fn end_session(end_index: SessionIndex) {
		Self::note_session_end(end_index);
	}

	fn start_session(_start_index: SessionIndex) {}
}

/// The historical module wants each validator's full identification with the set; a
/// proof-of-authority validator has nothing beyond its account.
impl<T: Config> pallet_session::historical::SessionManager<T::AccountId, ()> for Pallet<T> {
	fn new_session(new_index: SessionIndex) -> Option<Vec<(T::AccountId, ())>> {
		Self::plan(new_index).map(|set| set.into_iter().map(|v| (v, ())).collect())
	}

	fn new_session_genesis(new_index: SessionIndex) -> Option<Vec<(T::AccountId, ())>> {
		<Self as pallet_session::SessionManager<_>>::new_session_genesis(new_index)
			.map(|set| set.into_iter().map(|v| (v, ())).collect())
	}

	fn end_session(end_index: SessionIndex) {
		Self::note_session_end(end_index);
	}

	fn start_session(_start_index: SessionIndex) {}
}
