//! Unit tests: every call's success and each of its errors, on the mock runtime. Every test
//! ends by checking the pallet's invariants (`mock::run`).

use crate::{mock::*, Error, Event as TwinsEvent, *};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold},
	BoundedVec,
};
use sp_core::{ed25519, sr25519, Pair};
use zerochain_primitives::TwinRegistry;

fn signed(account: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(account)
}

fn relay(text: &str) -> Option<RelayInput> {
	Some(BoundedVec::truncate_from(text.as_bytes().to_vec()))
}

fn name(text: &str) -> Option<NameInput> {
	Some(BoundedVec::truncate_from(text.as_bytes().to_vec()))
}

fn text(text: &str) -> TextInput {
	BoundedVec::truncate_from(text.as_bytes().to_vec())
}

fn held(account: AccountId, reason: HoldReason) -> Balance {
	Balances::balance_on_hold(&reason.into(), &account)
}

fn last_event() -> TwinsEvent<Test> {
	System::events()
		.into_iter()
		.rev()
		.find_map(|record| match record.event {
			RuntimeEvent::TwinsPallet(event) => Some(event),
			_ => None,
		})
		.expect("the pallet emitted an event")
}

/// Creates `account`'s top-level twin with no optional fields; returns its id.
fn twin_of(account: AccountId) -> TwinId {
	assert_ok!(TwinsPallet::create_twin(signed(account), None, None));
	TwinByAccount::<Test>::get(account).unwrap()
}

/// Creates a child of `parent` controlled by `account`; returns its id.
fn child_of(account: AccountId, parent: TwinId) -> TwinId {
	assert_ok!(TwinsPallet::create_child_twin(signed(account), parent, None, None));
	LastTwinId::<Test>::get()
}

/// The sr25519 key pair of seed `seed`.
fn key_pair(seed: u8) -> sr25519::Pair {
	sr25519::Pair::from_seed(&[seed; 32])
}

/// `pair`'s public key, and its proof that `account` claims it for `twin`.
fn proven(pair: &sr25519::Pair, twin: TwinId, account: AccountId) -> (PublicKey, KeyProof) {
	let message = key_message(&TwinsPallet::genesis_hash(), twin, &account);
	(PublicKey::Sr25519(pair.public().0), KeyProof::Sr25519(pair.sign(&message).0))
}

/// `account` sets the key of seed `seed` on `twin`, with its proof; returns the key.
fn set_key(account: AccountId, twin: TwinId, seed: u8) -> PublicKey {
	let (key, proof) = proven(&key_pair(seed), twin, account);
	assert_ok!(TwinsPallet::set_public_key(signed(account), twin, Some(key), Some(proof)));
	key
}

mod create_twin;

mod child_twins;

mod updates;

mod public_keys;

mod delete_twin;

mod transfers;

/// Registers an entity of `account` whose key is an sr25519 pair; returns its id and pair.
fn sr25519_entity(account: AccountId) -> (EntityId, sr25519::Pair) {
	let pair = sr25519::Pair::from_seed(&[account as u8; 32]);
	assert_ok!(TwinsPallet::create_entity(
		signed(account),
		EntityKind::Company,
		text("ThreeFold NV"),
		*b"BE",
		text("Lochristi"),
		EntityKey::Sr25519(pair.public().0),
	));
	(LastEntityId::<Test>::get(), pair)
}

/// The message `entity` signs to vouch for `twin` as things stand: the twin's controller and
/// the entity's nonce now.
fn vouching(entity: EntityId, twin: TwinId) -> Vec<u8> {
	let controller = Twins::<Test>::get(twin).map_or(0, |t| t.account);
	let nonce = Entities::<Test>::get(entity).map_or(0, |e| e.nonce);
	link_message(&TwinsPallet::genesis_hash(), entity, twin, &controller, nonce)
}

/// `account` links `entity` to `twin` with a signature made by `pair`.
fn link(account: AccountId, twin: TwinId, entity: EntityId, pair: &sr25519::Pair) {
	let signature = EntitySignature::Sr25519(pair.sign(&vouching(entity, twin)).0);
	assert_ok!(TwinsPallet::link_entity(signed(account), twin, entity, signature));
}

mod entities;

mod registry;

#[test]
fn integrity_test_passes() {
	new_test_ext().execute_with(|| {
		<TwinsPallet as frame_support::traits::Hooks<u64>>::integrity_test();
	});
}

#[test]
fn unsigned_origins_are_refused() {
	run(|| {
		assert_noop!(
			TwinsPallet::create_twin(RuntimeOrigin::none(), None, None),
			sp_runtime::DispatchError::BadOrigin
		);
	});
}

#[test]
fn exhausted_ids_are_an_error_not_a_wrap() {
	run(|| {
		LastTwinId::<Test>::put(TwinId::MAX);
		assert_noop!(TwinsPallet::create_twin(signed(1), None, None), Error::<Test>::IdsExhausted);
		LastEntityId::<Test>::put(EntityId::MAX);
		assert_noop!(
			TwinsPallet::create_entity(
				signed(1),
				EntityKind::Person,
				text("Ann"),
				*b"BE",
				text("Gent"),
				EntityKey::Ed25519([1; 32])
			),
			Error::<Test>::IdsExhausted
		);
	});
}

#[test]
fn exhausted_record_numbers_are_an_error_not_a_wrap() {
	run(|| {
		LastTwinId::<Test>::put(0);
		let twin = twin_of(1);
		Twins::<Test>::mutate(twin, |t| t.as_mut().unwrap().last_record = RecordId::MAX);
		assert_noop!(
			<TwinsPallet as TwinRegistry<AccountId>>::add_record(twin, RecordKind::Farm, 1),
			Error::<Test>::IdsExhausted
		);
	});
}
