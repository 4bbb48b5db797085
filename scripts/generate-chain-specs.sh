#!/usr/bin/env bash
# Regenerates the committed chain specs from the runtime, after any change to the runtime or
# its genesis presets: chain-specs/local.json (readable: the genesis preset as a JSON patch)
# and chain-specs/local-raw.json (the storage a node boots from). A test fails while the
# committed files differ from what the current runtime generates.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

build_node
"$ZEROCHAIN_BIN" export-chain-spec --chain local --output "$ZEROCHAIN_ROOT/chain-specs/local.json"
"$ZEROCHAIN_BIN" export-chain-spec --chain local --raw --output "$ZEROCHAIN_ROOT/chain-specs/local-raw.json"
echo "chain specs written to $ZEROCHAIN_ROOT/chain-specs"
