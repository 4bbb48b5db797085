//! How this pallet meets `pallet_session`: the [`SessionControl`] it needs, and the
//! `SessionManager` it is.

use crate::{Config, Pallet, SetChanged, Validators, LOG_TARGET};
use alloc::vec::Vec;
use frame_support::traits::Get;
use sp_runtime::Perbill;
use sp_staking::{offence::OffenceSeverity, SessionIndex};

/// What this pallet needs of the session pallet.
pub trait SessionControl<AccountId> {
	/// The ongoing session's index.
	fn current_session() -> SessionIndex;
	/// The validators of the ongoing session, in authoring order.
	fn active_validators() -> Vec<AccountId>;
	/// Whether `who` has registered session keys (`Session.set_keys`).
	fn has_keys(who: &AccountId) -> bool;
	/// Stops `who` from authoring for the rest of the ongoing session, if the session
	/// pallet's disabling strategy allows.
	fn disable(who: &AccountId);
	/// Forgets the validator sets of the sessions before `index`: equivocations in them can no
	/// longer be proven.
	fn prune_history_before(index: SessionIndex);
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

	fn disable(who: &T::AccountId) {
		pallet_session::Pallet::<T>::report_offence(who.clone(), OffenceSeverity(Perbill::one()));
	}

	fn prune_history_before(index: SessionIndex) {
		pallet_session::historical::Pallet::<T>::prune_up_to(index);
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn register_keys(who: &T::AccountId) {
		use codec::{Decode, Encode};
		use pallet_session::SessionInterface;
		// Keys derived from the account, so that two accounts never share one.
		let seed = who.encode();
		let keys = T::Keys::decode(&mut sp_runtime::traits::TrailingZeroInput::new(&seed))
			.expect("session keys decode from any input padded with zeroes");
		<pallet_session::Pallet<T> as SessionInterface>::set_keys(who, keys)
			.expect("the benchmark's keys are unique to its account");
	}
}

impl<T: Config> Pallet<T> {
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
