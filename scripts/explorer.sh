#!/usr/bin/env bash
# The phonebook explorer (explorer/): static pages that read a node's JSON-RPC.
#   scripts/explorer.sh build         bundle explorer/src into explorer/dist (npm, esbuild)
#   scripts/explorer.sh [serve] [PORT] build, then serve explorer/ on http://127.0.0.1:PORT
#                                      (default: EXPLORER_PORT, else 8080) until Ctrl-C
# Open http://127.0.0.1:8080/ for a node on ws://127.0.0.1:9944 (scripts/dev.sh), or
# http://127.0.0.1:8080/?rpc=ws://HOST:PORT for another. The page needs nothing but the
# node's RPC: any static file server serves explorer/ as well as this one. Given a raw chain
# spec (`&spec=URL`), it verifies every record through a light client; the build puts the
# local testnet's spec at dist/chain-specs/local-raw.json (docs/explorer.md).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

explorer="$ZEROCHAIN_ROOT/explorer"

# Installs the pinned packages and bundles the page, unless explorer/dist is newer than every
# source. One build at a time: the test modules that serve the explorer run side by side.
build() {
	mkdir -p "$ZEROCHAIN_CACHE"
	exec 9>"$ZEROCHAIN_CACHE/explorer-build.lock"
	flock 9
	if ! cmp -s "$explorer/package-lock.json" "$explorer/node_modules/.package-lock.json.installed"; then
		echo "explorer: installing @polkadot/api, smoldot and esbuild (explorer/package-lock.json)"
		(cd "$explorer" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
		cp "$explorer/package-lock.json" "$explorer/node_modules/.package-lock.json.installed"
	fi
	local built="$explorer/dist/chain-specs/local-raw.json"
	if [ ! -f "$built" ] || [ -n "$(find "$explorer/src" "$explorer/package.json" "$explorer/node_modules/.package-lock.json.installed" \
		"$ZEROCHAIN_ROOT/chain-specs/local-raw.json" -newer "$built" -print -quit)" ]; then
		(cd "$explorer" && npm run --silent build >/dev/null)
		mkdir -p "$explorer/dist/chain-specs"
		cp "$ZEROCHAIN_ROOT/chain-specs/local-raw.json" "$built"
	fi
	flock -u 9
	exec 9>&-
	echo "explorer: built explorer/dist (explorer.js, light-worker.js, chain-specs/local-raw.json)"
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
