//! The council and the validator set on the local testnet's genesis: motion thresholds, the
//! door to root, and a proven GRANDPA equivocation removing its author.

mod common;

use codec::Encode;
use common::preset_state;
use frame_support::{assert_noop, assert_ok, dispatch::GetDispatchInfo, weights::Weight};
use sp_consensus_grandpa::{runtime_decl_for_grandpa_api::GrandpaApiV3, EquivocationProof, SetId};
use sp_core::H256;
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};
use zerochain_runtime::{
	genesis_config_presets::LOCAL_TESTNET_PRESET, AccountId, Block, Council, Grandpa, Runtime,
	RuntimeCall, RuntimeEvent, RuntimeOrigin, Session, SessionKeys, System, ValidatorSet,
};

fn account(who: Sr25519Keyring) -> AccountId {
	who.to_account_id()
}

fn validators() -> Vec<AccountId> {
	pallet_validator_set::Validators::<Runtime>::get().into_inner()
}

/// Ferdie, with session keys of its own, ready to be admitted.
fn ferdie_with_keys() -> AccountId {
	let ferdie = account(Sr25519Keyring::Ferdie);
	let (keys, proof) = keys_with_proof(FERDIE_KEYS, &ferdie);
	assert_ok!(Session::set_keys(RuntimeOrigin::signed(ferdie.clone()), keys, proof));
	ferdie
}

/// The call that admits `who` to the validator set.
fn admission(who: &AccountId) -> RuntimeCall {
	RuntimeCall::ValidatorSet(pallet_validator_set::Call::add_validator { who: who.clone() })
}

/// Alice proposes `call` to the council with `threshold`; she and the `ayes` councillors
/// vote aye; Eve closes the motion. Returns the motion's result.
fn motion(call: RuntimeCall, threshold: u32, ayes: &[Sr25519Keyring]) -> Result<(), String> {
	let length = call.encoded_size() as u32;
	let weight = call.get_dispatch_info().call_weight;
	let hash = sp_runtime::traits::BlakeTwo256::hash_of_call(&call);
	let index = pallet_collective::ProposalCount::<Runtime, _>::get();
	assert_ok!(Council::propose(
		RuntimeOrigin::signed(account(Sr25519Keyring::Alice)),
		threshold,
		Box::new(call),
		length
	));
	for &voter in [Sr25519Keyring::Alice].iter().chain(ayes) {
		assert_ok!(Council::vote(RuntimeOrigin::signed(account(voter)), hash, index, true));
	}
	assert_ok!(Council::close(
		RuntimeOrigin::signed(account(Sr25519Keyring::Eve)),
		hash,
		index,
		weight + Weight::from_parts(1_000_000_000, 0),
		length
	));
	System::events()
		.into_iter()
		.rev()
		.find_map(|record| match record.event {
			RuntimeEvent::Council(pallet_collective::Event::Executed { result, .. }) => {
				Some(result.map_err(|e| format!("{e:?}")))
			},
			_ => None,
		})
		.expect("the motion executed")
}

trait HashOfCall {
	fn hash_of_call(call: &RuntimeCall) -> H256;
}

impl HashOfCall for sp_runtime::traits::BlakeTwo256 {
	fn hash_of_call(call: &RuntimeCall) -> H256 {
		<Self as sp_runtime::traits::Hash>::hash_of(call)
	}
}

fn local() -> sp_io::TestExternalities {
	let mut ext = preset_state(LOCAL_TESTNET_PRESET);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

#[test]
fn three_fifths_of_the_council_admit_a_validator() {
	local().execute_with(|| {
		let ferdie = ferdie_with_keys();
		let admit = admission(&ferdie);
		// The motion passes with Alice and Bob: two fifths is not governance.
		let result = motion(admit.clone(), 2, &[Sr25519Keyring::Bob]);
		assert!(result.unwrap_err().contains("BadOrigin"));
		assert!(!validators().contains(&ferdie));
		// Alice, Bob and Charlie: three fifths.
		assert_eq!(motion(admit, 3, &[Sr25519Keyring::Bob, Sr25519Keyring::Charlie]), Ok(()));
		assert_eq!(validators().last(), Some(&ferdie));
	});
}

#[test]
fn acting_as_root_takes_four_fifths() {
	local().execute_with(|| {
		let stall = RuntimeCall::Governance(pallet_governance::Call::dispatch_as_root {
			call: Box::new(RuntimeCall::Grandpa(pallet_grandpa::Call::note_stalled {
				delay: 10,
				best_finalized_block_number: 0,
			})),
		});
		let three = [Sr25519Keyring::Bob, Sr25519Keyring::Charlie];
		assert!(motion(stall.clone(), 3, &three).unwrap_err().contains("BadOrigin"));
		assert_eq!(Grandpa::stalled(), None);
		let four = [Sr25519Keyring::Bob, Sr25519Keyring::Charlie, Sr25519Keyring::Dave];
		assert_eq!(motion(stall, 4, &four), Ok(()));
		assert_eq!(Grandpa::stalled(), Some((10, 0)));
	});
}

#[test]
fn a_councillor_alone_cannot_change_the_set() {
	local().execute_with(|| {
		let bob = account(Sr25519Keyring::Bob);
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::signed(bob.clone()), bob),
			sp_runtime::DispatchError::BadOrigin
		);
	});
}

/// Two prevotes by `voter` in round 1 of GRANDPA set `set_id` for different blocks.
fn double_prevote(set_id: SetId, voter: Ed25519Keyring) -> EquivocationProof<H256, u32> {
	let prevote = |hash: H256| {
		let prevote = finality_grandpa::Prevote { target_hash: hash, target_number: 1u32 };
		let message = finality_grandpa::Message::<H256, u32>::Prevote(prevote.clone());
		let payload = sp_consensus_grandpa::localized_payload(1, set_id, &message);
		(prevote, voter.sign(&payload).into())
	};
	EquivocationProof::new(
		set_id,
		sp_consensus_grandpa::Equivocation::Prevote(finality_grandpa::Equivocation {
			round_number: 1,
			identity: voter.public().into(),
			first: prevote(H256::repeat_byte(1)),
			second: prevote(H256::repeat_byte(2)),
		}),
	)
}

/// The proof the node asks the runtime for (`GrandpaApi_generate_key_ownership_proof`), that
/// `key` was a validator's in set `set_id`.
fn key_owner_proof(
	set_id: SetId,
	key: Ed25519Keyring,
) -> Option<pallet_validator_set::KeyOwnerProof> {
	<Runtime as GrandpaApiV3<Block>>::generate_key_ownership_proof(set_id, key.public().into())?
		.decode()
}

#[test]
fn a_proven_grandpa_equivocation_disables_and_removes_its_author() {
	local().execute_with(|| {
		let dave = account(Sr25519Keyring::Dave);
		let proof = key_owner_proof(0, Ed25519Keyring::Dave).expect("Dave validates session 0");
		assert_ok!(Grandpa::report_equivocation_unsigned(
			RuntimeOrigin::none(),
			Box::new(double_prevote(0, Ed25519Keyring::Dave)),
			proof.clone()
		));
		assert!(!validators().contains(&dave), "out of the set from session 2");
		assert_eq!(Session::disabled_validators(), vec![3], "and disabled now");
		System::assert_has_event(
			pallet_validator_set::Event::OffenderRemoved {
				who: dave,
				offence_session: 0,
				effective_session: 2,
			}
			.into(),
		);
		// The same offence again is a duplicate.
		assert!(Grandpa::report_equivocation_unsigned(
			RuntimeOrigin::none(),
			Box::new(double_prevote(0, Ed25519Keyring::Dave)),
			proof
		)
		.is_err());
	});
}

#[test]
fn an_equivocation_needs_a_proof_of_its_key_in_a_session_of_its_set() {
	use pallet_validator_set::KeyOwnerProof;
	local().execute_with(|| {
		let report = |voter, proof| {
			Grandpa::report_equivocation_unsigned(
				RuntimeOrigin::none(),
				Box::new(double_prevote(0, voter)),
				proof,
			)
		};
		let in_session_0 = key_owner_proof(0, Ed25519Keyring::Bob).expect("Bob validates");
		assert_eq!(in_session_0, KeyOwnerProof { session: 0, validator_count: 4 });
		let invalid = || pallet_grandpa::Error::<Runtime>::InvalidKeyOwnershipProof;
		// Ferdie's key was nobody's in session 0.
		assert_noop!(report(Ed25519Keyring::Ferdie, in_session_0.clone()), invalid());
		let miscounted = KeyOwnerProof { validator_count: 3, ..in_session_0 };
		assert_noop!(report(Ed25519Keyring::Bob, miscounted), invalid());
		// Session 1 is planned, but set 0 has not reached it.
		let in_session_1 = KeyOwnerProof { session: 1, validator_count: 4 };
		assert_noop!(
			report(Ed25519Keyring::Bob, in_session_1),
			pallet_grandpa::Error::<Runtime>::InvalidEquivocationProof
		);
		assert_eq!(validators().len(), 4);
	});
}

/// Reports `voter`'s double prevote in set `set_id`, proven with the key owner proof the node
/// would make.
fn report(
	set_id: SetId,
	voter: Ed25519Keyring,
) -> frame_support::dispatch::DispatchResultWithPostInfo {
	let proof = key_owner_proof(set_id, voter).expect("the key was a validator's in the set");
	Grandpa::report_equivocation_unsigned(
		RuntimeOrigin::none(),
		Box::new(double_prevote(set_id, voter)),
		proof,
	)
}

#[test]
fn a_validator_that_replaces_its_keys_is_proven_with_the_old_ones_while_they_are_in_use() {
	local().execute_with(|| {
		let dave = account(Sr25519Keyring::Dave);
		// Dave registers new keys in session 0; sessions 0 and 1 were planned with the old ones,
		// and GRANDPA's set 0 runs through both.
		let (keys, proof) = keys_with_proof(FERDIE_KEYS, &dave);
		assert_ok!(Session::set_keys(RuntimeOrigin::signed(dave.clone()), keys, proof));
		Session::rotate_session();
		assert_eq!((Session::current_index(), Grandpa::current_set_id()), (1, 0));
		assert_eq!(key_owner_proof(0, Ed25519Keyring::Ferdie), None, "not in use in set 0");
		// Its old key's double vote in session 1 is proven all the same.
		assert_ok!(report(0, Ed25519Keyring::Dave));
		System::assert_has_event(
			pallet_validator_set::Event::OffenderRemoved {
				who: dave.clone(),
				offence_session: 1,
				effective_session: 3,
			}
			.into(),
		);
		// Session 2 starts GRANDPA's set 1, with the new key, proven as Dave's.
		Session::rotate_session();
		assert_eq!((Session::current_index(), Grandpa::current_set_id()), (2, 1));
		assert_eq!(key_owner_proof(1, Ed25519Keyring::Dave), None, "no longer in use");
		assert_ok!(report(1, Ed25519Keyring::Ferdie));
		let offences = pallet_offences::Reports::<Runtime>::iter_values()
			.map(|details| details.offender)
			.collect::<Vec<_>>();
		assert_eq!(offences, vec![(dave.clone(), ()), (dave, ())]);
	});
}

#[test]
fn the_council_changes_itself_only_with_four_fifths() {
	local().execute_with(|| {
		let remove_bob = RuntimeCall::CouncilMembership(pallet_membership::Call::remove_member {
			who: sp_runtime::MultiAddress::Id(account(Sr25519Keyring::Bob)),
		});
		let three = [Sr25519Keyring::Charlie, Sr25519Keyring::Dave];
		assert!(motion(remove_bob.clone(), 3, &three).unwrap_err().contains("BadOrigin"));
		assert_eq!(pallet_collective::Members::<Runtime, _>::get().len(), 5);
		let four = [Sr25519Keyring::Charlie, Sr25519Keyring::Dave, Sr25519Keyring::Eve];
		assert_eq!(motion(remove_bob, 4, &four), Ok(()));
		let members = pallet_collective::Members::<Runtime, _>::get();
		assert_eq!(members.len(), 4);
		assert!(!members.contains(&account(Sr25519Keyring::Bob)));
	});
}

#[test]
fn silence_never_passes_a_motion() {
	local().execute_with(|| {
		let ferdie = ferdie_with_keys();
		let admit = admission(&ferdie);
		let length = admit.encoded_size() as u32;
		let hash = sp_runtime::traits::BlakeTwo256::hash_of_call(&admit);
		let alice = RuntimeOrigin::signed(account(Sr25519Keyring::Alice));
		assert_ok!(Council::propose(alice.clone(), 3, Box::new(admit), length));
		assert_ok!(Council::vote(alice.clone(), hash, 0, true));
		// The term ends with one aye and four councillors silent.
		System::set_block_number(1 + zerochain_runtime::configs::governance::MotionDuration::get());
		assert_ok!(Council::close(alice, hash, 0, Weight::from_parts(1_000_000_000, 0), length));
		System::assert_has_event(
			pallet_collective::Event::<Runtime, _>::Disapproved { proposal_hash: hash }.into(),
		);
		assert!(!validators().contains(&ferdie));
	});
}

#[test]
fn no_one_purges_session_keys() {
	local().execute_with(|| {
		use sp_runtime::traits::Dispatchable;
		let purge = RuntimeCall::Session(pallet_session::Call::purge_keys {});
		let refused = purge.dispatch(RuntimeOrigin::signed(account(Sr25519Keyring::Dave)));
		assert_eq!(refused.unwrap_err().error, frame_system::Error::<Runtime>::CallFiltered.into());
		assert_eq!(pallet_session::Pallet::<Runtime>::validators().len(), 4);
	});
}

/// Aura and GRANDPA keys from the keyring, with its proof that it holds them.
fn keys_with_proof(
	(aura, grandpa): (Sr25519Keyring, Ed25519Keyring),
	by: &AccountId,
) -> (SessionKeys, Vec<u8>) {
	use sp_core::{proof_of_possession::ProofOfPossessionGenerator, Pair};
	let (mut aura, mut grandpa) = (aura.pair(), grandpa.pair());
	let keys = SessionKeys { aura: aura.public().into(), grandpa: grandpa.public().into() };
	let owner = by.encode();
	let proof =
		(aura.generate_proof_of_possession(&owner), grandpa.generate_proof_of_possession(&owner));
	(keys, proof.encode())
}

const FERDIE_KEYS: (Sr25519Keyring, Ed25519Keyring) =
	(Sr25519Keyring::Ferdie, Ed25519Keyring::Ferdie);

#[test]
fn session_keys_hold_a_deposit_until_an_account_outside_the_set_withdraws_them() {
	use frame_support::traits::fungible::InspectHold;
	use sp_runtime::traits::Dispatchable;
	use zerochain_runtime::{Balances, RuntimeHoldReason, UNITS};
	preset_state(LOCAL_TESTNET_PRESET).execute_with(|| {
		let ferdie = account(Sr25519Keyring::Ferdie);
		let held = || {
			let keys = RuntimeHoldReason::Session(pallet_session::HoldReason::Keys);
			Balances::balance_on_hold(&keys, &ferdie)
		};
		// A proof made for another account proves nothing.
		let (keys, stolen) = keys_with_proof(FERDIE_KEYS, &account(Sr25519Keyring::Eve));
		assert_noop!(
			Session::set_keys(RuntimeOrigin::signed(ferdie.clone()), keys, stolen),
			pallet_session::Error::<Runtime>::InvalidProof
		);
		let (keys, proof) = keys_with_proof(FERDIE_KEYS, &ferdie);
		assert_ok!(Session::set_keys(RuntimeOrigin::signed(ferdie.clone()), keys, proof));
		assert_eq!(held(), UNITS, "storing keys costs what a twin does");

		// The runtime refuses purging keys to everyone; an account outside the set withdraws
		// them, and a member cannot.
		let purge = RuntimeCall::Session(pallet_session::Call::purge_keys {});
		let refused = purge.dispatch(RuntimeOrigin::signed(ferdie.clone())).map_err(|e| e.error);
		assert_eq!(refused, Err(frame_system::Error::<Runtime>::CallFiltered.into()));
		assert_noop!(
			ValidatorSet::withdraw_keys(RuntimeOrigin::signed(account(Sr25519Keyring::Alice))),
			pallet_validator_set::Error::<Runtime>::StillValidator
		);
		assert_ok!(ValidatorSet::withdraw_keys(RuntimeOrigin::signed(ferdie.clone())));
		assert_eq!(held(), 0);
		assert!(pallet_session::NextKeys::<Runtime>::get(&ferdie).is_none());
	});
}
