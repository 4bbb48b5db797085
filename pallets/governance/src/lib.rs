//! # Governance pallet: the council's motions reach the root origin
//!
//! Some calls of polkadot-sdk's pallets accept only the root origin: a runtime upgrade
//! (`System.set_code`), GRANDPA's recovery from a stalled finality (`Grandpa.note_stalled`),
//! raw storage repairs. On a chain governed by a council rather than one sudo key, those calls
//! must still be reachable, and only by a decision of the council. [`Pallet::dispatch_as_root`]
//! is that door: it dispatches a call as root when the caller passes [`Config::RootOrigin`] —
//! in Zero Chain's runtime, a motion of four fifths of the council.
//!
//! Calls that have their own governance origin (the validator set, certification) do not need
//! this door: the council reaches them directly, with a lower threshold.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod weights;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

/// A door from a configurable origin, such as a council motion, to the root origin.
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::boxed::Box;
	use frame_support::{
		dispatch::{GetDispatchInfo, PostDispatchInfo},
		pallet_prelude::*,
		traits::UnfilteredDispatchable,
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::{Dispatchable, Hash};

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The runtime's calls, which a motion may carry.
		type RuntimeCall: Parameter
			+ Dispatchable<RuntimeOrigin = Self::RuntimeOrigin, PostInfo = PostDispatchInfo>
			+ UnfilteredDispatchable<RuntimeOrigin = Self::RuntimeOrigin>
			+ GetDispatchInfo;

		/// Who may dispatch a call as root.
		type RootOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A call was dispatched as root and succeeded.
		DispatchedAsRoot { call_hash: T::Hash },
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Dispatches `call` with the root origin. The call's own error, if it fails, is this
		/// call's error, so that the motion that carried it records why.
		#[pallet::call_index(0)]
		#[pallet::weight({
			let info = call.get_dispatch_info();
			(T::WeightInfo::dispatch_as_root().saturating_add(info.call_weight), info.class)
		})]
		pub fn dispatch_as_root(
			origin: OriginFor<T>,
			call: Box<<T as Config>::RuntimeCall>,
		) -> DispatchResultWithPostInfo {
			T::RootOrigin::ensure_origin(origin)?;
			let call_hash = T::Hashing::hash_of(&call);
			let overhead = T::WeightInfo::dispatch_as_root();
			let with_overhead = |info: PostDispatchInfo| PostDispatchInfo {
				actual_weight: info.actual_weight.map(|w| w.saturating_add(overhead)),
				pays_fee: info.pays_fee,
			};
			match call.dispatch_bypass_filter(frame_system::RawOrigin::Root.into()) {
				Ok(info) => {
					Self::deposit_event(Event::DispatchedAsRoot { call_hash });
					Ok(with_overhead(info))
				},
				Err(failure) => Err(sp_runtime::DispatchErrorWithPostInfo {
					post_info: with_overhead(failure.post_info),
					error: failure.error,
				}),
			}
		}
	}
}
