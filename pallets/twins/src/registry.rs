//! How other pallets meet the twins pallet: [`TwinRegistry`] in their `Config`, never this
//! pallet's storage.

use crate::{Config, Pallet, RecordId, RecordKind, TwinId, Twins};
use sp_runtime::{DispatchError, DispatchResult};

/// What another pallet does when a twin is deleted: forget what it keeps about the twin
/// without the twin's consent — invitations to it, offers made to it — so that nothing
/// outlives what it refers to. The twins pallet calls it from `delete_twin`; it must do a
/// bounded amount of work, at most [`OnTwinDeleted::weight`] (queueing the rest, say).
pub trait OnTwinDeleted {
	/// `twin` was deleted.
	fn on_twin_deleted(twin: TwinId);

	/// The most [`OnTwinDeleted::on_twin_deleted`] weighs.
	fn weight() -> frame_support::weights::Weight;
}

impl OnTwinDeleted for () {
	fn on_twin_deleted(_: TwinId) {}

	fn weight() -> frame_support::weights::Weight {
		frame_support::weights::Weight::zero()
	}
}

/// What other pallets need of the phonebook: whether a twin exists, whether an account may
/// act for it, and the record numbers of the records they keep for a twin.
pub trait TwinRegistry<AccountId> {
	/// Whether a twin with this id exists.
	fn exists(twin: TwinId) -> bool;

	/// Whether `who` controls `twin` or one of its ancestors.
	fn can_act_for(who: &AccountId, twin: TwinId) -> bool;

	/// Refuses, with the phonebook's own error (`TwinNotFound`), a twin that does not exist.
	fn ensure_exists(twin: TwinId) -> DispatchResult;

	/// The one permission question, asked one way by every pallet: refuses unless `twin`
	/// exists and `who` controls it or one of its ancestors, with the phonebook's own errors
	/// (`TwinNotFound`, `NotTwinController`).
	fn ensure_acts_for(who: &AccountId, twin: TwinId) -> DispatchResult;

	/// Refuses unless `twin` exists and `who` is the twin's own controller, not one of its
	/// ancestors': for what only the holder of the twin's key can tell, such as a machine's
	/// uptime, which its farmer (an ancestor) could otherwise report in its place.
	fn ensure_controls(who: &AccountId, twin: TwinId) -> DispatchResult;

	/// Hands out `twin`'s next record number for the record of `kind` with id `key`. While the
	/// record exists the twin cannot be deleted.
	fn add_record(twin: TwinId, kind: RecordKind, key: u32) -> Result<RecordId, DispatchError>;

	/// Gives back a record number when its record is deleted.
	fn remove_record(twin: TwinId, record: RecordId) -> DispatchResult;

	/// Creates a top-level twin controlled by `who`, funding `who` for its deposit if need
	/// be: the setup of other pallets' benchmarks.
	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_twin(who: &AccountId) -> Result<TwinId, DispatchError>;

	/// Creates a twin as deep below `who`'s top-level twin (created if need be) as twins
	/// nest, and hands it and every twin between to `controller`: `who` then acts for it only
	/// through its top-level twin, the worst case of [`TwinRegistry::can_act_for`] for other
	/// pallets' benchmarks.
	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_descendant(
		who: &AccountId,
		controller: &AccountId,
	) -> Result<TwinId, DispatchError>;
}

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
		use frame_support::traits::{
			fungible::{Inspect, Mutate},
			Get,
		};
		use sp_runtime::traits::Saturating;

		let needed = T::TwinDeposit::get().saturating_add(T::Currency::minimum_balance());
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
		let deposits = T::TwinDeposit::get()
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
