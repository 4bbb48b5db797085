//! The runtime APIs: what the node (and through its RPC, every client) may ask the runtime.
//! Each method forwards to a pallet: the queries live in the pallets that keep the records.

use crate::{
	AccountId, Aura, Balance, Block, Circles, Executive, Grandpa, Grid, InherentDataExt, Nonce,
	Runtime, RuntimeCall, RuntimeGenesisConfig, SessionKeys, System, TransactionPayment, Twins,
	ValidatorSet, VERSION,
};
use alloc::vec::Vec;
use frame_support::{
	genesis_builder_helper::{build_state, get_preset},
	view_functions::ViewFunctionDispatchError,
	weights::Weight,
};
use pallet_circles::{CircleEntry, CircleOf, CircleTicket};
use pallet_grid::{FarmCountryList, FarmOf, NodeOf};
use pallet_twins::{TwinOf, TwinTicket};
use sp_api::impl_runtime_apis;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_core::{crypto::KeyTypeId, OpaqueMetadata};
use sp_runtime::{
	traits::{Block as BlockT, NumberFor},
	transaction_validity::{TransactionSource, TransactionValidity},
	ApplyExtrinsicResult, ExtrinsicInclusionMode,
};
use sp_session::OpaqueGeneratedSessionKeys;
use sp_version::RuntimeVersion;
use zerochain_primitives::{
	CircleId, CountryCode, FarmId, NodeId, RecordId, RecordRef, Right, ScanPage, TwinId, TwinName,
};

/// The runtime's records as its APIs answer them.
type Twin = TwinOf<Runtime>;
type Circle = CircleOf<Runtime>;
type Farm = FarmOf<Runtime>;
type Node = NodeOf<Runtime>;

impl_runtime_apis! {
	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}

		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block);
		}

		fn initialize_block(header: &<Block as BlockT>::Header) -> ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl sp_api::Metadata<Block> for Runtime {
		fn metadata() -> OpaqueMetadata {
			OpaqueMetadata::new(Runtime::metadata().into())
		}

		fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
			Runtime::metadata_at_version(version)
		}

		fn metadata_versions() -> Vec<u32> {
			Runtime::metadata_versions()
		}
	}

	impl frame_support::view_functions::runtime_api::RuntimeViewFunction<Block> for Runtime {
		fn execute_view_function(
			id: frame_support::view_functions::ViewFunctionId,
			input: Vec<u8>,
		) -> Result<Vec<u8>, ViewFunctionDispatchError> {
			Runtime::execute_view_function(id, input)
		}
	}

	impl sp_block_builder::BlockBuilder<Block> for Runtime {
		fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
			Executive::apply_extrinsic(extrinsic)
		}

		fn finalize_block() -> <Block as BlockT>::Header {
			Executive::finalize_block()
		}

		fn inherent_extrinsics(data: sp_inherents::InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
			data.create_extrinsics()
		}

		fn check_inherents(
			block: <Block as BlockT>::LazyBlock,
			data: sp_inherents::InherentData,
		) -> sp_inherents::CheckInherentsResult {
			data.check_extrinsics(&block)
		}
	}

	impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
		fn validate_transaction(
			source: TransactionSource,
			tx: <Block as BlockT>::Extrinsic,
			block_hash: <Block as BlockT>::Hash,
		) -> TransactionValidity {
			Executive::validate_transaction(source, tx, block_hash)
		}
	}

	impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
		fn offchain_worker(header: &<Block as BlockT>::Header) {
			Executive::offchain_worker(header)
		}
	}

	impl sp_consensus_aura::AuraApi<Block, AuraId> for Runtime {
		fn slot_duration() -> sp_consensus_aura::SlotDuration {
			sp_consensus_aura::SlotDuration::from_millis(Aura::slot_duration())
		}

		fn authorities() -> Vec<AuraId> {
			pallet_aura::Authorities::<Runtime>::get().into_inner()
		}
	}

	impl sp_session::SessionKeys<Block> for Runtime {
		fn generate_session_keys(owner: Vec<u8>, seed: Option<Vec<u8>>) -> OpaqueGeneratedSessionKeys {
			SessionKeys::generate(&owner, seed).into()
		}

		fn decode_session_keys(encoded: Vec<u8>) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
			SessionKeys::decode_into_raw_public_keys(&encoded)
		}
	}

	impl sp_consensus_grandpa::GrandpaApi<Block> for Runtime {
		fn grandpa_authorities() -> sp_consensus_grandpa::AuthorityList {
			Grandpa::grandpa_authorities()
		}

		fn current_set_id() -> sp_consensus_grandpa::SetId {
			Grandpa::current_set_id()
		}

		fn submit_report_equivocation_unsigned_extrinsic(
			equivocation_proof: sp_consensus_grandpa::EquivocationProof<
				<Block as BlockT>::Hash,
				NumberFor<Block>,
			>,
			key_owner_proof: sp_consensus_grandpa::OpaqueKeyOwnershipProof,
		) -> Option<()> {
			let key_owner_proof = key_owner_proof.decode()?;
			Grandpa::submit_unsigned_equivocation_report(equivocation_proof, key_owner_proof)
		}

		/// A proof that the GRANDPA key was a validator's in the last session of set `set_id`
		/// so far (the ongoing one for the ongoing set), from the keys the validator set
		/// recorded for it: answered at any block while the history holds that session.
		fn generate_key_ownership_proof(
			set_id: sp_consensus_grandpa::SetId,
			authority_id: sp_consensus_grandpa::AuthorityId,
		) -> Option<sp_consensus_grandpa::OpaqueKeyOwnershipProof> {
			use codec::Encode;
			let session = pallet_grandpa::SetIdSession::<Runtime>::get(set_id)?;
			ValidatorSet::prove_in(session, &authority_id)
				.map(|proof| proof.encode())
				.map(sp_consensus_grandpa::OpaqueKeyOwnershipProof::new)
		}
	}

	impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
		fn account_nonce(account: AccountId) -> Nonce {
			System::account_nonce(account)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentApi<Block, Balance> for Runtime {
		fn query_info(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment_rpc_runtime_api::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_info(uxt, len)
		}
		fn query_fee_details(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_fee_details(uxt, len)
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentCallApi<Block, Balance, RuntimeCall>
		for Runtime
	{
		fn query_call_info(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_call_info(call, len)
		}
		fn query_call_fee_details(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_call_fee_details(call, len)
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl pallet_twins_runtime_api::TwinsApi<Block, AccountId, TwinTicket<Runtime>> for Runtime {
		fn twin(twin: TwinId) -> Option<Twin> {
			Twins::shown_twin(twin)
		}
		fn twin_by_account(account: AccountId) -> Option<(TwinId, Twin)> {
			Twins::twin_by_account(account)
		}
		fn twin_by_name(name: TwinName) -> Option<(TwinId, Twin)> {
			Twins::twin_by_name(name)
		}
		fn twin_by_key(key: pallet_twins::PublicKey) -> Option<(TwinId, Twin)> {
			Twins::twin_by_key(key)
		}
		/// The twins pallet keeps the address; the circles pallet says whether it shows a
		/// membership.
		fn record(twin: TwinId, record: RecordId) -> Option<RecordRef> {
			Twins::record(twin, record).filter(Circles::shows_record)
		}
		fn twins(after: Option<TwinId>, limit: u32) -> ScanPage<Twin> {
			Twins::twins_page(after, limit)
		}
		fn twin_count() -> u32 {
			Twins::twin_count()
		}
	}

	impl pallet_circles_runtime_api::CirclesApi<Block, AccountId, CircleTicket<Runtime>> for Runtime {
		fn circle(circle: CircleId) -> Option<Circle> {
			Circles::circle(circle)
		}
		fn circles(after: Option<CircleId>, limit: u32) -> ScanPage<Circle> {
			Circles::circles_page(after, limit)
		}
		fn circle_count() -> u32 {
			Circles::circle_count()
		}
		fn membership(circle: CircleId, twin: TwinId) -> Option<CircleEntry> {
			Circles::shown_entry(circle, twin)
		}
		fn twin_circles(
			twin: TwinId,
			after: Option<CircleId>,
			limit: u32,
		) -> Vec<(CircleId, CircleEntry)> {
			Circles::twin_circles_page(twin, after, limit)
		}
		fn members(circle: CircleId, after: Option<TwinId>, limit: u32) -> Vec<(TwinId, CircleEntry)> {
			Circles::members_page(circle, after, limit)
		}
		fn has_right(circle: CircleId, twin: TwinId, right: Right) -> Option<bool> {
			Circles::shown_right(circle, twin, right)
		}
	}

	impl pallet_grid_runtime_api::GridApi<Block, Farm, Node> for Runtime {
		fn farm(farm: FarmId) -> Option<(Farm, FarmCountryList)> {
			Grid::farm_details(farm)
		}
		fn farm_by_name(name: pallet_grid::FarmName) -> Option<(FarmId, Farm, FarmCountryList)> {
			Grid::farm_by_name(name)
		}
		fn farms(
			filter: pallet_grid::FarmFilter,
			after: Option<FarmId>,
			limit: u32,
		) -> ScanPage<(Farm, FarmCountryList)> {
			Grid::farms_page(&filter, after, limit)
		}
		fn totals() -> pallet_grid::GridTotals {
			Grid::totals()
		}
		fn countries() -> Vec<(CountryCode, pallet_grid::CountryTotals)> {
			Grid::country_totals()
		}
		fn node(node: NodeId) -> Option<Node> {
			Grid::node(node)
		}
		fn node_by_twin(twin: TwinId) -> Option<(NodeId, Node)> {
			Grid::node_by_twin(twin)
		}
		fn farm_nodes(farm: FarmId, after: Option<NodeId>, limit: u32) -> Vec<(NodeId, Node)> {
			Grid::farm_nodes_page(farm, after, limit)
		}
		fn search_nodes(
			filter: pallet_grid::NodeFilter,
			after: Option<NodeId>,
			limit: u32,
		) -> ScanPage<Node> {
			Grid::search_nodes(&filter, after, limit)
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, crate::genesis_config_presets::get_preset)
		}

		fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
			crate::genesis_config_presets::preset_names()
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	impl frame_benchmarking::Benchmark<Block> for Runtime {
		fn benchmark_metadata(
			extra: bool,
		) -> (Vec<frame_benchmarking::BenchmarkList>, Vec<frame_support::traits::StorageInfo>) {
			use crate::{
				Balances, Governance, Sudo, Timestamp, TransactionPayment, Twins, ValidatorSet,
			};
			use frame_benchmarking::BenchmarkList;
			use frame_support::traits::StorageInfoTrait;
			use frame_system_benchmarking::{
				extensions::Pallet as SystemExtensionsBench, Pallet as SystemBench,
			};

			let mut list = Vec::<BenchmarkList>::new();
			list_benchmarks!(list, extra);
			(list, crate::AllPalletsWithSystem::storage_info())
		}

		fn dispatch_benchmark(
			config: frame_benchmarking::BenchmarkConfig,
		) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
			use crate::{
				Balances, Governance, Sudo, Timestamp, TransactionPayment, Twins, ValidatorSet,
			};
			use frame_benchmarking::BenchmarkBatch;
			use frame_support::traits::WhitelistedStorageKeys;
			use frame_system_benchmarking::{
				extensions::Pallet as SystemExtensionsBench, Pallet as SystemBench,
			};


			let whitelist = crate::AllPalletsWithSystem::whitelisted_storage_keys();
			let mut batches = Vec::<BenchmarkBatch>::new();
			let params = (&config, &whitelist);
			add_benchmarks!(params, batches);
			Ok(batches)
		}
	}
}
