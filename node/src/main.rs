//! `zerochain`: the node of Zero Chain, the public phonebook of digital twins.
//!
//! The node is wiring only: polkadot-sdk's networking, RocksDB database, transaction pool,
//! Aura authoring, GRANDPA finality and JSON-RPC server, around the Zero Chain runtime.

mod chain_spec;
mod cli;
mod command;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
