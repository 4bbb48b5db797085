//! Compiles the runtime to WASM with its `upgrade-rehearsal` feature: one `spec_version`
//! ahead, for the end-to-end test that upgrades a running testnet through the council
//! (`tests/e2e/test_upgrade.py`). The blob lands beside the real runtime's, in
//! `<target>/release/wbuild/zerochain-runtime/wasm_binary_upgrade_rehearsal.rs.compact.compressed.wasm`.
//!
//! No metadata hash: computing it compiles the runtime a second time, and the rehearsal's
//! transactions (the test's clients) do not ask for the check.

include!("../wasm_build_lock.rs");

fn main() {
	let _project = lock_wasm_project();
	let runtime = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../Cargo.toml");
	substrate_wasm_builder::WasmBuilder::new()
		.with_project(runtime.canonicalize().expect("the runtime is beside this crate"))
		.expect("the runtime's manifest is a Cargo.toml")
		.export_heap_base()
		.import_memory()
		.set_file_name("wasm_binary_upgrade_rehearsal.rs")
		.enable_feature("upgrade-rehearsal")
		.build();
}
