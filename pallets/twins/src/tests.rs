//! Unit tests: every call's success and each of its errors, on the mock runtime. Every test
//! ends by checking the pallet's invariants (`mock::run`).

use crate::{mock::*, Error, Event as TwinsEvent, *};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold},
	BoundedVec,
};
use sp_core::{ed25519, sr25519, Pair};

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

mod create_twin {
	use super::*;

	#[test]
	fn stores_the_twin_its_indices_and_holds_the_deposit() {
		run(|| {
			assert_ok!(TwinsPallet::create_twin(
				signed(1),
				relay("relay.zero.example"),
				name("alice_1")
			));
			let twin = Twins::<Test>::get(1).unwrap();
			assert_eq!(twin.account, 1);
			assert_eq!(twin.relay.unwrap().as_bytes(), b"relay.zero.example");
			assert_eq!(twin.public_key, None);
			assert_eq!(twin.name.clone().unwrap().as_bytes(), b"alice_1");
			assert_eq!(TwinByAccount::<Test>::get(1), Some(1));
			assert_eq!(TwinByName::<Test>::get(twin.name.unwrap()), Some(1));
			assert_eq!(held(1, HoldReason::TwinDeposit), TWIN_DEPOSIT);
			assert_eq!(Balances::balance(&1), ENDOWMENT - TWIN_DEPOSIT);
			assert_eq!(last_event(), TwinsEvent::TwinCreated { twin: 1, account: 1, parent: None });
		});
	}

	#[test]
	fn ids_are_sequential_from_one_and_never_reused() {
		run(|| {
			assert_eq!(twin_of(1), 1);
			assert_eq!(twin_of(2), 2);
			assert_ok!(TwinsPallet::delete_twin(signed(2), 2));
			assert_eq!(twin_of(3), 3);
		});
	}

	#[test]
	fn one_top_level_twin_per_account() {
		run(|| {
			twin_of(1);
			assert_noop!(
				TwinsPallet::create_twin(signed(1), None, None),
				Error::<Test>::AccountHasTwin
			);
		});
	}

	#[test]
	fn refuses_bad_relays() {
		run(|| {
			for bad in ["", ".", "a..b", ".a.b", "a.b.", "a b", "a/b", "ü.example", "a:80"] {
				assert_noop!(
					TwinsPallet::create_twin(signed(1), relay(bad), None),
					Error::<Test>::InvalidRelay
				);
			}
			// One byte past the rule still reaches the pallet, which names the error.
			let too_long = ["a"; 127].join(".") + "a";
			assert_noop!(
				TwinsPallet::create_twin(signed(1), relay(&too_long), None),
				Error::<Test>::InvalidRelay
			);
			let longest = ["a"; 127].join(".");
			assert_eq!(longest.len(), 253);
			assert_ok!(TwinsPallet::create_twin(signed(1), relay(&longest), None));
			assert_ok!(TwinsPallet::create_twin(signed(2), relay("10.0.0.1"), None));
			assert_ok!(TwinsPallet::create_twin(signed(3), relay("My_Relay-1"), None));
		});
	}

	#[test]
	fn refuses_bad_names() {
		run(|| {
			for bad in ["ab", "Alice", "alice!", "al ice", "élan", "ALICE"] {
				assert_noop!(
					TwinsPallet::create_twin(signed(1), None, name(bad)),
					Error::<Test>::InvalidName
				);
			}
			assert_noop!(
				TwinsPallet::create_twin(signed(1), None, name(&"a".repeat(33))),
				Error::<Test>::InvalidName
			);
			let longest = "a".repeat(32);
			assert_ok!(TwinsPallet::create_twin(signed(1), None, name(&longest)));
			assert_ok!(TwinsPallet::create_twin(signed(2), None, name("a-b_0")));
		});
	}

	#[test]
	fn refuses_a_name_another_twin_has() {
		run(|| {
			assert_ok!(TwinsPallet::create_twin(signed(1), None, name("taken")));
			assert_noop!(
				TwinsPallet::create_twin(signed(2), None, name("taken")),
				Error::<Test>::NameTaken
			);
		});
	}

	#[test]
	fn refuses_an_account_that_cannot_hold_the_deposit() {
		run(|| {
			assert_noop!(
				TwinsPallet::create_twin(signed(POOR), None, None),
				Error::<Test>::CannotHoldDeposit
			);
		});
	}
}

mod child_twins {
	use super::*;

	#[test]
	fn a_child_is_a_record_of_its_parent() {
		run(|| {
			let parent = twin_of(1);
			let child = child_of(1, parent);
			let record = Twins::<Test>::get(child).unwrap();
			assert_eq!(record.parent, Some(ParentLink { twin: parent, record: 1 }));
			assert_eq!(record.depth, 1);
			assert_eq!(
				Records::<Test>::get(parent, 1),
				Some(RecordRef { kind: RecordKind::Twin, key: child })
			);
			assert_eq!(Twins::<Test>::get(parent).unwrap().children, 1);
			// A child is not its controller's top-level twin.
			assert_eq!(TwinByAccount::<Test>::get(1), Some(parent));
			assert_eq!(held(1, HoldReason::TwinDeposit), 2 * TWIN_DEPOSIT);
		});
	}

	#[test]
	fn ancestors_act_for_descendants_but_not_the_other_way() {
		run(|| {
			let root = twin_of(1);
			let child = child_of(1, root);
			assert_ok!(TwinsPallet::request_transfer(signed(1), child, 2));
			assert_ok!(TwinsPallet::accept_transfer(signed(2), child));
			let grandchild = child_of(2, child);
			// 1 controls the grandparent, so it may act for the grandchild.
			assert_ok!(TwinsPallet::set_relay(signed(1), grandchild, relay("g.example")));
			// 2 controls the child, not the root.
			assert_noop!(
				TwinsPallet::set_relay(signed(2), root, relay("r.example")),
				Error::<Test>::NotTwinController
			);
			assert_noop!(
				TwinsPallet::create_child_twin(signed(3), root, None, None),
				Error::<Test>::NotTwinController
			);
		});
	}

	#[test]
	fn depth_children_and_records_are_bounded() {
		run(|| {
			let mut twin = twin_of(1);
			for _ in 0..3 {
				twin = child_of(1, twin);
			}
			assert_noop!(
				TwinsPallet::create_child_twin(signed(1), twin, None, None),
				Error::<Test>::TooDeep
			);
			let wide = twin_of(2);
			for _ in 0..4 {
				child_of(2, wide);
			}
			assert_noop!(
				TwinsPallet::create_child_twin(signed(2), wide, None, None),
				Error::<Test>::TooManyChildren
			);
			let full = twin_of(3);
			for key in 0..6 {
				assert_ok!(<TwinsPallet as TwinRegistry<AccountId>>::add_record(
					full,
					RecordKind::Farm,
					key
				));
			}
			assert_noop!(
				TwinsPallet::create_child_twin(signed(3), full, None, None),
				Error::<Test>::TooManyRecords
			);
		});
	}

	#[test]
	fn refuses_an_unknown_parent() {
		run(|| {
			assert_noop!(
				TwinsPallet::create_child_twin(signed(1), 42, None, None),
				Error::<Test>::TwinNotFound
			);
		});
	}
}

mod updates {
	use super::*;

	#[test]
	fn set_and_clear_each_field() {
		run(|| {
			let twin = twin_of(1);
			assert_ok!(TwinsPallet::set_relay(signed(1), twin, relay("r.example")));
			assert_eq!(
				last_event(),
				TwinsEvent::RelaySet {
					twin,
					relay: Some(Relay::try_from(relay("r.example").unwrap()).unwrap())
				}
			);
			let key = set_key(1, twin, 7);
			assert_ok!(TwinsPallet::set_name(signed(1), twin, name("bob")));
			let record = Twins::<Test>::get(twin).unwrap();
			assert!(
				record.relay.is_some() && record.public_key == Some(key) && record.name.is_some()
			);

			assert_ok!(TwinsPallet::set_relay(signed(1), twin, None));
			assert_ok!(TwinsPallet::set_public_key(signed(1), twin, None, None));
			assert_ok!(TwinsPallet::set_name(signed(1), twin, None));
			let record = Twins::<Test>::get(twin).unwrap();
			assert_eq!((record.relay, record.public_key, record.name), (None, None, None));
			assert_eq!(TwinByKey::<Test>::iter().count() + TwinByName::<Test>::iter().count(), 0);
		});
	}

	#[test]
	fn a_new_name_or_key_frees_the_old_one() {
		run(|| {
			let first = twin_of(1);
			assert_ok!(TwinsPallet::set_name(signed(1), first, name("old")));
			let old = set_key(1, first, 7);
			assert_ok!(TwinsPallet::set_name(signed(1), first, name("new")));
			let new = set_key(1, first, 8);
			// Setting the same value again is fine.
			assert_ok!(TwinsPallet::set_name(signed(1), first, name("new")));
			set_key(1, first, 8);
			let second = twin_of(2);
			assert_ok!(TwinsPallet::set_name(signed(2), second, name("old")));
			assert_eq!(set_key(2, second, 7), old);
			assert_noop!(
				TwinsPallet::set_name(signed(2), second, name("new")),
				Error::<Test>::NameTaken
			);
			let (taken, proof) = proven(&key_pair(8), second, 2);
			assert_eq!(taken, new);
			assert_noop!(
				TwinsPallet::set_public_key(signed(2), second, Some(taken), Some(proof)),
				Error::<Test>::PublicKeyTaken
			);
		});
	}

	#[test]
	fn refuse_bad_values_strangers_and_unknown_twins() {
		run(|| {
			let twin = twin_of(1);
			assert_noop!(
				TwinsPallet::set_relay(signed(1), twin, relay("a..b")),
				Error::<Test>::InvalidRelay
			);
			assert_noop!(
				TwinsPallet::set_name(signed(1), twin, name("UP")),
				Error::<Test>::InvalidName
			);
			assert_noop!(
				TwinsPallet::set_public_key(
					signed(1),
					twin,
					Some(PublicKey::Secp256k1([0; 33])),
					Some(KeyProof::Secp256k1([0; 65]))
				),
				Error::<Test>::InvalidPublicKey
			);
			assert_noop!(
				TwinsPallet::set_relay(signed(2), twin, None),
				Error::<Test>::NotTwinController
			);
			assert_noop!(
				TwinsPallet::set_name(signed(2), twin, None),
				Error::<Test>::NotTwinController
			);
			assert_noop!(
				TwinsPallet::set_public_key(signed(2), twin, None, None),
				Error::<Test>::NotTwinController
			);
			assert_noop!(TwinsPallet::set_relay(signed(1), 42, None), Error::<Test>::TwinNotFound);
		});
	}
}

mod public_keys {
	use super::*;
	use sp_core::ecdsa;

	#[test]
	fn a_squatter_cannot_claim_a_published_key() {
		run(|| {
			let owner = twin_of(1);
			let (key, proof) = proven(&key_pair(7), owner, 1);
			// The squatter saw the key and its proof (both public once submitted), and tries
			// them first, before the owner's transaction lands.
			let squatter = twin_of(2);
			assert_noop!(
				TwinsPallet::set_public_key(signed(2), squatter, Some(key), Some(proof)),
				Error::<Test>::BadKeyProof
			);
			assert_noop!(
				TwinsPallet::set_public_key(signed(2), squatter, Some(key), None),
				Error::<Test>::BadKeyProof
			);
			assert_ok!(TwinsPallet::set_public_key(signed(1), owner, Some(key), Some(proof)));
			assert_eq!(TwinByKey::<Test>::get(key), Some(owner));
			assert_eq!(
				last_event(),
				TwinsEvent::PublicKeySet { twin: owner, public_key: Some(key) }
			);
		});
	}

	#[test]
	fn a_proof_is_bound_to_the_chain_the_twin_and_the_account() {
		run(|| {
			let twin = twin_of(1);
			let other = child_of(1, twin);
			let pair = key_pair(7);
			let key = PublicKey::Sr25519(pair.public().0);
			let genesis = TwinsPallet::genesis_hash();
			let mut other_chain = genesis;
			other_chain.as_mut()[0] ^= 1;
			for message in [
				key_message(&other_chain, twin, &1u64),
				key_message(&genesis, other, &1u64),
				key_message(&genesis, twin, &2u64),
				link_message(&genesis, 1, twin, &1u64, 0),
			] {
				let proof = KeyProof::Sr25519(pair.sign(&message).0);
				assert_noop!(
					TwinsPallet::set_public_key(signed(1), twin, Some(key), Some(proof)),
					Error::<Test>::BadKeyProof
				);
			}
		});
	}

	#[test]
	fn each_signing_scheme_proves_its_own_keys() {
		run(|| {
			let twin = twin_of(1);
			let message = key_message(&TwinsPallet::genesis_hash(), twin, &1u64);
			let ed = ed25519::Pair::from_seed(&[3; 32]);
			let ec = ecdsa::Pair::from_seed(&[4; 32]);
			let sr = key_pair(5);
			let wrapped = [b"<Bytes>".as_slice(), &message, b"</Bytes>"].concat();
			let cases = [
				(PublicKey::Ed25519(ed.public().0), KeyProof::Ed25519(ed.sign(&message).0)),
				(PublicKey::Secp256k1(ec.public().0), KeyProof::Secp256k1(ec.sign(&message).0)),
				// A browser wallet's signRaw signs the message wrapped in <Bytes>…</Bytes>.
				(PublicKey::Sr25519(sr.public().0), KeyProof::Sr25519(sr.sign(&wrapped).0)),
			];
			for (key, proof) in cases {
				assert_ok!(TwinsPallet::set_public_key(signed(1), twin, Some(key), Some(proof)));
				assert_eq!(TwinByKey::<Test>::get(key), Some(twin));
			}
			// A proof of another scheme, or of another key, proves nothing.
			let ed_proof = KeyProof::Ed25519(ed.sign(&message).0);
			assert_noop!(
				TwinsPallet::set_public_key(
					signed(1),
					twin,
					Some(PublicKey::Sr25519(ed.public().0)),
					Some(ed_proof)
				),
				Error::<Test>::BadKeyProof
			);
			let mut compressed = [2u8; 33];
			compressed[1] = 9;
			assert_noop!(
				TwinsPallet::set_public_key(
					signed(1),
					twin,
					Some(PublicKey::Secp256k1(compressed)),
					Some(KeyProof::Secp256k1(ec.sign(&message).0))
				),
				Error::<Test>::BadKeyProof
			);
		});
	}

	#[test]
	fn an_x25519_key_needs_no_proof_and_is_not_unique() {
		run(|| {
			let key = PublicKey::X25519([9; 32]);
			let (first, second) = (twin_of(1), twin_of(2));
			assert_ok!(TwinsPallet::set_public_key(signed(1), first, Some(key), None));
			assert_ok!(TwinsPallet::set_public_key(signed(2), second, Some(key), None));
			assert_eq!(Twins::<Test>::get(second).unwrap().public_key, Some(key));
			assert_eq!(TwinByKey::<Test>::get(key), None);
			assert_noop!(
				TwinsPallet::set_public_key(
					signed(1),
					first,
					Some(key),
					Some(KeyProof::Ed25519([0; 64]))
				),
				Error::<Test>::BadKeyProof
			);
		});
	}
}

mod delete_twin {
	use super::*;

	#[test]
	fn frees_everything_and_releases_the_deposit() {
		run(|| {
			assert_ok!(TwinsPallet::create_twin(signed(1), None, name("gone")));
			assert_ok!(TwinsPallet::request_transfer(signed(1), 1, 2));
			assert_ok!(TwinsPallet::delete_twin(signed(1), 1));
			assert!(Twins::<Test>::get(1).is_none());
			assert!(TwinByAccount::<Test>::get(1).is_none());
			assert!(PendingTransfers::<Test>::get(1).is_none());
			assert_eq!(held(1, HoldReason::TwinDeposit), 0);
			assert_eq!(Balances::balance(&1), ENDOWMENT);
			assert_eq!(last_event(), TwinsEvent::TwinDeleted { twin: 1 });
			// The name and key are free for the next twin.
			assert_ok!(TwinsPallet::create_twin(signed(2), None, name("gone")));
		});
	}

	#[test]
	fn a_child_gives_back_its_address() {
		run(|| {
			let parent = twin_of(1);
			let child = child_of(1, parent);
			assert_ok!(TwinsPallet::delete_twin(signed(1), child));
			assert!(Records::<Test>::get(parent, 1).is_none());
			assert_eq!(Twins::<Test>::get(parent).unwrap().children, 0);
			assert_ok!(TwinsPallet::delete_twin(signed(1), parent));
		});
	}

	#[test]
	fn unlinks_the_entities_that_vouch_for_it() {
		run(|| {
			let twin = twin_of(1);
			let (entity, pair) = sr25519_entity(5);
			link(1, twin, entity, &pair);
			assert_ok!(TwinsPallet::delete_twin(signed(1), twin));
			assert_eq!(Entities::<Test>::get(entity).unwrap().twins, 0);
			assert!(EntityTwins::<Test>::get(entity, twin).is_none());
			assert_ok!(TwinsPallet::delete_entity(signed(5), entity));
		});
	}

	#[test]
	fn refused_while_it_owns_twins_or_records() {
		run(|| {
			let parent = twin_of(1);
			let child = child_of(1, parent);
			assert_noop!(TwinsPallet::delete_twin(signed(1), parent), Error::<Test>::HasChildren);
			let record =
				<TwinsPallet as TwinRegistry<AccountId>>::add_record(child, RecordKind::Node, 9)
					.unwrap();
			assert_noop!(TwinsPallet::delete_twin(signed(1), child), Error::<Test>::OwnsRecords);
			assert_ok!(<TwinsPallet as TwinRegistry<AccountId>>::remove_record(child, record));
			assert_ok!(TwinsPallet::delete_twin(signed(1), child));
		});
	}

	#[test]
	fn refused_to_strangers_and_for_unknown_twins() {
		run(|| {
			let twin = twin_of(1);
			assert_noop!(
				TwinsPallet::delete_twin(signed(2), twin),
				Error::<Test>::NotTwinController
			);
			assert_noop!(TwinsPallet::delete_twin(signed(1), 42), Error::<Test>::TwinNotFound);
		});
	}
}

mod transfers {
	use super::*;

	#[test]
	fn request_then_accept_moves_the_twin_and_its_deposit() {
		run(|| {
			let twin = twin_of(1);
			assert_ok!(TwinsPallet::request_transfer(signed(1), twin, 2));
			assert_eq!(last_event(), TwinsEvent::TransferRequested { twin, from: 1, to: 2 });
			assert_ok!(TwinsPallet::accept_transfer(signed(2), twin));
			assert_eq!(last_event(), TwinsEvent::TwinTransferred { twin, from: 1, to: 2 });
			assert_eq!(Twins::<Test>::get(twin).unwrap().account, 2);
			assert_eq!(TwinByAccount::<Test>::get(2), Some(twin));
			assert!(TwinByAccount::<Test>::get(1).is_none());
			assert_eq!(held(1, HoldReason::TwinDeposit), 0);
			assert_eq!(held(2, HoldReason::TwinDeposit), TWIN_DEPOSIT);
			// The old controller has lost it.
			assert_noop!(
				TwinsPallet::set_relay(signed(1), twin, None),
				Error::<Test>::NotTwinController
			);
		});
	}

	#[test]
	fn a_child_changes_hands_and_stays_under_its_parent() {
		run(|| {
			let parent = twin_of(1);
			let child = child_of(1, parent);
			let own = twin_of(2);
			// The receiver's own top-level twin does not matter for a child.
			assert_ok!(TwinsPallet::request_transfer(signed(1), child, 2));
			assert_ok!(TwinsPallet::accept_transfer(signed(2), child));
			let record = Twins::<Test>::get(child).unwrap();
			assert_eq!((record.account, record.parent.unwrap().twin), (2, parent));
			assert_eq!(TwinByAccount::<Test>::get(2), Some(own));
		});
	}

	#[test]
	fn a_twin_with_holdings_does_not_change_hands() {
		run(|| {
			let registry_add = <TwinsPallet as TwinRegistry<AccountId>>::add_record;
			let parent = twin_of(1);
			let child = child_of(1, parent);
			// Its child would stay with the old controller.
			assert_noop!(
				TwinsPallet::request_transfer(signed(1), parent, 2),
				Error::<Test>::HasChildren
			);
			// So would a circle, a farm or a node, with the deposits held for them.
			for kind in [RecordKind::Circle, RecordKind::Farm, RecordKind::Node] {
				let record = registry_add(child, kind, 7).unwrap();
				assert_noop!(
					TwinsPallet::request_transfer(signed(1), child, 2),
					Error::<Test>::OwnsRecords
				);
				assert_ok!(<TwinsPallet as TwinRegistry<AccountId>>::remove_record(child, record));
			}
			// A membership of someone else's circle belongs to the twin and goes with it.
			registry_add(child, RecordKind::Membership, 7).unwrap();
			assert_ok!(TwinsPallet::request_transfer(signed(1), child, 2));
			// A holding acquired while the offer stands stops the transfer too.
			let record = registry_add(child, RecordKind::Farm, 8).unwrap();
			assert_noop!(
				TwinsPallet::accept_transfer(signed(2), child),
				Error::<Test>::OwnsRecords
			);
			assert_ok!(<TwinsPallet as TwinRegistry<AccountId>>::remove_record(child, record));
			assert_ok!(TwinsPallet::accept_transfer(signed(2), child));
			assert_eq!(Twins::<Test>::get(child).unwrap().account, 2);
		});
	}

	#[test]
	fn what_the_old_controller_claimed_does_not_pass_on() {
		run(|| {
			let twin = twin_of(1);
			let key = set_key(1, twin, 7);
			let (entity, pair) = sr25519_entity(5);
			let first_signature = EntitySignature::Sr25519(pair.sign(&vouching(entity, twin)).0);
			assert_ok!(TwinsPallet::link_entity(signed(1), twin, entity, first_signature));
			assert_ok!(TwinsPallet::request_transfer(signed(1), twin, 2));
			assert_ok!(TwinsPallet::accept_transfer(signed(2), twin));

			let record = Twins::<Test>::get(twin).unwrap();
			assert_eq!((record.public_key, record.entities), (None, 0));
			assert_eq!(TwinByKey::<Test>::get(key), None);
			assert!(!TwinEntities::<Test>::contains_key(twin, entity));
			assert_eq!(Entities::<Test>::get(entity).unwrap().twins, 0);
			// The entity vouched for the twin as account 1's: its signature is void for 2 …
			assert_noop!(
				TwinsPallet::link_entity(signed(2), twin, entity, first_signature),
				Error::<Test>::BadSignature
			);
			// … and stays void should the twin come back to 1.
			assert_ok!(TwinsPallet::request_transfer(signed(2), twin, 1));
			assert_ok!(TwinsPallet::accept_transfer(signed(1), twin));
			assert_noop!(
				TwinsPallet::link_entity(signed(1), twin, entity, first_signature),
				Error::<Test>::BadSignature
			);
		});
	}

	#[test]
	fn cancel_withdraws_the_offer() {
		run(|| {
			let twin = twin_of(1);
			assert_ok!(TwinsPallet::request_transfer(signed(1), twin, 2));
			assert_noop!(
				TwinsPallet::cancel_transfer(signed(2), twin),
				Error::<Test>::NotTwinController
			);
			assert_ok!(TwinsPallet::cancel_transfer(signed(1), twin));
			assert_eq!(last_event(), TwinsEvent::TransferCancelled { twin });
			assert_noop!(
				TwinsPallet::accept_transfer(signed(2), twin),
				Error::<Test>::NoTransferPending
			);
			assert_noop!(
				TwinsPallet::cancel_transfer(signed(1), twin),
				Error::<Test>::NoTransferPending
			);
		});
	}

	#[test]
	fn request_errors() {
		run(|| {
			let twin = twin_of(1);
			twin_of(3);
			assert_noop!(
				TwinsPallet::request_transfer(signed(2), twin, 2),
				Error::<Test>::NotTwinController
			);
			assert_noop!(
				TwinsPallet::request_transfer(signed(1), twin, 1),
				Error::<Test>::TransferToSelf
			);
			assert_noop!(
				TwinsPallet::request_transfer(signed(1), twin, 3),
				Error::<Test>::AccountHasTwin
			);
			assert_noop!(
				TwinsPallet::request_transfer(signed(1), 42, 2),
				Error::<Test>::TwinNotFound
			);
			assert_ok!(TwinsPallet::request_transfer(signed(1), twin, 2));
			assert_noop!(
				TwinsPallet::request_transfer(signed(1), twin, 4),
				Error::<Test>::TransferPending
			);
		});
	}

	#[test]
	fn accept_errors() {
		run(|| {
			let twin = twin_of(1);
			assert_noop!(
				TwinsPallet::accept_transfer(signed(2), twin),
				Error::<Test>::NoTransferPending
			);
			assert_ok!(TwinsPallet::request_transfer(signed(1), twin, 2));
			assert_noop!(
				TwinsPallet::accept_transfer(signed(3), twin),
				Error::<Test>::NotTransferReceiver
			);
			// The receiver got a twin of its own meanwhile.
			twin_of(2);
			assert_noop!(
				TwinsPallet::accept_transfer(signed(2), twin),
				Error::<Test>::AccountHasTwin
			);
			let other = twin_of(4);
			assert_ok!(TwinsPallet::request_transfer(signed(4), other, POOR));
			assert_noop!(
				TwinsPallet::accept_transfer(signed(POOR), other),
				Error::<Test>::CannotHoldDeposit
			);
		});
	}
}

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

mod entities {
	use super::*;

	#[test]
	fn create_holds_the_deposit_and_delete_releases_it() {
		run(|| {
			let (entity, pair) = sr25519_entity(5);
			let record = Entities::<Test>::get(entity).unwrap();
			assert_eq!((record.account, record.kind), (5, EntityKind::Company));
			assert_eq!((record.name.as_str(), record.city.as_str()), ("ThreeFold NV", "Lochristi"));
			assert_eq!(record.country.as_bytes(), b"BE");
			assert_eq!(record.key, EntityKey::Sr25519(pair.public().0));
			assert_eq!(held(5, HoldReason::EntityDeposit), ENTITY_DEPOSIT);
			assert_noop!(
				TwinsPallet::delete_entity(signed(6), entity),
				Error::<Test>::NotEntityOwner
			);
			assert_ok!(TwinsPallet::delete_entity(signed(5), entity));
			assert_eq!(last_event(), TwinsEvent::EntityDeleted { entity });
			assert_eq!(held(5, HoldReason::EntityDeposit), 0);
			assert_noop!(
				TwinsPallet::delete_entity(signed(5), entity),
				Error::<Test>::EntityNotFound
			);
		});
	}

	#[test]
	fn create_refuses_bad_text_countries_and_the_poor() {
		run(|| {
			let key = EntityKey::Ed25519([1; 32]);
			let create = |who, name: &str, country: [u8; 2], city: &str| {
				TwinsPallet::create_entity(
					signed(who),
					EntityKind::Person,
					text(name),
					country,
					text(city),
					key,
				)
			};
			assert_noop!(create(1, "", *b"BE", "Gent"), Error::<Test>::InvalidEntityText);
			assert_noop!(create(1, "A\nB", *b"BE", "Gent"), Error::<Test>::InvalidEntityText);
			assert_noop!(create(1, "Ann", *b"BE", ""), Error::<Test>::InvalidEntityText);
			assert_noop!(
				TwinsPallet::create_entity(
					signed(1),
					EntityKind::Person,
					BoundedVec::truncate_from(vec![0xff, 0xfe]),
					*b"BE",
					text("Gent"),
					key
				),
				Error::<Test>::InvalidEntityText
			);
			for country in [*b"be", *b"XX", *b"UK", [0, 0]] {
				assert_noop!(create(1, "Ann", country, "Gent"), Error::<Test>::InvalidCountry);
			}
			assert_noop!(create(POOR, "Ann", *b"BE", "Gent"), Error::<Test>::CannotHoldDeposit);
			assert_ok!(create(1, "Zoë Ñandú", *b"EG", "القاهرة"));
		});
	}

	#[test]
	fn link_with_an_sr25519_or_ed25519_signature() {
		run(|| {
			let twin = twin_of(1);
			let (entity, pair) = sr25519_entity(5);
			link(1, twin, entity, &pair);
			assert_eq!(last_event(), TwinsEvent::EntityLinked { entity, twin });
			assert!(TwinEntities::<Test>::contains_key(twin, entity));
			assert_eq!(Twins::<Test>::get(twin).unwrap().entities, 1);

			let ed = ed25519::Pair::from_seed(&[9; 32]);
			assert_ok!(TwinsPallet::create_entity(
				signed(6),
				EntityKind::Government,
				text("Ministry"),
				*b"NL",
				text("Den Haag"),
				EntityKey::Ed25519(ed.public().0)
			));
			let gov = LastEntityId::<Test>::get();
			let signature = EntitySignature::Ed25519(ed.sign(&vouching(gov, twin)).0);
			assert_ok!(TwinsPallet::link_entity(signed(1), twin, gov, signature));
			assert_eq!(Twins::<Test>::get(twin).unwrap().entities, 2);
		});
	}

	#[test]
	fn link_refuses_wrong_and_malformed_signatures() {
		run(|| {
			let twin = twin_of(1);
			let other = twin_of(2);
			let (entity, pair) = sr25519_entity(5);
			let for_other = EntitySignature::Sr25519(pair.sign(&vouching(entity, other)).0);
			let cases = [
				for_other,
				EntitySignature::Sr25519([0; 64]),
				EntitySignature::Sr25519([0xff; 64]),
				EntitySignature::Ed25519(pair.sign(&vouching(entity, twin)).0),
				EntitySignature::Sr25519(
					sr25519::Pair::from_seed(&[8; 32]).sign(&vouching(entity, twin)).0,
				),
			];
			for signature in cases {
				assert_noop!(
					TwinsPallet::link_entity(signed(1), twin, entity, signature),
					Error::<Test>::BadSignature
				);
			}
		});
	}

	#[test]
	fn link_errors() {
		run(|| {
			let twin = twin_of(1);
			let (entity, pair) = sr25519_entity(5);
			let signature = EntitySignature::Sr25519(pair.sign(&vouching(entity, twin)).0);
			assert_noop!(
				TwinsPallet::link_entity(signed(2), twin, entity, signature),
				Error::<Test>::NotTwinController
			);
			assert_noop!(
				TwinsPallet::link_entity(signed(1), 42, entity, signature),
				Error::<Test>::TwinNotFound
			);
			assert_noop!(
				TwinsPallet::link_entity(signed(1), twin, 42, signature),
				Error::<Test>::EntityNotFound
			);
			link(1, twin, entity, &pair);
			assert_noop!(
				TwinsPallet::link_entity(signed(1), twin, entity, signature),
				Error::<Test>::AlreadyLinked
			);
			assert_noop!(
				TwinsPallet::delete_entity(signed(5), entity),
				Error::<Test>::EntityHasLinks
			);
		});
	}

	#[test]
	fn links_are_bounded_on_both_sides() {
		run(|| {
			let twin = twin_of(1);
			let pairs: Vec<_> = (5..=8).map(sr25519_entity).collect();
			for (entity, pair) in &pairs[..3] {
				link(1, twin, *entity, pair);
			}
			let (fourth, pair) = &pairs[3];
			let signature = EntitySignature::Sr25519(pair.sign(&vouching(*fourth, twin)).0);
			assert_noop!(
				TwinsPallet::link_entity(signed(1), twin, *fourth, signature),
				Error::<Test>::TooManyEntities
			);

			for account in 2..=4 {
				let other = twin_of(account);
				link(account, other, *fourth, pair);
			}
			let last = twin_of(9);
			let signature = EntitySignature::Sr25519(pair.sign(&vouching(*fourth, last)).0);
			assert_noop!(
				TwinsPallet::link_entity(signed(9), last, *fourth, signature),
				Error::<Test>::TooManyTwins
			);
		});
	}

	#[test]
	fn a_withdrawn_link_cannot_be_replayed() {
		run(|| {
			let twin = twin_of(1);
			let (entity, pair) = sr25519_entity(5);
			let old = EntitySignature::Sr25519(pair.sign(&vouching(entity, twin)).0);
			assert_ok!(TwinsPallet::link_entity(signed(1), twin, entity, old));
			// The entity withdraws its vouching; the twin's controller still has the signature.
			assert_ok!(TwinsPallet::unlink_entity(signed(5), twin, entity));
			assert_eq!(Entities::<Test>::get(entity).unwrap().nonce, 1);
			assert_noop!(
				TwinsPallet::link_entity(signed(1), twin, entity, old),
				Error::<Test>::BadSignature
			);
			// A fresh signature, over the new nonce, links again.
			link(1, twin, entity, &pair);
		});
	}

	#[test]
	fn a_link_signed_for_another_chain_or_controller_is_refused() {
		run(|| {
			let twin = twin_of(1);
			let (entity, pair) = sr25519_entity(5);
			let genesis = TwinsPallet::genesis_hash();
			let mut other_chain = genesis;
			other_chain.as_mut()[0] ^= 1;
			for message in [
				link_message(&other_chain, entity, twin, &1u64, 0),
				link_message(&genesis, entity, twin, &2u64, 0),
			] {
				let signature = EntitySignature::Sr25519(pair.sign(&message).0);
				assert_noop!(
					TwinsPallet::link_entity(signed(1), twin, entity, signature),
					Error::<Test>::BadSignature
				);
			}
			// A browser wallet's wrapped signature of the right message links.
			let wrapped = [b"<Bytes>".as_slice(), &vouching(entity, twin), b"</Bytes>"].concat();
			let signature = EntitySignature::Sr25519(pair.sign(&wrapped).0);
			assert_ok!(TwinsPallet::link_entity(signed(1), twin, entity, signature));
		});
	}

	#[test]
	fn either_side_may_unlink() {
		run(|| {
			let twin = twin_of(1);
			let (entity, pair) = sr25519_entity(5);
			link(1, twin, entity, &pair);
			assert_noop!(
				TwinsPallet::unlink_entity(signed(3), twin, entity),
				Error::<Test>::NotTwinController
			);
			assert_ok!(TwinsPallet::unlink_entity(signed(5), twin, entity));
			assert_eq!(last_event(), TwinsEvent::EntityUnlinked { entity, twin });
			assert_noop!(
				TwinsPallet::unlink_entity(signed(1), twin, entity),
				Error::<Test>::NotLinked
			);
			link(1, twin, entity, &pair);
			assert_ok!(TwinsPallet::unlink_entity(signed(1), twin, entity));
			assert_eq!(Twins::<Test>::get(twin).unwrap().entities, 0);
			assert_eq!(Entities::<Test>::get(entity).unwrap().twins, 0);
			assert_noop!(
				TwinsPallet::unlink_entity(signed(1), 42, entity),
				Error::<Test>::TwinNotFound
			);
			assert_noop!(
				TwinsPallet::unlink_entity(signed(1), twin, 42),
				Error::<Test>::EntityNotFound
			);
		});
	}
}

mod registry {
	use super::*;

	#[test]
	fn records_resolve_by_two_numbers_and_numbers_are_not_reused() {
		run(|| {
			let twin = twin_of(1);
			let first =
				<TwinsPallet as TwinRegistry<AccountId>>::add_record(twin, RecordKind::Circle, 7)
					.unwrap();
			let second =
				<TwinsPallet as TwinRegistry<AccountId>>::add_record(twin, RecordKind::Farm, 3)
					.unwrap();
			assert_eq!((first, second), (1, 2));
			assert_eq!(
				Records::<Test>::get(twin, 2),
				Some(RecordRef { kind: RecordKind::Farm, key: 3 })
			);
			assert_ok!(<TwinsPallet as TwinRegistry<AccountId>>::remove_record(twin, first));
			assert_eq!(
				<TwinsPallet as TwinRegistry<AccountId>>::add_record(twin, RecordKind::Node, 1),
				Ok(3)
			);
			assert_noop!(
				<TwinsPallet as TwinRegistry<AccountId>>::remove_record(twin, first),
				Error::<Test>::RecordNotFound
			);
			assert_noop!(
				<TwinsPallet as TwinRegistry<AccountId>>::add_record(42, RecordKind::Node, 1),
				Error::<Test>::TwinNotFound
			);
		});
	}

	#[test]
	fn answers_who_may_act_for_a_twin() {
		run(|| {
			let parent = twin_of(1);
			let child = child_of(1, parent);
			assert!(<TwinsPallet as TwinRegistry<AccountId>>::exists(child));
			assert!(!<TwinsPallet as TwinRegistry<AccountId>>::exists(42));
			assert!(<TwinsPallet as TwinRegistry<AccountId>>::can_act_for(&1, child));
			assert!(!<TwinsPallet as TwinRegistry<AccountId>>::can_act_for(&2, child));
			assert!(!<TwinsPallet as TwinRegistry<AccountId>>::can_act_for(&1, 42));
		});
	}
}

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
