//! Pages of a listing, for the runtime APIs the phonebook's RPC serves: entries ordered by
//! key, those after a cursor, at most [`MAX_PAGE_SIZE`] of them. Shared by the phonebook's
//! pallets so that every listing pages the same way.

use alloc::vec::Vec;

/// The most entries one page holds, whatever the caller asks for: a runtime API is reachable
/// by anyone through `state_call`, so it bounds its own work.
pub const MAX_PAGE_SIZE: u32 = 100;

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
}
