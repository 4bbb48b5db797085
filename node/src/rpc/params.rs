//! The phonebook RPC's parameters, checked into the chain's own types before any runtime call:
//! a bad one is a JSON-RPC "invalid params" error (-32602) with a message that says what is
//! wrong.

use jsonrpsee::types::{error::INVALID_PARAMS_CODE, ErrorObjectOwned};
use pallet_grid::{
	FarmCertification, FarmFilter, FarmName, FarmNameInput, NodeCertification, NodeFilter,
	Resources,
};
use pallet_twins::PublicKey;
use serde::Deserialize;
use sp_core::{bytes::from_hex, crypto::Ss58Codec};
use zerochain_primitives::{paging::MAX_PAGE_SIZE, CountryCode, NameInput, Right, TwinName};
use zerochain_runtime::{AccountId, SS58_PREFIX};

/// The page size when the caller names none.
pub const DEFAULT_PAGE_SIZE: u32 = 20;

/// An "invalid params" error with `message`.
pub fn invalid(message: impl Into<String>) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(INVALID_PARAMS_CODE, message.into(), None::<()>)
}

/// An SS58 address of this chain (or a generic Substrate one, prefix 42).
pub fn account(address: &str) -> Result<AccountId, ErrorObjectOwned> {
	let (account, format) = AccountId::from_ss58check_with_version(address)
		.map_err(|e| invalid(format!("`{address}` is not an SS58 address: {e:?}")))?;
	if u16::from(format) != SS58_PREFIX {
		return Err(invalid(format!(
			"`{address}` is an address of network {}, not of this chain ({SS58_PREFIX})",
			u16::from(format)
		)));
	}
	Ok(account)
}

/// A twin name.
pub fn twin_name(name: &str) -> Result<TwinName, ErrorObjectOwned> {
	NameInput::try_from(name.as_bytes().to_vec())
		.ok()
		.and_then(|bytes| TwinName::try_from(bytes).ok())
		.ok_or_else(|| invalid("a twin name is 3 to 32 characters of [a-z0-9_-]"))
}

/// A farm name.
pub fn farm_name(name: &str) -> Result<FarmName, ErrorObjectOwned> {
	FarmNameInput::try_from(name.as_bytes().to_vec())
		.ok()
		.and_then(|bytes| FarmName::try_from(bytes).ok())
		.ok_or_else(|| invalid("a farm name is 3 to 40 characters of [A-Za-z0-9_-]"))
}

/// Exactly `N` bytes written as `0x` and hex digits.
fn key_bytes<const N: usize>(hex: &str) -> Option<[u8; N]> {
	hex.starts_with("0x").then(|| from_hex(hex).ok()?.try_into().ok()).flatten()
}

/// A public key that twins prove they hold, so that it names one twin: its scheme and its
/// bytes in 0x-prefixed hex. X25519 keys cannot sign, so they prove nothing and name no twin.
pub fn signing_key(scheme: &str, hex: &str) -> Result<PublicKey, ErrorObjectOwned> {
	let key = match scheme {
		"ed25519" => key_bytes(hex).map(PublicKey::Ed25519),
		"sr25519" => key_bytes(hex).map(PublicKey::Sr25519),
		"secp256k1" => key_bytes(hex).map(PublicKey::Secp256k1),
		"x25519" => {
			return Err(invalid(
				"x25519 keys cannot sign, so twins claim them without proof and several may \
				 share one: look the twin up by id, account or name",
			))
		},
		_ => {
			return Err(invalid(format!(
				"unknown key scheme `{scheme}`: ed25519, sr25519 or secp256k1"
			)))
		},
	};
	key.and_then(|key| key.checked().ok()).ok_or_else(|| {
		invalid(format!(
			"not a {scheme} key: 0x and 64 hex digits (66 for a compressed secp256k1 key)"
		))
	})
}

/// A right's name.
pub fn right(name: &str) -> Result<Right, ErrorObjectOwned> {
	crate::rpc::json::RIGHTS
		.into_iter()
		.find(|right| crate::rpc::json::right_name(*right) == name)
		.ok_or_else(|| invalid(format!("unknown right `{name}`: read, write, invite or manage")))
}

/// A page size: the default if none, else 1 to [`MAX_PAGE_SIZE`].
pub fn limit(limit: Option<u32>) -> Result<u32, ErrorObjectOwned> {
	match limit.unwrap_or(DEFAULT_PAGE_SIZE) {
		limit @ 1..=MAX_PAGE_SIZE => Ok(limit),
		_ => Err(invalid(format!("limit must be between 1 and {MAX_PAGE_SIZE}"))),
	}
}

/// Capacity, as a search asks for it; amounts left out are 0.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct ResourcesParam {
	cores: u32,
	memory: u64,
	ssd: u64,
	hdd: u64,
}

/// What `phonebook_searchNodes` looks for; every field may be left out.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "camelCase", default)]
pub struct SearchFilter {
	/// An ISO 3166-1 alpha-2 country code, upper case.
	country: Option<String>,
	/// `diy` or `certified`.
	certification: Option<String>,
	/// The least free capacity.
	min_free: ResourcesParam,
}

/// What `phonebook_farms` looks for; every field may be left out.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct FarmsFilter {
	/// An ISO 3166-1 alpha-2 country code, upper case: farms with a node there.
	country: Option<String>,
	/// `notCertified` or `gold`.
	certification: Option<String>,
}

fn country(code: Option<String>) -> Result<Option<CountryCode>, ErrorObjectOwned> {
	code.map(|code| {
		<[u8; 2]>::try_from(code.as_bytes())
			.ok()
			.and_then(|bytes| CountryCode::try_from(bytes).ok())
			.ok_or_else(|| invalid(format!("`{code}` is not an ISO 3166-1 alpha-2 code")))
	})
	.transpose()
}

/// The certification named `name` among `known` (name and value), if a name is given.
fn certification<C: Copy>(
	name: Option<String>,
	known: [(&str, C); 2],
) -> Result<Option<C>, ErrorObjectOwned> {
	let Some(name) = name else { return Ok(None) };
	let found = known.iter().find(|(known_name, _)| *known_name == name);
	found.map(|(_, value)| Some(*value)).ok_or_else(|| {
		invalid(format!("unknown certification `{name}`: {} or {}", known[0].0, known[1].0))
	})
}

/// The farm listing's filter in the pallet's terms.
pub fn farm_filter(filter: Option<FarmsFilter>) -> Result<FarmFilter, ErrorObjectOwned> {
	let filter = filter.unwrap_or_default();
	let certification = certification(
		filter.certification,
		[("notCertified", FarmCertification::NotCertified), ("gold", FarmCertification::Gold)],
	)?;
	Ok(FarmFilter { country: country(filter.country)?, certification })
}

/// The search's filter in the pallet's terms.
pub fn filter(filter: Option<SearchFilter>) -> Result<NodeFilter, ErrorObjectOwned> {
	let filter = filter.unwrap_or_default();
	let country = country(filter.country)?;
	let certification = certification(
		filter.certification,
		[("diy", NodeCertification::Diy), ("certified", NodeCertification::Certified)],
	)?;
	let ResourcesParam { cores, memory, ssd, hdd } = filter.min_free;
	Ok(NodeFilter { country, certification, min_free: Resources { cores, memory, ssd, hdd } })
}
