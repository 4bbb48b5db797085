//! Genesis presets: the initial state of the development chain and of the local testnet.
//!
//! A live network does not use a preset: its chain spec is made from a JSON patch that
//! names its own authorities, sudo key and endowed accounts (see `docs/chain.md`).

use crate::{AccountId, BalancesConfig, RuntimeGenesisConfig, SudoConfig, UNITS};
use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

/// What each endowed development account holds at genesis: a million ZERO.
pub const DEV_ENDOWMENT: crate::Balance = 1_000_000 * UNITS;

/// The id of the four-validator local testnet preset (`--chain local`).
pub const LOCAL_TESTNET_PRESET: &str = sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET;
/// The id of the single-validator development preset (`--dev`, `--chain dev`).
pub const DEVELOPMENT_PRESET: &str = sp_genesis_builder::DEV_RUNTIME_PRESET;

/// The genesis state of a chain with these validators, sudo key and endowed accounts.
pub fn genesis(
	authorities: Vec<(AuraId, GrandpaId)>,
	endowed_accounts: Vec<AccountId>,
	endowment: crate::Balance,
	root: AccountId,
) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed_accounts.iter().cloned().map(|k| (k, endowment)).collect::<Vec<_>>(),
		},
		aura: pallet_aura::GenesisConfig {
			authorities: authorities.iter().map(|(aura, _)| aura.clone()).collect::<Vec<_>>(),
		},
		grandpa: pallet_grandpa::GenesisConfig {
			authorities: authorities
				.iter()
				.map(|(_, grandpa)| (grandpa.clone(), 1))
				.collect::<Vec<_>>(),
		},
		sudo: SudoConfig { key: Some(root) },
	})
}

/// The keys a well-known development validator derives from its name (`//Alice`, ...):
/// sr25519 for Aura, ed25519 for GRANDPA, as `key insert` puts them in a keystore.
fn dev_authority((aura, grandpa): (Sr25519Keyring, Ed25519Keyring)) -> (AuraId, GrandpaId) {
	(aura.public().into(), grandpa.public().into())
}

/// The development chain: Alice alone validates and holds sudo.
fn development() -> Value {
	genesis(
		vec![dev_authority((Sr25519Keyring::Alice, Ed25519Keyring::Alice))],
		Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect(),
		DEV_ENDOWMENT,
		Sr25519Keyring::Alice.to_account_id(),
	)
}

/// The local testnet: Alice, Bob, Charlie and Dave validate; Alice holds sudo.
fn local_testnet() -> Value {
	genesis(
		[
			(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
			(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
			(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
		]
		.into_iter()
		.map(dev_authority)
		.collect(),
		Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect(),
		DEV_ENDOWMENT,
		Sr25519Keyring::Alice.to_account_id(),
	)
}

/// The JSON patch of a named preset, or `None` for an unknown name.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_str() {
		DEVELOPMENT_PRESET => development(),
		LOCAL_TESTNET_PRESET => local_testnet(),
		_ => return None,
	};
	Some(
		serde_json::to_string(&patch)
			.expect("a JSON value always serialises; qed")
			.into_bytes(),
	)
}

/// The names of the presets this runtime knows.
pub fn preset_names() -> Vec<PresetId> {
	vec![PresetId::from(DEVELOPMENT_PRESET), PresetId::from(LOCAL_TESTNET_PRESET)]
}
