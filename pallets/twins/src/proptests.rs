//! Random sequences of calls from several accounts. After every step: a refused call changed
//! nothing, the pallet's invariants hold (`do_try_state`), and every account's held deposits
//! are exactly those of the twins and entities it holds.

use crate::{mock::*, *};
use frame_support::{traits::fungible::InspectHold, BoundedVec};
use proptest::prelude::*;
use sp_core::{sr25519, Pair};
use zerochain_primitives::TwinRegistry;

/// Accounts 1 to 4 act; they are all endowed.
const ACCOUNTS: u64 = 4;

#[derive(Clone, Debug)]
enum Step {
	CreateTwin { who: u64, name: Option<u8> },
	CreateChild { who: u64, parent: u32 },
	SetName { who: u64, twin: u32, name: Option<u8> },
	SetKey { who: u64, twin: u32, key: Option<u8> },
	Delete { who: u64, twin: u32 },
	Request { who: u64, twin: u32, to: u64 },
	Accept { who: u64, twin: u32, parent: Option<u32> },
	Cancel { who: u64, twin: u32 },
	CreateEntity { who: u64 },
	DeleteEntity { who: u64, entity: u32 },
	Link { who: u64, twin: u32, entity: u32 },
	Unlink { who: u64, twin: u32, entity: u32 },
	AddRecord { twin: u32 },
	RemoveRecord { twin: u32, record: u32 },
}

fn step() -> impl Strategy<Value = Step> {
	let who = 1..=ACCOUNTS;
	let twin = 1u32..8;
	let small = proptest::option::of(0u8..4);
	prop_oneof![
		(who.clone(), small.clone()).prop_map(|(who, name)| Step::CreateTwin { who, name }),
		(who.clone(), twin.clone()).prop_map(|(who, parent)| Step::CreateChild { who, parent }),
		(who.clone(), twin.clone(), small.clone()).prop_map(|(who, twin, name)| Step::SetName {
			who,
			twin,
			name
		}),
		(who.clone(), twin.clone(), small).prop_map(|(who, twin, key)| Step::SetKey {
			who,
			twin,
			key
		}),
		(who.clone(), twin.clone()).prop_map(|(who, twin)| Step::Delete { who, twin }),
		(who.clone(), twin.clone(), who.clone()).prop_map(|(who, twin, to)| Step::Request {
			who,
			twin,
			to
		}),
		(who.clone(), twin.clone(), proptest::option::of(twin.clone()))
			.prop_map(|(who, twin, parent)| Step::Accept { who, twin, parent }),
		(who.clone(), twin.clone()).prop_map(|(who, twin)| Step::Cancel { who, twin }),
		who.clone().prop_map(|who| Step::CreateEntity { who }),
		(who.clone(), 1u32..4).prop_map(|(who, entity)| Step::DeleteEntity { who, entity }),
		(who.clone(), twin.clone(), 1u32..4).prop_map(|(who, twin, entity)| Step::Link {
			who,
			twin,
			entity
		}),
		(who, twin.clone(), 1u32..4).prop_map(|(who, twin, entity)| Step::Unlink {
			who,
			twin,
			entity
		}),
		twin.clone().prop_map(|twin| Step::AddRecord { twin }),
		(twin, 1u32..4).prop_map(|(twin, record)| Step::RemoveRecord { twin, record }),
	]
}

/// The key every entity of `who` signs with.
fn entity_pair(who: u64) -> sr25519::Pair {
	sr25519::Pair::from_seed(&[who as u8; 32])
}

fn name(seed: u8) -> NameInput {
	BoundedVec::truncate_from(alloc::format!("name{seed}").into_bytes())
}

fn apply(step: Step) -> sp_runtime::DispatchResult {
	let signed = RuntimeOrigin::signed;
	let registry_add = <TwinsPallet as TwinRegistry<AccountId>>::add_record;
	match step {
		Step::CreateTwin { who, name: n } => {
			TwinsPallet::create_twin(signed(who), None, n.map(name))
		},
		Step::CreateChild { who, parent } => {
			TwinsPallet::create_child_twin(signed(who), parent, None, None)
		},
		Step::SetName { who, twin, name: n } => {
			TwinsPallet::set_name(signed(who), twin, n.map(name))
		},
		Step::SetKey { who, twin, key } => {
			// Odd seeds are X25519 keys (no proof, not unique), even ones proven sr25519 keys.
			let (key, proof) = match key {
				Some(k) if k % 2 == 1 => (Some(PublicKey::X25519([k; 32])), None),
				Some(k) => {
					let pair = sr25519::Pair::from_seed(&[k + 100; 32]);
					let message = key_message(&TwinsPallet::genesis_hash(), twin, &who);
					let proof = KeyProof::Sr25519(pair.sign(&message).0);
					(Some(PublicKey::Sr25519(pair.public().0)), Some(proof))
				},
				None => (None, None),
			};
			TwinsPallet::set_public_key(signed(who), twin, key, proof)
		},
		Step::Delete { who, twin } => {
			TwinsPallet::delete_twin(signed(who), twin).map(|_| ()).map_err(|e| e.error)
		},
		Step::Request { who, twin, to } => TwinsPallet::request_transfer(signed(who), twin, to),
		Step::Accept { who, twin, parent } => {
			let accepted = TwinsPallet::accept_transfer(signed(who), twin, parent);
			if accepted.is_ok() {
				let record = Twins::<Test>::get(twin).expect("an accepted twin exists");
				assert_eq!(record.parent.map(|link| link.twin), parent, "placed where asked");
			}
			accepted.map(|_| ()).map_err(|e| e.error)
		},
		Step::Cancel { who, twin } => TwinsPallet::cancel_transfer(signed(who), twin),
		Step::CreateEntity { who } => TwinsPallet::create_entity(
			signed(who),
			EntityKind::Person,
			BoundedVec::truncate_from(b"Someone".to_vec()),
			*b"BE",
			BoundedVec::truncate_from(b"Gent".to_vec()),
			EntityKey::Sr25519(entity_pair(who).public().0),
		),
		Step::DeleteEntity { who, entity } => TwinsPallet::delete_entity(signed(who), entity),
		Step::Link { who, twin, entity } => {
			// Signed by the entity's real key when it exists, so that links do happen.
			let (signer, nonce) =
				Entities::<Test>::get(entity).map_or((who, 0), |e| (e.account, e.nonce));
			let controller = Twins::<Test>::get(twin).map_or(who, |t| t.account);
			let message =
				link_message(&TwinsPallet::genesis_hash(), entity, twin, &controller, nonce);
			let signature = entity_pair(signer).sign(&message);
			TwinsPallet::link_entity(
				signed(who),
				twin,
				entity,
				EntitySignature::Sr25519(signature.0),
			)
		},
		Step::Unlink { who, twin, entity } => TwinsPallet::unlink_entity(signed(who), twin, entity),
		Step::AddRecord { twin } => {
			let kind = if twin % 2 == 0 { RecordKind::Membership } else { RecordKind::Circle };
			registry_add(twin, kind, twin).map(|_| ())
		},
		Step::RemoveRecord { twin, record } => {
			// Only records of other pallets: a child twin's record goes with the child.
			match Records::<Test>::get(twin, record) {
				Some(RecordRef { kind: RecordKind::Twin, .. }) => Ok(()),
				_ => <TwinsPallet as TwinRegistry<AccountId>>::remove_record(twin, record),
			}
		},
	}
}

fn held(account: AccountId, reason: HoldReason) -> Balance {
	Balances::balance_on_hold(&reason.into(), &account)
}

fn check_deposits() {
	for account in 1..=ACCOUNTS {
		let twins = Twins::<Test>::iter_values().filter(|t| t.account == account).count() as u64;
		let entities =
			Entities::<Test>::iter_values().filter(|e| e.account == account).count() as u64;
		assert_eq!(held(account, HoldReason::TwinDeposit), twins * TWIN_DEPOSIT);
		assert_eq!(held(account, HoldReason::EntityDeposit), entities * ENTITY_DEPOSIT);
	}
}

proptest! {
	#![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

	#[test]
	fn indices_and_deposits_stay_consistent(steps in proptest::collection::vec(step(), 1..60)) {
		new_test_ext().execute_with(|| {
			for step in steps {
				let _ = zerochain_test_utils::refused_changes_nothing!(step, apply(step.clone()));
				TwinsPallet::do_try_state().unwrap_or_else(|e| panic!("after {step:?}: {e:?}"));
				check_deposits();
			}
		});
	}
}
