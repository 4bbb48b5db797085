//! The node of Zero Chain, the public phonebook of digital twins, as a library: the `zerochain`
//! binary (node/bin) calls [`run`] with the version it was stamped with.
//!
//! The node is wiring only: polkadot-sdk's networking, RocksDB database, transaction pool,
//! Aura authoring, GRANDPA finality and JSON-RPC server, around the Zero Chain runtime.

// `sc_cli::Error`, the error type of the CLI traits this crate implements, is large; boxing it
// here would only add a conversion at every boundary with polkadot-sdk.
#![allow(clippy::result_large_err)]

pub mod chain_spec;
mod cli;
mod command;
pub mod genesis;
mod pool;
pub mod rpc;
mod service;

pub use command::run;
