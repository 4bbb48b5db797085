//! Unit tests: every call's success and each of its errors, on the mock runtime. Every test
//! ends by checking the pallet's invariants (`mock::run`).

use crate::{mock::*, Error, Event as TwinsEvent, *};
use codec::{Decode, Encode};
use frame_support::{
	assert_noop, assert_ok,
	dispatch::{DispatchResult, DispatchResultWithPostInfo},
	traits::fungible::{Inspect, InspectHold},
	BoundedVec,
};
use sp_core::{ed25519, sr25519, Pair};
use zerochain_primitives::{held as ticket_amount, TwinRegistry};

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

/// The last event this pallet emitted.
fn last_event() -> TwinsEvent<Test> {
	System::read_events_for_pallet::<TwinsEvent<Test>>()
		.pop()
		.expect("the pallet emitted an event")
}

/// `account` creates its top-level twin with no optional fields.
fn new_twin(account: AccountId) -> DispatchResult {
	TwinsPallet::create_twin(signed(account), None, None)
}

/// Creates `account`'s top-level twin with no optional fields; returns its id.
fn twin_of(account: AccountId) -> TwinId {
	assert_ok!(new_twin(account));
	TwinByAccount::<Test>::get(account).unwrap()
}

/// `account` creates a child of `parent` with no optional fields.
fn new_child(account: AccountId, parent: TwinId) -> DispatchResult {
	TwinsPallet::create_child_twin(signed(account), parent, None, None)
}

/// Creates a child of `parent` controlled by `account`; returns its id.
fn child_of(account: AccountId, parent: TwinId) -> TwinId {
	assert_ok!(new_child(account, parent));
	LastTwinId::<Test>::get()
}

/// Creates `account`'s top-level twin and a child of it, both controlled by `account`;
/// returns the twin and the child.
fn family(account: AccountId) -> (TwinId, TwinId) {
	let parent = twin_of(account);
	(parent, child_of(account, parent))
}

/// `from` offers `twin` to `to`.
fn offer(from: AccountId, twin: TwinId, to: AccountId) -> DispatchResult {
	TwinsPallet::request_transfer(signed(from), twin, to)
}

/// `to` accepts the `twin` offered to it, under `parent` (`None`: as its own top-level twin).
fn accept(to: AccountId, twin: TwinId, parent: Option<TwinId>) -> DispatchResultWithPostInfo {
	TwinsPallet::accept_transfer(signed(to), twin, parent)
}

/// `from` offers `twin` to `to`, who accepts it under `parent` (`None`: as its own top-level
/// twin).
fn hand(from: AccountId, twin: TwinId, to: AccountId, parent: Option<TwinId>) {
	assert_ok!(offer(from, twin, to));
	assert_ok!(accept(to, twin, parent));
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

/// `account` claims `key` for `twin` with `proof`.
fn claim_key(account: AccountId, twin: TwinId, key: PublicKey, proof: KeyProof) -> DispatchResult {
	TwinsPallet::set_public_key(signed(account), twin, Some(key), Some(proof))
}

/// `account` sets the key of seed `seed` on `twin`, with its proof; returns the key.
fn set_key(account: AccountId, twin: TwinId, seed: u8) -> PublicKey {
	let (key, proof) = proven(&key_pair(seed), twin, account);
	assert_ok!(claim_key(account, twin, key, proof));
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

/// `pair`'s signature vouching for `twin` as things stand (see `vouching`).
fn vouch(pair: &sr25519::Pair, entity: EntityId, twin: TwinId) -> EntitySignature {
	EntitySignature::Sr25519(pair.sign(&vouching(entity, twin)).0)
}

/// `account` links `entity` to `twin` with `signature`.
fn link_with(
	account: AccountId,
	twin: TwinId,
	entity: EntityId,
	signature: EntitySignature,
) -> DispatchResult {
	TwinsPallet::link_entity(signed(account), twin, entity, signature)
}

/// `account` links `entity` to `twin` with a signature made by `pair`.
fn link(account: AccountId, twin: TwinId, entity: EntityId, pair: &sr25519::Pair) {
	assert_ok!(link_with(account, twin, entity, vouch(pair, entity, twin)));
}

/// Creates account 1's top-level twin and an entity of account 5 with an sr25519 key, not
/// linked; returns the twin, the entity and the entity's pair.
fn twin_and_entity() -> (TwinId, EntityId, sr25519::Pair) {
	let twin = twin_of(1);
	let (entity, pair) = sr25519_entity(5);
	(twin, entity, pair)
}

/// What `twin_and_entity` creates, with account 1 linking the entity to the twin.
fn linked_twin() -> (TwinId, EntityId, sr25519::Pair) {
	let (twin, entity, pair) = twin_and_entity();
	link(1, twin, entity, &pair);
	(twin, entity, pair)
}

mod entities;

mod registry;

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
		assert_noop!(new_twin(1), Error::<Test>::IdsExhausted);
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

#[test]
fn integrity_test_passes() {
	new_test_ext().execute_with(|| {
		<TwinsPallet as frame_support::traits::Hooks<u64>>::integrity_test();
	});
}
