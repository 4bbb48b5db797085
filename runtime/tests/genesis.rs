//! Every genesis preset builds a genesis state that decodes and means what it says, and the
//! runtime's pallets pass their integrity tests on it.

mod common;

use common::preset_state;
use frame_support::traits::{Get, IntegrityTest};
use sp_genesis_builder::PresetId;
use sp_keyring::Sr25519Keyring;
use sp_runtime::BuildStorage;
use zerochain_runtime::{
	configs::governance::CouncilInstance,
	genesis_config_presets::{
		get_preset, preset_names, DEVELOPMENT_PRESET, DEV_ENDOWMENT, LOCAL_TESTNET_PRESET,
	},
	AllPalletsWithSystem, Runtime, RuntimeGenesisConfig,
};

fn assert_genesis(name: &str, validators: usize, council: usize) {
	preset_state(name).execute_with(|| {
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), validators);
		assert_eq!(pallet_grandpa::Pallet::<Runtime>::grandpa_authorities().len(), validators);
		let set = pallet_validator_set::Validators::<Runtime>::get();
		assert_eq!(pallet_session::Pallet::<Runtime>::validators(), set.to_vec());
		assert_eq!(set.len(), validators, "the session's set is the validator set's");
		assert_eq!(set[0], Sr25519Keyring::Alice.to_account_id());
		assert_eq!(pallet_collective::Members::<Runtime, CouncilInstance>::get().len(), council);
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(Sr25519Keyring::Alice.to_account_id()));
		for account in Sr25519Keyring::well_known() {
			assert_eq!(
				pallet_balances::Pallet::<Runtime>::free_balance(account.to_account_id()),
				DEV_ENDOWMENT,
				"{account:?} is endowed"
			);
		}
		let issuance = pallet_balances::TotalIssuance::<Runtime>::get();
		assert_eq!(issuance, DEV_ENDOWMENT * Sr25519Keyring::well_known().count() as u128);
		AllPalletsWithSystem::integrity_test();
	});
}

#[test]
fn every_preset_is_listed_and_builds() {
	let names = preset_names();
	let expected = [DEVELOPMENT_PRESET, LOCAL_TESTNET_PRESET];
	assert_eq!(names, expected.map(PresetId::from).to_vec());
	for name in expected {
		preset_state(name);
	}
}

#[test]
fn development_preset_has_alice_as_sole_validator_and_councillor() {
	assert_genesis(DEVELOPMENT_PRESET, 1, 1);
}

#[test]
fn local_testnet_preset_has_four_validators_and_five_councillors() {
	assert_genesis(LOCAL_TESTNET_PRESET, 4, 5);
}

#[test]
fn unknown_preset_is_none() {
	assert!(get_preset(&PresetId::from("no-such-preset")).is_none());
}

#[test]
fn integrity_test_passes_on_the_default_genesis() {
	sp_io::TestExternalities::new(RuntimeGenesisConfig::default().build_storage().unwrap())
		.execute_with(AllPalletsWithSystem::integrity_test);
}

#[test]
fn blocks_target_six_seconds() {
	let slot: u64 = <Runtime as pallet_aura::Config>::SlotDuration::get();
	assert_eq!(slot, 6_000);
}
