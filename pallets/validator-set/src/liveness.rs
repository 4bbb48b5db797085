//! Liveness: who authored in each session, and dropping validators that stopped.

use crate::{
	Config, Event, IdleSessions, MaxIdleSessions, MinValidators, Pallet, SessionAuthors,
	SessionControl, SetChanged, Validators, LOG_TARGET,
};
use alloc::vec::Vec;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_staking::SessionIndex;

/// `pallet_authorship` calls this with each block's author.
impl<T: Config> pallet_authorship::EventHandler<T::AccountId, BlockNumberFor<T>> for Pallet<T> {
	fn note_author(author: T::AccountId) {
		let mut authors = SessionAuthors::<T>::get();
		if !authors.contains(&author) {
			// Only the active set authors, and it is never larger than the bound.
			let _ = authors.try_push(author);
			SessionAuthors::<T>::put(authors);
		}
	}
}

impl<T: Config> Pallet<T> {
	/// Counts the ending session against each of its validators that authored nothing in it,
	/// and clears the count of those that did.
	pub(crate) fn note_session_end(_end_index: SessionIndex) {
		let authors = SessionAuthors::<T>::take();
		let members = Validators::<T>::get();
		for validator in T::Session::active_validators() {
			if authors.contains(&validator) {
				IdleSessions::<T>::remove(&validator);
			} else if members.contains(&validator) {
				IdleSessions::<T>::mutate(&validator, |idle| *idle = idle.saturating_add(1));
			}
		}
	}

	/// Drops the validators idle for [`MaxIdleSessions`] or more, within the limits of
	/// [`idle_to_drop`], as the set planned for session `index`.
	pub(crate) fn drop_idle(index: SessionIndex) {
		let threshold = MaxIdleSessions::<T>::get();
		if threshold == 0 {
			return;
		}
		let validators = Validators::<T>::get();
		let idle: Vec<SessionIndex> = validators.iter().map(IdleSessions::<T>::get).collect();
		let dropped = idle_to_drop(&idle, threshold, MinValidators::<T>::get());
		if dropped.is_empty() {
			return;
		}
		let mut kept = validators.clone();
		kept.retain(|v| !dropped.iter().any(|&i| &validators[i] == v));
		for &i in &dropped {
			let who = validators[i].clone();
			log::warn!(target: LOG_TARGET, "dropping {who:?}: idle for {} sessions", idle[i]);
			IdleSessions::<T>::remove(&who);
			Self::deposit_event(Event::ValidatorDropped {
				who,
				idle_sessions: idle[i],
				effective_session: index,
			});
		}
		Validators::<T>::put(kept);
		SetChanged::<T>::put(true);
	}
}

/// Which validators to drop, by position, given each one's consecutive idle sessions.
///
/// The candidates are those idle for `threshold` sessions or more, longest idle first. As many
/// are dropped as the set can lose and keep `min` validators — but none at all if the
/// validators left, known to be live (idle for zero sessions), would not be enough for
/// GRANDPA to finalise (more than two thirds of them): a set that cannot finalise without its
/// idle members is left for governance to mend.
pub fn idle_to_drop(idle: &[SessionIndex], threshold: SessionIndex, min: u32) -> Vec<usize> {
	let mut candidates: Vec<usize> = (0..idle.len()).filter(|&i| idle[i] >= threshold).collect();
	candidates.sort_by_key(|&i| core::cmp::Reverse(idle[i]));
	candidates.truncate(idle.len().saturating_sub(min as usize));
	let remaining = idle.len() - candidates.len();
	let live = idle.iter().filter(|&&sessions| sessions == 0).count();
	if live < grandpa_supermajority(remaining) {
		return Vec::new();
	}
	candidates.sort_unstable();
	candidates
}

/// The fewest votes of `voters` that GRANDPA finalises with: more than two thirds.
pub fn grandpa_supermajority(voters: usize) -> usize {
	voters - voters.saturating_sub(1) / 3
}
