//! Who held which key in each session: the record equivocation reports are proven against.
//!
//! An equivocation is signed with the key its validator had in the session it voted in. The
//! session pallet keeps only the keys registered for the next session (`NextKeys`), so a
//! validator that registers new keys and then votes twice with its old ones, still in use for
//! two sessions, could not be proven to have done so from them. This pallet records, as each
//! session is planned, the keys the session pallet queues for it, and proves ownership from
//! that record for as long as the history lasts ([`Config::HistoryDepth`]).
//!
//! A proof-of-authority set is small (at most [`Config::MaxValidators`]) and its keys rarely
//! change, so consecutive sessions with the same keys share one list ([`KeySets`]) and each
//! session points at its list ([`SessionKeySet`]); a proof only names the session and the size of its
//! set, which the chain checks against the record.
//!
//! The record is what the session pallet queued, not what GRANDPA enacted: were GRANDPA to
//! refuse a set change (one is forced and pending after `note_stalled`), its set would run on
//! into sessions whose record holds the keys it refused, and a proof for such a session would
//! not find a key of the set still voting. A proof for the set's earlier sessions still
//! would.

use crate::{Config, KeySetOf, KeySets, Pallet, SessionControl, SessionKeySet};
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode};
use frame_support::traits::KeyOwnerProofSystem;
use scale_info::TypeInfo;
use sp_runtime::{KeyTypeId, RuntimeAppPublic};
use sp_staking::SessionIndex;

/// The session key this pallet records, for the runtime's `Session` adapter.
pub type KeyOf<T> =
	<<T as Config>::Session as SessionControl<<T as frame_system::Config>::AccountId>>::Key;

/// A proof that a key was a validator's in a session: the session and how many validators had
/// keys in it (the size of the set an offence is weighed against), both checked against the
/// record. Opaque to the node, which asks the runtime for it (`GrandpaApi`'s
/// `generate_key_ownership_proof`) and hands it back with the report.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct KeyOwnerProof {
	/// The session the key was used in.
	pub session: SessionIndex,
	/// How many validators had keys in that session.
	pub validator_count: u32,
}

impl sp_session::GetSessionNumber for KeyOwnerProof {
	fn session(&self) -> SessionIndex {
		self.session
	}
}

impl sp_session::GetValidatorCount for KeyOwnerProof {
	fn validator_count(&self) -> u32 {
		self.validator_count
	}
}

impl<T: Config> Pallet<T> {
	/// Records the keys the session pallet queues for session `index`: those of `validators`
	/// that have keys, in order. A list equal to the previous session's is shared with it.
	pub(crate) fn note_keys(index: SessionIndex, validators: Vec<T::AccountId>) {
		let keys: Vec<_> = validators
			.into_iter()
			.filter_map(|who| T::Session::key_of(&who).map(|key| (who, key)))
			.collect();
		// The session pallet never queues more validators than this pallet hands it.
		let keys = KeySetOf::<T>::truncate_from(keys);
		let previous = index.checked_sub(1).and_then(SessionKeySet::<T>::get);
		let first = match previous {
			Some(first) if KeySets::<T>::get(first).as_ref() == Some(&keys) => first,
			_ => {
				KeySets::<T>::insert(index, keys);
				index
			},
		};
		SessionKeySet::<T>::insert(index, first);
	}

	/// Forgets the session before `start`, the oldest of the history, and its keys if no
	/// later session shares them: its equivocations can no longer be proven. Called once a
	/// session, so every session is forgotten in turn.
	pub(crate) fn forget_keys_before(start: SessionIndex) {
		let Some(oldest) = start.checked_sub(1) else { return };
		let Some(first) = SessionKeySet::<T>::take(oldest) else { return };
		if SessionKeySet::<T>::get(start) != Some(first) {
			KeySets::<T>::remove(first);
		}
	}

	/// The keys of session `session`'s validators, while the history holds it.
	pub fn keys_in(session: SessionIndex) -> Option<KeySetOf<T>> {
		SessionKeySet::<T>::get(session).and_then(KeySets::<T>::get)
	}

	/// A proof that `key` was a validator's in `session`, if it was and the history still holds
	/// the session.
	pub fn prove_in(session: SessionIndex, key: &KeyOf<T>) -> Option<KeyOwnerProof> {
		let keys = Self::keys_in(session)?;
		keys.iter()
			.any(|(_, held)| held == key)
			.then(|| KeyOwnerProof { session, validator_count: keys.len() as u32 })
	}
}

/// How `pallet_grandpa` (through its equivocation report system) proves and checks that a key
/// was a validator's. The identification is the validator's account, with nothing more (a
/// staking chain would carry its exposure there).
impl<T: Config> KeyOwnerProofSystem<(KeyTypeId, KeyOf<T>)> for Pallet<T> {
	type Proof = KeyOwnerProof;
	type IdentificationTuple = (T::AccountId, ());

	/// For the ongoing session.
	fn prove((key_type, key): (KeyTypeId, KeyOf<T>)) -> Option<KeyOwnerProof> {
		if key_type != KeyOf::<T>::ID {
			return None;
		}
		Self::prove_in(T::Session::current_session(), &key)
	}

	fn check_proof(
		(key_type, key): (KeyTypeId, KeyOf<T>),
		proof: KeyOwnerProof,
	) -> Option<(T::AccountId, ())> {
		if key_type != KeyOf::<T>::ID {
			return None;
		}
		let keys = Self::keys_in(proof.session)?;
		if keys.len() as u32 != proof.validator_count {
			return None;
		}
		keys.into_iter().find(|(_, held)| *held == key).map(|(who, _)| (who, ()))
	}
}
