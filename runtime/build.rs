//! Compiles the runtime to WASM; the node embeds that blob as the genesis code.
//!
//! It also compiles the same runtime with the `upgrade-rehearsal` feature: one
//! `spec_version` ahead, for the end-to-end test that upgrades a running testnet through the
//! council (`tests/e2e/test_upgrade.py`). Only the runtime crate itself is compiled twice;
//! the dependencies are shared.
fn main() {
	#[cfg(feature = "std")]
	{
		substrate_wasm_builder::WasmBuilder::build_using_defaults();
		substrate_wasm_builder::WasmBuilder::init_with_defaults()
			.set_file_name("wasm_binary_upgrade_rehearsal.rs")
			.enable_feature("upgrade-rehearsal")
			.build();
	}
}
