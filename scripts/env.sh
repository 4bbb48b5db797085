# Shared settings of the scripts; sourced, not run.
#
# Build artefacts live outside the clone, so that a fresh clone (CI's, or a second work
# tree) reuses them and only rebuilds what changed. Override with CARGO_TARGET_DIR.

ZEROCHAIN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ZEROCHAIN_CACHE="${ZEROCHAIN_CACHE:-$HOME/.cache/zerochain}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ZEROCHAIN_CACHE/target}"
ZEROCHAIN_VENV="${ZEROCHAIN_VENV:-$ZEROCHAIN_CACHE/venv}"
# The runtime's WASM embeds the source paths of its panic messages. Remapping them makes the
# same commit build the same WASM in any checkout, so the committed chain specs match the
# runtime built in a fresh clone (CI's) and validators can rebuild a runtime to check it.
export WASM_BUILD_RUSTFLAGS="--remap-path-prefix=$ZEROCHAIN_ROOT=/zerochain --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=/cargo"
# The WASM is built with the toolchain rust-toolchain.toml pins, not rustup's default.
export WASM_BUILD_TOOLCHAIN="${WASM_BUILD_TOOLCHAIN:-$(sed -n 's/^channel *= *"\(.*\)"/\1/p' "$ZEROCHAIN_ROOT/rust-toolchain.toml")}"
# The node binary the scripts and the end-to-end tests run.
export ZEROCHAIN_BIN="${ZEROCHAIN_BIN:-$CARGO_TARGET_DIR/release/zerochain}"

# rustup and cargo may live in ~/.cargo/bin without being on PATH yet.
if [ -d "$HOME/.cargo/bin" ]; then
	case ":$PATH:" in *":$HOME/.cargo/bin:"*) ;; *) export PATH="$HOME/.cargo/bin:$PATH" ;; esac
fi

# Builds the node (and with it the runtime's WASM) in release mode.
build_node() {
	(cd "$ZEROCHAIN_ROOT" && cargo build --locked --release -p zerochain-node)
}
