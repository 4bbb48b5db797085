//! The runtime API of the circles pallet, which the node serves over JSON-RPC
//! (`phonebook_circle`, `phonebook_circles`, `phonebook_twinCircles`,
//! `phonebook_circleMembers`, `phonebook_hasRight`). Lists come by page: entries after a
//! cursor, in id order, at most `zerochain_primitives::paging::MAX_PAGE_SIZE`. Each method
//! forwards to the pallet's own query (`pallet_circles::Pallet`'s query functions).
//! `Deposit` is the runtime's deposit ticket (`pallet_circles::CircleTicket<Runtime>`), which
//! encodes as the amount it holds (`zerochain_primitives::held` reads it).

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
use pallet_circles::{Circle, CircleEntry};
use zerochain_primitives::{CircleId, Right, ScanPage, TwinId};

sp_api::decl_runtime_apis! {
	/// Circles, their members, and the rights they grant.
	pub trait CirclesApi<AccountId, Deposit>
	where
		AccountId: Codec,
		Deposit: Codec,
	{
		/// The circle with this id.
		fn circle(circle: CircleId) -> Option<Circle<AccountId, Deposit>>;
		/// A page of all circles, by id, after `after` (see `zerochain_primitives::paging::scan`).
		fn circles(after: Option<CircleId>, limit: u32) -> ScanPage<Circle<AccountId, Deposit>>;
		/// How many circles there are.
		fn circle_count() -> u32;
		/// `twin`'s entry in `circle` — member, invited or requesting — unless the circle is
		/// private: no method shows who is in a private circle.
		fn membership(circle: CircleId, twin: TwinId) -> Option<CircleEntry>;
		/// The public circles `twin` is a member of, with its membership in each.
		fn twin_circles(twin: TwinId, after: Option<CircleId>, limit: u32) -> Vec<(CircleId, CircleEntry)>;
		/// A public circle's members, invitations and requests, by twin.
		fn members(circle: CircleId, after: Option<TwinId>, limit: u32) -> Vec<(TwinId, CircleEntry)>;
		/// Whether `twin` holds `right` in `circle`, directly or through an ancestor circle;
		/// `None` for a private circle, or one under a private circle (rights come down from
		/// it), whose answers would list who is in the private circle.
		fn has_right(circle: CircleId, twin: TwinId, right: Right) -> Option<bool>;
	}
}
