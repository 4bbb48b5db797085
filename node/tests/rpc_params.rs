//! The phonebook RPC's parameters are checked into the chain's own types before any runtime
//! call, and a bad one is an "invalid params" error whose message says what is wrong.

use jsonrpsee::types::error::INVALID_PARAMS_CODE;
use pallet_grid::FarmCertification;
use pallet_twins::PublicKey;
use sp_core::crypto::Ss58Codec;
use zerochain_node::rpc::params::{
	account, farm_filter, farm_name, filter, limit, right, signing_key, twin_name, FarmsFilter,
	SearchFilter, DEFAULT_PAGE_SIZE,
};
use zerochain_primitives::{paging::MAX_PAGE_SIZE, Right};

#[test]
fn an_account_is_an_address_of_this_network() {
	let alice = account("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY").unwrap();
	// Polkadot's format (prefix 0) is another network's.
	let polkadot = alice.to_ss58check_with_version(0u16.into());
	assert!(account(&polkadot).unwrap_err().message().contains("network 0"));
	assert_eq!(account("nope").unwrap_err().code(), INVALID_PARAMS_CODE);
}

#[test]
fn names_are_checked_by_the_pallets_rules() {
	assert!(twin_name("alice").is_ok());
	assert!(twin_name("Alice").is_err());
	assert!(twin_name(&"a".repeat(33)).is_err());
	assert!(farm_name("Freefarm").is_ok());
}

#[test]
fn a_signing_key_is_a_known_scheme_and_0x_hex_of_its_length() {
	let key = format!("0x{}", "ab".repeat(32));
	assert_eq!(signing_key("sr25519", &key).unwrap(), PublicKey::Sr25519([0xab; 32]));
	assert!(signing_key("x25519", &key).is_err(), "x25519 keys name no twin");
	assert!(signing_key("sr25519", &key[..10]).is_err());
	assert!(signing_key("rsa", &key).is_err());
	assert!(signing_key("secp256k1", &format!("0x05{}", "ab".repeat(32))).is_err());
	assert!(signing_key("ed25519", &format!("0x{}", "zz".repeat(32))).is_err());
	assert!(signing_key("ed25519", &format!("0x+f{}", "ab".repeat(31))).is_err());
	assert!(signing_key("ed25519", &"ab".repeat(32)).is_err(), "the 0x is required");
}

#[test]
fn rights_and_page_sizes_are_the_ones_the_chain_knows() {
	assert_eq!(right("manage").unwrap(), Right::Manage);
	assert!(right("own").is_err());
	assert_eq!(limit(None).unwrap(), DEFAULT_PAGE_SIZE);
	assert!(limit(Some(0)).is_err());
	assert!(limit(Some(MAX_PAGE_SIZE + 1)).is_err());
}

#[test]
fn a_node_search_filter_takes_known_fields_and_countries() {
	let parsed: SearchFilter =
		serde_json::from_str(r#"{"country":"BE","minFree":{"cores":2}}"#).unwrap();
	let parsed = filter(Some(parsed)).unwrap();
	assert_eq!(parsed.min_free.cores, 2);
	assert!(parsed.country.is_some() && parsed.certification.is_none());
	let bad: SearchFilter = serde_json::from_str(r#"{"country":"XX"}"#).unwrap();
	assert!(filter(Some(bad)).is_err());
	assert!(serde_json::from_str::<SearchFilter>(r#"{"colour":"red"}"#).is_err());
}

#[test]
fn a_farm_filter_names_a_farm_certification() {
	let gold: FarmsFilter =
		serde_json::from_str(r#"{"country":"EG","certification":"gold"}"#).unwrap();
	let gold = farm_filter(Some(gold)).unwrap();
	assert_eq!(gold.certification, Some(FarmCertification::Gold));
	assert!(gold.country.is_some());
	let silver: FarmsFilter = serde_json::from_str(r#"{"certification":"silver"}"#).unwrap();
	assert!(farm_filter(Some(silver))
		.unwrap_err()
		.message()
		.contains("notCertified or gold"));
	assert!(serde_json::from_str::<FarmsFilter>(r#"{"minFree":{}}"#).is_err());
}
