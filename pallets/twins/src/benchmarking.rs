//! Benchmarks of every call, each in its worst case: the twin acted on sits at the deepest
//! level, and every ancestor between it and the caller's twin is controlled by someone else,
//! so that the permission check walks the whole chain.

use super::*;
use crate::pallet::BalanceOf;
use alloc::vec;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{
		fungible::{Inspect, Mutate},
		Get,
	},
	BoundedVec,
};
use frame_system::RawOrigin;
use sp_core::{crypto::KeyTypeId, sr25519};

/// What a browser wallet signs for `message`: the longest form the chain checks, and the one
/// it checks second, so that signing it makes a benchmark verify twice — the worst case.
fn wallet_wrapped(message: &[u8]) -> alloc::vec::Vec<u8> {
	[b"<Bytes>", message, b"</Bytes>"].concat()
}
use sp_runtime::traits::Saturating;
use zerochain_primitives::text::{MAX_NAME_LEN, MAX_TEXT_LEN};

/// The key type the benchmarks' entity keys are generated under.
const ENTITY_KEY_TYPE: KeyTypeId = KeyTypeId(*b"ztwn");

fn fund<T: Config>(who: &T::AccountId) {
	let deposits = Pallet::<T>::twin_deposit().saturating_add(Pallet::<T>::entity_deposit());
	let amount = deposits
		.saturating_mul(BalanceOf::<T>::from(1_000u32))
		.saturating_add(T::Currency::minimum_balance());
	T::Currency::set_balance(who, amount);
}

fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who = account(name, index, 0);
	fund::<T>(&who);
	who
}

/// A relay of the longest size, checked label by label.
fn long_relay() -> RelayInput {
	let mut bytes = vec![b'a'; MAX_RELAY_LEN as usize];
	for dot in (63..bytes.len() - 1).step_by(64) {
		bytes[dot] = b'.';
	}
	BoundedVec::truncate_from(bytes)
}

fn long_name(seed: u8) -> NameInput {
	let mut bytes = vec![b'n'; MAX_NAME_LEN as usize];
	bytes[0] = b'a' + seed % 26;
	BoundedVec::truncate_from(bytes)
}

fn top_level_twin<T: Config>(who: &T::AccountId) -> TwinId {
	Pallet::<T>::create_twin(RawOrigin::Signed(who.clone()).into(), None, None)
		.expect("a funded account creates its twin");
	LastTwinId::<T>::get()
}

/// `from`, which acts for `twin`, offers it to `to`.
fn offer<T: Config>(from: &T::AccountId, twin: TwinId, to: &T::AccountId) {
	Pallet::<T>::request_transfer(RawOrigin::Signed(from.clone()).into(), twin, to.clone())
		.expect("the root may offer a twin it acts for");
}

/// A twin `depth` levels below `root`'s twin, each level handed to another account, so that
/// only the walk up to `root`'s twin proves that `root` may act for it.
fn deep_twin<T: Config>(root: &T::AccountId, depth: u32) -> TwinId {
	let mut twin = top_level_twin::<T>(root);
	for level in 0..depth {
		Pallet::<T>::create_child_twin(RawOrigin::Signed(root.clone()).into(), twin, None, None)
			.expect("the root may add a child below the depth limit");
		twin = LastTwinId::<T>::get();
		let holder = funded::<T>("holder", level);
		offer::<T>(root, twin, &holder);
		let parent = Twins::<T>::get(twin).and_then(|record| record.parent).map(|link| link.twin);
		Pallet::<T>::accept_transfer(RawOrigin::Signed(holder).into(), twin, parent)
			.expect("a funded holder accepts it where it is");
	}
	twin
}

/// A funded caller and the deepest twin it acts for (see `deep_twin`).
fn caller_and_deepest<T: Config>() -> (T::AccountId, TwinId) {
	let caller = funded::<T>("caller", 0);
	let twin = deep_twin::<T>(&caller, T::MaxDepth::get());
	(caller, twin)
}

/// What `caller_and_deepest` sets up, and a funded account to offer the twin to.
fn transfer_parties<T: Config>() -> (T::AccountId, TwinId, T::AccountId) {
	let (caller, twin) = caller_and_deepest::<T>();
	(caller, twin, funded::<T>("receiver", 0))
}

/// `who`, which acts for `twin`, names it the longest name of seed `seed`.
fn name_twin<T: Config>(who: &T::AccountId, twin: TwinId, seed: u8) {
	Pallet::<T>::set_name(RawOrigin::Signed(who.clone()).into(), twin, Some(long_name(seed)))
		.expect("the root may name the twin");
}

/// Registers an entity of `owner` with a fresh sr25519 key; returns its id and key.
fn entity<T: Config>(owner: &T::AccountId) -> (EntityId, sr25519::Public) {
	let key = sp_io::crypto::sr25519_generate(ENTITY_KEY_TYPE, None);
	Pallet::<T>::create_entity(
		RawOrigin::Signed(owner.clone()).into(),
		EntityKind::Company,
		BoundedVec::truncate_from(vec![b'e'; MAX_TEXT_LEN as usize]),
		*b"BE",
		BoundedVec::truncate_from(vec![b'c'; MAX_TEXT_LEN as usize]),
		EntityKey::Sr25519(key.0),
	)
	.expect("a funded account registers an entity");
	(LastEntityId::<T>::get(), key)
}

/// The entity key's signature of the link of `entity` to `twin`, as it stands now.
fn sign_link<T: Config>(key: &sr25519::Public, entity: EntityId, twin: TwinId) -> EntitySignature {
	let controller = Twins::<T>::get(twin).expect("the twin exists").account;
	let nonce = Entities::<T>::get(entity).expect("the entity exists").nonce;
	let message = link_message(&Pallet::<T>::genesis_hash(), entity, twin, &controller, nonce);
	let signature = sp_io::crypto::sr25519_sign(ENTITY_KEY_TYPE, key, &wallet_wrapped(&message))
		.expect("the key was generated in the keystore");
	EntitySignature::Sr25519(signature.0)
}

/// A fresh secp256k1 key — the costliest to verify — and its proof for `twin` and `account`.
fn proven_key<T: Config>(twin: TwinId, account: &T::AccountId) -> (PublicKey, KeyProof) {
	let key = sp_io::crypto::ecdsa_generate(ENTITY_KEY_TYPE, None);
	let message = key_message(&Pallet::<T>::genesis_hash(), twin, account);
	let signature = sp_io::crypto::ecdsa_sign(ENTITY_KEY_TYPE, &key, &wallet_wrapped(&message))
		.expect("the key was generated in the keystore");
	(PublicKey::Secp256k1(key.0), KeyProof::Secp256k1(signature.0))
}

/// Registers an entity of the funded owner `index` and signs its link to `twin`; returns the
/// entity and the signature.
fn vouching_entity<T: Config>(twin: TwinId, index: u32) -> (EntityId, EntitySignature) {
	let owner = funded::<T>("entity-owner", index);
	let (entity, key) = entity::<T>(&owner);
	(entity, sign_link::<T>(&key, entity, twin))
}

fn linked_entity<T: Config>(root: &T::AccountId, twin: TwinId, index: u32) -> EntityId {
	let (entity, signature) = vouching_entity::<T>(twin, index);
	Pallet::<T>::link_entity(RawOrigin::Signed(root.clone()).into(), twin, entity, signature)
		.expect("a signed link is accepted");
	entity
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create_twin() {
		let caller = funded::<T>("caller", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), Some(long_relay()), Some(long_name(0)));
		assert!(TwinByAccount::<T>::contains_key(&caller));
	}

	#[benchmark]
	fn create_child_twin() {
		let caller = funded::<T>("caller", 0);
		let parent = deep_twin::<T>(&caller, T::MaxDepth::get() - 1);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), parent, Some(long_relay()), Some(long_name(1)));
		assert_eq!(Twins::<T>::get(parent).map(|p| p.children), Some(1));
	}

	#[benchmark]
	fn set_relay() {
		let (caller, twin) = caller_and_deepest::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), twin, Some(long_relay()));
		assert!(Twins::<T>::get(twin).is_some_and(|t| t.relay.is_some()));
	}

	#[benchmark]
	fn set_public_key() {
		let (caller, twin) = caller_and_deepest::<T>();
		let (old, old_proof) = proven_key::<T>(twin, &caller);
		Pallet::<T>::set_public_key(
			RawOrigin::Signed(caller.clone()).into(),
			twin,
			Some(old),
			Some(old_proof),
		)
		.expect("the root may set a proven key");
		let (new, proof) = proven_key::<T>(twin, &caller);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), twin, Some(new), Some(proof));
		assert!(!TwinByKey::<T>::contains_key(old));
		assert_eq!(TwinByKey::<T>::get(new), Some(twin));
	}

	#[benchmark]
	fn set_name() {
		let (caller, twin) = caller_and_deepest::<T>();
		name_twin::<T>(&caller, twin, 2);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), twin, Some(long_name(3)));
		assert_eq!(TwinByName::<T>::iter().count(), 1);
	}

	#[benchmark]
	fn delete_twin(e: Linear<0, { T::MaxEntitiesPerTwin::get() }>) {
		let (caller, twin) = caller_and_deepest::<T>();
		name_twin::<T>(&caller, twin, 4);
		for index in 0..e {
			linked_entity::<T>(&caller, twin, index);
		}
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), twin);
		assert!(!Twins::<T>::contains_key(twin));
	}

	#[benchmark]
	fn request_transfer() {
		let (caller, twin, receiver) = transfer_parties::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), twin, receiver);
		assert!(PendingTransfers::<T>::contains_key(twin));
	}

	/// The deepest twin of one tree moves to the deepest place of another: out of its parent's
	/// records, into those of a twin the receiver may act for only through the whole chain.
	#[benchmark]
	fn accept_transfer() {
		let (caller, twin, receiver) = transfer_parties::<T>();
		let parent = deep_twin::<T>(&receiver, T::MaxDepth::get() - 1);
		offer::<T>(&caller, twin, &receiver);
		#[extrinsic_call]
		_(RawOrigin::Signed(receiver.clone()), twin, Some(parent));
		let moved = Twins::<T>::get(twin).expect("the twin moved");
		assert_eq!((moved.account, moved.parent.map(|link| link.twin)), (receiver, Some(parent)));
	}

	#[benchmark]
	fn cancel_transfer() {
		let (caller, twin, receiver) = transfer_parties::<T>();
		offer::<T>(&caller, twin, &receiver);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), twin);
		assert!(!PendingTransfers::<T>::contains_key(twin));
	}

	#[benchmark]
	fn create_entity() {
		let caller = funded::<T>("caller", 0);
		let text = BoundedVec::truncate_from(vec![b'x'; MAX_TEXT_LEN as usize]);
		#[extrinsic_call]
		_(
			RawOrigin::Signed(caller),
			EntityKind::Trust,
			text.clone(),
			*b"ZW",
			text,
			EntityKey::Ed25519([5; 32]),
		);
		assert_eq!(LastEntityId::<T>::get(), 1);
	}

	#[benchmark]
	fn delete_entity() {
		let caller = funded::<T>("caller", 0);
		let (entity, _) = entity::<T>(&caller);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), entity);
		assert!(!Entities::<T>::contains_key(entity));
	}

	#[benchmark]
	fn link_entity() {
		let (caller, twin) = caller_and_deepest::<T>();
		let (entity, signature) = vouching_entity::<T>(twin, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), twin, entity, signature);
		assert!(TwinEntities::<T>::contains_key(twin, entity));
	}

	#[benchmark]
	fn unlink_entity() {
		let (caller, twin) = caller_and_deepest::<T>();
		let entity = linked_entity::<T>(&caller, twin, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), twin, entity);
		assert!(!TwinEntities::<T>::contains_key(twin, entity));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
