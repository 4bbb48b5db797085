//! Dispatches the command line to the service or to the standard Substrate subcommands.

use crate::{
	chain_spec,
	cli::{Cli, Subcommand},
	pool::Settings as PoolSettings,
	service,
};
#[cfg(feature = "benchmark")]
use frame_benchmarking_cli::{BenchmarkCmd, SUBSTRATE_REFERENCE_HARDWARE};
use sc_cli::SubstrateCli;
use sc_service::PartialComponents;
use zerochain_runtime::opaque::Block;

impl SubstrateCli for Cli {
	fn impl_name() -> String {
		"Zero Chain Node".into()
	}

	fn impl_version() -> String {
		IMPL_VERSION.get().copied().unwrap_or(env!("CARGO_PKG_VERSION")).into()
	}

	fn description() -> String {
		env!("CARGO_PKG_DESCRIPTION").into()
	}

	fn author() -> String {
		env!("CARGO_PKG_AUTHORS").into()
	}

	fn support_url() -> String {
		"https://example.invalid/zerochain/issues".into()
	}

	fn copyright_start_year() -> i32 {
		2026
	}

	fn load_spec(&self, id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
		Ok(match id {
			"dev" => Box::new(chain_spec::development_chain_spec()?),
			"" | "local" => Box::new(chain_spec::local_chain_spec()?),
			"bench" => Box::new(chain_spec::bench_chain_spec()?),
			path => {
				Box::new(chain_spec::ChainSpec::from_json_file(std::path::PathBuf::from(path))?)
			},
		})
	}
}

/// The version the binary was stamped with (its build script's `SUBSTRATE_CLI_IMPL_VERSION`:
/// the crate's version and the commit), set once by [`run`].
static IMPL_VERSION: std::sync::OnceLock<&'static str> = std::sync::OnceLock::new();

/// Parses the command line and runs what it asks for; `version` is what `--version` prints
/// and what the node reports of itself (`system_version`, telemetry).
pub fn run(version: &'static str) -> sc_cli::Result<()> {
	IMPL_VERSION.get_or_init(|| version);
	let cli = Cli::from_args_with_chain_defaults();
	// wasmtime needs an absolute path (with a relative one it logs a warning and caches
	// nothing), and prunes the folder it is given of what it did not write: the cache gets a
	// folder of its own, `wasmtime`, in the directory given.
	let wasmtime_cache = match &cli.wasmtime_cache_dir {
		Some(directory) => Some(std::path::absolute(directory)?.join("wasmtime")),
		None => None,
	};
	let pool = PoolSettings::from_cli(&cli.run.pool_config, cli.run.shared_params.is_dev())?;
	let options = service::NodeOptions { wasmtime_cache: wasmtime_cache.as_deref(), pool };

	match &cli.subcommand {
		Some(Subcommand::Key(cmd)) => cmd.run(&cli),
		Some(Subcommand::ExportChainSpec(cmd)) => {
			let chain_spec = cli.load_spec(&cmd.chain)?;
			cmd.run(chain_spec)
		},
		Some(Subcommand::CheckBlock(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config, &options)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		},
		Some(Subcommand::ExportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } =
					service::new_partial(&config, &options)?;
				Ok((cmd.run(client, config.database), task_manager))
			})
		},
		Some(Subcommand::ExportState(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } =
					service::new_partial(&config, &options)?;
				Ok((cmd.run(client, config.chain_spec), task_manager))
			})
		},
		Some(Subcommand::ImportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config, &options)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		},
		Some(Subcommand::PurgeChain(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.database))
		},
		Some(Subcommand::Revert(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, backend, .. } =
					service::new_partial(&config, &options)?;
				// GRANDPA keeps its authority set history beside the blocks; roll it back too.
				let aux_revert = Box::new(|client, _, blocks| {
					sc_consensus_grandpa::revert(client, blocks)?;
					Ok(())
				});
				Ok((cmd.run(client, backend, Some(aux_revert)), task_manager))
			})
		},
		#[cfg(feature = "benchmark")]
		Some(Subcommand::Benchmark(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| run_benchmark(cmd, config, &options))
		},
		Some(Subcommand::ChainInfo(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run::<Block>(&config))
		},
		None => {
			let runner = cli.create_runner(&cli.run)?;
			runner.run_node_until_exit(|config| async move {
				service::new_full(config, &options).map_err(sc_cli::Error::Service)
			})
		},
	}
}

/// The `benchmark` subcommands this node supports. `extrinsic` would need transaction
/// builders for this runtime's calls and is not offered; `overhead` uses the CLI's own.
#[cfg(feature = "benchmark")]
fn run_benchmark(
	cmd: &BenchmarkCmd,
	config: sc_service::Configuration,
	options: &service::NodeOptions,
) -> sc_cli::Result<()> {
	match cmd {
		BenchmarkCmd::Pallet(cmd) => {
			if !cfg!(feature = "runtime-benchmarks") {
				return Err(
					"pallet benchmarks need a node built with `--features runtime-benchmarks`"
						.into(),
				);
			}
			// The runtime given by `--runtime` builds its own genesis; a chain spec is for the rest.
			let chain_spec = cmd.runtime.is_none().then_some(config.chain_spec);
			cmd.run_with_spec::<sp_runtime::traits::HashingFor<Block>, ()>(chain_spec)
		},
		BenchmarkCmd::Block(cmd) => {
			let PartialComponents { client, .. } = service::new_partial(&config, options)?;
			cmd.run(client)
		},
		#[cfg(not(feature = "runtime-benchmarks"))]
		BenchmarkCmd::Storage(_) => {
			Err("storage benchmarks need a node built with `--features runtime-benchmarks`".into())
		},
		#[cfg(feature = "runtime-benchmarks")]
		BenchmarkCmd::Storage(cmd) => {
			let PartialComponents { client, backend, .. } = service::new_partial(&config, options)?;
			let db = backend.expose_db();
			let storage = backend.expose_storage();
			let shared_cache = backend.expose_shared_trie_cache();
			cmd.run(config, client, db, storage, shared_cache)
		},
		BenchmarkCmd::Machine(cmd) => cmd.run(&config, SUBSTRATE_REFERENCE_HARDWARE.clone()),
		// A block's and an extrinsic's base cost, measured by filling blocks with
		// `System.remark`s on the runtime given by `--runtime` (or the chain spec's).
		BenchmarkCmd::Overhead(cmd) => {
			let chain_spec = cmd.params.runtime.is_none().then_some(config.chain_spec);
			cmd.run_with_default_builder_and_spec::<Block, ()>(chain_spec)
		},
		BenchmarkCmd::Extrinsic(_) => {
			Err("`benchmark extrinsic` is not supported by this node".into())
		},
	}
}
