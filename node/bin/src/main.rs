//! `zerochain`: the node of Zero Chain, the public phonebook of digital twins.
//!
//! The node is wiring only: polkadot-sdk's networking, RocksDB database, transaction pool,
//! Aura authoring, GRANDPA finality and JSON-RPC server, around the Zero Chain runtime.

// `sc_cli::Error`, the error type of the CLI traits this crate implements, is large; boxing it
// here would only add a conversion at every boundary with polkadot-sdk.
#![allow(clippy::result_large_err)]

mod chain_spec;
mod cli;
mod command;
mod genesis;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	limit_malloc_arenas();
	command::run()
}

/// glibc gives each thread that contends for the heap an arena of its own (up to eight per
/// core) and keeps what every arena once held, so the node's many threads (RPC, import,
/// network, blocking calls) grow its resident memory well past what it uses. Two arenas serve
/// it as fast with a fraction of the memory: docs/benchmarks.md (the phonebook at scale) has
/// the figures. A limit set in the environment (`MALLOC_ARENA_MAX`, or
/// `glibc.malloc.arena_max` in `GLIBC_TUNABLES`) wins.
fn limit_malloc_arenas() {
	#[cfg(all(target_os = "linux", target_env = "gnu"))]
	if std::env::var_os("MALLOC_ARENA_MAX").is_none()
		&& !std::env::var("GLIBC_TUNABLES").is_ok_and(|t| t.contains("glibc.malloc.arena_max"))
	{
		// SAFETY: `mallopt` only sets a parameter of glibc's allocator; it is called before
		// the node starts any thread.
		unsafe {
			libc::mallopt(libc::M_ARENA_MAX, 2);
		}
	}
}
