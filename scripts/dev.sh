#!/usr/bin/env bash
# Sets up the machine, builds the node and starts a development chain: Alice authors a block
# every 6 seconds and GRANDPA finalises it. JSON-RPC on ws://127.0.0.1:9944.
# Extra arguments go to the node, e.g. `scripts/dev.sh --rpc-port 9955`.
# It listens for peers on TCP port P2P_PORT (default 30333) and, for light clients, for
# libp2p over WebSocket on WS_PORT (default 30433; docs/clients.md), unless the arguments say
# where to listen (`--port`, `--listen-addr`).
# The chain lives in a temporary directory and is gone when the node stops (Ctrl-C).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

"$ZEROCHAIN_ROOT/scripts/setup.sh"
build_node
cache=()
[ -z "$ZEROCHAIN_WASMTIME_CACHE_DIR" ] || cache=(--wasmtime-cache-dir "$ZEROCHAIN_WASMTIME_CACHE_DIR")
listen=(
	--listen-addr "/ip6/::/tcp/${P2P_PORT:-30333}" --listen-addr "/ip4/0.0.0.0/tcp/${P2P_PORT:-30333}"
	--listen-addr "/ip4/0.0.0.0/tcp/${WS_PORT:-30433}/ws"
)
for arg in "$@"; do
	case "$arg" in --port | --port=* | --listen-addr | --listen-addr=*) listen=() ;; esac
done
exec "$ZEROCHAIN_BIN" --dev --tmp "${cache[@]}" "${listen[@]}" "$@"
