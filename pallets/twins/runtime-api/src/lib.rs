//! The runtime API of the twins pallet: the phonebook's lookups, which the node serves over
//! JSON-RPC (`phonebook_twin*`, `phonebook_resolve`, `phonebook_totals`). Each answers from
//! one block's state, with the pallet's own query (`pallet_twins::Pallet`'s query functions).
//!
//! A twin is answered as the phonebook shows it (`Twin::shown`): its `records` count its
//! holdings, not its memberships, whose number would tell how many private circles it is in;
//! an address that points to a membership of a private circle answers nothing, as an unknown
//! one does.
//!
//! `Deposit` is the runtime's deposit ticket (`pallet_twins::TwinTicket<Runtime>`), which
//! encodes as the amount it holds (`zerochain_primitives::held` reads it).
//!
//! Version 3 is the only one: a lookup by account, name or key answers with the twin and its
//! id in one call. (Versions 1 and 2, which also answered such a lookup with the id alone,
//! ran on no live network and are gone.)

#![cfg_attr(not(feature = "std"), no_std)]

use codec::Codec;
use pallet_twins::{PublicKey, Twin};
use zerochain_primitives::{RecordId, RecordRef, ScanPage, TwinId, TwinName};

sp_api::decl_runtime_apis! {
	/// Twins by id, account, name and key, and what a two-number address points to.
	#[api_version(3)]
	pub trait TwinsApi<AccountId, Deposit>
	where
		AccountId: Codec,
		Deposit: Codec,
	{
		/// The twin with this id.
		fn twin(twin: TwinId) -> Option<Twin<AccountId, Deposit>>;
		/// The top-level twin `account` controls, with its id.
		fn twin_by_account(account: AccountId) -> Option<(TwinId, Twin<AccountId, Deposit>)>;
		/// The twin with this name, with its id.
		fn twin_by_name(name: TwinName) -> Option<(TwinId, Twin<AccountId, Deposit>)>;
		/// The twin with this public key, with its id.
		fn twin_by_key(key: PublicKey) -> Option<(TwinId, Twin<AccountId, Deposit>)>;
		/// What the address `(twin, record)` points to: the record's kind and its id there;
		/// nothing for a membership of a private circle.
		fn record(twin: TwinId, record: RecordId) -> Option<RecordRef>;
		/// A page of all twins, by id, after `after` (see `zerochain_primitives::paging::scan`).
		fn twins(after: Option<TwinId>, limit: u32) -> ScanPage<Twin<AccountId, Deposit>>;
		/// How many twins there are.
		fn twin_count() -> u32;
	}
}
