#!/usr/bin/env bash
# Measures every call of the named pallets and writes their weights from the figures.
#
#   scripts/benchmark-pallet.sh twins               # pallet_twins -> pallets/twins/src/weights.rs
#   scripts/benchmark-pallet.sh twins circles grid  # several, one build
#   scripts/benchmark-pallet.sh pallet_balances     # an SDK pallet -> runtime/src/weights/pallet_balances.rs
#
# A Zero Chain pallet is named by its directory under pallets/; its weights.rs is written
# with scripts/weight-template.hbs (the pallet's WeightInfo trait, its runtime and mock
# implementations). An SDK pallet is named as the runtime's benchmark list names it
# (runtime/src/benchmarks.rs); its weights go to runtime/src/weights/, with the CLI's own
# template (an implementation of the pallet's WeightInfo for the runtime).
#
# Builds the node with `runtime-benchmarks` (into the same target directory: the benchmark
# build's dependencies are kept beside the normal ones, and the next normal build relinks
# the node), then runs `zerochain benchmark pallet` on the runtime's WASM with the compiled
# executor, 50 steps and 20 repeats per component, as the runtime would execute it. Run it
# on an otherwise idle machine: what else runs is measured too.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
# frame-benchmarking-cli depends on a test runtime from the cargo registry, which only
# `benchmark storage --mode validate-block` runs (a parachain's proof of validity). Its WASM
# builder cannot find its own package when the target directory is outside the checkout
# ("Failed to find entry for package"), so its WASM is not built.
export SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD=1

[ $# -gt 0 ] || { echo "usage: benchmark-pallet.sh <pallet>... (e.g. twins, pallet_balances)" >&2; exit 1; }
for name in "$@"; do
	if [ ! -d "$ZEROCHAIN_ROOT/pallets/$name" ] && ! grep -q "^\s*\[$name," "$ZEROCHAIN_ROOT/runtime/src/benchmarks.rs"; then
		echo "no pallet at pallets/$name, and no $name in runtime/src/benchmarks.rs" >&2
		exit 1
	fi
done

build_cargo build --locked --release -p zerochain --features runtime-benchmarks
for name in "$@"; do
	if [ -d "$ZEROCHAIN_ROOT/pallets/$name" ]; then
		pallet="pallet_${name//-/_}"
		weights="$ZEROCHAIN_ROOT/pallets/$name/src/weights.rs"
		template=(--template "$ZEROCHAIN_ROOT/scripts/weight-template.hbs")
	else
		pallet="$name"
		weights="$ZEROCHAIN_ROOT/runtime/src/weights/$name.rs"
		template=(--header "$ZEROCHAIN_ROOT/scripts/weight-header.txt")
	fi
	"$ZEROCHAIN_BIN" benchmark pallet \
		--runtime "$ZEROCHAIN_RUNTIME_WASM" \
		--genesis-builder-preset development \
		--pallet "$pallet" --extrinsic '*' \
		--steps 50 --repeat 20 \
		--wasm-execution compiled \
		"${template[@]}" \
		--output "$weights"
	# The header records the command; keep the machine's paths out of it.
	sed -i "s|$CARGO_TARGET_DIR|\$CARGO_TARGET_DIR|g; s|$ZEROCHAIN_ROOT/||g" "$weights"
	echo "weights written to $weights"
done
