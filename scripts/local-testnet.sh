#!/usr/bin/env bash
# The four-validator local testnet (Alice, Bob, Charlie, Dave) on this machine's loopback.
#
#   scripts/local-testnet.sh          start, wait, and stop them all on Ctrl-C
#   scripts/local-testnet.sh start    start in the background; returns once every RPC answers
#   scripts/local-testnet.sh stop     stop them cleanly (SIGINT, then wait)
#
# Validator i (0 = Alice) listens on p2p port P2P_PORT_BASE+i, JSON-RPC port
# RPC_PORT_BASE+i and Prometheus port PROMETHEUS_PORT_BASE+i (defaults 30333, 9944, 9615),
# keeps its database, keystore and log in TESTNET_DIR/<name> (default
# $HOME/.cache/zerochain/local-testnet) and has its keys inserted with `zerochain key
# insert`: Aura sr25519, GRANDPA ed25519, as a real validator would. CHAIN picks the chain
# spec (default: the built-in `local`). The node must be built (scripts/dev.sh or
# `cargo build --release -p zerochain-node`).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

TESTNET_DIR="${TESTNET_DIR:-$ZEROCHAIN_CACHE/local-testnet}"
CHAIN="${CHAIN:-local}"
P2P_PORT_BASE="${P2P_PORT_BASE:-30333}"
RPC_PORT_BASE="${RPC_PORT_BASE:-9944}"
PROMETHEUS_PORT_BASE="${PROMETHEUS_PORT_BASE:-9615}"
VALIDATORS=(Alice Bob Charlie Dave)

log() { echo "local-testnet: $*" >&2; }

rpc_answers() {
	curl -sf -m 2 -H 'Content-Type: application/json' \
		-d '{"jsonrpc":"2.0","id":1,"method":"system_health","params":[]}' \
		"http://127.0.0.1:$1" >/dev/null
}

start() {
	[ -x "$ZEROCHAIN_BIN" ] || { log "no node binary at $ZEROCHAIN_BIN: build it first"; exit 1; }
	mkdir -p "$TESTNET_DIR"
	local bootnode="" i=0
	for name in "${VALIDATORS[@]}"; do
		local dir="$TESTNET_DIR/${name,,}"
		if [ -f "$dir/pid" ] && kill -0 "$(cat "$dir/pid")" 2>/dev/null; then
			log "$name is already running (pid $(cat "$dir/pid")); stop the testnet first"
			exit 1
		fi
		rm -rf "$dir"
		mkdir -p "$dir"
		"$ZEROCHAIN_BIN" key generate-node-key --file "$dir/node-key" 2>/dev/null
		"$ZEROCHAIN_BIN" key insert --base-path "$dir" --chain "$CHAIN" \
			--scheme sr25519 --suri "//$name" --key-type aura
		"$ZEROCHAIN_BIN" key insert --base-path "$dir" --chain "$CHAIN" \
			--scheme ed25519 --suri "//$name" --key-type gran
		local args=(
			--chain "$CHAIN" --validator --name "$name" --base-path "$dir"
			--node-key-file "$dir/node-key" --no-mdns --no-telemetry
			--listen-addr "/ip4/127.0.0.1/tcp/$((P2P_PORT_BASE + i))"
			--rpc-port "$((RPC_PORT_BASE + i))"
			--prometheus-port "$((PROMETHEUS_PORT_BASE + i))"
		)
		if [ -z "$bootnode" ]; then
			local peer_id
			peer_id="$("$ZEROCHAIN_BIN" key inspect-node-key --file "$dir/node-key")"
			bootnode="/ip4/127.0.0.1/tcp/$P2P_PORT_BASE/p2p/$peer_id"
		else
			args+=(--bootnodes "$bootnode")
		fi
		"$ZEROCHAIN_BIN" "${args[@]}" >"$dir/node.log" 2>&1 &
		echo $! >"$dir/pid"
		log "$name: pid $!, rpc ws://127.0.0.1:$((RPC_PORT_BASE + i)), log $dir/node.log"
		i=$((i + 1))
	done
	for i in "${!VALIDATORS[@]}"; do
		local tries=0
		until rpc_answers "$((RPC_PORT_BASE + i))"; do
			tries=$((tries + 1))
			if [ $tries -gt 120 ] || ! kill -0 "$(cat "$TESTNET_DIR/${VALIDATORS[$i],,}/pid")" 2>/dev/null; then
				log "${VALIDATORS[$i]} did not come up; see its node.log"
				stop
				exit 1
			fi
			sleep 0.5
		done
	done
	log "all four validators answer"
}

stop() {
	local name pid
	for name in "${VALIDATORS[@]}"; do
		local file="$TESTNET_DIR/${name,,}/pid"
		[ -f "$file" ] || continue
		pid="$(cat "$file")"
		if kill -0 "$pid" 2>/dev/null; then
			kill -INT "$pid"
			for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
			kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
			log "$name stopped"
		fi
		rm -f "$file"
	done
}

case "${1:-run}" in
	start) start ;;
	stop) stop ;;
	run)
		start
		trap 'stop; exit 0' INT TERM
		log "running; Ctrl-C stops the testnet"
		while true; do sleep 1; done
		;;
	*) log "usage: $0 [start|stop]"; exit 2 ;;
esac
