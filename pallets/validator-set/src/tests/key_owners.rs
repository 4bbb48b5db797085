//! The record of who held which key in each session, and the proofs checked against it.

use super::*;
use crate::{KeyOwnerProof, KeySets, SessionKeySet};
use frame_support::{assert_ok, traits::KeyOwnerProofSystem};
use sp_runtime::{key_types::DUMMY, testing::UintAuthorityId};

fn key(id: u64) -> UintAuthorityId {
	UintAuthorityId(id)
}

/// Whom a proof made now for `key` names, checked as `pallet_grandpa` checks it.
fn proven_owner(id: u64) -> Option<AccountId> {
	let proof = ValidatorSet::prove((DUMMY, key(id)))?;
	ValidatorSet::check_proof((DUMMY, key(id)), proof).map(|(who, ())| who)
}

/// The record of the planned session is what the session pallet queued for it.
fn assert_record_is_queued() {
	let planned = Session::current_index() + 1;
	let recorded = ValidatorSet::keys_in(planned).expect("the planned session is recorded");
	assert_eq!(recorded.into_inner(), Session::queued_keys());
}

#[test]
fn a_validator_that_replaces_its_keys_is_proven_with_the_old_ones_while_they_are_used() {
	run(|| {
		reach_session(2);
		assert_ok!(Session::set_keys(RuntimeOrigin::signed(1), key(11), vec![]));
		// Sessions 2 and 3 were planned with the old key: its votes in them are 1's.
		assert_eq!(proven_owner(1), Some(1));
		assert_eq!(proven_owner(11), None, "the new key is not in use yet");
		end_session_authored_by(&active());
		assert_record_is_queued();
		assert_eq!(proven_owner(1), Some(1));
		assert_eq!(proven_owner(11), None);
		let in_session_3 = ValidatorSet::prove((DUMMY, key(1))).unwrap();
		end_session_authored_by(&active());
		// Session 4 uses the new key; the old one is proven for session 3 all the same.
		assert_eq!(proven_owner(11), Some(1));
		assert_eq!(proven_owner(1), None);
		assert_eq!(ValidatorSet::check_proof((DUMMY, key(1)), in_session_3), Some((1, ())));
	});
}

#[test]
fn the_record_is_what_the_session_pallet_queued_through_every_change() {
	run(|| {
		assert_record_is_queued();
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 5));
		end_session_authored_by(&active());
		assert_record_is_queued();
		assert_ok!(Session::set_keys(RuntimeOrigin::signed(2), key(12), vec![]));
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 3));
		end_session_authored_by(&active());
		assert_record_is_queued();
		assert_ok!(Session::set_keys(RuntimeOrigin::signed(5), key(15), vec![]));
		for _ in 0..HISTORY_DEPTH + 2 {
			end_session_authored_by(&active());
			assert_record_is_queued();
		}
	});
}

#[test]
fn a_proof_names_its_session_and_the_size_of_its_set() {
	run(|| {
		let proof = ValidatorSet::prove((DUMMY, key(2))).unwrap();
		assert_eq!(proof, KeyOwnerProof { session: 0, validator_count: 4 });
		let miscounted = KeyOwnerProof { validator_count: 3, ..proof.clone() };
		assert_eq!(ValidatorSet::check_proof((DUMMY, key(2)), miscounted), None);
		let unplanned = KeyOwnerProof { session: 2, ..proof.clone() };
		assert_eq!(ValidatorSet::check_proof((DUMMY, key(2)), unplanned), None);
		let other_kind = sp_runtime::KeyTypeId(*b"gran");
		assert_eq!(ValidatorSet::check_proof((other_kind, key(2)), proof.clone()), None);
		assert_eq!(ValidatorSet::prove((other_kind, key(2))), None);
		assert_eq!(ValidatorSet::check_proof((DUMMY, key(5)), proof), None, "5 only has keys");
	});
}

#[test]
fn an_unchanged_list_of_keys_is_stored_once_and_the_oldest_session_forgotten() {
	run(|| {
		assert_eq!(
			KeySets::<Test>::iter_keys().count(),
			1,
			"sessions 0 and 1 share the genesis keys"
		);
		reach_session(HISTORY_DEPTH + 2);
		assert_eq!(KeySets::<Test>::iter_keys().count(), 1);
		let oldest = Session::current_index() + 1 - HISTORY_DEPTH;
		assert_eq!(SessionKeySet::<Test>::iter_keys().min(), Some(oldest));
		let stale = KeyOwnerProof { session: oldest - 1, validator_count: 4 };
		assert_eq!(ValidatorSet::check_proof((DUMMY, key(1)), stale), None);
		// A new key makes a new list; the old one goes with the last session that used it.
		assert_ok!(Session::set_keys(RuntimeOrigin::signed(4), key(14), vec![]));
		end_session_authored_by(&active());
		assert_eq!(KeySets::<Test>::iter_keys().count(), 2);
		reach_session(Session::current_index() + HISTORY_DEPTH + 1);
		assert_eq!(KeySets::<Test>::iter_keys().count(), 1);
	});
}
