//! Benchmarks of every call, each in its worst case: a set one short of full (admission scans
//! it all) or full and at its minimum plus one (removal scans it all); and of the session
//! rotation this pallet's hook makes, from a full set to a full changed one.

use super::*;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, Get};
use frame_system::RawOrigin;

/// A set of `size` benchmark validators, with the minimum at one.
fn fill<T: Config>(size: u32) -> Vec<T::AccountId> {
	let validators: Vec<T::AccountId> = (0..size).map(|i| account("validator", i, 0)).collect();
	Validators::<T>::put(ValidatorsOf::<T>::truncate_from(validators.clone()));
	MinValidators::<T>::put(1);
	validators
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn add_validator() -> Result<(), BenchmarkError> {
		fill::<T>(T::MaxValidators::get() - 1);
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let newcomer: T::AccountId = account("newcomer", 0, 0);
		T::Session::register_keys(&newcomer);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, newcomer.clone());

		assert_eq!(Validators::<T>::get().last(), Some(&newcomer));
		Ok(())
	}

	#[benchmark]
	fn remove_validator() -> Result<(), BenchmarkError> {
		let validators = fill::<T>(T::MaxValidators::get());
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let leaving = validators.last().expect("the set is full").clone();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, leaving.clone());

		assert!(!Validators::<T>::get().contains(&leaving));
		Ok(())
	}

	/// From an account outside a full set (the membership check reads it whole). The keys are
	/// registered as the session pallet's external interface registers them, without a
	/// deposit: the call's weight adds the release of the deposit's hold.
	#[benchmark]
	fn withdraw_keys() {
		fill::<T>(T::MaxValidators::get());
		let leaving: T::AccountId = account("leaving", 0, 0);
		T::Session::register_keys(&leaving);

		#[extrinsic_call]
		_(RawOrigin::Signed(leaving.clone()));

		assert!(T::Session::key_of(&leaving).is_none());
	}

	/// A session change in its worst case: a full set active that authored nothing, below the
	/// idle threshold (each member's idle count read and written, nobody dropped), a changed
	/// set starting (new authorities for the consensus pallets) and a full set planned after a
	/// governance change, all 32 members' keys loaded and recorded as a new list (the previous
	/// session's, in the other order, read and compared first). (In the runtime, GRANDPA still holds
	/// the change the set-up's second rotation scheduled, which the end of a block would have
	/// enacted, so it refuses the measured one as pending; that and forgetting the oldest
	/// session's keys, which a chain this young does not reach, are charged beside the figure:
	/// [`crate::UNMEASURED_ROTATION_ACCESSES`].)
	#[benchmark]
	fn rotate_session() {
		let validators = fill::<T>(T::MaxValidators::get());
		for validator in &validators {
			T::Session::register_keys(validator);
		}
		// Two rotations, nobody dropped, make the full set the active one, and plan it in
		// reverse order: the measured rotation hands Aura a changed set of authorities.
		MaxIdleSessions::<T>::put(0);
		SetChanged::<T>::put(true);
		T::Session::rotate();
		let reversed: Vec<T::AccountId> = validators.iter().rev().cloned().collect();
		Validators::<T>::put(ValidatorsOf::<T>::truncate_from(reversed.clone()));
		SetChanged::<T>::put(true);
		T::Session::rotate();
		assert_eq!(T::Session::active_validators(), validators);
		// Nobody authored; one idle session is below the threshold of two. The measured
		// rotation plans the set in its first order again: a list of keys unlike the
		// previous session's, so recorded anew.
		MaxIdleSessions::<T>::put(2);
		Validators::<T>::put(ValidatorsOf::<T>::truncate_from(validators.clone()));
		SetChanged::<T>::put(true);
		let session = T::Session::current_session();
		let now = SessionLength::<T>::get();

		#[block]
		{
			assert!(Pallet::<T>::rotate_if_due(now));
		}

		assert_eq!(T::Session::current_session(), session + 1);
		assert_eq!(T::Session::active_validators(), reversed);
		assert_eq!(Validators::<T>::get().len(), validators.len(), "nobody is dropped");
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
