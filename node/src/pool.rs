//! The transaction pool: polkadot-sdk's single-state pool behind an admission check, so that a
//! transaction the node accepts is kept until a block includes it or the chain makes it
//! invalid, and one it cannot keep is refused at submission with an error rather than dropped
//! later in silence.
//!
//! Why (docs/reliability.md): Substrate's pools make room when full by dropping what they
//! already accepted. Their ready queue drops its oldest transaction (and every later one of
//! the same sender) for a new one; the fork-aware pool, Substrate's default, re-adds its
//! backlog to each new block's view in no particular order, so that in a burst a sender's
//! later transactions wait in the view's future queue (a tenth of the pool) for the earlier
//! ones, overflow it and are dropped. A burst of 40,000 transfers lost 37 to 42 % of them that
//! way, each told "accepted" and none told otherwise.
//!
//! Here [`AdmittingPool`] refuses a submission (`1016 Immediately Dropped`) when what the pool
//! holds, with the submissions under way, would pass its capacity (`--pool-limit`
//! transactions, `--pool-kbytes` KiB), and the pool's ready queue has room for twice that:
//! transactions the node adds itself (a reorganisation's retracted ones, its own offchain and
//! GRANDPA reports, which are admitted beyond the capacity) never make it drop one it
//! accepted. In the single-state pool a sender's transactions sent in nonce order are ready
//! as they arrive; the future queue holds only those sent ahead of an earlier nonce, and keeps
//! Substrate's tenth of the capacity, so that one account cannot fill the pool with
//! transactions that wait for ever: beyond it the oldest is dropped, and its watchers told.
//!
//! The fork-aware pool cannot be put behind such a check: what it holds (its mempool) is not
//! readable from outside, and each block's view is refilled from it. `--pool-type fork-aware`
//! is refused at start.

use sc_cli::{TransactionPoolParams, TransactionPoolType};
use sc_service::Configuration;
use sc_transaction_pool::{
	BasicPool, FullChainApi, Options, PoolLimit, TransactionPoolHandle, TransactionPoolWrapper,
};
use sc_transaction_pool_api::{
	error::Error as PoolError, ChainEvent, ImportNotificationStream, LocalTransactionFor,
	LocalTransactionPool, MaintainedTransactionPool, PoolStatus, ReadyTransactions, TransactionFor,
	TransactionPool, TransactionSource, TransactionStatusStreamFor, TxHash, TxInvalidityReportMap,
};
use sp_core::traits::SpawnEssentialNamed;
use sp_runtime::{
	codec::Encode,
	transaction_validity::{InvalidTransaction, TransactionValidityError},
};
use std::{
	collections::HashMap,
	pin::Pin,
	sync::{Arc, Mutex},
	time::Duration,
};
use zerochain_runtime::opaque::Block;

use crate::service::FullClient;

/// The pool's own type, which this one wraps.
type Inner = TransactionPoolHandle<Block, FullClient>;
type BlockHash = <Block as sp_runtime::traits::Block>::Hash;
type ReadyIterator =
	Box<dyn ReadyTransactions<Item = Arc<<Inner as TransactionPool>::InPoolTransaction>> + Send>;

/// What the pool may hold, from the command line.
#[derive(Clone, Copy, Debug)]
pub struct Settings {
	/// Transactions (`--pool-limit`).
	pub transactions: usize,
	/// Their encoded bytes in all (`--pool-kbytes`).
	pub bytes: usize,
	/// How long a transaction found invalid is refused again (`--tx-ban-seconds`).
	pub ban: Duration,
}

impl Settings {
	/// The settings of `--pool-limit`, `--pool-kbytes` and `--tx-ban-seconds` (by default
	/// Substrate's: none on a `--dev` chain, where one resubmits after a fix, else 30
	/// minutes); an error for `--pool-type fork-aware`, which cannot be kept from dropping
	/// what it accepted (module docs).
	pub fn from_cli(params: &TransactionPoolParams, dev: bool) -> Result<Self, String> {
		if let TransactionPoolType::ForkAware = params.pool_type {
			return Err("--pool-type fork-aware: Zero Chain runs the single-state pool, behind \
				a check that refuses what it could not keep (docs/reliability.md)"
				.into());
		}
		let default_ban = if dev { 0 } else { 30 * 60 };
		Ok(Self {
			transactions: params.pool_limit,
			bytes: params.pool_kbytes.saturating_mul(1024),
			ban: Duration::from_secs(params.tx_ban_seconds.unwrap_or(default_ban)),
		})
	}
}

/// Transactions and bytes, held by the pool or reserved for submissions under way.
#[derive(Clone, Copy, Default)]
struct Held {
	transactions: usize,
	bytes: usize,
}

/// The pool's ready queue holds this many times the capacity: room for what the node adds
/// beyond the capacity itself (module docs).
const READY_ROOM: usize = 2;
/// The future queue's share of the capacity, Substrate's (`TransactionPoolOptions`).
const FUTURE_SHARE: usize = 10;

/// The single-state pool, admitting a transaction only while what it holds, with the
/// submissions under way, stays within its capacity.
pub struct AdmittingPool {
	inner: Inner,
	capacity: Settings,
	/// Room taken by submissions that have been admitted and not yet answered.
	reserved: Mutex<Held>,
}

/// Room reserved for one admitted submission, given back when its answer is in (by then the
/// pool's own count holds the transaction, if it kept it).
struct Admission<'a> {
	pool: &'a AdmittingPool,
	room: Held,
}

impl Drop for Admission<'_> {
	fn drop(&mut self) {
		let mut reserved = self.pool.reserved();
		reserved.transactions -= self.room.transactions;
		reserved.bytes -= self.room.bytes;
	}
}

impl AdmittingPool {
	/// A single-state pool for `client` admitting up to `capacity`.
	pub fn new(
		capacity: Settings,
		config: &Configuration,
		spawner: impl SpawnEssentialNamed,
		client: Arc<FullClient>,
	) -> Self {
		let share = |factor: usize, divisor: usize| PoolLimit {
			count: capacity.transactions.saturating_mul(factor) / divisor,
			total_bytes: capacity.bytes.saturating_mul(factor) / divisor,
		};
		let options = Options {
			ready: share(READY_ROOM, 1),
			future: share(1, FUTURE_SHARE),
			reject_future_transactions: false,
			ban_time: capacity.ban,
		};
		log::info!(
			target: "txpool",
			"Creating the single-state transaction pool, admitting up to {} transactions of {} \
			 bytes in all (ready {:?}, future {:?})",
			capacity.transactions,
			capacity.bytes,
			options.ready,
			options.future,
		);
		let pool: BasicPool<FullChainApi<FullClient, Block>, Block> = BasicPool::new_full(
			options,
			config.role.is_authority().into(),
			config.prometheus_registry(),
			spawner,
			client,
		);
		Self { inner: TransactionPoolWrapper(Box::new(pool)), capacity, reserved: Mutex::default() }
	}

	fn reserved(&self) -> std::sync::MutexGuard<'_, Held> {
		// A panic while the guard was held cannot leave the counts half-written: each update
		// is two subtractions or additions of values already checked.
		self.reserved.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
	}

	/// Reserves room for `xt`, or refuses it when the pool, with what is under way, would
	/// hold more than its capacity. The pool's count is read under the reservation lock, so
	/// a submission that ends meanwhile is counted once or twice, never missed. The node's
	/// own transactions (`Local`: offchain workers, GRANDPA's equivocation reports) are
	/// counted and always admitted, into the ready queue's room beyond the capacity. One the
	/// pool already holds ready goes through, to be answered "already imported" (a peer that
	/// gossips it again is not an offender).
	fn admit(
		&self,
		source: TransactionSource,
		xt: &TransactionFor<Inner>,
	) -> Result<Admission<'_>, PoolError> {
		let room = Held { transactions: 1, bytes: xt.encoded_size() };
		let mut reserved = self.reserved();
		let PoolStatus { ready, ready_bytes, future, future_bytes } = self.inner.status();
		let transactions = ready + future + reserved.transactions + room.transactions;
		let bytes = ready_bytes + future_bytes + reserved.bytes + room.bytes;
		let fits = transactions <= self.capacity.transactions && bytes <= self.capacity.bytes;
		if !fits && source != TransactionSource::Local {
			drop(reserved);
			return match self.inner.ready_transaction(&self.inner.hash_of(xt)) {
				Some(_) => Ok(Admission { pool: self, room: Held::default() }),
				None => Err(PoolError::ImmediatelyDropped),
			};
		}
		reserved.transactions += room.transactions;
		reserved.bytes += room.bytes;
		Ok(Admission { pool: self, room })
	}
}

#[async_trait::async_trait]
impl TransactionPool for AdmittingPool {
	type Block = Block;
	type Hash = <Inner as TransactionPool>::Hash;
	type InPoolTransaction = <Inner as TransactionPool>::InPoolTransaction;
	type Error = <Inner as TransactionPool>::Error;

	async fn submit_at(
		&self,
		at: BlockHash,
		source: TransactionSource,
		xts: Vec<TransactionFor<Self>>,
	) -> Result<Vec<Result<TxHash<Self>, Self::Error>>, Self::Error> {
		let mut admissions = Vec::with_capacity(xts.len());
		let mut refused = Vec::with_capacity(xts.len());
		let mut admitted = Vec::with_capacity(xts.len());
		for xt in xts {
			match self.admit(source, &xt) {
				Ok(admission) => {
					admissions.push(admission);
					admitted.push(xt);
					refused.push(None);
				},
				Err(error) => refused.push(Some(error)),
			}
		}
		let mut answers = self.inner.submit_at(at, source, admitted).await?.into_iter();
		drop(admissions);
		Ok(refused
			.into_iter()
			.map(|refusal| match refusal {
				Some(error) => Err(error.into()),
				None => answers.next().unwrap_or_else(|| Err(PoolError::ImmediatelyDropped.into())),
			})
			.collect())
	}

	async fn submit_one(
		&self,
		at: BlockHash,
		source: TransactionSource,
		xt: TransactionFor<Self>,
	) -> Result<TxHash<Self>, Self::Error> {
		let _admission = self.admit(source, &xt)?;
		self.inner.submit_one(at, source, xt).await
	}

	async fn submit_and_watch(
		&self,
		at: BlockHash,
		source: TransactionSource,
		xt: TransactionFor<Self>,
	) -> Result<Pin<Box<TransactionStatusStreamFor<Self>>>, Self::Error> {
		let _admission = self.admit(source, &xt)?;
		self.inner.submit_and_watch(at, source, xt).await
	}

	async fn ready_at(&self, at: BlockHash) -> ReadyIterator {
		self.inner.ready_at(at).await
	}

	fn ready(&self) -> ReadyIterator {
		self.inner.ready()
	}

	/// Passes on what the block author found invalid, but for transactions it found stale
	/// (their nonce already used). Under load the author may start a block before the pool
	/// has caught up with the block before it (`ready_at_with_timeout` falls back to the last
	/// ready set), and meets that block's transactions again: stale, because they are
	/// included. Removing them as invalid would remove every later transaction of their
	/// senders with them — accepted transactions lost, as a burst of 40,000 transfers showed
	/// on a loaded machine (docs/reliability.md). The pool prunes them itself once it sees the
	/// block, and drops one that is stale for another reason when it revalidates.
	async fn report_invalid(
		&self,
		at: Option<BlockHash>,
		invalid_tx_errors: TxInvalidityReportMap<TxHash<Self>>,
	) -> Vec<Arc<Self::InPoolTransaction>> {
		let invalid = invalid_tx_errors
			.into_iter()
			.filter(|(_, error)| !matches!(error, Some(error) if is_stale(error)))
			.collect();
		self.inner.report_invalid(at, invalid).await
	}

	fn futures(&self) -> Vec<Self::InPoolTransaction> {
		self.inner.futures()
	}

	fn status(&self) -> PoolStatus {
		self.inner.status()
	}

	fn import_notification_stream(&self) -> ImportNotificationStream<TxHash<Self>> {
		self.inner.import_notification_stream()
	}

	fn on_broadcasted(&self, propagations: HashMap<TxHash<Self>, Vec<String>>) {
		self.inner.on_broadcasted(propagations)
	}

	fn hash_of(&self, xt: &TransactionFor<Self>) -> TxHash<Self> {
		self.inner.hash_of(xt)
	}

	fn ready_transaction(&self, hash: &TxHash<Self>) -> Option<Arc<Self::InPoolTransaction>> {
		self.inner.ready_transaction(hash)
	}

	async fn ready_at_with_timeout(&self, at: BlockHash, timeout: Duration) -> ReadyIterator {
		self.inner.ready_at_with_timeout(at, timeout).await
	}
}

/// Whether a block author refused a transaction because its nonce was already used.
fn is_stale(error: &TransactionValidityError) -> bool {
	matches!(error, TransactionValidityError::Invalid(InvalidTransaction::Stale))
}

#[async_trait::async_trait]
impl MaintainedTransactionPool for AdmittingPool {
	async fn maintain(&self, event: ChainEvent<Block>) {
		self.inner.maintain(event).await
	}
}

impl LocalTransactionPool for AdmittingPool {
	type Block = Block;
	type Hash = <Inner as LocalTransactionPool>::Hash;
	type Error = <Inner as LocalTransactionPool>::Error;

	fn submit_local(
		&self,
		at: BlockHash,
		xt: LocalTransactionFor<Self>,
	) -> Result<Self::Hash, Self::Error> {
		let _admission = self.admit(TransactionSource::Local, &xt)?;
		self.inner.submit_local(at, xt)
	}
}
