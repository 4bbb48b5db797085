//! Compiles the runtime to WASM; the node embeds that blob as the genesis code.
//!
//! The real runtime carries the metadata hash (feature `metadata-hash`, on by default) that
//! the `CheckMetadataHash` transaction extension checks. The upgrade rehearsal, this runtime
//! one `spec_version` ahead, is built by a crate of its own (runtime/upgrade-rehearsal), off
//! the node's build.

/// The token's symbol and decimals, which the metadata hash commits to (a wallet shows them).
#[cfg(all(feature = "std", feature = "metadata-hash"))]
mod token {
	include!("src/token.rs");
}

#[cfg(feature = "std")]
include!("wasm_build_lock.rs");

fn main() {
	#[cfg(feature = "std")]
	{
		let _project = lock_wasm_project();
		let builder = substrate_wasm_builder::WasmBuilder::init_with_defaults();
		#[cfg(feature = "metadata-hash")]
		let builder = builder.enable_metadata_hash(token::TOKEN_SYMBOL, token::TOKEN_DECIMALS);
		builder.build();
	}
}
