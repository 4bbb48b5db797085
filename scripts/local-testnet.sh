#!/usr/bin/env bash
# The four-validator local testnet (Alice, Bob, Charlie, Dave) on this machine's loopback.
#
#   scripts/local-testnet.sh               start, wait, and stop them all on Ctrl-C
#   scripts/local-testnet.sh start         start the four in the background; returns once
#                                          every RPC answers
#   scripts/local-testnet.sh stop [NAME]   stop all of them cleanly, or one (e.g. `stop bob`)
#   scripts/local-testnet.sh restart NAME  restart one validator, its database kept
#   scripts/local-testnet.sh kill NAME     kill one with SIGKILL, as a crash would
#   scripts/local-testnet.sh reset         stop all and delete their databases and keys
#
# Databases persist between runs: `start` after `stop` continues the same chain, until
# `reset`. Validator i (0 = Alice) listens on p2p port P2P_PORT_BASE+i, libp2p over WebSocket
# (for light clients) on WS_PORT_BASE+i, JSON-RPC port RPC_PORT_BASE+i and Prometheus port
# PROMETHEUS_PORT_BASE+i (defaults 30333, 30433, 9944, 9615). Its network key is the fixed
# key i+1 (public, like the validators' session keys), so that its peer id is the one
# chain-specs/local.json names in its bootnodes (a testnet made before it had one keeps its
# old key until `reset`). It
# keeps its database, keystore, network key and log in TESTNET_DIR/<name> (default
# $HOME/.cache/zerochain/local-testnet) and has its keys inserted with `zerochain key
# insert`: Aura sr25519, GRANDPA ed25519, as a real validator would. Each is run by
# scripts/validator.sh. CHAIN picks the chain spec (default: the built-in `local`). The node
# must be built (scripts/dev.sh or `cargo build --release -p zerochain`).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

TESTNET_DIR="${TESTNET_DIR:-$ZEROCHAIN_CACHE/local-testnet}"
CHAIN="${CHAIN:-local}"
P2P_PORT_BASE="${P2P_PORT_BASE:-30333}"
WS_PORT_BASE="${WS_PORT_BASE:-30433}"
RPC_PORT_BASE="${RPC_PORT_BASE:-9944}"
PROMETHEUS_PORT_BASE="${PROMETHEUS_PORT_BASE:-9615}"
VALIDATORS=(Alice Bob Charlie Dave)
VALIDATOR="$ZEROCHAIN_ROOT/scripts/validator.sh"

log() { echo "local-testnet: $*" >&2; }

rpc_answers() {
	curl -sf -m 2 -H 'Content-Type: application/json' \
		-d '{"jsonrpc":"2.0","id":1,"method":"system_health","params":[]}' \
		"http://127.0.0.1:$1" >/dev/null
}

# The index of a validator's name (any case), or a usage error.
index_of() {
	local i
	for i in "${!VALIDATORS[@]}"; do
		[ "${VALIDATORS[$i],,}" = "${1,,}" ] && { echo "$i"; return; }
	done
	log "no validator named '$1' (one of: ${VALIDATORS[*]})"
	exit 2
}

dir_of() { echo "$TESTNET_DIR/${VALIDATORS[$1],,}"; }

wait_for_rpc() {
	local i="$1" tries=0
	until rpc_answers "$((RPC_PORT_BASE + i))"; do
		tries=$((tries + 1))
		local pid_file
		pid_file="$(dir_of "$i")/pid"
		if [ $tries -gt 120 ] || ! { [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null; }; then
			log "${VALIDATORS[$i]} did not come up; see $(dir_of "$i")/node.log"
			return 1
		fi
		sleep 0.5
	done
}

start() {
	[ -x "$ZEROCHAIN_BIN" ] || { log "no node binary at $ZEROCHAIN_BIN: build it first"; exit 1; }
	local bootnode="" i
	for i in "${!VALIDATORS[@]}"; do
		local name="${VALIDATORS[$i]}" dir
		dir="$(dir_of "$i")"
		mkdir -p "$dir"
		# The local testnet's fixed network key (scripts/validator.sh keeps a key it finds).
		[ -f "$dir/node-key" ] || printf '%064x' $((i + 1)) >"$dir/node-key"
		"$ZEROCHAIN_BIN" key insert --base-path "$dir" --chain "$CHAIN" \
			--scheme sr25519 --suri "//$name" --key-type aura
		"$ZEROCHAIN_BIN" key insert --base-path "$dir" --chain "$CHAIN" \
			--scheme ed25519 --suri "//$name" --key-type gran
		local args=(
			--name "$name" --no-mdns --no-telemetry
			--listen-addr "/ip4/127.0.0.1/tcp/$((P2P_PORT_BASE + i))"
			--listen-addr "/ip4/127.0.0.1/tcp/$((WS_PORT_BASE + i))/ws"
			--rpc-port "$((RPC_PORT_BASE + i))"
			--prometheus-port "$((PROMETHEUS_PORT_BASE + i))"
		)
		[ -n "$bootnode" ] && args+=(--bootnodes "$bootnode")
		"$VALIDATOR" start "$dir" "$CHAIN" "${args[@]}"
		if [ -z "$bootnode" ]; then
			bootnode="/ip4/127.0.0.1/tcp/$P2P_PORT_BASE/p2p/$("$VALIDATOR" peer-id "$dir")"
		fi
	done
	for i in "${!VALIDATORS[@]}"; do
		wait_for_rpc "$i" || { stop; exit 1; }
	done
	log "all four validators answer (bootnode $bootnode)"
}

stop() {
	local i
	for i in "${!VALIDATORS[@]}"; do
		"$VALIDATOR" stop "$(dir_of "$i")"
	done
}

case "${1:-run}" in
	start) start ;;
	stop)
		if [ $# -ge 2 ]; then "$VALIDATOR" stop "$(dir_of "$(index_of "$2")")"; else stop; fi ;;
	restart)
		[ $# -ge 2 ] || { log "usage: $0 restart NAME"; exit 2; }
		i="$(index_of "$2")"
		"$VALIDATOR" restart "$(dir_of "$i")"
		wait_for_rpc "$i"
		log "${VALIDATORS[$i]} restarted with its database" ;;
	kill)
		[ $# -ge 2 ] || { log "usage: $0 kill NAME"; exit 2; }
		"$VALIDATOR" kill "$(dir_of "$(index_of "$2")")" ;;
	reset)
		stop
		rm -rf "$TESTNET_DIR"
		log "databases deleted" ;;
	run)
		# Before starting: a Ctrl-C that arrives while a validator is still coming up must
		# stop them too. Without a trap, bash waits for the command under way (a `curl` that
		# asks whether a validator answers) and, that command not having died of the signal,
		# carries on as if the signal had been its business, and the testnet would run on.
		trap 'stop; exit 0' INT TERM
		start
		log "running; Ctrl-C stops the testnet (databases are kept; \`reset\` deletes them)"
		while true; do sleep 1; done
		;;
	*) sed -n '2,13p' "$0" >&2; exit 2 ;;
esac
