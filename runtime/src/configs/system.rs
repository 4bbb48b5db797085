//! `frame_system`: accounts, blocks, weights and events.

use crate::weights::{BlockExecutionWeight, ExtrinsicBaseWeight, RocksDbWeight};
use crate::{
	AccountId, Balance, Block, BlockNumber, Hash, Nonce, PalletInfo, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeOrigin, RuntimeTask, SS58_PREFIX, VERSION,
};
use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	weights::{constants::WEIGHT_REF_TIME_PER_MILLIS, Weight},
};
use frame_system::limits::BlockWeights;
use sp_runtime::Perbill;

/// Three quarters of a block are for ordinary transactions; the rest is kept for
/// operational ones (such as a runtime upgrade) so that they get in even when blocks are full.
pub const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

/// The compute a block may use, measured on the reference machine: half of the six-second
/// slot. A block full of ordinary transactions (three quarters of it) takes the author some
/// 2 s of its 4-second window (`block_proposal_slot_portion`) and every other validator about
/// as long to import, leaving a third of the slot for propagation and finality votes
/// (docs/benchmarks.md has the measurements behind it).
pub const MAXIMUM_BLOCK_WEIGHT: Weight =
	Weight::from_parts(3_000 * WEIGHT_REF_TIME_PER_MILLIS, u64::MAX);

/// The block's weight limits: the measured base costs of a block and of an extrinsic
/// (`crate::weights`), the normal class held to [`NORMAL_DISPATCH_RATIO`], the operational
/// class allowed the whole block.
fn block_weights() -> BlockWeights {
	let normal = NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT;
	BlockWeights::builder()
		.base_block(BlockExecutionWeight::get())
		.for_class(DispatchClass::all(), |class| {
			class.base_extrinsic = ExtrinsicBaseWeight::get();
		})
		.for_class(DispatchClass::Normal, |class| class.max_total = Some(normal))
		.for_class(DispatchClass::Operational, |class| {
			class.max_total = Some(MAXIMUM_BLOCK_WEIGHT);
			class.reserved = Some(MAXIMUM_BLOCK_WEIGHT - normal);
		})
		.avg_block_initialization(Perbill::from_percent(10))
		.build_or_panic()
}

parameter_types! {
	/// The runtime version, announced to clients.
	pub const Version: sp_version::RuntimeVersion = VERSION;
	/// See [`block_weights`].
	pub RuntimeBlockWeights: BlockWeights = block_weights();
	/// Blocks are at most 5 MiB, of which normal transactions may fill three quarters.
	pub RuntimeBlockLength: frame_system::limits::BlockLength =
		frame_system::limits::BlockLength::builder()
			.max_length(5 * 1024 * 1024)
			.modify_max_length_for_class(frame_support::dispatch::DispatchClass::Normal, |max| {
				*max = NORMAL_DISPATCH_RATIO * *max
			})
			.build();
	/// The address format, announced in the metadata.
	pub const SS58Prefix: u16 = SS58_PREFIX;
	/// How many recent block hashes are kept, which bounds a mortal transaction's life.
	pub const BlockHashCount: BlockNumber = 2400;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	/// Every call but `Session.purge_keys`, which would shrink the validator set behind the
	/// validator set pallet's back.
	type BaseCallFilter = crate::configs::consensus::NoSessionKeyPurge;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	type DbWeight = RocksDbWeight;
	type Version = Version;
	type SystemWeightInfo = crate::weights::frame_system::WeightInfo<Runtime>;
	type ExtensionsWeightInfo = crate::weights::frame_system_extensions::WeightInfo<Runtime>;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = frame_support::traits::ConstU32<16>;
	type RuntimeEvent = RuntimeEvent;
	type RuntimeOrigin = RuntimeOrigin;
	type RuntimeCall = RuntimeCall;
	type RuntimeTask = RuntimeTask;
	type PalletInfo = PalletInfo;
}
