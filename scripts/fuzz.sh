#!/usr/bin/env bash
# Runs the fuzzer over every call of the twins, circles and grid pallets (fuzz/, docs/security.md):
#
#   scripts/fuzz.sh                      # a million calls, in runs of 10,000 from seeds 1, 2, ...
#   scripts/fuzz.sh 50000 5000 100       # 50,000 calls in runs of 5,000 from seed 100
#
# It prints the calls made and refused, the blocks, the invariant checks and the time taken,
# or stops at the first broken rule with the seed and call that broke it (rerun that seed to
# see it again). Not part of the test suite's time: the suite runs short seeds
# (fuzz/tests/seeds.rs).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

build_cargo build --locked --release -p zerochain-fuzz
"$CARGO_TARGET_DIR/release/zerochain-fuzz" "$@"
