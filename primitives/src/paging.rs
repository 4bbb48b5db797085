//! Pages of a listing, for the runtime APIs the phonebook's RPC serves: entries ordered by
//! key, those after a cursor, at most [`MAX_PAGE_SIZE`] of them. Shared by the phonebook's
//! pallets so that every listing pages the same way.
//!
//! Two shapes: [`page`] sorts the entries of one small, bounded map prefix (a twin's circles,
//! a farm's nodes); [`scan`] walks a whole record kind by its sequential ids, looking at
//! [`SCAN_LIMIT`] ids at most, so that listing a million twins costs one call what listing ten
//! does.

use alloc::vec::Vec;
use codec::{Decode, Encode};
use scale_info::TypeInfo;

/// The most entries one page holds, whatever the caller asks for: a runtime API is reachable
/// by anyone through `state_call`, so it bounds its own work.
pub const MAX_PAGE_SIZE: u32 = 100;

/// The most ids one [`scan`] looks at, found or not (deleted records leave gaps, and a
/// filter may skip many): the bound on one listing call's reads.
pub const SCAN_LIMIT: u32 = 1_000;

/// A page of a [`scan`]: the records found, in id order, and the id to go on after when the
/// scan stopped before the last id (`None`: nothing is left).
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct ScanPage<V> {
	/// The records found, with their ids.
	pub items: Vec<(u32, V)>,
	/// The cursor for the next page.
	pub next: Option<u32>,
}

/// The records `find` returns for the ids after `after` up to `last`, in id order: at most
/// `limit` (itself capped at [`MAX_PAGE_SIZE`]) found, at most [`SCAN_LIMIT`] ids looked at.
pub fn scan<V>(
	after: Option<u32>,
	last: u32,
	limit: u32,
	mut find: impl FnMut(u32) -> Option<V>,
) -> ScanPage<V> {
	let limit = limit.clamp(1, MAX_PAGE_SIZE) as usize;
	let mut items = Vec::new();
	let mut looked_at = None;
	let Some(first) = after.map_or(Some(1), |after| after.checked_add(1)) else {
		return ScanPage { items, next: None };
	};
	for id in (first..=last).take(SCAN_LIMIT as usize) {
		looked_at = Some(id);
		if let Some(found) = find(id) {
			items.push((id, found));
			if items.len() == limit {
				break;
			}
		}
	}
	ScanPage { items, next: looked_at.filter(|id| *id < last) }
}

/// The entries with a key after `after` (all if `None`), in key order, at most `limit` (itself
/// capped at [`MAX_PAGE_SIZE`]).
pub fn page<K: Ord + Copy, V>(
	entries: impl Iterator<Item = (K, V)>,
	after: Option<K>,
	limit: u32,
) -> Vec<(K, V)> {
	let mut entries: Vec<_> = entries.filter(|(key, _)| after.is_none_or(|a| *key > a)).collect();
	entries.sort_unstable_by_key(|(key, _)| *key);
	entries.truncate(limit.min(MAX_PAGE_SIZE) as usize);
	entries
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_page_is_ordered_after_the_cursor_and_bounded() {
		let entries = [(5u32, 'e'), (1, 'a'), (3, 'c'), (2, 'b')];
		assert_eq!(page(entries.into_iter(), None, 2), vec![(1, 'a'), (2, 'b')]);
		assert_eq!(page(entries.into_iter(), Some(2), 10), vec![(3, 'c'), (5, 'e')]);
		assert_eq!(page(entries.into_iter(), Some(5), 10), vec![]);
		let many = (0..1_000u32).map(|k| (k, ()));
		assert_eq!(page(many, None, u32::MAX).len(), MAX_PAGE_SIZE as usize);
	}

	#[test]
	fn a_scan_skips_gaps_stops_at_a_full_page_and_says_where_to_go_on() {
		let even = |id: u32| id.is_multiple_of(2).then_some(id * 10);
		let first = scan(None, 10, 2, even);
		assert_eq!(first, ScanPage { items: vec![(2, 20), (4, 40)], next: Some(4) });
		let rest = scan(first.next, 10, 100, even);
		assert_eq!(rest.items, vec![(6, 60), (8, 80), (10, 100)]);
		assert_eq!(rest.next, None, "the last id was looked at");
		assert_eq!(scan(Some(10), 10, 5, even).items, vec![]);
		assert_eq!(scan(Some(u32::MAX), u32::MAX, 5, even), ScanPage { items: vec![], next: None });
	}

	#[test]
	fn a_scan_looks_at_a_bounded_number_of_ids() {
		let mut looked_at = 0;
		let page = scan(None, 1_000_000, 100, |_| {
			looked_at += 1;
			None::<()>
		});
		assert_eq!(looked_at, SCAN_LIMIT);
		assert_eq!(page.next, Some(SCAN_LIMIT), "the caller goes on after the last id seen");
	}
}
