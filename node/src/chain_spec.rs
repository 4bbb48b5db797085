//! Chain specs: the built-in development chain, local testnet and benchmark chain, and the
//! token properties every spec of Zero Chain carries.

use sc_service::ChainType;
use zerochain_runtime::{
	genesis_config_presets::{BENCH_PRESET, DEVELOPMENT_PRESET, LOCAL_TESTNET_PRESET},
	SS58_PREFIX, TOKEN_DECIMALS, TOKEN_SYMBOL, WASM_BINARY,
};

/// A chain spec of this runtime; no extensions.
pub type ChainSpec = sc_service::GenericChainSpec;

/// The properties wallets and explorers read to show amounts and addresses.
fn properties() -> sc_service::Properties {
	let mut properties = sc_service::Properties::new();
	properties.insert("tokenSymbol".into(), TOKEN_SYMBOL.into());
	properties.insert("tokenDecimals".into(), TOKEN_DECIMALS.into());
	properties.insert("ss58Format".into(), SS58_PREFIX.into());
	properties
}

fn wasm_binary() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| "the runtime's WASM was not built (SKIP_WASM_BUILD is set)".into())
}

/// A spec of the runtime's genesis preset `preset`, named `name` with id `id`.
fn from_preset(
	name: &str,
	id: &str,
	chain_type: ChainType,
	preset: &str,
) -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name(name)
		.with_id(id)
		.with_chain_type(chain_type)
		.with_genesis_config_preset_name(preset)
		.with_properties(properties())
		.build())
}

/// The development chain: Alice alone authors and finalises.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	from_preset(
		"Zero Chain Development",
		"zerochain_dev",
		ChainType::Development,
		DEVELOPMENT_PRESET,
	)
}

/// The local testnet: Alice, Bob, Charlie and Dave validate on one machine.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	from_preset(
		"Zero Chain Local Testnet",
		"zerochain_local",
		ChainType::Local,
		LOCAL_TESTNET_PRESET,
	)
}

/// The benchmark chain: the development chain with a phonebook of a million twins at genesis.
pub fn bench_chain_spec() -> Result<ChainSpec, String> {
	from_preset("Zero Chain Bench", "zerochain_bench", ChainType::Development, BENCH_PRESET)
}
