//! Genesis presets: the initial state of the development chain, of the local testnet and of
//! the benchmark chain.
//!
//! A live network does not use a preset: its chain spec is made from a network file that
//! names its own validators, council and endowed accounts (`scripts/live-chain-spec.py`,
//! `docs/validators.md`).

use crate::{
	AccountId, BalancesConfig, BlockNumber, CouncilMembershipConfig, RuntimeGenesisConfig,
	SessionConfig, SessionKeys, SudoConfig, ValidatorSetConfig, MINUTES, UNITS,
};
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

/// The session length of the development chain and the local testnet: one minute, so that a
/// set change is seen within two minutes. A live network chooses its own (an hour is usual).
pub const TEST_SESSION_BLOCKS: BlockNumber = MINUTES;

/// A validator at genesis: its account and the public session keys it will use.
pub struct GenesisValidator {
	/// The account that validates, registers its keys and is counted for liveness.
	pub account: AccountId,
	/// The sr25519 key that seals its blocks.
	pub aura: AuraId,
	/// The ed25519 key that signs its finality votes.
	pub grandpa: GrandpaId,
}

/// The validator set's rules at genesis.
pub struct SetRules {
	/// The fewest validators the set may have.
	pub min_validators: u32,
	/// Consecutive sessions without a block before a validator is dropped (zero: never).
	pub max_idle_sessions: u32,
	/// The length of a session in blocks.
	pub session_blocks: BlockNumber,
}

/// The genesis state of a chain with these validators, rules, council, endowed accounts and
/// sudo key (none: the chain is governed by its council alone).
pub fn genesis(
	validators: Vec<GenesisValidator>,
	rules: SetRules,
	council: Vec<AccountId>,
	endowed_accounts: Vec<AccountId>,
	endowment: crate::Balance,
	root: Option<AccountId>,
) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed_accounts.iter().cloned().map(|k| (k, endowment)).collect::<Vec<_>>(),
		},
		validator_set: ValidatorSetConfig {
			validators: validators.iter().map(|v| v.account.clone()).collect::<Vec<_>>(),
			min_validators: rules.min_validators,
			max_idle_sessions: rules.max_idle_sessions,
			session_blocks: rules.session_blocks,
		},
		session: SessionConfig {
			keys: validators
				.into_iter()
				.map(|v| {
					let keys = SessionKeys { aura: v.aura, grandpa: v.grandpa };
					(v.account.clone(), v.account, keys)
				})
				.collect::<Vec<_>>(),
		},
		council_membership: CouncilMembershipConfig {
			members: council.try_into().expect("a preset's council is within MAX_COUNCIL"),
		},
		sudo: SudoConfig { key: root },
	})
}

/// A well-known development validator (`//Alice`, ...): its sr25519 account, which is also
/// its Aura key, and its ed25519 GRANDPA key, as `key insert` puts them in a keystore.
fn dev_validator((aura, grandpa): (Sr25519Keyring, Ed25519Keyring)) -> GenesisValidator {
	GenesisValidator {
		account: aura.to_account_id(),
		aura: aura.public().into(),
		grandpa: grandpa.public().into(),
	}
}

fn dev_accounts() -> Vec<AccountId> {
	Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect()
}

/// The development chain: Alice alone validates, sits on the council and holds sudo.
fn development() -> Value {
	genesis(
		vec![dev_validator((Sr25519Keyring::Alice, Ed25519Keyring::Alice))],
		SetRules { min_validators: 1, max_idle_sessions: 0, session_blocks: TEST_SESSION_BLOCKS },
		vec![Sr25519Keyring::Alice.to_account_id()],
		dev_accounts(),
		DEV_ENDOWMENT,
		Some(Sr25519Keyring::Alice.to_account_id()),
	)
}

/// The local testnet: Alice, Bob, Charlie and Dave validate (at least three of them); Alice,
/// Bob, Charlie, Dave and Eve form the council; Alice holds sudo. A validator that authors
/// nothing for two sessions is dropped.
fn local_testnet() -> Value {
	genesis(
		[
			(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
			(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
			(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
		]
		.into_iter()
		.map(dev_validator)
		.collect(),
		SetRules { min_validators: 3, max_idle_sessions: 2, session_blocks: TEST_SESSION_BLOCKS },
		[
			Sr25519Keyring::Alice,
			Sr25519Keyring::Bob,
			Sr25519Keyring::Charlie,
			Sr25519Keyring::Dave,
			Sr25519Keyring::Eve,
		]
		.iter()
		.map(|k| k.to_account_id())
		.collect(),
		dev_accounts(),
		DEV_ENDOWMENT,
		Some(Sr25519Keyring::Alice.to_account_id()),
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
