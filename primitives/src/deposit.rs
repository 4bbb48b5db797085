//! Deposits as tickets.
//!
//! Every record that takes room in the phonebook — a twin, an entity, a circle, a request to
//! join, a farm, a node — holds a deposit on the account that made it. Each pallet keeps that
//! deposit as FRAME's `HoldConsideration` ticket in the record itself: taking, moving and
//! releasing a deposit is creating, replacing and dropping one typed value, and the ticket
//! remembers what it holds, so a price changed by a runtime upgrade never releases more or
//! less than was taken. The runtime prices each kind from the record's footprint.
//!
//! Small pieces make that fit: [`Converted`], which lets a pallet name its own hold reason
//! where the ticket wants the runtime's; [`held`], which reads back the amount a ticket holds
//! (FRAME keeps it private; clients read it from the ticket's encoding); and, for each
//! pallet's `try_state`, [`held_by_account`] and [`holds_exactly`], which check that every
//! account holds exactly what its records' tickets say.

use alloc::collections::btree_map::BTreeMap;
use codec::{Decode, DecodeAll, Encode};
use core::marker::PhantomData;
use sp_runtime::traits::{Get, Saturating, Zero};

/// The value `Source` gives, converted into whatever the caller asks for: a pallet's hold
/// reason (`Source: Get<HoldReason>`) as the runtime's `RuntimeHoldReason`, which is what a
/// `HoldConsideration` holds under.
pub struct Converted<Source, Value>(PhantomData<(Source, Value)>);

impl<Source: Get<Value>, Value: Into<Target>, Target> Get<Target> for Converted<Source, Value> {
	fn get() -> Target {
		Source::get().into()
	}
}

/// The amount a deposit ticket holds.
///
/// FRAME's `HoldConsideration` keeps its amount private, but it encodes as exactly that
/// amount — its metadata says so, and that is how polkadot.js reads a record's deposit from
/// storage. Anything whose encoding is not exactly one balance (another type passed by
/// mistake, a balance type of another width) holds nothing this can name: zero, never a
/// misread number (each pallet's tests check that its tickets read back as what they hold).
pub fn held<Balance: Decode + Zero>(ticket: &impl Encode) -> Balance {
	Balance::decode_all(&mut &ticket.encode()[..]).unwrap_or_else(|_| Zero::zero())
}

/// What each account's records hold, by account: the sum of their tickets' amounts. A
/// pallet's `try_state` checks it against what the currency holds ([`holds_exactly`]).
pub fn held_by_account<Account: Ord, Balance: Decode + Zero + Saturating + Copy>(
	records: impl IntoIterator<Item = (Account, impl Encode)>,
) -> BTreeMap<Account, Balance> {
	let mut sums = BTreeMap::new();
	for (account, ticket) in records {
		let sum: &mut Balance = sums.entry(account).or_insert_with(Zero::zero);
		*sum = sum.saturating_add(held(&ticket));
	}
	sums
}

/// Whether each of `accounts` holds (`holding`) exactly what `expected` names for it, nothing
/// where it names nothing. Pass every account of the chain, so that a hold no record accounts
/// for is found too.
pub fn holds_exactly<Account: Ord, Balance: PartialEq + Zero + Copy>(
	accounts: impl IntoIterator<Item = Account>,
	expected: &BTreeMap<Account, Balance>,
	holding: impl Fn(&Account) -> Balance,
) -> bool {
	accounts.into_iter().all(|account| {
		holding(&account) == expected.get(&account).copied().unwrap_or_else(Zero::zero)
	})
}

#[cfg(test)]
mod tests {
	use super::*;
	use sp_runtime::traits::ConstU8;

	#[test]
	fn a_source_value_is_converted_to_the_asked_type() {
		assert_eq!(<Converted<ConstU8<7>, u8> as Get<u32>>::get(), 7u32);
	}

	#[test]
	fn holds_are_summed_by_account_and_compared_for_every_account() {
		let expected: BTreeMap<u8, u64> = held_by_account([(1, 5u64), (2, 3), (1, 4)]);
		assert_eq!(expected, BTreeMap::from([(1, 9), (2, 3)]));
		let holding = |account: &u8| [0, 9, 3, 0][*account as usize];
		assert!(holds_exactly(0..4, &expected, holding));
		let stray = |account: &u8| [1, 9, 3, 0][*account as usize];
		assert!(!holds_exactly(0..4, &expected, stray), "a hold no record names is found");
		let short = |account: &u8| [0, 8, 3, 0][*account as usize];
		assert!(!holds_exactly(0..4, &expected, short));
	}

	#[test]
	fn the_held_amount_is_read_from_the_encoding() {
		assert_eq!(held::<u128>(&(5u128, PhantomData::<u8>)), 5);
		assert_eq!(held::<u128>(&()), 0, "nothing to read is nothing held");
		assert_eq!(held::<u64>(&5u128), 0, "a balance of another width is not misread");
		assert_eq!(held::<u128>(&(5u128, 1u8)), 0, "nor is a record around a balance");
	}
}
