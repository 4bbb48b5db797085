//! The pallet's invariants, checked after every unit test and by `try-runtime`.

use crate::{Config, IdleSessions, MinValidators, Pallet, Validators};
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
	/// The set is never below its minimum, lists no one twice, and only its members have an
	/// idle count.
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
		Ok(())
	}
}
