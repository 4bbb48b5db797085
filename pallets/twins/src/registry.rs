//! How other pallets meet the twins pallet: the phonebook's side of
//! [`zerochain_primitives::TwinRegistry`], which they name in their `Config`, never this
//! pallet's storage.

use crate::{Config, Pallet, Twins};
use sp_runtime::{DispatchError, DispatchResult};
use zerochain_primitives::{RecordId, RecordKind, TwinId, TwinRegistry};

impl<T: Config> TwinRegistry<T::AccountId> for Pallet<T> {
	fn exists(twin: TwinId) -> bool {
		Twins::<T>::contains_key(twin)
	}

	fn can_act_for(who: &T::AccountId, twin: TwinId) -> bool {
		Pallet::<T>::can_act_for(who, twin)
	}

	fn ensure_exists(twin: TwinId) -> DispatchResult {
		frame_support::ensure!(Twins::<T>::contains_key(twin), crate::Error::<T>::TwinNotFound);
		Ok(())
	}

	fn ensure_acts_for(who: &T::AccountId, twin: TwinId) -> DispatchResult {
		Pallet::<T>::twin_for(who, twin)?;
		Ok(())
	}

	fn ensure_controls(who: &T::AccountId, twin: TwinId) -> DispatchResult {
		let record = Twins::<T>::get(twin).ok_or(crate::Error::<T>::TwinNotFound)?;
		frame_support::ensure!(&record.account == who, crate::Error::<T>::NotTwinController);
		Ok(())
	}

	fn add_record(twin: TwinId, kind: RecordKind, key: u32) -> Result<RecordId, DispatchError> {
		Pallet::<T>::do_add_record(twin, kind, key)
	}

	fn remove_record(twin: TwinId, record: RecordId) -> DispatchResult {
		Pallet::<T>::do_remove_record(twin, record)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_twin(who: &T::AccountId) -> Result<TwinId, DispatchError> {
		use crate::TwinByAccount;
		use frame_support::traits::fungible::{Inspect, Mutate};
		use sp_runtime::traits::Saturating;

		let needed = Pallet::<T>::twin_deposit().saturating_add(T::Currency::minimum_balance());
		if T::Currency::balance(who) < needed {
			T::Currency::set_balance(who, needed);
		}
		let origin = frame_system::RawOrigin::Signed(who.clone()).into();
		Pallet::<T>::create_twin(origin, None, None)?;
		TwinByAccount::<T>::get(who).ok_or(DispatchError::Other("the twin was not created"))
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_descendant(
		who: &T::AccountId,
		controller: &T::AccountId,
	) -> Result<TwinId, DispatchError> {
		use crate::{LastTwinId, TwinByAccount};
		use frame_support::traits::{
			fungible::{Inspect, Mutate},
			Get,
		};
		use sp_runtime::traits::Saturating;

		let mut twin = match TwinByAccount::<T>::get(who) {
			Some(twin) => twin,
			None => Self::benchmark_twin(who)?,
		};
		let depth = T::MaxDepth::get();
		let deposits = Pallet::<T>::twin_deposit()
			.saturating_mul(depth.saturating_add(1).into())
			.saturating_add(T::Currency::minimum_balance());
		T::Currency::set_balance(who, T::Currency::balance(who).saturating_add(deposits));
		T::Currency::set_balance(
			controller,
			T::Currency::balance(controller).saturating_add(deposits),
		);
		let signed = |account: &T::AccountId| frame_system::RawOrigin::Signed(account.clone());
		for _ in 0..depth {
			Pallet::<T>::create_child_twin(signed(who).into(), twin, None, None)?;
			twin = LastTwinId::<T>::get();
			Pallet::<T>::request_transfer(signed(who).into(), twin, controller.clone())?;
			let parent = Twins::<T>::get(twin).and_then(|record| record.parent).map(|l| l.twin);
			Pallet::<T>::accept_transfer(signed(controller).into(), twin, parent)
				.map_err(|e| e.error)?;
		}
		Ok(twin)
	}
}
