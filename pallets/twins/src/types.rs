//! The twins pallet's domain types. A value that must be valid — a relay, a name, a key, a
//! country — is a type whose only constructor checks it: once a call holds one, it is valid.

use crate::proofs;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use zerochain_primitives::{CountryCode, EntityText, RecordId, TwinId, TwinName};

/// The longest relay: a DNS host name's limit.
pub const MAX_RELAY_LEN: u32 = 253;

/// Why a value of this pallet's was refused; the pallet maps each to its own error.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Invalid {
	/// Not a host name.
	Relay,
	/// Not a usable public key.
	PublicKey,
}

zerochain_primitives::checked_bytes! {
	/// Where a twin can be reached: a host name of dot-separated labels of `[A-Za-z0-9_-]`,
	/// none empty, at most 253 bytes. Labels may be all digits, so an IPv4 address is a relay
	/// too.
	pub struct Relay(max MAX_RELAY_LEN) from RelayInput;
	rule |bytes| {
		let label_ok = |label: &[u8]| {
			!label.is_empty()
				&& label.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_')
		};
		bytes.split(|b| *b == b'.').all(label_ok)
	};
	invalid Invalid = Invalid::Relay;
}

/// A public key others use to write to a twin privately. The scheme fixes the length; a
/// compressed secp256k1 key must also start with 0x02 or 0x03.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub enum PublicKey {
	/// An ed25519 key.
	Ed25519([u8; 32]),
	/// An sr25519 key.
	Sr25519([u8; 32]),
	/// An x25519 (Diffie-Hellman) key.
	X25519([u8; 32]),
	/// A compressed secp256k1 key.
	Secp256k1([u8; 33]),
}

impl PublicKey {
	/// Whether the key can sign, and so prove that its holder claims it: every scheme but
	/// X25519, a key-agreement key. Only such keys are unique in the phonebook.
	pub fn signs(&self) -> bool {
		!matches!(self, PublicKey::X25519(_))
	}

	/// Whether `proof` is this key's signature over `message`, bare or wrapped as a browser
	/// wallet signs raw bytes. A proof of another scheme is not valid.
	pub fn proven_by(&self, proof: &KeyProof, message: &[u8]) -> bool {
		match (self, proof) {
			(PublicKey::Sr25519(key), KeyProof::Sr25519(sig)) => {
				proofs::signed(message, |m| proofs::sr25519(key, sig, m))
			},
			(PublicKey::Ed25519(key), KeyProof::Ed25519(sig)) => {
				proofs::signed(message, |m| proofs::ed25519(key, sig, m))
			},
			(PublicKey::Secp256k1(key), KeyProof::Secp256k1(sig)) => {
				proofs::signed(message, |m| proofs::ecdsa(key, sig, m))
			},
			_ => false,
		}
	}

	/// The key, if it is well formed.
	pub fn checked(self) -> Result<Self, Invalid> {
		match self {
			PublicKey::Secp256k1(bytes) if !matches!(bytes[0], 0x02 | 0x03) => {
				Err(Invalid::PublicKey)
			},
			key => Ok(key),
		}
	}
}

/// A public key's signature over [`proofs::key_message`], proving that the key's holder
/// claims it for the twin.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub enum KeyProof {
	/// An sr25519 signature.
	Sr25519([u8; 64]),
	/// An ed25519 signature.
	Ed25519([u8; 64]),
	/// A secp256k1 ECDSA signature (r, s, recovery id) of the message's BLAKE2b-256 hash,
	/// as polkadot-sdk's `ecdsa::Pair::sign` makes it.
	Secp256k1([u8; 65]),
}

/// Where a child twin sits: its parent and its record number in the parent.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub struct ParentLink {
	/// The parent twin.
	pub twin: TwinId,
	/// The child's record number in the parent.
	pub record: RecordId,
}

/// A transfer offered and not yet accepted.
#[derive(Clone, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub struct PendingTransfer<AccountId> {
	/// The account the twin is offered to.
	pub to: AccountId,
	/// The account that offered it. A child twin leaves its parent only on an offer from an
	/// account that may act for the parent: its own controller cannot take it out of the tree
	/// it was handed to.
	pub by: AccountId,
}

/// A twin: the digital self of a person, an entity or a thing they own.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, MaxEncodedLen, Debug)]
pub struct Twin<AccountId, Deposit> {
	/// The account that controls the twin. The controllers of its ancestors may act for it too.
	pub account: AccountId,
	/// The twin that owns this one, for a child twin.
	pub parent: Option<ParentLink>,
	/// How many ancestors it has: 0 for a top-level twin.
	pub depth: u32,
	/// Where it can be reached.
	pub relay: Option<Relay>,
	/// Its key for private messages.
	pub public_key: Option<PublicKey>,
	/// Its unique handle.
	pub name: Option<TwinName>,
	/// The ticket of the deposit held on `account` for it.
	pub deposit: Deposit,
	/// The twins it owns.
	pub children: u32,
	/// The records it owns, its children included.
	pub records: u32,
	/// Its records that hold a deposit or give control — child twins, circles, farms, nodes —
	/// as opposed to its memberships of others' circles. A twin with any cannot change hands:
	/// they would stay with the old controller.
	pub holdings: u32,
	/// The last record number handed out.
	pub last_record: RecordId,
	/// The entities that vouch for it.
	pub entities: u32,
}

impl<AccountId, Deposit> Twin<AccountId, Deposit> {
	/// The twin as the phonebook's queries show it: `records` counts its holdings alone, and
	/// `last_record` is left at 0. Its memberships are left out, since their number would tell
	/// how many private circles it is in, and so is the last record number handed out, whose
	/// rise between two blocks with no record to show for it would tell that it joined one;
	/// the circles pallet lists the memberships of public circles.
	pub fn shown(self) -> Self {
		Self { records: self.holdings, last_record: 0, ..self }
	}
}

/// What kind of person or body an entity is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub enum EntityKind {
	/// A natural person.
	Person,
	/// A company.
	Company,
	/// A trust or foundation.
	Trust,
	/// A government body.
	Government,
	/// Any other legal body.
	Other,
}

/// The key an entity signs its links to twins with.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub enum EntityKey {
	/// An sr25519 key.
	Sr25519([u8; 32]),
	/// An ed25519 key.
	Ed25519([u8; 32]),
}

/// An entity's signature over [`proofs::link_message`].
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub enum EntitySignature {
	/// An sr25519 signature.
	Sr25519([u8; 64]),
	/// An ed25519 signature.
	Ed25519([u8; 64]),
}

impl EntityKey {
	/// Whether `signature` is this key's signature over `message`, bare or wrapped as a
	/// browser wallet signs raw bytes (see [`crate::proofs`]). A signature of the other
	/// scheme, or any malformed one, is simply not valid.
	pub fn verifies(&self, signature: &EntitySignature, message: &[u8]) -> bool {
		// A twin's key checks its proof the same way; the schemes are a subset of its own.
		let proof = match *signature {
			EntitySignature::Sr25519(sig) => KeyProof::Sr25519(sig),
			EntitySignature::Ed25519(sig) => KeyProof::Ed25519(sig),
		};
		let key = match *self {
			EntityKey::Sr25519(key) => PublicKey::Sr25519(key),
			EntityKey::Ed25519(key) => PublicKey::Ed25519(key),
		};
		key.proven_by(&proof, message)
	}
}

/// A person or legal entity that vouches for twins.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, MaxEncodedLen, Debug)]
pub struct Entity<AccountId, Deposit> {
	/// The account that registered it and may change or delete it.
	pub account: AccountId,
	/// What it is.
	pub kind: EntityKind,
	/// Its name.
	pub name: EntityText,
	/// Its country.
	pub country: CountryCode,
	/// Its city.
	pub city: EntityText,
	/// The key that signs its links.
	pub key: EntityKey,
	/// The ticket of the deposit held on `account` for it.
	pub deposit: Deposit,
	/// The twins it vouches for.
	pub twins: u32,
	/// Part of every link message it signs; each unlink moves it on, so that the signature of
	/// a withdrawn link can never link again.
	pub nonce: u32,
}
