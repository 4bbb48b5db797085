#!/usr/bin/env bash
# Runs one validator node: what an operator needs on a validator's machine (docs/validators.md).
#
#   scripts/validator.sh start DIR CHAIN [node arguments...]
#       Starts a validator of CHAIN (a chain spec file, or `local`) in the background, with its
#       database, keystore, network key, log (DIR/node.log) and pid in DIR. The network key is
#       made on the first start and kept; so is the database. Further arguments go to the node
#       (--bootnodes, --name, ports, ...); they are remembered for `restart`. It listens for
#       peers on TCP port P2P_PORT (default 30333) and, for light clients, for libp2p over
#       WebSocket on WS_PORT (default 30433; docs/chain.md), unless the arguments say where to
#       listen (`--port`, `--listen-addr`).
#   scripts/validator.sh stop DIR        stops it cleanly (SIGINT; SIGKILL after 10 s)
#   scripts/validator.sh kill DIR        kills it at once (SIGKILL), as a crash would
#   scripts/validator.sh restart DIR     stops it if running and starts it again, same
#                                        arguments, database kept
#   scripts/validator.sh peer-id DIR     prints its libp2p peer id (for others' --bootnodes)
#
# Session keys are made on the running node and registered on chain with
# scripts/session-keys.py; the council then admits the validator (scripts/council-motion.py).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

log() { echo "validator: $*" >&2; }

running() { [ -f "$1/pid" ] && kill -0 "$(cat "$1/pid")" 2>/dev/null; }

launch() {
	local dir="$1"
	local args=() cache=()
	mapfile -d '' args <"$dir/args"
	[ -z "$ZEROCHAIN_WASMTIME_CACHE_DIR" ] || cache=(--wasmtime-cache-dir "$ZEROCHAIN_WASMTIME_CACHE_DIR")
	"$ZEROCHAIN_BIN" "${cache[@]}" "${args[@]}" >>"$dir/node.log" 2>&1 &
	echo $! >"$dir/pid"
	log "$(basename "$dir"): pid $!, log $dir/node.log"
}

start() {
	local dir="$1" chain="$2"
	shift 2
	[ -x "$ZEROCHAIN_BIN" ] || { log "no node binary at $ZEROCHAIN_BIN: build it first"; exit 1; }
	if running "$dir"; then
		log "already running in $dir (pid $(cat "$dir/pid"))"
		exit 1
	fi
	mkdir -p "$dir"
	if [ ! -f "$dir/node-key" ]; then
		"$ZEROCHAIN_BIN" key generate-node-key --file "$dir/node-key" 2>/dev/null
	fi
	local listen=(
		--listen-addr "/ip6/::/tcp/${P2P_PORT:-30333}" --listen-addr "/ip4/0.0.0.0/tcp/${P2P_PORT:-30333}"
		--listen-addr "/ip4/0.0.0.0/tcp/${WS_PORT:-30433}/ws"
	)
	local arg
	for arg in "$@"; do
		case "$arg" in --port | --port=* | --listen-addr | --listen-addr=*) listen=() ;; esac
	done
	printf '%s\0' --chain "$chain" --validator --base-path "$dir" \
		--node-key-file "$dir/node-key" "${listen[@]}" "$@" >"$dir/args"
	launch "$dir"
}

stop() {
	local dir="$1" signal="${2:-INT}"
	running "$dir" || { rm -f "$dir/pid"; return 0; }
	local pid
	pid="$(cat "$dir/pid")"
	kill "-$signal" "$pid"
	for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
	kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
	rm -f "$dir/pid"
	log "$(basename "$dir") stopped ($signal)"
}

restart() {
	local dir="$1"
	[ -f "$dir/args" ] || { log "nothing was started in $dir"; exit 1; }
	stop "$dir"
	launch "$dir"
}

command="${1:-}"
[ $# -ge 2 ] || { sed -n '2,20p' "$0" >&2; exit 2; }
case "$command" in
	start) [ $# -ge 3 ] || { log "usage: $0 start DIR CHAIN [node arguments...]"; exit 2; }
		shift; start "$@" ;;
	stop) stop "$2" ;;
	kill) stop "$2" KILL ;;
	restart) restart "$2" ;;
	peer-id) "$ZEROCHAIN_BIN" key inspect-node-key --file "$2/node-key" ;;
	*) sed -n '2,20p' "$0" >&2; exit 2 ;;
esac
