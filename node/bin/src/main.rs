//! `zerochain`: the node of Zero Chain, the public phonebook of digital twins (zerochain-node),
//! with the version and commit it was built from (`zerochain --version`).

// `sc_cli::Error` is large (clippy's `result_large_err`); it is what the node returns, once.
#[allow(clippy::result_large_err)]
fn main() -> sc_cli::Result<()> {
	limit_malloc_arenas();
	zerochain_node::run(env!("SUBSTRATE_CLI_IMPL_VERSION"))
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
