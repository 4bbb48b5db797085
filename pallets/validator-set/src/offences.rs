//! Proven equivocations, reported by `pallet_offences`: the offender is disabled and removed.

use crate::{Config, Error, Event, Pallet, SessionControl, Validators, LOG_TARGET};
use frame_support::{traits::Get, weights::Weight};
use sp_runtime::{DispatchError, Perbill};
use sp_staking::{
	offence::{OffenceDetails, OnOffenceHandler},
	SessionIndex,
};

impl<T: Config> OnOffenceHandler<T::AccountId, (T::AccountId, ()), Weight> for Pallet<T> {
	/// `offenders` lists every offender of the offence so far, including ones reported
	/// before: removing is idempotent, and one already out of the set is left alone.
	fn on_offence(
		offenders: &[OffenceDetails<T::AccountId, (T::AccountId, ())>],
		_slash_fraction: &[Perbill],
		session: SessionIndex,
	) -> Weight {
		let db = T::DbWeight::get();
		let mut weight = Weight::zero();
		for OffenceDetails { offender: (who, ()), .. } in offenders {
			T::Session::disable(who);
			// The disabling (session's validators and disabled list) and the set.
			weight.saturating_accrue(db.reads_writes(3, 1));
			if !Validators::<T>::get().contains(who) {
				continue;
			}
			match Self::do_remove(who) {
				Ok(()) => {
					log::warn!(target: LOG_TARGET, "removing {who:?}: equivocated in session {session}");
					Self::deposit_event(Event::OffenderRemoved {
						who: who.clone(),
						offence_session: session,
						effective_session: Self::effective_session(),
					});
					weight.saturating_accrue(db.reads_writes(2, 3));
				},
				Err(error) => {
					debug_assert_eq!(error, DispatchError::from(Error::<T>::TooFewValidators));
					log::error!(target: LOG_TARGET, "keeping {who:?}, who equivocated: the set is at its minimum");
					Self::deposit_event(Event::OffenderKept {
						who: who.clone(),
						offence_session: session,
					});
				},
			}
		}
		weight
	}
}
