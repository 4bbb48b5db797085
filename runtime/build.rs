//! Compiles the runtime to WASM; the node embeds that blob as the genesis code.
//!
//! It also compiles the same runtime with the `upgrade-rehearsal` feature: one
//! `spec_version` ahead, for the end-to-end test that upgrades a running testnet through the
//! council (`tests/e2e/test_upgrade.py`). Only the runtime crate itself is compiled twice;
//! the dependencies are shared. The real runtime carries the metadata hash (feature
//! `metadata-hash`, on by default) that the `CheckMetadataHash` transaction extension checks;
//! the rehearsal does not: computing the hash compiles the runtime a second time, and the
//! rehearsal's transactions (the test's clients) do not ask for the check.

/// The token's symbol and decimals, which the metadata hash commits to (a wallet shows them).
#[cfg(all(feature = "std", feature = "metadata-hash"))]
mod token {
	include!("src/token.rs");
}

fn main() {
	#[cfg(feature = "std")]
	{
		let builder = substrate_wasm_builder::WasmBuilder::init_with_defaults();
		#[cfg(feature = "metadata-hash")]
		let builder = builder.enable_metadata_hash(token::TOKEN_SYMBOL, token::TOKEN_DECIMALS);
		builder.build();
		substrate_wasm_builder::WasmBuilder::init_with_defaults()
			.set_file_name("wasm_binary_upgrade_rehearsal.rs")
			.enable_feature("upgrade-rehearsal")
			.build();
	}
}
