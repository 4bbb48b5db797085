//! Benchmarks of every call, each in its worst case: a set one short of full (admission scans
//! it all) or full and at its minimum plus one (removal scans it all).

use super::*;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, Get};

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

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
