//! Two-number addresses: every record on the chain is addressed by the twin that owns it and
//! a record number that twin handed out. The twins pallet keeps the addresses; the pallet that
//! adds a record says what kind it is, so the twins pallet needs to know nothing of circles,
//! farms or nodes.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// The kind of record a two-number address points to.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub enum RecordKind {
	/// A twin owned by the addressing twin.
	Twin,
	/// A circle (pallet-circles).
	Circle,
	/// A farm (pallet-grid).
	Farm,
	/// A node (pallet-grid).
	Node,
	/// The twin's place in a circle (pallet-circles): a membership, an invitation or a
	/// request to join, keyed by the circle's id.
	Membership,
}

impl RecordKind {
	/// Whether a record of this kind holds a deposit or gives control over something — all
	/// but a membership of someone else's circle, which is only a right the twin was granted.
	pub fn is_holding(self) -> bool {
		self != RecordKind::Membership
	}
}

/// What a two-number address resolves to: the record's kind and its id in the pallet that
/// keeps it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub struct RecordRef {
	/// Which pallet's record.
	pub kind: RecordKind,
	/// Its id there.
	pub key: u32,
}
