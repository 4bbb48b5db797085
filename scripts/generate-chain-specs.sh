#!/usr/bin/env bash
# Regenerates what is committed from the runtime, after any change to the runtime or its
# genesis presets: chain-specs/local.json (readable: the genesis preset as a JSON patch),
# chain-specs/local-raw.json (the storage a node boots from), and the metadata the Rust client
# is typed from, client/metadata/zerochain.scale (V15, as `Metadata_metadata_at_version`
# answers it on a development node). Tests fail while the committed files differ from what the
# current runtime generates. The build also compiles the client against the metadata in the
# tree: a change to the client that needs the new runtime's calls comes after this script.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

build_node
"$ZEROCHAIN_BIN" export-chain-spec --chain local --output "$ZEROCHAIN_ROOT/chain-specs/local.json"
"$ZEROCHAIN_BIN" export-chain-spec --chain local --raw --output "$ZEROCHAIN_ROOT/chain-specs/local-raw.json"
echo "chain specs written to $ZEROCHAIN_ROOT/chain-specs"

# The metadata, from a development node of the runtime just built, on ports of its own.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$ZEROCHAIN_BIN" --dev --tmp --rpc-port "$port" --listen-addr /ip4/127.0.0.1/tcp/0 --no-prometheus \
	>/dev/null 2>&1 &
node=$!
trap 'kill "$node" 2>/dev/null || true' EXIT
"$ZEROCHAIN_ROOT/scripts/client-metadata.py" "$port" "$ZEROCHAIN_ROOT/client/metadata/zerochain.scale"
echo "client metadata written to $ZEROCHAIN_ROOT/client/metadata/zerochain.scale"
