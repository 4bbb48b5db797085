//! The genesis block, built only when the database has none.
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
use sp_runtime::{traits::Block as BlockT, BuildStorage};
use std::{marker::PhantomData, sync::Arc};

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
