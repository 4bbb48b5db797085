//! The node's JSON-RPC methods beyond the ones every Substrate node serves (`system_*`,
//! `chain_*`, `state_*`, `author_*`, `chainHead_v1_*`, `transaction_v1_*`, which
//! `sc_service` adds itself): account nonces, fee estimates, GRANDPA's state, and the
//! phonebook's queries ([`phonebook`]).

mod json;
pub mod params;
pub mod phonebook;

use jsonrpsee::RpcModule;
use pallet_circles::CircleTicket;
use pallet_twins::TwinTicket;
use sc_consensus_grandpa::{
	FinalityProofProvider, GrandpaJustificationStream, SharedAuthoritySet, SharedVoterState,
};
use sc_consensus_grandpa_rpc::{Grandpa, GrandpaApiServer};
use sc_rpc::SubscriptionTaskExecutor;
use sc_transaction_pool_api::TransactionPool;
use sp_api::ProvideRuntimeApi;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};
use std::sync::Arc;
use zerochain_runtime::{opaque::Block, AccountId, Balance, BlockNumber, Hash, Nonce, Runtime};

/// What the GRANDPA methods (`grandpa_roundState`, `grandpa_proveFinality`,
/// `grandpa_subscribeJustifications`) read.
pub struct GrandpaDeps<B> {
	/// The voter's rounds, for `grandpa_roundState`.
	pub shared_voter_state: SharedVoterState,
	/// The current authority set.
	pub shared_authority_set: SharedAuthoritySet<Hash, BlockNumber>,
	/// Justifications as they are made.
	pub justification_stream: GrandpaJustificationStream<Block>,
	/// Runs subscriptions.
	pub subscription_executor: SubscriptionTaskExecutor,
	/// Builds finality proofs.
	pub finality_provider: Arc<FinalityProofProvider<B, Block>>,
}

/// Everything the node's own RPC methods need.
pub struct FullDeps<C, P, B> {
	/// The client.
	pub client: Arc<C>,
	/// The transaction pool.
	pub pool: Arc<P>,
	/// GRANDPA's state.
	pub grandpa: GrandpaDeps<B>,
}

/// The node's own RPC methods, merged into one module.
pub fn create_full<C, P, B>(
	deps: FullDeps<C, P, B>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
	C: ProvideRuntimeApi<Block>
		+ HeaderBackend<Block>
		+ HeaderMetadata<Block, Error = BlockChainError>
		+ Send
		+ Sync
		+ 'static,
	C::Api: substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce>,
	C::Api: pallet_transaction_payment_rpc::TransactionPaymentRuntimeApi<Block, Balance>,
	C::Api: sp_block_builder::BlockBuilder<Block>,
	C::Api: pallet_twins_runtime_api::TwinsApi<Block, AccountId, TwinTicket<Runtime>>,
	C::Api: pallet_circles_runtime_api::CirclesApi<Block, AccountId, CircleTicket<Runtime>>,
	C::Api: pallet_grid_runtime_api::GridApi<
		Block,
		pallet_grid::FarmOf<zerochain_runtime::Runtime>,
		pallet_grid::NodeOf<zerochain_runtime::Runtime>,
	>,
	P: TransactionPool + 'static,
	B: sc_client_api::Backend<Block> + Send + Sync + 'static,
	B::State: sc_client_api::StateBackend<sp_runtime::traits::HashingFor<Block>>,
{
	use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
	use phonebook::{Phonebook, PhonebookApiServer};
	use substrate_frame_rpc_system::{System, SystemApiServer};

	let FullDeps { client, pool, grandpa } = deps;
	let mut module = RpcModule::new(());

	module.merge(SystemApiServer::<Hash, AccountId, Nonce>::into_rpc(System::new(
		client.clone(),
		pool,
	)))?;
	module.merge(TransactionPayment::new(client.clone()).into_rpc())?;
	module.merge(Phonebook::new(client).into_rpc())?;
	module.merge(
		Grandpa::<_, _, Block, _>::new(
			grandpa.subscription_executor,
			grandpa.shared_authority_set,
			grandpa.shared_voter_state,
			grandpa.justification_stream,
			grandpa.finality_provider,
		)
		.into_rpc(),
	)?;

	Ok(module)
}
