//! Chain specs: the built-in development chain, local testnet and benchmark chain, and the
//! token properties every spec of Zero Chain carries.

use sc_chain_spec::ChainSpecExtension;
use sc_service::ChainType;
use serde::{Deserialize, Serialize};
use zerochain_bench_state::BenchCounts;
use zerochain_runtime::{
	genesis_config_presets::{DEVELOPMENT_PRESET, LOCAL_TESTNET_PRESET},
	SS58_PREFIX, TOKEN_DECIMALS, TOKEN_SYMBOL, WASM_BINARY,
};

/// What a Zero Chain spec may carry besides the runtime's genesis.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, ChainSpecExtension)]
#[serde(rename_all = "camelCase")]
pub struct Extensions {
	/// A phonebook at scale to register at genesis, natively, on top of the runtime's own
	/// genesis: the benchmark chain's (node/src/genesis.rs). No other chain has one.
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub bench_state: Option<BenchCounts>,
}

/// A chain spec of this runtime.
pub type ChainSpec = sc_service::GenericChainSpec<Extensions>;

/// The phonebook at scale `spec` asks the genesis to register, if any. A live network's spec
/// may ask for none: that state is registered by the node's own code, which another build
/// of the node need not run the same way, so a live genesis is the runtime's alone.
pub fn bench_counts(spec: &dyn sc_service::ChainSpec) -> Result<Option<BenchCounts>, String> {
	let counts = sc_chain_spec::get_extension::<Option<BenchCounts>>(spec.extensions())
		.copied()
		.flatten();
	if counts.is_some() && spec.chain_type() == ChainType::Live {
		return Err(format!(
			"the spec of {} is a live network's and asks for a benchmark state (`benchState`): \
			 only a development or local chain may",
			spec.id()
		));
	}
	Ok(counts)
}

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
	extensions: Extensions,
) -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, extensions)
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
		Extensions::default(),
	)
}

/// The local testnet's validators as a light client reaches them: libp2p over WebSocket on
/// loopback, at scripts/local-testnet.sh's default ports (30433 for Alice to 30436 for Dave),
/// with the peer ids of the script's fixed network keys 1 to 4.
pub const LOCAL_BOOT_NODES: [&str; 4] = [
	"/ip4/127.0.0.1/tcp/30433/ws/p2p/12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp",
	"/ip4/127.0.0.1/tcp/30434/ws/p2p/12D3KooWHdiAxVd8uMQR1hGWXccidmfCwLqcMpGwR6QcTP6QRMuD",
	"/ip4/127.0.0.1/tcp/30435/ws/p2p/12D3KooWSCufgHzV4fCwRijfH2k3abrpAJxTKxEvN1FDuRXA2U9x",
	"/ip4/127.0.0.1/tcp/30436/ws/p2p/12D3KooWSsChzF81YDUKpe9Uk5AHV5oqAaXAcWNSPYgoLauUk4st",
];

/// The local testnet: Alice, Bob, Charlie and Dave validate on one machine, and the spec
/// names them as its bootnodes ([`LOCAL_BOOT_NODES`]).
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	let mut spec = from_preset(
		"Zero Chain Local Testnet",
		"zerochain_local",
		ChainType::Local,
		LOCAL_TESTNET_PRESET,
		Extensions::default(),
	)?;
	for address in LOCAL_BOOT_NODES {
		spec.add_boot_node(address.parse().map_err(|e| format!("bootnode {address}: {e}"))?);
	}
	Ok(spec)
}

/// The benchmark chain: the development chain with a phonebook of a million twins at genesis,
/// registered by the node ([`Extensions::bench_state`]), not by the runtime.
pub fn bench_chain_spec() -> Result<ChainSpec, String> {
	from_preset(
		"Zero Chain Bench",
		"zerochain_bench",
		ChainType::Development,
		DEVELOPMENT_PRESET,
		Extensions { bench_state: Some(BenchCounts::MILLION_TWINS) },
	)
}
