# Shared settings of the scripts; sourced, not run.
#
# Build artefacts live outside the clone, so that a fresh clone (CI's, or a second work
# tree) reuses them and only rebuilds what changed. Override with CARGO_TARGET_DIR.

ZEROCHAIN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ZEROCHAIN_CACHE="${ZEROCHAIN_CACHE:-$HOME/.cache/zerochain}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ZEROCHAIN_CACHE/target}"
ZEROCHAIN_VENV="${ZEROCHAIN_VENV:-$ZEROCHAIN_CACHE/venv}"

# Reproducible runtime: the same commit must build the same WASM in any checkout, so that
# the committed chain specs match the runtime a fresh clone (CI's) builds, and validators
# can rebuild a runtime to check its hash. Rust's output depends on the path it builds from
# (crate hashes, panic locations), so the scripts build from a copy of the checkout at one
# fixed path, ZEROCHAIN_BUILD_ROOT, with that path and cargo's home remapped in the WASM.
ZEROCHAIN_BUILD_ROOT="$ZEROCHAIN_CACHE/src"
export WASM_BUILD_RUSTFLAGS="--remap-path-prefix=$ZEROCHAIN_BUILD_ROOT=/zerochain --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=/cargo"
# The toolchain rust-toolchain.toml pins; the WASM is built with it too, not rustup's default.
ZEROCHAIN_TOOLCHAIN="$(sed -n 's/^channel *= *"\(.*\)"/\1/p' "$ZEROCHAIN_ROOT/rust-toolchain.toml")"
export WASM_BUILD_TOOLCHAIN="${WASM_BUILD_TOOLCHAIN:-$ZEROCHAIN_TOOLCHAIN}"
# The copy has no .git: the node's version names the checkout's commit through this.
if commit="$(git -C "$ZEROCHAIN_ROOT" rev-parse --short=11 HEAD 2>/dev/null)"; then
	export SUBSTRATE_CLI_GIT_COMMIT_HASH="$commit"
fi
# C and C++ dependencies (RocksDB, binaryen in the WASM builder, OpenSSL for litep2p's WebRTC)
# are compiled with clang, which setup.sh installs for RocksDB's bindings anyway: on the
# development machine it compiles RocksDB's sources 27 % faster than gcc and binaryen's 45 %,
# and they are most of a cold build's time (docs/development.md). Set CC and CXX to choose.
export CC="${CC:-clang}" CXX="${CXX:-clang++}"
# The node binary the scripts and the end-to-end tests run.
export ZEROCHAIN_BIN="${ZEROCHAIN_BIN:-$CARGO_TARGET_DIR/release/zerochain}"
# The scripts' nodes (and the end-to-end tests' nodes) keep the runtime's code as wasmtime
# compiled it in this directory's folder `wasmtime` (`--wasmtime-cache-dir`), and start without
# compiling the runtime again. Set it empty to cache nothing.
export ZEROCHAIN_WASMTIME_CACHE_DIR="${ZEROCHAIN_WASMTIME_CACHE_DIR-$ZEROCHAIN_CACHE}"
# The runtime's WASM as the last node build made it (with `runtime-benchmarks` after a
# benchmark build), which the benchmark commands measure.
ZEROCHAIN_RUNTIME_WASM="$CARGO_TARGET_DIR/release/wbuild/zerochain-runtime/zerochain_runtime.compact.compressed.wasm"

# rustup and cargo may live in ~/.cargo/bin without being on PATH yet.
if [ -d "$HOME/.cargo/bin" ]; then
	case ":$PATH:" in *":$HOME/.cargo/bin:"*) ;; *) export PATH="$HOME/.cargo/bin:$PATH" ;; esac
fi

# Copies the checkout's sources (tracked and untracked, not ignored) to ZEROCHAIN_BUILD_ROOT.
# Only files whose content differs from the last copy are written (rsync compares checksums):
# a fresh clone's files are all new to the file system, and copying them with their own
# modification times would make cargo rebuild every crate of the workspace, runtime and WASM
# included, on every CI run. This way cargo rebuilds only what a commit changed.
sync_build_root() {
	# A staging folder of its own: two scripts may sync at once (the test script's Rust tests
	# build beside the end-to-end tests, one of which runs scripts/dev.sh).
	local staging
	if ! command -v rsync >/dev/null; then
		echo "rsync is missing: run scripts/setup.sh" >&2
		return 1
	fi
	mkdir -p "$ZEROCHAIN_BUILD_ROOT"
	staging="$(mktemp -d "$ZEROCHAIN_BUILD_ROOT.staging.XXXXXX")"
	if git -C "$ZEROCHAIN_ROOT" rev-parse --git-dir >/dev/null 2>&1; then
		(cd "$ZEROCHAIN_ROOT" && git ls-files -z --cached --others --exclude-standard |
			tar --null --ignore-failed-read -cf - -T - 2>/dev/null) | tar -C "$staging" -xf -
	else
		tar -C "$ZEROCHAIN_ROOT" --exclude=./target -cf - . | tar -C "$staging" -xf -
	fi
	rsync --recursive --links --perms --checksum --delete "$staging/" "$ZEROCHAIN_BUILD_ROOT/"
	rm -rf "$staging"
}

# Runs cargo in the build copy of the checkout, after refreshing it. Clippy lints the
# workspace's own crates as they compile: clippy-driver stands in for rustc for the workspace's
# members only (cargo's RUSTC_WORKSPACE_WRAPPER) and emits the same artefacts, so the lint
# needs no second pass over the SDK (a `cargo clippy` checks all of it again: 8 minutes cold).
# Every build lints with the same arguments, so that the scripts' builds share artefacts.
build_cargo() {
	# `|| return`: a caller's `cmd || status=$?` turns errexit off inside.
	sync_build_root || return
	local clippy
	clippy="$(rustup which --toolchain "$ZEROCHAIN_TOOLCHAIN" clippy-driver)"
	(cd "$ZEROCHAIN_BUILD_ROOT" &&
		RUSTC_WORKSPACE_WRAPPER="$clippy" CLIPPY_ARGS="-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__" \
			cargo "$@")
}

# Builds the node (and with it the runtime's WASM), the load generator and the Rust client's
# programs in release mode, in one cargo run so that they share one build of the runtime and
# of their common dependencies; extra arguments go to cargo.
build_node() {
	build_cargo build --locked --release -p zerochain -p zerochain-loadgen -p zerochain-client-programs "$@"
}
