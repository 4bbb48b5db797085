#!/usr/bin/env bash
# Measures every call of a Zero Chain pallet and writes its weights.rs from the figures.
#
#   scripts/benchmark-pallet.sh twins          # pallet_twins -> pallets/twins/src/weights.rs
#   scripts/benchmark-pallet.sh validator-set  # pallet_validator_set
#
# Builds the node with `runtime-benchmarks` (into the same target directory: the benchmark
# build's dependencies are kept beside the normal ones, and the next normal build relinks
# the node), then runs `zerochain benchmark pallet` on the runtime's WASM with the compiled
# executor, 50 steps and 20 repeats per component, as the runtime would execute it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

name="${1:?usage: benchmark-pallet.sh <pallet name, e.g. twins>}"
weights="$ZEROCHAIN_ROOT/pallets/$name/src/weights.rs"
[ -f "$weights" ] || { echo "no pallet at pallets/$name" >&2; exit 1; }

build_node --features runtime-benchmarks
"$ZEROCHAIN_BIN" benchmark pallet \
	--runtime "$CARGO_TARGET_DIR/release/wbuild/zerochain-runtime/zerochain_runtime.compact.compressed.wasm" \
	--genesis-builder-preset development \
	--pallet "pallet_${name//-/_}" --extrinsic '*' \
	--steps 50 --repeat 20 \
	--wasm-execution compiled \
	--template "$ZEROCHAIN_ROOT/scripts/weight-template.hbs" \
	--output "$weights"
# The header records the command; keep the machine's paths out of it.
sed -i "s|$CARGO_TARGET_DIR|\$CARGO_TARGET_DIR|g; s|$ZEROCHAIN_ROOT/||g" "$weights"
echo "weights written to $weights"
