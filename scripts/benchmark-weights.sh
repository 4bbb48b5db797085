#!/usr/bin/env bash
# Regenerates every weight the runtime charges, measured on this machine:
#
#   scripts/benchmark-weights.sh                                   # storage on the dev genesis
#   scripts/benchmark-weights.sh --state <base path> --chain <spec> # storage on that database
#
# 1. every call of the Zero Chain pallets (pallets/<name>/src/weights.rs) and of the SDK
#    pallets on the transaction path: frame_system, its transaction extensions, balances,
#    transaction payment, timestamp (runtime/src/weights/<pallet>.rs);
# 2. the base weights of a block and of an extrinsic (`benchmark overhead`: blocks filled with
#    `System.remark`; runtime/src/weights/{block,extrinsic}_weights.rs);
# 3. the database's read and write weights (`benchmark storage`: 250,000 keys of a state read
#    and rewritten, uncached; runtime/src/weights/rocksdb_weights.rs). Measure them on a
#    realistic state: the database of a stopped node (`--base-path`) that holds one, with
#    the chain spec it runs — the committed ones: the million-twin benchmark chain
#    (`--chain bench`, docs/benchmarks.md).
#
# Run it on an idle machine of the kind a validator must have (docs/validators.md), then
# rebuild the node and commit the weights with the machine and date in docs/benchmarks.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
# frame-benchmarking-cli depends on a test runtime from the cargo registry, which only
# `benchmark storage --mode validate-block` runs (a parachain's proof of validity). Its WASM
# builder cannot find its own package when the target directory is outside the checkout
# ("Failed to find entry for package"), so its WASM is not built.
export SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD=1

state="" chain="dev"
while [ $# -gt 0 ]; do
	case "$1" in
		--state) state="$2"; shift 2 ;;
		--chain) chain="$2"; shift 2 ;;
		*) echo "usage: benchmark-weights.sh [--state <base path> --chain <spec>]" >&2; exit 1 ;;
	esac
done

weights="$ZEROCHAIN_ROOT/runtime/src/weights"
header="$ZEROCHAIN_ROOT/scripts/weight-header.txt"

"$ZEROCHAIN_ROOT/scripts/benchmark-pallet.sh" \
	twins circles grid validator-set governance \
	frame_system frame_system_extensions pallet_balances pallet_transaction_payment pallet_timestamp

"$ZEROCHAIN_BIN" benchmark overhead \
	--runtime "$ZEROCHAIN_RUNTIME_WASM" --genesis-builder runtime --genesis-builder-preset development \
	--wasm-execution compiled --header "$header" --weight-path "$weights"

scratch=""
if [ -z "$state" ]; then
	scratch="$(mktemp -d)"
	state="$scratch"
	echo "no --state: the storage benchmark reads the dev chain's genesis state only" >&2
fi
# A sample of the state's keys (a million-twin state has tens of millions), rewritten in
# batches of a full block's writes (some 25,000: 8,000 transfers of three keys each).
"$ZEROCHAIN_BIN" benchmark storage \
	--chain "$chain" --base-path "$state" --state-version 1 \
	--keys-limit 250000 --batch-size 25000 \
	--header "$header" --weight-path "$weights"
[ -z "$scratch" ] || rm -rf "$scratch"
sed -i "s|$CARGO_TARGET_DIR|\$CARGO_TARGET_DIR|g; s|$ZEROCHAIN_ROOT/||g; s|$state|<state>|g" "$weights"/*.rs
echo "weights written to pallets/*/src/weights.rs and $weights"
