//! # Bench state: a phonebook at scale, built at genesis
//!
//! How fast the phonebook answers depends on how much it holds, and a million twins take
//! hours to register as extrinsics. This crate builds such a state in minutes instead: a
//! handful of counts ([`BenchCounts`]: twins, farms, nodes per farm, circles, members per
//! circle) in the benchmark chain's spec, and [`build`] registers all of them, on top of the
//! runtime's own genesis, through the **same calls a user makes** (`create_twin`,
//! `set_public_key`, `create_farm`, `create_node`, `create_circle`, `invite`,
//! `accept_invitation`), with the deposits they hold, the indexes
//! they fill and the checks they pass. Nothing is written around the pallets: the state is one
//! that users could have made.
//!
//! It is no pallet, and the runtime every network runs does not hold it: the node runs it
//! natively, with the runtime's pallets compiled into the node, when it builds the genesis of a
//! spec whose `benchState` extension gives counts (`--chain bench`; node/src/bench_genesis.rs).
//! Every node that builds the same spec with the same binary builds the same state; a node of
//! another build may not, which a benchmark chain of one node does not mind, and a spec meant
//! to be shared is exported raw (`build-spec --raw`), state and all.
//!
//! One thing differs from a user's registration: a key claim signs the chain's genesis hash,
//! and while the genesis is built that hash is not known yet — the system pallet holds a
//! placeholder until block 1 — so the claims made here sign the placeholder. The proofs are
//! checked when the call is made and not kept, so the state is the same.
//!
//! ## What it registers
//! Everything is derived from its number, so that a client can find it again without a list
//! (the load generator's `--workload lookups` does): see [`fixture`].
//! - `twins − farms × nodes_per_farm` **top-level twins**, ids 1, 2, …, each controlled by
//!   its own account ([`fixture::account_seed`]), endowed with the endowment [`build`] is given, with a
//!   name, a relay and an ed25519 public key whose claim it signs with the key.
//! - **farms** 1, 2, …: farm `f` is owned by twin `f`, with one public IPv4 address.
//! - `nodes_per_farm` **nodes** in each farm, each with its own twin: a child twin of the
//!   farm's owner (ids after the top-level twins), with capacity, country and interfaces that
//!   vary, so that a search by country or capacity selects some and not others.
//! - **circles** 1, 2, …: circle `c` is public, owned by top-level twin `(c − 1) mod top + 1`,
//!   and its `members_per_circle` members are the top-level twins after its owner, each
//!   invited by the owner and accepting.
//!
//! Counts the state cannot hold (more farms than top-level twins, more nodes a farm than a
//! twin may have children, more circles a twin than it may be in) fail the genesis build with
//! a message saying which, and whatever else a pallet refuses fails it with that pallet's
//! error: a benchmark spec that is wrong must not start a chain.

pub mod fixture;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

mod build;

use frame_support::traits::fungible::Inspect;
use serde::{Deserialize, Serialize};

/// The pallets the state is registered in: a runtime with the phonebook's three pallets.
pub trait Phonebook: pallet_twins::Config + pallet_circles::Config + pallet_grid::Config {}

impl<T: pallet_twins::Config + pallet_circles::Config + pallet_grid::Config> Phonebook for T {}

/// A balance of the currency deposits are held in.
pub type BalanceOf<T> = <<T as pallet_twins::Config>::Currency as Inspect<
	<T as frame_system::Config>::AccountId,
>>::Balance;

/// The phonebook to register at genesis, as counts: the `benchState` of a chain spec.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BenchCounts {
	/// How many twins, node twins included.
	pub twins: u32,
	/// How many farms; each is owned by a top-level twin of its own.
	pub farms: u32,
	/// How many nodes each farm has.
	pub nodes_per_farm: u32,
	/// How many circles.
	pub circles: u32,
	/// How many members (besides its owner) each circle has.
	pub members_per_circle: u32,
}

impl BenchCounts {
	/// The benchmark chain's: a million twins, of which 100,000 are the nodes of 10,000 farms,
	/// and 100,000 public circles of five members each (docs/benchmarks.md).
	pub const MILLION_TWINS: BenchCounts = BenchCounts {
		twins: 1_000_000,
		farms: 10_000,
		nodes_per_farm: 10,
		circles: 100_000,
		members_per_circle: 5,
	};
}

/// Registers the phonebook `counts` describe in the externalities' state, each generated
/// account given `endowment` first. Panics, saying what is wrong, on counts that make no state
/// or on a call a pallet refuses: a benchmark spec that is wrong must not start a chain.
pub fn build<T: Phonebook>(counts: &BenchCounts, endowment: BalanceOf<T>) {
	build::Counts::<T>::new(counts, endowment).build();
}
