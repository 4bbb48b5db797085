#!/usr/bin/env bash
# Sets up the machine, builds the node and starts a development chain: Alice authors a block
# every 6 seconds and GRANDPA finalises it. JSON-RPC on ws://127.0.0.1:9944.
# Extra arguments go to the node, e.g. `scripts/dev.sh --rpc-port 9955`.
# The chain lives in a temporary directory and is gone when the node stops (Ctrl-C).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

"$ZEROCHAIN_ROOT/scripts/setup.sh"
build_node
cache=()
[ -z "$ZEROCHAIN_WASMTIME_CACHE_DIR" ] || cache=(--wasmtime-cache-dir "$ZEROCHAIN_WASMTIME_CACHE_DIR")
exec "$ZEROCHAIN_BIN" --dev --tmp "${cache[@]}" "$@"
