//! The upgrade rehearsal: the Zero Chain runtime one `spec_version` ahead, compiled to WASM
//! by this crate's build script for `tests/e2e/test_upgrade.py`, which upgrades a running
//! testnet to it through the council.
//!
//! A crate of its own so that the node's build does not wait for a third compile of the
//! runtime: `scripts/test.sh` builds it beside the end-to-end tests, named with the node's
//! packages (`build_node -p zerochain-upgrade-rehearsal`, scripts/env.sh) so that cargo
//! builds no build-script dependency again, and the test reads the blob from the target
//! directory. The crate has no code; its build script is what it is for.
