#!/usr/bin/env bash
# The phonebook explorer (explorer/): static pages that read a node's JSON-RPC.
#   scripts/explorer.sh build         bundle explorer/src into explorer/dist (npm, esbuild)
#   scripts/explorer.sh [serve] [PORT] build, then serve explorer/ on http://127.0.0.1:PORT
#                                      (default: EXPLORER_PORT, else 8080) until Ctrl-C
# Open http://127.0.0.1:8080/ for a node on ws://127.0.0.1:9944 (scripts/dev.sh), or
# http://127.0.0.1:8080/?rpc=ws://HOST:PORT for another. The page needs nothing but the
# node's RPC: any static file server serves explorer/ as well as this one.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

explorer="$ZEROCHAIN_ROOT/explorer"

build() {
	if ! cmp -s "$explorer/package-lock.json" "$explorer/node_modules/.package-lock.json.installed"; then
		echo "explorer: installing @polkadot/api and esbuild (explorer/package-lock.json)"
		(cd "$explorer" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
		cp "$explorer/package-lock.json" "$explorer/node_modules/.package-lock.json.installed"
	fi
	(cd "$explorer" && npm run --silent build >/dev/null)
	echo "explorer: built explorer/dist/explorer.js"
}

# `scripts/explorer.sh 8090` is `serve 8090`.
[[ "${1:-}" =~ ^[0-9]+$ ]] && set -- serve "$1"
case "${1:-serve}" in
build)
	build
	;;
serve)
	port="${2:-${EXPLORER_PORT:-8080}}"
	build
	echo "explorer: http://127.0.0.1:$port/ (a node on ws://127.0.0.1:9944; ?rpc=ws://HOST:PORT for another)"
	exec python3 -m http.server "$port" --bind 127.0.0.1 --directory "$explorer"
	;;
*)
	echo "usage: $0 [build | serve [PORT]]" >&2
	exit 2
	;;
esac
