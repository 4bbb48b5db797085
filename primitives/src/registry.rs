//! The traits the pallets meet through. A pallet that needs another's answers names a trait
//! here in its `Config`; the runtime plugs in the pallet that implements it. No pallet reads
//! another's storage, and none depends on another's crate.

use crate::{CircleId, RecordId, RecordKind, TwinId};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::{DispatchError, DispatchResult, Weight};

/// What another pallet does when a twin is deleted: forget what it keeps about the twin
/// without the twin's consent — invitations to it, offers made to it — so that nothing
/// outlives what it refers to. The twins pallet calls it from `delete_twin`; it must do a
/// bounded amount of work, at most [`OnTwinDeleted::weight`] (queueing the rest, say).
pub trait OnTwinDeleted {
	/// `twin` was deleted.
	fn on_twin_deleted(twin: TwinId);

	/// The most [`OnTwinDeleted::on_twin_deleted`] weighs.
	fn weight() -> Weight;
}

impl OnTwinDeleted for () {
	fn on_twin_deleted(_: TwinId) {}

	fn weight() -> Weight {
		Weight::zero()
	}
}

/// What other pallets need of the phonebook: whether a twin exists, whether an account may
/// act for it, and the record numbers of the records they keep for a twin.
pub trait TwinRegistry<AccountId> {
	/// Whether a twin with this id exists.
	fn exists(twin: TwinId) -> bool;

	/// Whether `who` controls `twin` or one of its ancestors.
	fn can_act_for(who: &AccountId, twin: TwinId) -> bool;

	/// Refuses, with the phonebook's own error (`TwinNotFound`), a twin that does not exist.
	fn ensure_exists(twin: TwinId) -> DispatchResult;

	/// The one permission question, asked one way by every pallet: refuses unless `twin`
	/// exists and `who` controls it or one of its ancestors, with the phonebook's own errors
	/// (`TwinNotFound`, `NotTwinController`).
	fn ensure_acts_for(who: &AccountId, twin: TwinId) -> DispatchResult;

	/// Refuses unless `twin` exists and `who` is the twin's own controller, not one of its
	/// ancestors': for what only the holder of the twin's key can tell, such as a machine's
	/// uptime, which its farmer (an ancestor) could otherwise report in its place.
	fn ensure_controls(who: &AccountId, twin: TwinId) -> DispatchResult;

	/// Hands out `twin`'s next record number for the record of `kind` with id `key`. While the
	/// record exists the twin cannot be deleted.
	fn add_record(twin: TwinId, kind: RecordKind, key: u32) -> Result<RecordId, DispatchError>;

	/// Gives back a record number when its record is deleted.
	fn remove_record(twin: TwinId, record: RecordId) -> DispatchResult;

	/// Creates a top-level twin controlled by `who`, funding `who` for its deposit if need
	/// be: the setup of other pallets' benchmarks.
	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_twin(who: &AccountId) -> Result<TwinId, DispatchError>;

	/// Creates a twin as deep below `who`'s top-level twin (created if need be) as twins
	/// nest, and hands it and every twin between to `controller`: `who` then acts for it only
	/// through its top-level twin, the worst case of [`TwinRegistry::can_act_for`] for other
	/// pallets' benchmarks.
	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_descendant(
		who: &AccountId,
		controller: &AccountId,
	) -> Result<TwinId, DispatchError>;
}

/// What a role in a circle lets a member do with the owner twin's data.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub enum Right {
	/// See the data the circle is about.
	Read,
	/// Change it.
	Write,
	/// Invite twins and approve their requests to join.
	Invite,
	/// Change the circle, its members' roles, and remove members.
	Manage,
}

/// Whether a twin holds a right in a circle, for pallets that gate actions on circles.
pub trait CircleRights {
	/// Whether `twin` holds `right` in `circle`, directly or through an ancestor circle.
	fn has_right(circle: CircleId, twin: TwinId, right: Right) -> bool;
}
