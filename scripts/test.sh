#!/usr/bin/env bash
# Sets up the machine, checks formatting and lints, builds everything and runs the whole test
# suite: the Rust tests of every crate, the pallets' benchmarks as a smoke run, then the
# end-to-end tests that drive the built node with real clients.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

"$ZEROCHAIN_ROOT/scripts/setup.sh"
cd "$ZEROCHAIN_ROOT"

echo "== lint"
cargo fmt --all -- --check
build_cargo clippy --locked --release --workspace --all-targets -- -D warnings

echo "== build"
build_node

echo "== rust tests"
# Release mode, to reuse the node build's artefacts instead of building everything twice.
build_cargo test --locked --release --workspace

echo "== benchmarks, once each on their mocks"
# A smoke run of every Zero Chain pallet's benchmarks: each worst case sets up and completes.
# It measures nothing; scripts/benchmark-pallet.sh does (docs/benchmarks.md).
build_cargo test --locked --release --features runtime-benchmarks \
	-p pallet-twins -p pallet-circles -p pallet-grid -p pallet-validator-set -p pallet-governance \
	benchmarking::benchmarks::bench_

echo "== end-to-end tests"
"$ZEROCHAIN_VENV/bin/python" -m pytest -p no:cacheprovider tests/e2e "$@"
