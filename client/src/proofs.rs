//! The messages a key signs for the chain, byte for byte as docs/phonebook.md gives them and
//! `pallet_twins::proofs` checks them.

/// What the twins pallet prefixes to a key's proof, so that no other signed message passes.
const KEY_CONTEXT: &[u8] = b"zerochain:twin-public-key";

/// The message a public key signs to be twin `twin`'s key: the context, then the SCALE
/// encoding of (genesis hash, twin id, the account that submits the claim) — fixed-size
/// fields, so their bytes in order.
pub(crate) fn key_message(genesis: &[u8], twin: u32, account: &[u8]) -> Vec<u8> {
	[KEY_CONTEXT, genesis, &twin.to_le_bytes(), account].concat()
}
