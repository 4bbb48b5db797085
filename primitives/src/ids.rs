//! The chain's ids. Each is handed out in sequence from 1 by the pallet that keeps its
//! records and never reused, so an id names one record for the chain's whole life.

/// A twin's id.
pub type TwinId = u32;
/// An entity's id.
pub type EntityId = u32;
/// The number of a record within the twin that owns it: sequential from 1 per twin.
pub type RecordId = u32;
/// A circle's id.
pub type CircleId = u32;
/// A farm's id.
pub type FarmId = u32;
/// A node's id.
pub type NodeId = u32;
