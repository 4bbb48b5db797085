//! The genesis block, built only when the database has none, and the benchmark chain's
//! phonebook at scale, registered into it natively.
//!
//! Substrate's default builder computes the genesis storage from the chain spec on every
//! start, before it looks at the database, and drops it when the chain is already there. For
//! the development chain that costs nothing; for the benchmark chain's million-twin genesis
//! it costs minutes and gigabytes of memory at each restart. This builder defers the work to
//! the moment the client asks for the genesis block, which it does only when its database
//! holds no finalised state: a new database.

use sc_client_api::Backend;
use sc_executor::RuntimeVersionOf;
use sc_service::{BuildGenesisBlock, GenesisBlockBuilder};
use sp_runtime::{traits::Block as BlockT, BuildStorage, Storage};
use sp_state_machine::BasicExternalities;
use std::{marker::PhantomData, sync::Arc};
use zerochain_bench_state::BenchCounts;
use zerochain_runtime::{Balance, Runtime, UNITS};

/// What each account of the benchmark chain's phonebook is given: a thousand ZERO, enough for
/// its twin (1), a farm (10) and, at the most nodes a farm's owner can give twins (256), each
/// node's twin and node (2 each), with room for its circles and invitations.
const BENCH_ENDOWMENT: Balance = 1_000 * UNITS;

/// A spec's genesis storage, with the phonebook at scale its `benchState` asks for registered
/// on top: the runtime's pallets, compiled into the node, run the users' calls over the
/// runtime's genesis (`zerochain_bench_state`), so that the runtime every network runs holds
/// no benchmark fixture.
pub struct GenesisStorage<'spec> {
	spec: &'spec dyn BuildStorage,
	bench: Option<BenchCounts>,
}

impl<'spec> GenesisStorage<'spec> {
	/// The genesis of `spec`, with `bench`'s phonebook if any.
	pub fn new(spec: &'spec dyn BuildStorage, bench: Option<BenchCounts>) -> Self {
		Self { spec, bench }
	}
}

impl BuildStorage for GenesisStorage<'_> {
	fn assimilate_storage(&self, storage: &mut Storage) -> Result<(), String> {
		self.spec.assimilate_storage(storage)?;
		let Some(counts) = self.bench else { return Ok(()) };
		// The build panics, saying why, on counts that make no state or a call a pallet
		// refuses, and the node's panic handler stops the node with that message.
		BasicExternalities::execute_with_storage(storage, || {
			zerochain_bench_state::build::<Runtime>(&counts, BENCH_ENDOWMENT)
		});
		Ok(())
	}
}

/// Builds the genesis block from the chain spec when first asked to.
pub struct LazyGenesisBlock<'spec, Block, B, E> {
	storage: &'spec dyn BuildStorage,
	commit_genesis_state: bool,
	backend: Arc<B>,
	executor: E,
	_block: PhantomData<Block>,
}

impl<'spec, Block, B, E> LazyGenesisBlock<'spec, Block, B, E> {
	/// The genesis of `storage`, committed to `backend`'s state unless `commit_genesis_state`
	/// is false (a node that warp- or fast-syncs, and fetches the state instead).
	pub fn new(
		storage: &'spec dyn BuildStorage,
		commit_genesis_state: bool,
		backend: Arc<B>,
		executor: E,
	) -> Self {
		Self { storage, commit_genesis_state, backend, executor, _block: PhantomData }
	}
}

impl<Block, B, E> BuildGenesisBlock<Block> for LazyGenesisBlock<'_, Block, B, E>
where
	Block: BlockT,
	B: Backend<Block>,
	E: RuntimeVersionOf,
{
	type BlockImportOperation = B::BlockImportOperation;

	fn build_genesis_block(self) -> sp_blockchain::Result<(Block, Self::BlockImportOperation)> {
		GenesisBlockBuilder::new(
			self.storage,
			self.commit_genesis_state,
			self.backend,
			self.executor,
		)?
		.build_genesis_block()
	}
}
