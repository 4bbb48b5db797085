//! # Zero Chain runtime
//!
//! The state transition function of Zero Chain, the public phonebook of digital twins.
//! It is a proof-of-authority chain: a known set of validators author blocks in turn with
//! Aura and finalise them with GRANDPA; the set changes on chain, at session boundaries, by
//! decision of a council. The runtime composes polkadot-sdk's own pallets (system,
//! timestamp, consensus, session, authorship, offences, council, balances, fees, sudo) with
//! Zero Chain's pallets (validator set, governance, twins, circles, grid); each
//! pallet's configuration lives in its own file under [`configs`], the runtime APIs the
//! node calls live in [`apis`], and the genesis presets in [`genesis_config_presets`].

#![cfg_attr(not(feature = "std"), no_std)]
// `#[frame_support::runtime]` expands to a large type; give the compiler room for it.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

use alloc::vec::Vec;

#[cfg(feature = "runtime-benchmarks")]
#[macro_use]
mod benchmarks;

pub mod apis;
pub mod configs;
pub mod genesis_config_presets;

use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use sp_version::{runtime_version, RuntimeVersion};

pub use pallet_balances::Call as BalancesCall;
pub use pallet_timestamp::Call as TimestampCall;
pub use sp_runtime::{Perbill, Permill};

/// Types the node needs without knowing the runtime's extrinsic format.
pub mod opaque {
	use super::*;
	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Header of a block.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// An opaque block.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// The hash of an opaque block.
	pub type Hash = <BlakeTwo256 as sp_runtime::traits::Hash>::Output;
}

impl_opaque_keys! {
	/// The keys a validator registers: one to author blocks, one to vote on finality.
	pub struct SessionKeys {
		pub aura: Aura,
		pub grandpa: Grandpa,
	}
}

/// The version of this runtime. Bump `spec_version` on every change of behaviour (here and in
/// the rehearsal version below), and `transaction_version` whenever a call's index or
/// arguments change.
#[cfg(not(feature = "upgrade-rehearsal"))]
#[runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("zerochain"),
	impl_name: alloc::borrow::Cow::Borrowed("zerochain"),
	authoring_version: 1,
	spec_version: 112,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 5,
	system_version: 1,
};

/// The version of the upgrade rehearsal's runtime (runtime/build.rs): this runtime one
/// `spec_version` ahead, so that a running chain can be upgraded to it. The macro takes
/// literals only, hence the copy: it equals [`VERSION`] but for `spec_version`, one higher.
#[cfg(feature = "upgrade-rehearsal")]
#[runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("zerochain"),
	impl_name: alloc::borrow::Cow::Borrowed("zerochain"),
	authoring_version: 1,
	spec_version: 113,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 5,
	system_version: 1,
};

/// Target time between two blocks. Six seconds leaves GRANDPA's votes room to cross a
/// wide network in the same slot while keeping registration latency low for twins.
pub const MILLI_SECS_PER_BLOCK: u64 = 6000;
/// Aura's slot is one block.
pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;

/// Blocks per minute, hour and day at the target block time.
pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
/// Blocks per hour.
pub const HOURS: BlockNumber = MINUTES * 60;
/// Blocks per day.
pub const DAYS: BlockNumber = HOURS * 24;

mod token;
pub mod weights;
pub use token::{TOKEN_DECIMALS, TOKEN_SYMBOL};
/// The SS58 address format (chain spec property `ss58Format`): 42, the generic Substrate
/// prefix, until Zero Chain registers its own; see `docs/chain.md`.
pub const SS58_PREFIX: u16 = 42;

/// One ZERO in its smallest unit.
pub const UNITS: Balance = 10u128.pow(TOKEN_DECIMALS as u32);
/// A thousandth of a ZERO.
pub const MILLI_UNITS: Balance = UNITS / 1_000;
/// A millionth of a ZERO.
pub const MICRO_UNITS: Balance = UNITS / 1_000_000;

/// The least an account must hold to exist; below it the account is reaped.
pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_UNITS;

/// An index to a block.
pub type BlockNumber = u32;
/// The signature scheme of transactions: sr25519, ed25519 or ecdsa.
pub type Signature = MultiSignature;
/// An account on the chain: the public key behind a [`Signature`].
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// An amount of the token.
pub type Balance = u128;
/// A transaction's sequence number for its sender.
pub type Nonce = u32;
/// A hash of some data on the chain.
pub type Hash = sp_core::H256;
/// An address as a call takes it.
pub type Address = MultiAddress<AccountId, ()>;
/// Header of a block.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// A block.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;
/// A block with its justifications.
pub type SignedBlock = generic::SignedBlock<Block>;
/// The identity of a block.
pub type BlockId = generic::BlockId<Block>;

/// The checks every signed transaction goes through, in order.
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// An extrinsic as it is sent over the wire.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
/// The payload a transaction's sender signs.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

frame_support::parameter_types! {
	/// The benchmark pallet specs 105 to 110 held at index 30: only its storage version is left.
	pub const BenchStateName: &'static str = "BenchState";
}

/// Storage migrations run on the next runtime upgrade: the removed benchmark pallet's storage
/// is cleared (its storage version, the one key it wrote). It stays here for one release; a
/// chain upgraded past spec 111 has nothing left under that prefix.
pub type Migrations = (
	frame_support::migrations::RemovePallet<
		BenchStateName,
		<Runtime as frame_system::Config>::DbWeight,
	>,
);

/// Dispatches blocks to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;

	#[runtime::pallet_index(2)]
	pub type Aura = pallet_aura;

	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;

	#[runtime::pallet_index(4)]
	pub type Balances = pallet_balances;

	#[runtime::pallet_index(5)]
	pub type TransactionPayment = pallet_transaction_payment;

	#[runtime::pallet_index(6)]
	pub type Sudo = pallet_sudo;

	// Hooks and genesis run in index order. Aura, then Authorship, before Session: a block's
	// author is checked and credited with the set that sealed it, before a session change in
	// that block replaces it. The validator set before Session: the session pallet's genesis
	// asks it for the first set.
	#[runtime::pallet_index(7)]
	pub type Authorship = pallet_authorship;

	#[runtime::pallet_index(8)]
	pub type ValidatorSet = pallet_validator_set;

	#[runtime::pallet_index(9)]
	pub type Session = pallet_session;

	#[runtime::pallet_index(10)]
	pub type Twins = pallet_twins;

	#[runtime::pallet_index(11)]
	pub type Circles = pallet_circles;

	#[runtime::pallet_index(12)]
	pub type Grid = pallet_grid;

	#[runtime::pallet_index(13)]
	pub type Governance = pallet_governance;

	#[runtime::pallet_index(21)]
	pub type Offences = pallet_offences;

	// The council's members are kept by its membership pallet, whose genesis (after the
	// council's) initialises them.
	#[runtime::pallet_index(22)]
	pub type Council = pallet_collective<Instance1>;

	#[runtime::pallet_index(23)]
	pub type CouncilMembership = pallet_membership<Instance1>;
}
