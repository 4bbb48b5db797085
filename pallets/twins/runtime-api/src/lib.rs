//! The runtime API of the twins pallet: the phonebook's lookups, which the node serves over
//! JSON-RPC (`phonebook_twin*`, `phonebook_resolve`, `phonebook_totals`). Each answers from
//! one block's state.
//!
//! A twin is answered as the phonebook shows it (`Twin::shown`): its `records` count its
//! holdings, not its memberships, whose number would tell how many private circles it is in;
//! an address that points to a membership of a private circle answers nothing, as an unknown
//! one does.
//!
//! Version 2 adds the `find_twin_by_*` methods: a lookup by account, name or key answered with
//! the twin itself, in one runtime call rather than two (the id, then the twin). The node's RPC
//! uses them, and so needs version 2; the version 1 methods stay for other clients.

#![cfg_attr(not(feature = "std"), no_std)]

use codec::Codec;
use pallet_twins::{paging::ScanPage, PublicKey, RecordId, RecordRef, Twin, TwinId, TwinName};

sp_api::decl_runtime_apis! {
	/// Twins by id, account, name and key, and what a two-number address points to.
	pub trait TwinsApi<AccountId, Balance>
	where
		AccountId: Codec,
		Balance: Codec,
	{
		/// The twin with this id.
		fn twin(twin: TwinId) -> Option<Twin<AccountId, Balance>>;
		/// The top-level twin `account` controls.
		fn twin_by_account(account: AccountId) -> Option<TwinId>;
		/// The twin with this name.
		fn twin_by_name(name: TwinName) -> Option<TwinId>;
		/// The twin with this public key.
		fn twin_by_key(key: PublicKey) -> Option<TwinId>;
		/// What the address `(twin, record)` points to: the record's kind and its id there;
		/// nothing for a membership of a private circle.
		fn record(twin: TwinId, record: RecordId) -> Option<RecordRef>;
		/// A page of all twins, by id, after `after` (see `pallet_twins::paging::scan`).
		fn twins(after: Option<TwinId>, limit: u32) -> ScanPage<Twin<AccountId, Balance>>;
		/// How many twins there are.
		fn twin_count() -> u32;
		/// The top-level twin `account` controls, with its id.
		#[api_version(2)]
		fn find_twin_by_account(account: AccountId) -> Option<(TwinId, Twin<AccountId, Balance>)>;
		/// The twin with this name, with its id.
		#[api_version(2)]
		fn find_twin_by_name(name: TwinName) -> Option<(TwinId, Twin<AccountId, Balance>)>;
		/// The twin with this public key, with its id.
		#[api_version(2)]
		fn find_twin_by_key(key: PublicKey) -> Option<(TwinId, Twin<AccountId, Balance>)>;
	}
}
