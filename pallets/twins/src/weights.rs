//! Weights of the twins pallet's calls.
//!
//! These are estimates from each call's storage accesses plus a compute allowance, to be
//! replaced by the figures that `benchmarking.rs` measures once the node is built with
//! `runtime-benchmarks` (the command is in `docs/benchmarks.md`). Their reads and writes are
//! counted from the code: each twin, index, record and hold touched.

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// The weight of each call of this pallet.
pub trait WeightInfo {
	fn create_twin() -> Weight;
	fn create_child_twin() -> Weight;
	fn set_relay() -> Weight;
	fn set_public_key() -> Weight;
	fn set_name() -> Weight;
	fn set_visibility() -> Weight;
	fn delete_twin(e: u32) -> Weight;
	fn request_transfer() -> Weight;
	fn accept_transfer() -> Weight;
	fn cancel_transfer() -> Weight;
	fn create_entity() -> Weight;
	fn delete_entity() -> Weight;
	fn link_entity() -> Weight;
	fn unlink_entity() -> Weight;
}

/// Compute allowance of a call that only moves records around: 50 µs.
const BASE: u64 = 50_000_000;
/// Compute allowance of a signature check: 100 µs.
const VERIFY: u64 = 100_000_000;

/// The weights for a runtime whose database is RocksDB (`T` is the runtime).
pub struct SubstrateWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn create_twin() -> Weight {
		// Reads: account index, key index, name index, last id, hold. Writes: those and the twin.
		Weight::from_parts(BASE, 0).saturating_add(T::DbWeight::get().reads_writes(6, 6))
	}
	fn create_child_twin() -> Weight {
		// The ancestors (up to the depth), the parent's record, the indices, the hold.
		Weight::from_parts(BASE, 0).saturating_add(T::DbWeight::get().reads_writes(12, 8))
	}
	fn set_relay() -> Weight {
		Weight::from_parts(BASE, 0).saturating_add(T::DbWeight::get().reads_writes(5, 1))
	}
	fn set_public_key() -> Weight {
		Weight::from_parts(BASE, 0).saturating_add(T::DbWeight::get().reads_writes(6, 3))
	}
	fn set_name() -> Weight {
		Weight::from_parts(BASE, 0).saturating_add(T::DbWeight::get().reads_writes(6, 3))
	}
	fn set_visibility() -> Weight {
		Weight::from_parts(BASE, 0).saturating_add(T::DbWeight::get().reads_writes(5, 1))
	}
	fn delete_twin(e: u32) -> Weight {
		Weight::from_parts(BASE, 0)
			.saturating_add(T::DbWeight::get().reads_writes(10, 10))
			.saturating_add(T::DbWeight::get().reads_writes(2, 3).saturating_mul(e.into()))
	}
	fn request_transfer() -> Weight {
		Weight::from_parts(BASE, 0).saturating_add(T::DbWeight::get().reads_writes(7, 1))
	}
	fn accept_transfer() -> Weight {
		Weight::from_parts(BASE, 0).saturating_add(T::DbWeight::get().reads_writes(6, 7))
	}
	fn cancel_transfer() -> Weight {
		Weight::from_parts(BASE, 0).saturating_add(T::DbWeight::get().reads_writes(6, 1))
	}
	fn create_entity() -> Weight {
		Weight::from_parts(BASE, 0).saturating_add(T::DbWeight::get().reads_writes(3, 4))
	}
	fn delete_entity() -> Weight {
		Weight::from_parts(BASE, 0).saturating_add(T::DbWeight::get().reads_writes(3, 3))
	}
	fn link_entity() -> Weight {
		Weight::from_parts(BASE + VERIFY, 0).saturating_add(T::DbWeight::get().reads_writes(7, 4))
	}
	fn unlink_entity() -> Weight {
		Weight::from_parts(BASE, 0).saturating_add(T::DbWeight::get().reads_writes(8, 4))
	}
}

/// The same estimates on RocksDB, for tests and mocks.
impl WeightInfo for () {
	fn create_twin() -> Weight {
		Weight::from_parts(BASE, 0).saturating_add(RocksDbWeight::get().reads_writes(6, 6))
	}
	fn create_child_twin() -> Weight {
		Weight::from_parts(BASE, 0).saturating_add(RocksDbWeight::get().reads_writes(12, 8))
	}
	fn set_relay() -> Weight {
		Weight::from_parts(BASE, 0).saturating_add(RocksDbWeight::get().reads_writes(5, 1))
	}
	fn set_public_key() -> Weight {
		Weight::from_parts(BASE, 0).saturating_add(RocksDbWeight::get().reads_writes(6, 3))
	}
	fn set_name() -> Weight {
		Weight::from_parts(BASE, 0).saturating_add(RocksDbWeight::get().reads_writes(6, 3))
	}
	fn set_visibility() -> Weight {
		Weight::from_parts(BASE, 0).saturating_add(RocksDbWeight::get().reads_writes(5, 1))
	}
	fn delete_twin(e: u32) -> Weight {
		Weight::from_parts(BASE, 0)
			.saturating_add(RocksDbWeight::get().reads_writes(10, 10))
			.saturating_add(RocksDbWeight::get().reads_writes(2, 3).saturating_mul(e.into()))
	}
	fn request_transfer() -> Weight {
		Weight::from_parts(BASE, 0).saturating_add(RocksDbWeight::get().reads_writes(7, 1))
	}
	fn accept_transfer() -> Weight {
		Weight::from_parts(BASE, 0).saturating_add(RocksDbWeight::get().reads_writes(6, 7))
	}
	fn cancel_transfer() -> Weight {
		Weight::from_parts(BASE, 0).saturating_add(RocksDbWeight::get().reads_writes(6, 1))
	}
	fn create_entity() -> Weight {
		Weight::from_parts(BASE, 0).saturating_add(RocksDbWeight::get().reads_writes(3, 4))
	}
	fn delete_entity() -> Weight {
		Weight::from_parts(BASE, 0).saturating_add(RocksDbWeight::get().reads_writes(3, 3))
	}
	fn link_entity() -> Weight {
		Weight::from_parts(BASE + VERIFY, 0).saturating_add(RocksDbWeight::get().reads_writes(7, 4))
	}
	fn unlink_entity() -> Weight {
		Weight::from_parts(BASE, 0).saturating_add(RocksDbWeight::get().reads_writes(8, 4))
	}
}
