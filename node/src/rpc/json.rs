//! How the phonebook's records read in JSON: accounts in SS58, keys and MAC addresses in hex,
//! names as text, addresses in their usual notation, coordinates in degrees, and balances as
//! decimal strings (a JavaScript number cannot hold every balance).

use pallet_circles::{CircleEntry, CircleOf, Rights, Role, Standing};
use pallet_grid::{
	net::{IpAddress, PublicIpv4, PublicIpv6},
	CountryTotals, FarmCertification, FarmOf, GridTotals, NodeCertification, NodeOf, Power,
	ResourceTotals, Resources,
};
use pallet_twins::{PublicKey, TwinOf};
use serde_json::{json, Value};
use sp_core::{
	bytes::to_hex,
	crypto::{Ss58AddressFormat, Ss58Codec},
};
use std::net::{Ipv4Addr, Ipv6Addr};
use zerochain_primitives::{
	held, CircleId, CountryCode, FarmId, NodeId, RecordKind, Right, TwinId,
};
use zerochain_runtime::{AccountId, Balance, Runtime, SS58_PREFIX};

/// An account in the chain's SS58 format.
pub fn account(account: &AccountId) -> String {
	account.to_ss58check_with_version(Ss58AddressFormat::custom(SS58_PREFIX))
}

fn balance(amount: Balance) -> String {
	amount.to_string()
}

/// What a record's deposit ticket holds, as a balance.
fn deposit(ticket: &impl sp_runtime::codec::Encode) -> String {
	balance(held(ticket))
}

fn text(bytes: &[u8]) -> String {
	String::from_utf8_lossy(bytes).into_owned()
}

/// A public key, with its scheme.
pub fn public_key(key: &PublicKey) -> Value {
	let (scheme, bytes): (&str, &[u8]) = match key {
		PublicKey::Ed25519(bytes) => ("ed25519", bytes),
		PublicKey::Sr25519(bytes) => ("sr25519", bytes),
		PublicKey::X25519(bytes) => ("x25519", bytes),
		PublicKey::Secp256k1(bytes) => ("secp256k1", bytes),
	};
	json!({ "scheme": scheme, "hex": to_hex(bytes, false) })
}

/// A twin.
pub fn twin(id: TwinId, twin: &TwinOf<Runtime>) -> Value {
	json!({
		"id": id,
		"account": account(&twin.account),
		"parent": twin.parent.map(|link| json!({ "twin": link.twin, "record": link.record })),
		"depth": twin.depth,
		"relay": twin.relay.as_ref().map(|relay| text(relay.as_bytes())),
		"publicKey": twin.public_key.as_ref().map(public_key),
		"name": twin.name.as_ref().map(|name| text(name.as_bytes())),
		"children": twin.children,
		"records": twin.records,
		"entities": twin.entities,
		"deposit": deposit(&twin.deposit),
	})
}

/// The name of a record kind.
pub fn kind(kind: RecordKind) -> &'static str {
	match kind {
		RecordKind::Twin => "twin",
		RecordKind::Circle => "circle",
		RecordKind::Farm => "farm",
		RecordKind::Node => "node",
		RecordKind::Membership => "membership",
	}
}

fn role(role: Role) -> &'static str {
	match role {
		Role::Viewer => "viewer",
		Role::Member => "member",
		Role::Admin => "admin",
		Role::Owner => "owner",
	}
}

/// A right's name, as the RPC's callers write it.
pub fn right_name(right: Right) -> &'static str {
	match right {
		Right::Read => "read",
		Right::Write => "write",
		Right::Invite => "invite",
		Right::Manage => "manage",
	}
}

/// Every right, in the order of its bit.
pub const RIGHTS: [Right; 4] = [Right::Read, Right::Write, Right::Invite, Right::Manage];

fn rights(rights: Rights) -> Value {
	RIGHTS.iter().filter(|r| rights.contains(**r)).map(|r| right_name(*r)).collect()
}

/// A circle.
pub fn circle(id: CircleId, circle: &CircleOf<Runtime>) -> Value {
	json!({
		"id": id,
		"owner": circle.owner,
		"record": circle.record,
		"name": text(circle.name.as_bytes()),
		"description": circle.description.as_str(),
		"parent": circle.parent,
		"depth": circle.depth,
		"visibility": format!("{:?}", circle.visibility).to_lowercase(),
		"rights": {
			"admin": rights(circle.rights.admin),
			"member": rights(circle.rights.member),
			"viewer": rights(circle.rights.viewer),
		},
		"members": circle.members,
		"invitations": circle.invitations,
		"requests": circle.requests,
		"children": circle.children,
		"depositor": account(&circle.depositor),
		"deposit": deposit(&circle.deposit),
	})
}

/// A twin's entry in a circle; `key` names the other side (`"twin"` or `"circle"`). `record`
/// is null while the entry is an invitation or a request.
pub fn membership(key: &str, id: u32, entry: &CircleEntry) -> Value {
	let (standing, role) = match entry.standing {
		Standing::Member(r) => ("member", Some(role(r))),
		Standing::Invited(r) => ("invited", Some(role(r))),
		Standing::Requested => ("requested", None),
	};
	json!({ key: id, "standing": standing, "role": role, "record": entry.record })
}

fn ipv4(ip: &PublicIpv4) -> Value {
	json!({
		"ip": format!("{}/{}", Ipv4Addr::from(ip.ip()), ip.prefix()),
		"gateway": Ipv4Addr::from(ip.gateway()).to_string(),
	})
}

fn ipv6(ip: &PublicIpv6) -> Value {
	json!({
		"ip": format!("{}/{}", Ipv6Addr::from(ip.ip()), ip.prefix()),
		"gateway": Ipv6Addr::from(ip.gateway()).to_string(),
	})
}

fn country(code: CountryCode) -> String {
	text(code.as_bytes())
}

/// A farm, with the countries its nodes stand in (`{"country", "nodes"}`, by code).
pub fn farm(id: FarmId, farm: &FarmOf<Runtime>, countries: &[(CountryCode, u32)]) -> Value {
	let countries: Vec<_> = countries
		.iter()
		.map(|(code, nodes)| json!({ "country": country(*code), "nodes": nodes }))
		.collect();
	json!({
		"id": id,
		"owner": farm.owner,
		"record": farm.record,
		"name": text(farm.name.as_bytes()),
		"certification": match farm.certification {
			FarmCertification::NotCertified => "notCertified",
			FarmCertification::Gold => "gold",
		},
		"dedicated": farm.dedicated,
		"publicIps": farm.public_ips.iter().map(ipv4).collect::<Vec<_>>(),
		"nodes": farm.nodes,
		"countries": countries,
		"depositor": account(&farm.depositor),
		"deposit": deposit(&farm.deposit),
	})
}

fn resources(r: &Resources) -> Value {
	json!({ "cores": r.cores, "memory": r.memory, "ssd": r.ssd, "hdd": r.hdd })
}

/// Summed capacity: bytes as decimal strings, since a grid's sum can pass what a JavaScript
/// number holds exactly (2^53 bytes, 8 PiB).
fn resource_totals(r: &ResourceTotals) -> Value {
	json!({
		"cores": r.cores,
		"memory": r.memory.to_string(),
		"ssd": r.ssd.to_string(),
		"hdd": r.hdd.to_string(),
	})
}

/// The phonebook's totals: twins, circles, and the grid with its countries.
pub fn totals(
	twins: u32,
	circles: u32,
	grid: &GridTotals,
	countries: &[(CountryCode, CountryTotals)],
) -> Value {
	let countries: Vec<_> = countries
		.iter()
		.map(|(code, there)| {
			json!({
				"country": country(*code),
				"farms": there.farms,
				"nodes": there.nodes,
				"certifiedNodes": there.certified_nodes,
			})
		})
		.collect();
	json!({
		"twins": twins,
		"circles": circles,
		"farms": grid.farms,
		"nodes": grid.nodes,
		"certifiedNodes": grid.certified_nodes,
		"resources": resource_totals(&grid.resources),
		"used": resource_totals(&grid.used),
		"countries": countries,
	})
}

fn power(power: Power) -> &'static str {
	match power {
		Power::Up => "up",
		Power::Down => "down",
	}
}

fn address(address: IpAddress) -> String {
	match address {
		IpAddress::V4(ip) => Ipv4Addr::from(ip).to_string(),
		IpAddress::V6(ip) => Ipv6Addr::from(ip).to_string(),
	}
}

/// A node.
pub fn node(id: NodeId, node: &NodeOf<Runtime>) -> Value {
	let location = &node.location;
	let interfaces: Vec<_> = node
		.interfaces
		.iter()
		.map(|interface| {
			let mac = interface.mac().octets().map(|b| format!("{b:02x}")).join(":");
			json!({
				"name": text(interface.name()),
				"mac": mac,
				"ips": interface.ips().iter().map(|ip| address(ip.address())).collect::<Vec<_>>(),
			})
		})
		.collect();
	json!({
		"id": id,
		"farm": node.farm,
		"twin": node.twin,
		"record": node.record,
		"resources": resources(&node.resources),
		"used": resources(&node.used),
		"free": resources(&node.resources.less(&node.used)),
		"location": {
			"city": location.city().as_str(),
			"country": country(location.country()),
			"latitude": f64::from(location.latitude()) / 1e6,
			"longitude": f64::from(location.longitude()) / 1e6,
		},
		"interfaces": interfaces,
		"publicConfig": node.public_config.as_ref().map(|config| json!({
			"ipv4": ipv4(&config.ipv4()),
			"ipv6": config.ipv6().as_ref().map(ipv6),
			"domain": config.domain().map(|domain| text(domain.as_bytes())),
		})),
		"certification": match node.certification {
			NodeCertification::Diy => "diy",
			NodeCertification::Certified => "certified",
		},
		"secureBoot": node.secure_boot,
		"virtualised": node.virtualised,
		"serial": node.serial.as_ref().map(|serial| text(serial.as_bytes())),
		"created": node.created,
		"uptime": node.uptime.map(|report| json!({ "uptime": report.uptime, "at": report.at })),
		"power": { "target": power(node.power.target), "state": power(node.power.state) },
		"depositor": account(&node.depositor),
		"deposit": deposit(&node.deposit),
	})
}
