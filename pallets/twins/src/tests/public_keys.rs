//! Unit tests: public keys.

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
		assert_noop!(claim_key(2, squatter, key, proof), Error::<Test>::BadKeyProof);
		assert_noop!(
			TwinsPallet::set_public_key(signed(2), squatter, Some(key), None),
			Error::<Test>::BadKeyProof
		);
		assert_ok!(claim_key(1, owner, key, proof));
		assert_eq!(TwinByKey::<Test>::get(key), Some(owner));
		assert_eq!(last_event(), TwinsEvent::PublicKeySet { twin: owner, public_key: Some(key) });
	});
}

#[test]
fn a_proof_is_bound_to_the_chain_the_twin_and_the_account() {
	run(|| {
		let (twin, other) = family(1);
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
			assert_noop!(claim_key(1, twin, key, proof), Error::<Test>::BadKeyProof);
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
			assert_ok!(claim_key(1, twin, key, proof));
			assert_eq!(TwinByKey::<Test>::get(key), Some(twin));
		}
		// A proof of another scheme, or of another key, proves nothing.
		let ed_proof = KeyProof::Ed25519(ed.sign(&message).0);
		assert_noop!(
			claim_key(1, twin, PublicKey::Sr25519(ed.public().0), ed_proof),
			Error::<Test>::BadKeyProof
		);
		let mut compressed = [2u8; 33];
		compressed[1] = 9;
		let ec_proof = KeyProof::Secp256k1(ec.sign(&message).0);
		assert_noop!(
			claim_key(1, twin, PublicKey::Secp256k1(compressed), ec_proof),
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
			claim_key(1, first, key, KeyProof::Ed25519([0; 64])),
			Error::<Test>::BadKeyProof
		);
	});
}
