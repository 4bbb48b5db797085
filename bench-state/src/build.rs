//! The genesis build: the counts checked, then each record registered through the call a user
//! would make, from the account that would make it.

use crate::{fixture, BalanceOf, BenchCounts, Phonebook};
use codec::Decode;
use core::marker::PhantomData;
use frame_support::{
	traits::{fungible::Mutate, Get},
	BoundedVec,
};
use frame_system::RawOrigin;
use pallet_circles::{CircleVisibility, Rights, Role, RoleRights};
use pallet_twins::{key_message, KeyProof, PublicKey};
use sp_runtime::{traits::TrailingZeroInput, DispatchResult};
use zerochain_primitives::{Right, TwinId, TwinRegistry};

/// The counts of a genesis, checked, with what each account is given.
pub(crate) struct Counts<T: Phonebook> {
	/// Twins with an account of their own: ids `1..=top`.
	top: u32,
	farms: u32,
	nodes_per_farm: u32,
	circles: u32,
	members_per_circle: u32,
	endowment: BalanceOf<T>,
	_config: PhantomData<T>,
}

impl<T: Phonebook> Counts<T> {
	/// Checks that `config`'s counts make a state, panicking (so failing the genesis build)
	/// with what is wrong if not.
	pub(crate) fn new(config: &BenchCounts, endowment: BalanceOf<T>) -> Self {
		let node_twins = config
			.farms
			.checked_mul(config.nodes_per_farm)
			.expect("bench state: farms × nodes per farm overflows");
		let top = config
			.twins
			.checked_sub(node_twins)
			.expect("bench state: fewer twins than farms × nodes per farm");
		assert!(config.farms <= top, "bench state: more farms than top-level twins");
		assert!(config.farms <= fixture::MAX_FARMS, "bench state: more than 65,535 farms");
		assert!(
			config.circles == 0 || config.members_per_circle < top,
			"bench state: a circle's members must be other top-level twins than its owner"
		);
		assert!(
			config.nodes_per_farm <= <T as pallet_twins::Config>::MaxChildren::get(),
			"bench state: more nodes a farm than a twin may have child twins"
		);
		assert!(
			config.members_per_circle < <T as pallet_circles::Config>::MaxMembers::get(),
			"bench state: more members a circle than a circle may have"
		);
		// A top-level twin owns at most `circles / top` circles, rounded up, and is a member of
		// `members_per_circle` times as many.
		let circles_per_twin = u64::from(config.circles.div_ceil(top.max(1)))
			* (u64::from(config.members_per_circle) + 1);
		assert!(
			circles_per_twin <= u64::from(<T as pallet_circles::Config>::MaxCirclesPerTwin::get()),
			"bench state: more circles a twin than a twin may be in"
		);
		Self {
			top,
			farms: config.farms,
			nodes_per_farm: config.nodes_per_farm,
			circles: config.circles,
			members_per_circle: config.members_per_circle,
			endowment,
			_config: PhantomData,
		}
	}

	/// Registers the twins, then the farms and their nodes, then the circles.
	pub(crate) fn build(&self) {
		if self.top == 0 {
			return;
		}
		assert!(
			!<pallet_twins::Pallet<T> as TwinRegistry<T::AccountId>>::exists(1),
			"bench state: the phonebook must be empty at genesis"
		);
		for twin in 1..=self.top {
			register_twin::<T>(twin, self.endowment).expect("bench state: a twin registers");
		}
		for farm in 1..=self.farms {
			self.register_farm(farm).expect("bench state: a farm and its nodes register");
		}
		for circle in 1..=self.circles {
			self.register_circle(circle)
				.expect("bench state: a circle and its members register");
		}
		log::info!(
			target: "bench-state",
			"registered {} twins ({} top-level), {} farms of {} nodes, {} circles of {} members",
			self.top + self.farms * self.nodes_per_farm,
			self.top,
			self.farms,
			self.nodes_per_farm,
			self.circles,
			self.members_per_circle,
		);
	}

	/// Farm `farm`, owned by twin `farm`, and its nodes, each with a child twin of the owner.
	fn register_farm(&self, farm: u32) -> DispatchResult {
		let owner = account::<T>(farm);
		let ips = BoundedVec::truncate_from(std::vec![fixture::farm_ip(farm)]);
		pallet_grid::Pallet::<T>::create_farm(
			signed::<T>(&owner),
			farm,
			text(fixture::farm_name(farm)),
			false,
			ips,
		)?;
		for index in 0..self.nodes_per_farm {
			let twin = self.top + (farm - 1) * self.nodes_per_farm + index + 1;
			pallet_twins::Pallet::<T>::create_child_twin(
				signed::<T>(&owner),
				farm,
				Some(text(fixture::relay(twin))),
				Some(text(fixture::twin_name(twin))),
			)?;
			claim_key::<T>(&owner, twin)?;
			pallet_grid::Pallet::<T>::create_node(
				signed::<T>(&owner),
				farm,
				twin,
				fixture::node_spec(farm, index),
			)?;
		}
		Ok(())
	}

	/// Circle `circle`, public, owned by a top-level twin, with the top-level twins after the
	/// owner as members: each invited by the owner and accepting.
	fn register_circle(&self, circle: u32) -> DispatchResult {
		let owner = (circle - 1) % self.top + 1;
		let owner_account = account::<T>(owner);
		pallet_circles::Pallet::<T>::create_circle(
			signed::<T>(&owner_account),
			owner,
			text(fixture::circle_name(circle)),
			text(b"A circle of the bench state".to_vec()),
			None,
			CircleVisibility::Public,
			RoleRights {
				admin: Rights::ALL,
				member: Rights::of(&[Right::Read, Right::Write]),
				viewer: Rights::of(&[Right::Read]),
			},
		)?;
		for offset in 1..=self.members_per_circle {
			let member = (owner - 1 + offset) % self.top + 1;
			pallet_circles::Pallet::<T>::invite(
				signed::<T>(&owner_account),
				circle,
				owner,
				member,
				Role::Member,
			)?;
			pallet_circles::Pallet::<T>::accept_invitation(
				signed::<T>(&account::<T>(member)),
				circle,
				member,
			)?;
		}
		Ok(())
	}
}

/// Top-level twin `twin`: its account endowed, the twin created with a name and a relay, and
/// its key claimed.
fn register_twin<T: Phonebook>(twin: TwinId, endowment: BalanceOf<T>) -> DispatchResult {
	let who = account::<T>(twin);
	<T as pallet_twins::Config>::Currency::mint_into(&who, endowment)?;
	pallet_twins::Pallet::<T>::create_twin(
		signed::<T>(&who),
		Some(text(fixture::relay(twin))),
		Some(text(fixture::twin_name(twin))),
	)?;
	claim_key::<T>(&who, twin)
}

/// Claims `twin`'s ed25519 key for it, signed by the key as the call requires (over the
/// genesis hash's placeholder: see the crate doc).
fn claim_key<T: Phonebook>(who: &T::AccountId, twin: TwinId) -> DispatchResult {
	let key = fixture::TwinKey::of(twin);
	let message = key_message(&pallet_twins::Pallet::<T>::genesis_hash(), twin, who);
	pallet_twins::Pallet::<T>::set_public_key(
		signed::<T>(who),
		twin,
		Some(PublicKey::Ed25519(key.public())),
		Some(KeyProof::Ed25519(key.sign(&message))),
	)
}

/// The account that controls top-level twin `twin`.
fn account<T: Phonebook>(twin: TwinId) -> T::AccountId {
	T::AccountId::decode(&mut TrailingZeroInput::new(&fixture::account_seed(twin)))
		.expect("an account id decodes from any bytes padded with zeros")
}

/// `who`'s signed origin.
fn signed<T: Phonebook>(who: &T::AccountId) -> T::RuntimeOrigin {
	RawOrigin::Signed(who.clone()).into()
}

/// Bytes as a call's bounded input; the fixture's texts are all well within bounds.
fn text<S: frame_support::traits::Get<u32>>(bytes: std::vec::Vec<u8>) -> BoundedVec<u8, S> {
	BoundedVec::truncate_from(bytes)
}
