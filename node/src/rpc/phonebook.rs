//! The phonebook's JSON-RPC methods (`phonebook_*`): the questions explorers and wallets ask
//! of twins, circles, farms and nodes, answered by the node itself from the pallets' runtime
//! APIs, with no indexer. Every method reads one block — `at`, or the best block — and answers
//! `null` for an unknown id. Lists are pages: `{"items": [...], "next": cursor | null}`, where
//! `next` is passed back as `cursor` for the following page.
//!
//! A lookup of one record makes one runtime call (`TwinsApi` and `GridApi` answer a lookup by
//! name, key, account or twin with the record itself, a farm with its countries; `resolve` makes
//! two, `totals` four). At the best block it runs on the connection's own task,
//! which is quicker than handing a call of a fraction of a millisecond to another thread; at a
//! block the caller names, whose runtime the node may first have to compile, it runs on the RPC
//! server's blocking pool, as pages and searches (up to a thousand records read) always do, so
//! that a slow answer does not hold up the server's other connections. The node needs a runtime
//! of spec 111 or later, whose runtime APIs are at version 3 (no chain ran an earlier one): an
//! older runtime's block answers these lookups with a runtime error naming the method.

use crate::rpc::{json, params};
use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{error::INTERNAL_ERROR_CODE, ErrorObject, ErrorObjectOwned},
};
use pallet_circles::CircleTicket;
use pallet_circles_runtime_api::CirclesApi;
use pallet_grid::{FarmOf, NodeOf};
use pallet_grid_runtime_api::GridApi;
use pallet_twins::TwinTicket;
use pallet_twins_runtime_api::TwinsApi;
use serde_json::{json, Value};
use sp_api::{ApiError, ProvideRuntimeApi};
use sp_blockchain::HeaderBackend;
use std::sync::Arc;
use zerochain_primitives::{CircleId, FarmId, NodeId, RecordId, RecordKind, ScanPage, TwinId};
use zerochain_runtime::{opaque::Block, AccountId, Hash, Runtime};

/// The error code of a block hash the node does not know.
pub const UNKNOWN_BLOCK: i32 = 4001;
/// The error code of a runtime call that failed (a pruned block's state, say).
pub const RUNTIME_ERROR: i32 = 4002;
/// The error code of a failure of the node's own database while looking a block up.
pub const DATABASE_ERROR: i32 = 4003;

#[rpc(server)]
pub trait PhonebookApi {
	/// A twin by id.
	#[method(name = "phonebook_twin")]
	async fn twin(&self, twin: TwinId, at: Option<Hash>) -> RpcResult<Option<Value>>;

	/// All twins, by id, a page at a time.
	#[method(name = "phonebook_twins", blocking)]
	fn twins(
		&self,
		cursor: Option<TwinId>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Value>;

	/// How many twins and circles there are, and the grid's totals by country.
	#[method(name = "phonebook_totals")]
	async fn totals(&self, at: Option<Hash>) -> RpcResult<Value>;

	/// The top-level twin an account (SS58) controls.
	#[method(name = "phonebook_twinByAccount")]
	async fn twin_by_account(&self, account: String, at: Option<Hash>) -> RpcResult<Option<Value>>;

	/// A twin by name.
	#[method(name = "phonebook_twinByName")]
	async fn twin_by_name(&self, name: String, at: Option<Hash>) -> RpcResult<Option<Value>>;

	/// A twin by public key: its scheme and its bytes in hex.
	#[method(name = "phonebook_twinByKey")]
	async fn twin_by_key(
		&self,
		scheme: String,
		key: String,
		at: Option<Hash>,
	) -> RpcResult<Option<Value>>;

	/// What a two-number address `(twin, record)` points to, whatever its kind.
	#[method(name = "phonebook_resolve")]
	async fn resolve(
		&self,
		twin: TwinId,
		record: RecordId,
		at: Option<Hash>,
	) -> RpcResult<Option<Value>>;

	/// A circle by id.
	#[method(name = "phonebook_circle")]
	async fn circle(&self, circle: CircleId, at: Option<Hash>) -> RpcResult<Option<Value>>;

	/// All circles, by id, a page at a time.
	#[method(name = "phonebook_circles", blocking)]
	fn circles(
		&self,
		cursor: Option<CircleId>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Value>;

	/// The public circles a twin is a member of.
	#[method(name = "phonebook_twinCircles", blocking)]
	fn twin_circles(
		&self,
		twin: TwinId,
		cursor: Option<CircleId>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Value>;

	/// A public circle's members, invitations and requests.
	#[method(name = "phonebook_circleMembers", blocking)]
	fn circle_members(
		&self,
		circle: CircleId,
		cursor: Option<TwinId>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Value>;

	/// Whether a twin holds a right (`read`, `write`, `invite`, `manage`) in a public circle;
	/// `null` for a private circle or an unknown one.
	#[method(name = "phonebook_hasRight")]
	async fn has_right(
		&self,
		circle: CircleId,
		twin: TwinId,
		right: String,
		at: Option<Hash>,
	) -> RpcResult<Option<bool>>;

	/// A farm by id.
	#[method(name = "phonebook_farm")]
	async fn farm(&self, farm: FarmId, at: Option<Hash>) -> RpcResult<Option<Value>>;

	/// A farm by name, in any case.
	#[method(name = "phonebook_farmByName")]
	async fn farm_by_name(&self, name: String, at: Option<Hash>) -> RpcResult<Option<Value>>;

	/// Farms by country (of their nodes) and certification, a page at a time.
	#[method(name = "phonebook_farms", blocking)]
	fn farms(
		&self,
		filter: Option<params::FarmsFilter>,
		cursor: Option<FarmId>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Value>;

	/// A node by id.
	#[method(name = "phonebook_node")]
	async fn node(&self, node: NodeId, at: Option<Hash>) -> RpcResult<Option<Value>>;

	/// The node whose twin this is.
	#[method(name = "phonebook_nodeByTwin")]
	async fn node_by_twin(&self, twin: TwinId, at: Option<Hash>) -> RpcResult<Option<Value>>;

	/// A farm's nodes.
	#[method(name = "phonebook_farmNodes", blocking)]
	fn farm_nodes(
		&self,
		farm: FarmId,
		cursor: Option<NodeId>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Value>;

	/// Nodes by country, certification and least free capacity.
	#[method(name = "phonebook_searchNodes", blocking)]
	fn search_nodes(
		&self,
		filter: Option<params::SearchFilter>,
		cursor: Option<NodeId>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Value>;
}

/// The phonebook methods over a client.
pub struct Phonebook<C> {
	client: Arc<C>,
}

impl<C> Phonebook<C> {
	/// Serves the phonebook from `client`'s state.
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

impl<C> Clone for Phonebook<C> {
	fn clone(&self) -> Self {
		Self { client: self.client.clone() }
	}
}

fn runtime_error(error: ApiError) -> ErrorObjectOwned {
	ErrorObject::owned(RUNTIME_ERROR, format!("the runtime could not answer: {error}"), None::<()>)
}

/// A page of a listing the runtime bounded by a prefix (a farm's nodes, a circle's members):
/// `next` is set when the page is full, since more may follow.
fn full_page<T>(items: Vec<(u32, T)>, limit: u32) -> ScanPage<T> {
	let next = (items.len() as u32 == limit).then(|| items.last().map(|(id, _)| *id)).flatten();
	ScanPage { items, next }
}

impl<C> Phonebook<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: TwinsApi<Block, AccountId, TwinTicket<Runtime>>
		+ CirclesApi<Block, AccountId, CircleTicket<Runtime>>
		+ GridApi<Block, FarmOf<Runtime>, NodeOf<Runtime>>,
{
	/// The block to read: `at` if the node knows it, else the best block.
	fn block(&self, at: Option<Hash>) -> RpcResult<Hash> {
		let hash = at.unwrap_or_else(|| self.client.info().best_hash);
		match self.client.header(hash) {
			Ok(Some(_)) => Ok(hash),
			Ok(None) => Err(ErrorObject::owned(
				UNKNOWN_BLOCK,
				format!("unknown block {hash:?}"),
				None::<()>,
			)),
			Err(error) => Err(ErrorObject::owned(
				DATABASE_ERROR,
				format!("the node's database failed to look up block {hash:?}: {error}"),
				None::<()>,
			)),
		}
	}

	/// One page of a listing, read by `read` at `at`'s block with the caller's limit checked,
	/// each entry shown by `view`: `{"items": [...], "next": cursor | null}`. Listings read up
	/// to a thousand records, so every one is a blocking method.
	fn listing<T>(
		&self,
		at: Option<Hash>,
		limit: Option<u32>,
		read: impl FnOnce(&C::Api, Hash, u32) -> Result<ScanPage<T>, ApiError>,
		view: impl Fn(u32, &T) -> Value,
	) -> RpcResult<Value> {
		let limit = params::limit(limit)?;
		let at = self.block(at)?;
		let found = read(&self.client.runtime_api(), at, limit).map_err(runtime_error)?;
		let items: Vec<_> = found.items.iter().map(|(id, item)| view(*id, item)).collect();
		Ok(json!({ "items": items, "next": found.next }))
	}

	/// The runtime's answer to `ask` at `at`'s block (see [`Self::lookup`]).
	async fn ask<T: Send + 'static>(
		&self,
		at: Option<Hash>,
		ask: impl FnOnce(&C::Api, Hash) -> Result<T, ApiError> + Send + 'static,
	) -> RpcResult<T> {
		self.lookup(at, move |this, at| ask(&this.client.runtime_api(), at).map_err(runtime_error))
			.await
	}

	/// Answers a lookup of one record with `answer` at `at`'s block. At the best block it runs
	/// on the connection's task: the block's runtime is the one the node runs, compiled, and
	/// the lookup takes less than handing it to another thread would. A block the caller names
	/// may have a runtime the node has to compile first (seconds, during which every runtime
	/// call waits), which must not hold up the server's async threads: it runs on the blocking
	/// pool.
	async fn lookup<T: Send + 'static>(
		&self,
		at: Option<Hash>,
		answer: impl FnOnce(&Self, Hash) -> RpcResult<T> + Send + 'static,
	) -> RpcResult<T> {
		let Some(hash) = at else { return answer(self, self.block(None)?) };
		let this = self.clone();
		let named = tokio::task::spawn_blocking(move || answer(&this, this.block(Some(hash))?));
		named.await.map_err(|error| {
			ErrorObject::owned(
				INTERNAL_ERROR_CODE,
				format!("the lookup failed: {error}"),
				None::<()>,
			)
		})?
	}

	/// What the address `(twin, record)` points to, read at `at`.
	fn resolve_at(&self, at: Hash, twin: TwinId, record: RecordId) -> RpcResult<Option<Value>> {
		let api = self.client.runtime_api();
		let Some(target) = api.record(at, twin, record).map_err(runtime_error)? else {
			return Ok(None);
		};
		let value = match target.kind {
			RecordKind::Twin => self.twin_view(at, target.key)?,
			RecordKind::Circle => self.circle_view(at, target.key)?,
			RecordKind::Farm => self.farm_view(at, target.key)?,
			RecordKind::Node => self.node_view(at, target.key)?,
			// The runtime answers no address of a membership of a private circle, whose id
			// would say who is in it (`TwinsApi::record`), nor its entry.
			RecordKind::Membership => {
				let Some(entry) = api.membership(at, target.key, twin).map_err(runtime_error)?
				else {
					return Ok(None);
				};
				Some(json::membership("circle", target.key, &entry))
			},
		};
		Ok(Some(json!({ "kind": json::kind(target.kind), "id": target.key, "record": value })))
	}

	fn twin_view(&self, at: Hash, id: TwinId) -> RpcResult<Option<Value>> {
		let twin = self.client.runtime_api().twin(at, id).map_err(runtime_error)?;
		Ok(twin.map(|twin| json::twin(id, &twin)))
	}

	fn circle_view(&self, at: Hash, id: CircleId) -> RpcResult<Option<Value>> {
		let circle = self.client.runtime_api().circle(at, id).map_err(runtime_error)?;
		Ok(circle.map(|circle| json::circle(id, &circle)))
	}

	fn node_view(&self, at: Hash, id: NodeId) -> RpcResult<Option<Value>> {
		let node = self.client.runtime_api().node(at, id).map_err(runtime_error)?;
		Ok(node.map(|node| json::node(id, &node)))
	}

	fn farm_view(&self, at: Hash, id: FarmId) -> RpcResult<Option<Value>> {
		let details = self.client.runtime_api().farm(at, id).map_err(runtime_error)?;
		Ok(details.map(|(farm, countries)| json::farm(id, &farm, &countries)))
	}
}

#[jsonrpsee::core::async_trait]
impl<C> PhonebookApiServer for Phonebook<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: TwinsApi<Block, AccountId, TwinTicket<Runtime>>
		+ CirclesApi<Block, AccountId, CircleTicket<Runtime>>
		+ GridApi<Block, FarmOf<Runtime>, NodeOf<Runtime>>,
{
	async fn twin(&self, twin: TwinId, at: Option<Hash>) -> RpcResult<Option<Value>> {
		self.lookup(at, move |this, at| this.twin_view(at, twin)).await
	}

	fn twins(
		&self,
		cursor: Option<TwinId>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Value> {
		self.listing(at, limit, |api, at, limit| api.twins(at, cursor, limit), json::twin)
	}

	async fn totals(&self, at: Option<Hash>) -> RpcResult<Value> {
		self.ask(at, |api, at| {
			let twins = api.twin_count(at)?;
			let circles = api.circle_count(at)?;
			Ok(json::totals(twins, circles, &api.totals(at)?, &api.countries(at)?))
		})
		.await
	}

	async fn twin_by_account(&self, account: String, at: Option<Hash>) -> RpcResult<Option<Value>> {
		let account = params::account(&account)?;
		let found = self.ask(at, move |api, at| api.twin_by_account(at, account)).await?;
		Ok(found.map(|(id, twin)| json::twin(id, &twin)))
	}

	async fn twin_by_name(&self, name: String, at: Option<Hash>) -> RpcResult<Option<Value>> {
		let name = params::twin_name(&name)?;
		let found = self.ask(at, move |api, at| api.twin_by_name(at, name)).await?;
		Ok(found.map(|(id, twin)| json::twin(id, &twin)))
	}

	async fn twin_by_key(
		&self,
		scheme: String,
		key: String,
		at: Option<Hash>,
	) -> RpcResult<Option<Value>> {
		let key = params::signing_key(&scheme, &key)?;
		let found = self.ask(at, move |api, at| api.twin_by_key(at, key)).await?;
		Ok(found.map(|(id, twin)| json::twin(id, &twin)))
	}

	async fn resolve(
		&self,
		twin: TwinId,
		record: RecordId,
		at: Option<Hash>,
	) -> RpcResult<Option<Value>> {
		self.lookup(at, move |this, at| this.resolve_at(at, twin, record)).await
	}

	async fn circle(&self, circle: CircleId, at: Option<Hash>) -> RpcResult<Option<Value>> {
		self.lookup(at, move |this, at| this.circle_view(at, circle)).await
	}

	fn circles(
		&self,
		cursor: Option<CircleId>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Value> {
		self.listing(at, limit, |api, at, limit| api.circles(at, cursor, limit), json::circle)
	}

	fn twin_circles(
		&self,
		twin: TwinId,
		cursor: Option<CircleId>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Value> {
		self.listing(
			at,
			limit,
			|api, at, limit| Ok(full_page(api.twin_circles(at, twin, cursor, limit)?, limit)),
			|circle, entry| json::membership("circle", circle, entry),
		)
	}

	fn circle_members(
		&self,
		circle: CircleId,
		cursor: Option<TwinId>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Value> {
		self.listing(
			at,
			limit,
			|api, at, limit| Ok(full_page(api.members(at, circle, cursor, limit)?, limit)),
			|twin, entry| json::membership("twin", twin, entry),
		)
	}

	async fn has_right(
		&self,
		circle: CircleId,
		twin: TwinId,
		right: String,
		at: Option<Hash>,
	) -> RpcResult<Option<bool>> {
		let right = params::right(&right)?;
		self.ask(at, move |api, at| api.has_right(at, circle, twin, right)).await
	}

	async fn farm(&self, farm: FarmId, at: Option<Hash>) -> RpcResult<Option<Value>> {
		self.lookup(at, move |this, at| this.farm_view(at, farm)).await
	}

	async fn farm_by_name(&self, name: String, at: Option<Hash>) -> RpcResult<Option<Value>> {
		let name = params::farm_name(&name)?;
		let found = self.ask(at, move |api, at| api.farm_by_name(at, name)).await?;
		Ok(found.map(|(id, farm, countries)| json::farm(id, &farm, &countries)))
	}

	fn farms(
		&self,
		filter: Option<params::FarmsFilter>,
		cursor: Option<FarmId>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Value> {
		let filter = params::farm_filter(filter)?;
		self.listing(
			at,
			limit,
			|api, at, limit| api.farms(at, filter, cursor, limit),
			|id, (farm, countries)| json::farm(id, farm, countries),
		)
	}

	async fn node(&self, node: NodeId, at: Option<Hash>) -> RpcResult<Option<Value>> {
		self.lookup(at, move |this, at| this.node_view(at, node)).await
	}

	async fn node_by_twin(&self, twin: TwinId, at: Option<Hash>) -> RpcResult<Option<Value>> {
		let found = self.ask(at, move |api, at| api.node_by_twin(at, twin)).await?;
		Ok(found.map(|(id, node)| json::node(id, &node)))
	}

	fn farm_nodes(
		&self,
		farm: FarmId,
		cursor: Option<NodeId>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Value> {
		self.listing(
			at,
			limit,
			|api, at, limit| Ok(full_page(api.farm_nodes(at, farm, cursor, limit)?, limit)),
			json::node,
		)
	}

	fn search_nodes(
		&self,
		filter: Option<params::SearchFilter>,
		cursor: Option<NodeId>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Value> {
		let filter = params::filter(filter)?;
		self.listing(
			at,
			limit,
			|api, at, limit| api.search_nodes(at, filter, cursor, limit),
			json::node,
		)
	}
}
