//! # Bench-state pallet: a phonebook at scale, built at genesis
//!
//! How fast the phonebook answers depends on how much it holds, and a million twins take
//! hours to register as extrinsics. This pallet builds such a state in minutes instead: its
//! genesis configuration is a handful of counts — twins, farms, nodes per farm, circles,
//! members per circle — and building the genesis registers all of them through the **same
//! calls a user makes** (`create_twin`, `set_public_key`, `create_farm`, `create_node`,
//! `create_circle`, `invite`, `accept_invitation`), with the deposits they hold, the indexes
//! they fill and the checks they pass. Nothing is written around the pallets: the state is one
//! that users could have made.
//!
//! It has no calls and no storage of its own (only the storage version every pallet writes),
//! and with its counts at zero (every preset but `bench`) its genesis does nothing: it only
//! costs the chain a few lines of metadata.
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
//!   its own account ([`fixture::account_seed`]), endowed with [`Config::Endowment`], with a
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

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod fixture;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

mod build;

pub use pallet::*;

#[frame_support::pallet]
pub mod pallet {
	use core::marker::PhantomData;
	use frame_support::{pallet_prelude::*, traits::fungible::Inspect};

	/// A balance of the currency deposits are held in.
	pub type BalanceOf<T> = <<T as pallet_twins::Config>::Currency as Inspect<
		<T as frame_system::Config>::AccountId,
	>>::Balance;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config:
		frame_system::Config + pallet_twins::Config + pallet_circles::Config + pallet_grid::Config
	{
		/// What each generated account is given at genesis: enough for every deposit it holds
		/// (its twin, its farm and its nodes' twins and nodes, its circles and invitations).
		#[pallet::constant]
		type Endowment: Get<BalanceOf<Self>>;
	}

	/// The phonebook to register at genesis, as counts.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
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
		#[serde(skip)]
		pub _config: PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			crate::build::Counts::<T>::new(self).build();
		}
	}
}
