//! The circles pallet's domain types: roles, rights and the rights each role grants, and the
//! texts a circle carries, each only constructible valid.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use zerochain_primitives::{text, CircleId, RecordId, Right, TwinId, TwinName};

/// The longest description, in bytes of UTF-8.
pub const MAX_DESCRIPTION_LEN: u32 = 256;

/// A member's standing in a circle. Roles are ordered: `Viewer < Member < Admin < Owner`;
/// nobody grants a role above their own.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub enum Role {
	/// May read what the circle shares.
	Viewer,
	/// A full member.
	Member,
	/// Runs the circle for its owner.
	Admin,
	/// The owner twin; exactly one per circle, never removed.
	Owner,
}

/// A right's bit in a set of [`Rights`].
fn bit(right: Right) -> u8 {
	1 << (right as u8)
}

/// A set of [`Right`]s.
#[derive(Clone, Copy, Default, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub struct Rights(u8);

impl Rights {
	/// Every right.
	pub const ALL: Rights = Rights(0b1111);

	/// The set of these rights.
	pub fn of(rights: &[Right]) -> Self {
		Rights(rights.iter().fold(0, |set, right| set | bit(*right)))
	}

	/// Whether the set holds `right`.
	pub fn contains(self, right: Right) -> bool {
		self.0 & bit(right) != 0
	}

	/// Whether every right of `other` is in this set too.
	pub fn includes(self, other: Rights) -> bool {
		self.0 & other.0 == other.0
	}

	/// The rights of this set and of `other`.
	pub fn union(self, other: Rights) -> Rights {
		Rights(self.0 | other.0)
	}

	/// The set, if it only holds known rights.
	pub fn checked(self) -> Option<Self> {
		Self::ALL.includes(self).then_some(self)
	}
}

/// The rights each role grants in a circle; the owner holds every right. A higher role holds
/// every right of a lower one, so that the order of roles is also an order of power.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub struct RoleRights {
	/// What an admin may do.
	pub admin: Rights,
	/// What a member may do.
	pub member: Rights,
	/// What a viewer may do.
	pub viewer: Rights,
}

/// Why a circle's rights were refused.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum InvalidRights {
	/// A role's set holds bits that are no right.
	UnknownBits,
	/// A role lacks a right of the role below it.
	NotOrdered,
}

impl RoleRights {
	/// The rights, if they only hold known rights and each role includes the one below.
	pub fn checked(self) -> Result<Self, InvalidRights> {
		let known = self.admin.checked().and(self.member.checked()).and(self.viewer.checked());
		known.ok_or(InvalidRights::UnknownBits)?;
		let ordered = self.admin.includes(self.member) && self.member.includes(self.viewer);
		ordered.then_some(self).ok_or(InvalidRights::NotOrdered)
	}

	/// The rights `role` holds.
	pub fn of(&self, role: Role) -> Rights {
		match role {
			Role::Owner => Rights::ALL,
			Role::Admin => self.admin,
			Role::Member => self.member,
			Role::Viewer => self.viewer,
		}
	}
}

zerochain_primitives::checked_bytes! {
	/// Free text describing a circle: up to 256 bytes of UTF-8 without control characters
	/// other than line breaks.
	pub struct Description(max MAX_DESCRIPTION_LEN) from DescriptionInput;
	rule |bytes| text::is_plain_text(bytes, &['\n']);
	invalid () = ();
}

impl Description {
	/// The description's text.
	pub fn as_str(&self) -> &str {
		text::as_text(&self.0)
	}
}

/// Whether searches list a circle with its members. A private circle's membership is on chain
/// like all state, but the phonebook's queries leave it out.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub enum CircleVisibility {
	/// Listed with its members.
	Public,
	/// Not listed.
	Private,
}

/// A group of twins that a twin shares its data with.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, MaxEncodedLen, Debug)]
pub struct Circle<AccountId, Deposit> {
	/// The twin that owns it.
	pub owner: TwinId,
	/// Its record number in the owner twin: its two-number address is `(owner, record)`.
	pub record: RecordId,
	/// Its name, unique among the owner's circles.
	pub name: TwinName,
	/// What it is for.
	pub description: Description,
	/// The circle it is part of, of the same owner.
	pub parent: Option<CircleId>,
	/// How many ancestors it has.
	pub depth: u32,
	/// Whether searches list it.
	pub visibility: CircleVisibility,
	/// The rights each role grants.
	pub rights: RoleRights,
	/// Its members, the owner included.
	pub members: u32,
	/// Invitations awaiting an answer.
	pub invitations: u32,
	/// Requests to join awaiting an answer.
	pub requests: u32,
	/// Its sub-circles.
	pub children: u32,
	/// The account its deposit is held on.
	pub depositor: AccountId,
	/// The ticket of its deposit.
	pub deposit: Deposit,
}

/// A twin's standing in a circle, as the phonebook reports it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub enum Standing {
	/// A member with this role.
	Member(Role),
	/// Invited with this role; the twin has not answered.
	Invited(Role),
	/// The twin asked to join; no admin has answered.
	Requested,
}

/// A member's place in a circle: its role, and the record number its twin gave the
/// membership, so that the twin cannot be deleted while it is a member.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub struct Membership {
	/// The member's role.
	pub role: Role,
	/// The record number in the member twin.
	pub record: RecordId,
}

/// What awaits an answer: an invitation to a twin, or a twin's request to join.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub enum PendingKind {
	/// `by` invited the twin with `role`.
	Invited {
		/// The role on offer.
		role: Role,
		/// The twin that invited.
		by: TwinId,
	},
	/// The twin asked to join.
	Requested,
}

/// An invitation or a request to join, awaiting an answer. It lives with the circle and costs
/// the twin it concerns nothing — no record, no place among its circles — until it becomes a
/// membership; whoever made it holds a deposit until it is answered or withdrawn.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, MaxEncodedLen, Debug)]
pub struct PendingEntry<AccountId, Deposit> {
	/// An invitation or a request.
	pub kind: PendingKind,
	/// The account that made it and holds its deposit.
	pub depositor: AccountId,
	/// The ticket of its deposit.
	pub deposit: Deposit,
}

impl<AccountId, Deposit> PendingEntry<AccountId, Deposit> {
	/// How the phonebook reports it.
	pub fn standing(&self) -> Standing {
		match self.kind {
			PendingKind::Invited { role, .. } => Standing::Invited(role),
			PendingKind::Requested => Standing::Requested,
		}
	}
}

/// A twin's entry in a circle as the runtime API reports it: its standing, and for a member
/// the record number of the membership.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub struct CircleEntry {
	/// Member, invited or requested.
	pub standing: Standing,
	/// The membership's record number in the twin; none while it is pending.
	pub record: Option<RecordId>,
}

impl From<Membership> for CircleEntry {
	fn from(membership: Membership) -> Self {
		Self { standing: Standing::Member(membership.role), record: Some(membership.record) }
	}
}
