//! # Zero Chain's Rust client
//!
//! A typed client of Zero Chain's phonebook on [subxt]. Its types and calls are generated from
//! the runtime's metadata, kept in `client/metadata/zerochain.scale` (a test fails when it
//! drifts from the runtime the node builds; `scripts/generate-chain-specs.sh` writes it anew).
//!
//! A [`Client`] reaches the chain one of two ways:
//! - [`Client::rpc`]: a node's JSON-RPC URL. The client believes that node, as every plain RPC
//!   client does.
//! - [`Client::light`]: a raw chain spec. An embedded light client (smoldot) follows the chain
//!   from the spec's bootnodes, trusts GRANDPA's finality under the spec's genesis and nothing
//!   else, and checks every storage read and runtime call against a finalised block's state
//!   root with a proof (docs/security.md, "Whom a reader trusts").
//!
//! Either way the same calls work: register a twin ([`Client::register_twin`]), prove its key
//! ([`Client::set_public_key`]), set its relay ([`Client::set_relay`]), look twins up by id,
//! account and name and list a farm's nodes through the phonebook's runtime APIs (at the
//! newest finalised block), and follow finalised blocks with their phonebook events
//! ([`Client::follow_phonebook`]). A call the runtime refuses comes back as
//! [`Error::Refused`], with the pallet's error by name (`Twins::AccountHasTwin`); one the
//! transaction pool turns away before it reaches a block (fees it cannot pay, a stale nonce,
//! input too long to decode) as [`Error::Subxt`], with the pool's reason.
//!
//! docs/clients.md has a walk-through; `client/programs/phonebook.rs` is a whole program.

mod error;
mod follow;
mod proofs;

use std::time::{Duration, Instant};
use subxt::{
	lightclient::LightClient,
	rpcs::{methods::legacy::SystemHealth, rpc_params, RpcClient},
	OnlineClient,
};
use subxt_signer::sr25519::Keypair;

pub use error::Error;
use error::Lift;
pub use follow::{PhonebookBlock, PhonebookEvent};
pub use subxt_signer::{sr25519, SecretUri};

/// The chain's types, calls, events, storage and runtime APIs, generated from its metadata.
#[subxt::subxt(
	runtime_metadata_path = "metadata/zerochain.scale",
	derive_for_all_types = "Clone, PartialEq, Eq"
)]
pub mod runtime {}

use runtime::runtime_types::{
	bounded_collections::bounded_vec::BoundedVec,
	frame_support::traits::tokens::fungible::HoldConsideration,
	pallet_grid::types::Node as NodeRecord,
	pallet_twins::types::{KeyProof, PublicKey, Twin as TwinRecord},
	zerochain_primitives::text::TwinName,
};

/// Zero Chain's transaction and block format: Polkadot's (32-byte accounts, addresses
/// without an index, `MultiSignature`, BLAKE2 hashes, the standard transaction extensions).
pub type Config = subxt::PolkadotConfig;
/// An account of the chain.
pub type AccountId = subxt::utils::AccountId32;
/// A twin's id, sequential from 1.
pub type TwinId = u32;
/// A farm's id.
pub type FarmId = u32;
/// A node's id.
pub type NodeId = u32;
/// A twin as the runtime API `TwinsApi` returns it; its `deposit` is the amount it holds.
pub type Twin = TwinRecord<AccountId, HoldConsideration>;
/// A node as the runtime API `GridApi` returns it.
pub type Node = NodeRecord<AccountId, HoldConsideration>;

/// How long a light client may take to find a peer and catch up with the chain's finality.
const SYNC_TIMEOUT: Duration = Duration::from_secs(90);

/// A connection to Zero Chain, by RPC or by light client; clones share it.
#[derive(Clone)]
pub struct Client {
	api: OnlineClient<Config>,
}

impl Client {
	/// Connects to the node at `url` and believes it: `wss://…`, or `ws://…` to this machine
	/// (subxt refuses an unencrypted connection to another host).
	pub async fn rpc(url: &str) -> Result<Self, Error> {
		let api = OnlineClient::<Config>::from_url(url).await.lift()?;
		Ok(Client { api })
	}

	/// Starts a light client from the raw chain spec `chain_spec` (its JSON text), waits until
	/// it has a peer of the spec's bootnodes and has caught up with the chain's finality, and
	/// connects through it: every answer is then checked against a finalised block. Call it
	/// within a tokio runtime, which runs the light client.
	pub async fn light(chain_spec: &str) -> Result<Self, Error> {
		let (_, rpc) = LightClient::relay_chain(chain_spec).lift()?;
		let rpc = RpcClient::from(rpc);
		let started = Instant::now();
		loop {
			let health: SystemHealth = rpc.request("system_health", rpc_params![]).await.lift()?;
			if health.peers > 0 && !health.is_syncing {
				break;
			}
			if started.elapsed() > SYNC_TIMEOUT {
				return Err(Error::NotInStep(if health.peers == 0 {
					"no bootnode of the chain spec answered"
				} else {
					"it is still catching up with the chain"
				}));
			}
			tokio::time::sleep(Duration::from_millis(500)).await;
		}
		let api = OnlineClient::<Config>::from_rpc_client(rpc).await.lift()?;
		Ok(Client { api })
	}

	/// The subxt client underneath, for what this one does not wrap.
	pub fn subxt(&self) -> &OnlineClient<Config> {
		&self.api
	}

	/// Registers `signer`'s top-level twin, with a name and a relay if given; resolves with its
	/// id once the block that holds it is final.
	pub async fn register_twin(
		&self,
		signer: &Keypair,
		name: Option<&str>,
		relay: Option<&str>,
	) -> Result<TwinId, Error> {
		let call = runtime::tx().twins().create_twin(relay.map(bounded), name.map(bounded));
		let events = self.submit(&call, signer).await?;
		let created = events
			.find_first::<runtime::twins::events::TwinCreated>()
			.ok_or(Error::Missing("a TwinCreated event"))?
			.lift()?;
		Ok(created.twin)
	}

	/// Sets the relay of `signer`'s twin `twin` (or clears it).
	pub async fn set_relay(
		&self,
		signer: &Keypair,
		twin: TwinId,
		relay: Option<&str>,
	) -> Result<(), Error> {
		let call = runtime::tx().twins().set_relay(twin, relay.map(bounded));
		self.submit(&call, signer).await.map(drop)
	}

	/// Makes `signer`'s sr25519 key the public key of its twin `twin`, with the proof the chain
	/// asks for: the key's signature of the twin and the submitting account under this chain's
	/// genesis (docs/phonebook.md, "The signed messages byte for byte").
	pub async fn set_public_key(&self, signer: &Keypair, twin: TwinId) -> Result<(), Error> {
		let genesis = self.api.genesis_hash();
		let account = signer.public_key().to_account_id();
		let message = proofs::key_message(genesis.as_ref(), twin, account.as_ref());
		let public = signer.public_key().0;
		let proof = signer.sign(&message).0;
		let call = runtime::tx().twins().set_public_key(
			twin,
			Some(PublicKey::Sr25519(public)),
			Some(KeyProof::Sr25519(proof)),
		);
		self.submit(&call, signer).await.map(drop)
	}

	/// Twin `id`, at the newest finalised block.
	pub async fn twin(&self, id: TwinId) -> Result<Option<Twin>, Error> {
		self.ask(runtime::runtime_apis().twins_api().twin(id)).await
	}

	/// The twin of `account`, with its id.
	pub async fn twin_by_account(
		&self,
		account: &AccountId,
	) -> Result<Option<(TwinId, Twin)>, Error> {
		self.ask(runtime::runtime_apis().twins_api().twin_by_account(*account)).await
	}

	/// The twin named `name`, with its id.
	pub async fn twin_by_name(&self, name: &str) -> Result<Option<(TwinId, Twin)>, Error> {
		self.ask(runtime::runtime_apis().twins_api().twin_by_name(TwinName(bounded(name))))
			.await
	}

	/// Up to `limit` nodes of farm `farm`, after node `after` if given, in id order; the
	/// runtime answers at most 100 at a time.
	pub async fn farm_nodes(
		&self,
		farm: FarmId,
		after: Option<NodeId>,
		limit: u32,
	) -> Result<Vec<(NodeId, Node)>, Error> {
		self.ask(runtime::runtime_apis().grid_api().farm_nodes(farm, after, limit))
			.await
	}

	/// A runtime API call at the newest finalised block.
	async fn ask<Call: subxt::runtime_apis::Payload>(
		&self,
		call: Call,
	) -> Result<Call::ReturnType, Error> {
		let at = self.api.at_current_block().await.lift()?;
		at.runtime_apis().call(call).await.lift()
	}

	/// Signs `call` with `signer`, submits it, and waits for it to be final: its events, or the
	/// pallet's error by name.
	async fn submit<Call: subxt::transactions::Payload>(
		&self,
		call: &Call,
		signer: &Keypair,
	) -> Result<subxt::extrinsics::ExtrinsicEvents<Config>, Error> {
		let at = self.api.at_current_block().await.lift()?;
		let progress = at
			.transactions()
			.sign_and_submit_then_watch_default(call, signer)
			.await
			.lift()?;
		progress.wait_for_finalized_success().await.map_err(Error::from_finalized)
	}
}

/// Text as the chain's bounded byte inputs take it; the runtime checks its length and rules.
fn bounded(text: &str) -> BoundedVec<u8> {
	BoundedVec(text.as_bytes().to_vec())
}
