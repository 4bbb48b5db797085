//! The command line: a standard Substrate node CLI.

/// Subcommands beside running the node.
#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
	/// Key management: generate, inspect, insert keys into a keystore.
	#[command(subcommand)]
	Key(sc_cli::KeySubcommand),

	/// Export a chain spec (`--raw` for the storage form a live network boots from).
	ExportChainSpec(sc_cli::ExportChainSpecCmd),

	/// Validate blocks.
	CheckBlock(sc_cli::CheckBlockCmd),

	/// Export blocks.
	ExportBlocks(sc_cli::ExportBlocksCmd),

	/// Export the state of a given block into a chain spec.
	ExportState(sc_cli::ExportStateCmd),

	/// Import blocks.
	ImportBlocks(sc_cli::ImportBlocksCmd),

	/// Remove the whole chain.
	PurgeChain(sc_cli::PurgeChainCmd),

	/// Revert the chain to a previous state.
	Revert(sc_cli::RevertCmd),

	/// Benchmarks: runtime pallets (needs `--features runtime-benchmarks`), blocks, storage,
	/// and the machine against the reference hardware. Only in a node built with
	/// `--features benchmark` (or `runtime-benchmarks`): docs/chain.md.
	#[cfg(feature = "benchmark")]
	#[command(subcommand)]
	Benchmark(frame_benchmarking_cli::BenchmarkCmd),

	/// The database's metadata.
	ChainInfo(sc_cli::ChainInfoCmd),
}

/// The node's command line.
#[derive(Debug, clap::Parser)]
pub struct Cli {
	/// A subcommand, or none to run the node.
	#[command(subcommand)]
	pub subcommand: Option<Subcommand>,

	/// Options of a running node.
	#[clap(flatten)]
	pub run: sc_cli::RunCmd,

	/// Keeps the runtime's machine code, as wasmtime compiles it, in the folder `wasmtime` of
	/// this directory (wasmtime prunes that folder of anything it did not write), so that a
	/// node that restarts, or another node on this machine, loads it instead of compiling the
	/// runtime again (several seconds of a core each time, a minute when many start at once).
	/// Entries are keyed by the runtime's code and the compiler's settings: an upgraded runtime
	/// gets an entry of its own and never runs stale code. Whoever can write to the directory
	/// can change what the node executes: keep it as private as the node's database.
	/// Off unless given (Substrate's default).
	#[arg(long, value_name = "DIR", global = true)]
	pub wasmtime_cache_dir: Option<std::path::PathBuf>,
}

/// Transactions the pool may hold (Substrate's default: 8,192), ready or waiting for an
/// earlier nonce alike: beyond it the node refuses a submission rather than drop one it
/// accepted (node/src/pool.rs, docs/reliability.md). About eight full blocks of transfers at
/// the measured weights (7,855 each), so a burst the chain includes within a minute is kept
/// whole; Substrate's default fills up under a sustained load at the chain's own rate.
const POOL_LIMIT: &str = "65536";
/// What those transactions may weigh in all, KiB (Substrate's default: 20,480): room for the
/// count above of transactions up to 1 KiB, several times a transfer's or a registration's.
const POOL_KBYTES: &str = "65536";
/// The single-state pool (Substrate's default: fork-aware), the only one the node can keep
/// from dropping what it accepted (node/src/pool.rs).
const POOL_TYPE: &str = "single-state";
/// The trie cache, bytes (Substrate's default: 1 GiB). Measured (docs/benchmarks.md): blocks
/// as full and imported as fast with 16 MiB as with 1 GiB, built at most 6 % slower, and the
/// million-twin node stays under 200 MB while it serves lookups (1.4 GiB with Substrate's
/// caches); a node that mostly serves the phonebook over RPC answers about twice the lookups
/// a second with Substrate's sizes.
const TRIE_CACHE_SIZE: &str = "16777216";
/// RocksDB's block cache, MiB (Substrate's default: 1,024); measured with the trie cache above.
const DB_CACHE: &str = "32";
/// Runtime instances each runtime keeps ready (Substrate's default: 8; 32 is the most it
/// takes). An instance slot costs nothing until used (every call instantiates afresh), but a
/// call made while all are busy logs a warning ("Ran out of free WASM instances"), which RPC
/// lookups under load did thousands of times a second at 8, and none at 32.
const MAX_RUNTIME_INSTANCES: &str = "32";

impl Cli {
	/// Parses the command line as `SubstrateCli::from_args` does, with this chain's defaults
	/// where Substrate's are sized for another chain; an option given still wins.
	pub fn from_args_with_chain_defaults() -> Self {
		use clap::{CommandFactory, FromArgMatches};
		use sc_cli::SubstrateCli;

		let command = <Self as SubstrateCli>::setup_command(Self::command())
			.mut_arg("pool_limit", |arg| arg.default_value(POOL_LIMIT))
			.mut_arg("pool_kbytes", |arg| arg.default_value(POOL_KBYTES))
			.mut_arg("pool_type", |arg| arg.default_value(POOL_TYPE))
			.mut_arg("trie_cache_size", |arg| arg.default_value(TRIE_CACHE_SIZE))
			.mut_arg("database_cache_size", |arg| arg.default_value(DB_CACHE))
			.mut_arg("max_runtime_instances", |arg| arg.default_value(MAX_RUNTIME_INSTANCES));
		let matches = command.get_matches();
		Self::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
	}
}
