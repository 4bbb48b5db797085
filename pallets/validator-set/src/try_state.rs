//! The pallet's invariants, checked after every unit test and by `try-runtime`.

use crate::{
	Config, IdleSessions, KeySets, MinValidators, Pallet, SessionControl, SessionKeySet, Validators,
};
use frame_support::traits::Get;
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
	/// The set is never below its minimum, lists no one twice, and only its members have an
	/// idle count. Every session of the history has its keys recorded, and nothing outside it.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let validators = Validators::<T>::get();
		if (validators.len() as u32) < MinValidators::<T>::get() {
			return Err("the validator set is below its minimum".into());
		}
		let mut sorted = validators.clone().into_inner();
		sorted.sort();
		sorted.dedup();
		if sorted.len() != validators.len() {
			return Err("a validator is listed twice".into());
		}
		if IdleSessions::<T>::iter_keys().any(|who| !validators.contains(&who)) {
			return Err("an account outside the set has an idle count".into());
		}
		Self::check_key_history()
	}

	/// The sessions from the oldest of the history to the planned one (the ongoing one's
	/// next) each point at a recorded list of keys; no other session is recorded, and no
	/// list without a session pointing at it.
	fn check_key_history() -> Result<(), TryRuntimeError> {
		let planned = T::Session::current_session() + 1;
		let oldest = planned.saturating_sub(T::HistoryDepth::get());
		for session in oldest..=planned {
			if Self::keys_in(session).is_none() {
				return Err("a session of the history has no keys recorded".into());
			}
		}
		if SessionKeySet::<T>::iter_keys().any(|session| session < oldest || session > planned) {
			return Err("a session outside the history has keys recorded".into());
		}
		let mut firsts: alloc::vec::Vec<_> = SessionKeySet::<T>::iter_values().collect();
		firsts.sort();
		firsts.dedup();
		if KeySets::<T>::iter_keys().count() != firsts.len() {
			return Err("a list of keys outlived every session that used it".into());
		}
		Ok(())
	}
}
