//! What a key signs to prove a claim on the phonebook, and how the chain checks it.
//!
//! Two claims need a key's signature: an entity vouching for a twin ([`link_message`]) and a
//! twin claiming a public key ([`key_message`]). Each message starts with a context of its
//! own, so that a signature for one claim is never valid for another, and binds the chain by
//! its genesis hash, so that a signature made for one chain is worthless on any other.
//!
//! A browser wallet's `signRaw` signs bytes wrapped as `<Bytes>message</Bytes>`; the chain
//! accepts a signature of the message itself or of that wrapped form.

use crate::{EntityId, TwinId};
use alloc::vec::Vec;
use codec::Encode;
use sp_core::{ecdsa, ed25519, sr25519};

/// The context that starts every link message.
pub const LINK_CONTEXT: &[u8] = b"zerochain:link-entity-twin";

/// The context that starts every key message.
pub const KEY_CONTEXT: &[u8] = b"zerochain:twin-public-key";

/// What a browser wallet puts before the bytes it is asked to sign.
const WRAP_START: &[u8] = b"<Bytes>";
/// What a browser wallet puts after them.
const WRAP_END: &[u8] = b"</Bytes>";

/// The message an entity signs to vouch for a twin: [`LINK_CONTEXT`] followed by the SCALE
/// encoding of (genesis hash, entity id, twin id, the twin's controller, the entity's nonce).
///
/// The controller makes the vouching void once the twin changes hands; the nonce, which every
/// unlink moves on, makes a withdrawn link's signature useless.
pub fn link_message<Hash: Encode, AccountId: Encode>(
	genesis: &Hash,
	entity: EntityId,
	twin: TwinId,
	controller: &AccountId,
	nonce: u32,
) -> Vec<u8> {
	let mut message = LINK_CONTEXT.to_vec();
	(genesis, entity, twin, controller, nonce).encode_to(&mut message);
	message
}

/// The message a public key signs to be a twin's key: [`KEY_CONTEXT`] followed by the SCALE
/// encoding of (genesis hash, twin id, the account that submits the claim).
///
/// The account makes a published proof useless to anyone else: a squatter who copies it
/// submits from another account.
pub fn key_message<Hash: Encode, AccountId: Encode>(
	genesis: &Hash,
	twin: TwinId,
	account: &AccountId,
) -> Vec<u8> {
	let mut message = KEY_CONTEXT.to_vec();
	(genesis, twin, account).encode_to(&mut message);
	message
}

/// Whether `verify` accepts `message`, bare or wrapped as a browser wallet signs it.
pub(crate) fn signed(message: &[u8], verify: impl Fn(&[u8]) -> bool) -> bool {
	verify(message) || verify(&[WRAP_START, message, WRAP_END].concat())
}

/// Whether `signature` is the sr25519 `key`'s signature of `message`.
pub(crate) fn sr25519(key: &[u8; 32], signature: &[u8; 64], message: &[u8]) -> bool {
	sp_io::crypto::sr25519_verify(
		&sr25519::Signature::from_raw(*signature),
		message,
		&sr25519::Public::from_raw(*key),
	)
}

/// Whether `signature` is the ed25519 `key`'s signature of `message`.
pub(crate) fn ed25519(key: &[u8; 32], signature: &[u8; 64], message: &[u8]) -> bool {
	sp_io::crypto::ed25519_verify(
		&ed25519::Signature::from_raw(*signature),
		message,
		&ed25519::Public::from_raw(*key),
	)
}

/// Whether `signature` is the compressed secp256k1 `key`'s ECDSA signature of `message`'s
/// BLAKE2b-256 hash.
pub(crate) fn ecdsa(key: &[u8; 33], signature: &[u8; 65], message: &[u8]) -> bool {
	sp_io::crypto::ecdsa_verify(
		&ecdsa::Signature::from_raw(*signature),
		message,
		&ecdsa::Public::from_raw(*key),
	)
}

#[cfg(test)]
mod tests {
	use super::*;
	use sp_core::Pair;

	#[test]
	fn messages_bind_every_part_of_the_claim() {
		let base = link_message(&[1u8; 32], 2, 3, &4u64, 5);
		assert!(base.starts_with(LINK_CONTEXT));
		for other in [
			link_message(&[9u8; 32], 2, 3, &4u64, 5),
			link_message(&[1u8; 32], 9, 3, &4u64, 5),
			link_message(&[1u8; 32], 2, 9, &4u64, 5),
			link_message(&[1u8; 32], 2, 3, &9u64, 5),
			link_message(&[1u8; 32], 2, 3, &4u64, 9),
		] {
			assert_ne!(base, other);
		}
		let key = key_message(&[1u8; 32], 3, &4u64);
		assert!(key.starts_with(KEY_CONTEXT));
		assert_ne!(key, key_message(&[9u8; 32], 3, &4u64));
		assert_ne!(key, key_message(&[1u8; 32], 9, &4u64));
		assert_ne!(key, key_message(&[1u8; 32], 3, &9u64));
	}

	#[test]
	fn a_wallets_wrapped_signature_counts_and_nothing_else_does() {
		sp_io::TestExternalities::default().execute_with(|| {
			let pair = sr25519::Pair::from_seed(&[7; 32]);
			let message = key_message(&[1u8; 32], 3, &4u64);
			let check = |signature: sr25519::Signature| {
				signed(&message, |m| sr25519(&pair.public().0, &signature.0, m))
			};
			assert!(check(pair.sign(&message)));
			assert!(check(pair.sign(&[WRAP_START, &message, WRAP_END].concat())));
			assert!(!check(pair.sign(&[WRAP_START, &message].concat())));
			assert!(!check(pair.sign(&message[1..])));

			let ecdsa_pair = ecdsa::Pair::from_seed(&[7; 32]);
			let signature = ecdsa_pair.sign(&message);
			assert!(ecdsa(&ecdsa_pair.public().0, &signature.0, &message));
			assert!(!ecdsa(&ecdsa_pair.public().0, &signature.0, &message[1..]));
		});
	}
}
