//! Compiles the runtime to WASM; the node embeds that blob as the genesis code.
fn main() {
	#[cfg(feature = "std")]
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}
