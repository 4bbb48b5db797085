//! # Zero Chain's primitives: the words every part of the chain speaks
//!
//! The phonebook's pallets (twins, circles, grid), their runtime APIs and the node all talk
//! about the same things: a twin's id, a name, a country, a page of a listing. They are
//! defined here, once, so that no pallet has to import another to name them, and so that the
//! crates stack without an arrow pointing up: these primitives at the ground, the twins pallet
//! above them, the pallets that keep records about twins (circles, grid) beside it, and the
//! runtime that composes them all on top.
//!
//! - [`ids`]: the sequential ids of twins, entities, records, circles, farms and nodes.
//! - [`text`]: names and texts that can only be built valid ([`TwinName`], [`EntityText`]),
//!   and [`checked_bytes!`], the one way every crate declares such a value.
//! - [`country`]: [`CountryCode`], an assigned ISO 3166-1 alpha-2 code.
//! - [`records`]: what a two-number address `(twin, record)` points to.
//! - [`paging`]: how every listing of the runtime APIs pages.
//! - [`deposit`]: what the pallets' deposit tickets need beside FRAME's `HoldConsideration`.
//! - [`registry`]: [`TwinRegistry`] and [`OnTwinDeleted`], how other pallets meet the twins
//!   pallet, and [`CircleRights`], how they ask what a circle grants.
//!
//! Nothing here keeps state: each pallet implements these traits over its own storage, and a
//! runtime wires one pallet's implementation into another's `Config`.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod country;
pub mod deposit;
pub mod ids;
pub mod paging;
pub mod records;
pub mod registry;
pub mod text;

pub use country::CountryCode;
pub use deposit::{held, Converted};
pub use ids::*;
pub use paging::ScanPage;
pub use records::{RecordKind, RecordRef};
pub use registry::{CircleRights, OnTwinDeleted, Right, TwinRegistry};
pub use text::{fitted, EntityText, Invalid, NameInput, TextInput, TwinName, INPUT_SLACK};

/// What [`checked_bytes!`] expands to needs, by a path that works from any crate.
#[doc(hidden)]
pub mod __private {
	pub use codec;
	pub use scale_info;
	pub use sp_runtime::{traits::ConstU32, BoundedVec};
}
