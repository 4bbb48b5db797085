//! The grid's network values: public IPv4 and IPv6 addresses with their gateways, domains,
//! MAC addresses and interface addresses. Each is a type whose only constructor checks it, so
//! a record on chain can hold nothing else — the bad records of the chain's predecessors (a
//! private address published as public, an address that is its own gateway) cannot be built.

use crate::types::Invalid;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// An IPv4 address: four octets, most significant first.
pub type Ipv4Addr = [u8; 4];
/// An IPv6 address: sixteen octets, most significant first.
pub type Ipv6Addr = [u8; 16];

/// The shortest IPv4 prefix a public address may have: no allocation is wider than a /8.
pub const MIN_IPV4_PREFIX: u8 = 8;
/// The longest domain, a DNS name's limit.
pub const MAX_DOMAIN_LEN: u32 = 253;

/// The IPv4 ranges that are not public unicast (IANA special-purpose registry): "this
/// network", private, shared (carrier-grade NAT), loopback, link-local, IETF protocol
/// assignments, the three documentation ranges, the retired 6to4 relay, benchmarking,
/// multicast, and the reserved range with the limited broadcast address.
const NOT_PUBLIC_V4: [(Ipv4Addr, u8); 15] = [
	([0, 0, 0, 0], 8),
	([10, 0, 0, 0], 8),
	([100, 64, 0, 0], 10),
	([127, 0, 0, 0], 8),
	([169, 254, 0, 0], 16),
	([172, 16, 0, 0], 12),
	([192, 0, 0, 0], 24),
	([192, 0, 2, 0], 24),
	([192, 88, 99, 0], 24),
	([192, 168, 0, 0], 16),
	([198, 18, 0, 0], 15),
	([198, 51, 100, 0], 24),
	([203, 0, 113, 0], 24),
	([224, 0, 0, 0], 4),
	([240, 0, 0, 0], 4),
];

fn mask_v4(prefix: u8) -> u32 {
	u32::MAX.checked_shl(32u32.saturating_sub(prefix.into())).unwrap_or(0)
}

fn mask_v6(prefix: u8) -> u128 {
	u128::MAX.checked_shl(128u32.saturating_sub(prefix.into())).unwrap_or(0)
}

fn in_subnet_v4(ip: Ipv4Addr, net: Ipv4Addr, prefix: u8) -> bool {
	let mask = mask_v4(prefix);
	u32::from_be_bytes(ip) & mask == u32::from_be_bytes(net) & mask
}

/// Whether `ip` is a public unicast IPv4 address.
pub fn is_public_v4(ip: Ipv4Addr) -> bool {
	!NOT_PUBLIC_V4.iter().any(|(net, prefix)| in_subnet_v4(ip, *net, *prefix))
}

/// Whether `ip` is a global unicast IPv6 address: in 2000::/3, and in neither documentation
/// range (2001:db8::/32, 3fff::/20).
pub fn is_global_v6(ip: Ipv6Addr) -> bool {
	let documentation = ip[..4] == [0x20, 0x01, 0x0d, 0xb8]
		|| (ip[0] == 0x3f && ip[1] == 0xff && ip[2] & 0xf0 == 0);
	ip[0] & 0xe0 == 0x20 && !documentation
}

/// Whether `ip` is an IPv6 link-local address (fe80::/10).
pub fn is_link_local_v6(ip: Ipv6Addr) -> bool {
	ip[0] == 0xfe && ip[1] & 0xc0 == 0x80
}

/// A public IPv4 address with its prefix length and gateway, as a call receives it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub struct Ipv4Input {
	/// The address.
	pub ip: Ipv4Addr,
	/// The subnet's prefix length.
	pub prefix: u8,
	/// The subnet's gateway.
	pub gateway: Ipv4Addr,
}

/// A checked public IPv4 address: the address and its gateway are public unicast, the prefix
/// is 8 to 31 bits, both lie in one subnet, neither is the subnet's network or broadcast
/// address (below a /31, where both addresses are hosts), and the gateway is not the address.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub struct PublicIpv4(Ipv4Input);

impl TryFrom<Ipv4Input> for PublicIpv4 {
	type Error = Invalid;

	fn try_from(input: Ipv4Input) -> Result<Self, Invalid> {
		let Ipv4Input { ip, prefix, gateway } = input;
		if !(MIN_IPV4_PREFIX..=31).contains(&prefix) {
			return Err(Invalid::Prefix);
		}
		if !is_public_v4(ip) || !is_public_v4(gateway) {
			return Err(Invalid::NotPublic);
		}
		if !in_subnet_v4(gateway, ip, prefix) {
			return Err(Invalid::GatewayOutsideSubnet);
		}
		if gateway == ip {
			return Err(Invalid::GatewayIsAddress);
		}
		let host_bits = !mask_v4(prefix);
		let is_edge = |addr: Ipv4Addr| {
			let host = u32::from_be_bytes(addr) & host_bits;
			prefix < 31 && (host == 0 || host == host_bits)
		};
		if is_edge(ip) || is_edge(gateway) {
			return Err(Invalid::NotHost);
		}
		Ok(Self(input))
	}
}

impl PublicIpv4 {
	/// The address.
	pub fn ip(&self) -> Ipv4Addr {
		self.0.ip
	}
	/// The subnet's prefix length.
	pub fn prefix(&self) -> u8 {
		self.0.prefix
	}
	/// The subnet's gateway.
	pub fn gateway(&self) -> Ipv4Addr {
		self.0.gateway
	}
}

/// A public IPv6 address with its prefix length and gateway, as a call receives it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub struct Ipv6Input {
	/// The address.
	pub ip: Ipv6Addr,
	/// The subnet's prefix length.
	pub prefix: u8,
	/// The gateway.
	pub gateway: Ipv6Addr,
}

/// A checked public IPv6 address: global unicast, with a prefix of 1 to 128 bits, and a
/// gateway that is either link-local (fe80::/10, the usual next hop of an IPv6 default route,
/// learned from router advertisements: tfchain #911 refused it) or a global address in the
/// address's subnet other than the address itself.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub struct PublicIpv6(Ipv6Input);

impl TryFrom<Ipv6Input> for PublicIpv6 {
	type Error = Invalid;

	fn try_from(input: Ipv6Input) -> Result<Self, Invalid> {
		let Ipv6Input { ip, prefix, gateway } = input;
		if !(1..=128).contains(&prefix) {
			return Err(Invalid::Prefix);
		}
		if !is_global_v6(ip) {
			return Err(Invalid::NotPublic);
		}
		if is_link_local_v6(gateway) {
			return Ok(Self(input));
		}
		let mask = mask_v6(prefix);
		if !is_global_v6(gateway)
			|| u128::from_be_bytes(gateway) & mask != u128::from_be_bytes(ip) & mask
		{
			return Err(Invalid::GatewayOutsideSubnet);
		}
		if gateway == ip {
			return Err(Invalid::GatewayIsAddress);
		}
		Ok(Self(input))
	}
}

impl PublicIpv6 {
	/// The address.
	pub fn ip(&self) -> Ipv6Addr {
		self.0.ip
	}
	/// The subnet's prefix length.
	pub fn prefix(&self) -> u8 {
		self.0.prefix
	}
	/// The gateway.
	pub fn gateway(&self) -> Ipv6Addr {
		self.0.gateway
	}
}

zerochain_primitives::checked_bytes! {
	/// A fully qualified domain name: at least two dot-separated labels of 1 to 63 characters
	/// of `[A-Za-z0-9-]`, none starting or ending with a hyphen, the last not all digits (so
	/// that an IPv4 address is not a domain).
	pub struct Domain(max MAX_DOMAIN_LEN) from DomainInput;
	rule |bytes| {
		let label_ok = |label: &[u8]| {
			(1..=63).contains(&label.len())
				&& label.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'-')
				&& label.first() != Some(&b'-')
				&& label.last() != Some(&b'-')
		};
		let labels = || bytes.split(|b| *b == b'.');
		let top_ok = labels().next_back().is_some_and(|top| !top.iter().all(u8::is_ascii_digit));
		labels().count() >= 2 && labels().all(label_ok) && top_ok
	};
	invalid Invalid = Invalid::Domain;
}

/// An Ethernet MAC address: six octets, neither all zero nor a group (multicast or
/// broadcast) address.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub struct MacAddress([u8; 6]);

impl TryFrom<[u8; 6]> for MacAddress {
	type Error = Invalid;

	fn try_from(octets: [u8; 6]) -> Result<Self, Invalid> {
		if octets == [0; 6] || octets[0] & 1 == 1 {
			Err(Invalid::Mac)
		} else {
			Ok(Self(octets))
		}
	}
}

impl MacAddress {
	/// The six octets.
	pub fn octets(&self) -> [u8; 6] {
		self.0
	}
}

/// An address as a call receives it, of either family.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub enum IpAddress {
	/// An IPv4 address.
	V4(Ipv4Addr),
	/// An IPv6 address.
	V6(Ipv6Addr),
}

/// An address a node's interface holds: any unicast address, private ones included (a node's
/// own network is usually private), but not unspecified, loopback, multicast or broadcast.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub struct InterfaceIp(IpAddress);

impl TryFrom<IpAddress> for InterfaceIp {
	type Error = Invalid;

	fn try_from(address: IpAddress) -> Result<Self, Invalid> {
		let unicast = match address {
			IpAddress::V4(ip) => {
				ip[0] != 0 && ip[0] != 127 && ip[0] & 0xf0 != 0xe0 && ip != [255; 4]
			},
			IpAddress::V6(ip) => {
				let value = u128::from_be_bytes(ip);
				value != 0 && value != 1 && ip[0] != 0xff
			},
		};
		if unicast {
			Ok(Self(address))
		} else {
			Err(Invalid::InterfaceIp)
		}
	}
}

impl InterfaceIp {
	/// The address.
	pub fn address(&self) -> IpAddress {
		self.0
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	fn v4(ip: Ipv4Addr, prefix: u8, gateway: Ipv4Addr) -> Result<PublicIpv4, Invalid> {
		PublicIpv4::try_from(Ipv4Input { ip, prefix, gateway })
	}

	#[test]
	fn every_special_ipv4_range_is_refused_at_both_ends() {
		for (net, prefix) in NOT_PUBLIC_V4 {
			let first = u32::from_be_bytes(net);
			let last = first | !mask_v4(prefix);
			for address in [first, last] {
				assert!(!is_public_v4(address.to_be_bytes()), "{:?}", address.to_be_bytes());
			}
		}
		for public in [[1, 1, 1, 1], [8, 8, 8, 8], [100, 63, 255, 254], [172, 32, 0, 1]] {
			assert!(is_public_v4(public), "{public:?}");
		}
	}

	#[test]
	fn a_public_ipv4_needs_a_distinct_gateway_in_its_subnet() {
		assert!(v4([185, 69, 166, 10], 24, [185, 69, 166, 1]).is_ok());
		assert!(v4([185, 69, 166, 10], 31, [185, 69, 166, 11]).is_ok());
		assert_eq!(v4([185, 69, 166, 10], 24, [185, 69, 166, 10]), Err(Invalid::GatewayIsAddress));
		assert_eq!(
			v4([185, 69, 166, 10], 24, [185, 69, 167, 1]),
			Err(Invalid::GatewayOutsideSubnet)
		);
		assert_eq!(v4([185, 69, 166, 0], 24, [185, 69, 166, 1]), Err(Invalid::NotHost));
		assert_eq!(v4([185, 69, 166, 10], 24, [185, 69, 166, 255]), Err(Invalid::NotHost));
		assert_eq!(v4([185, 69, 166, 10], 32, [185, 69, 166, 1]), Err(Invalid::Prefix));
		assert_eq!(v4([185, 69, 166, 10], 7, [185, 69, 166, 1]), Err(Invalid::Prefix));
		assert_eq!(v4([192, 168, 1, 10], 24, [192, 168, 1, 1]), Err(Invalid::NotPublic));
	}

	#[test]
	fn an_ipv6_gateway_is_link_local_or_in_the_subnet() {
		let ip = [0x2a, 0x01, 0x04, 0xf8, 0x01, 0x0a, 0x07, 0x10, 0, 0, 0, 0, 0, 0, 0, 2];
		let mut in_subnet = ip;
		in_subnet[15] = 1;
		let mut link_local = [0u8; 16];
		link_local[..2].copy_from_slice(&[0xfe, 0x80]);
		link_local[15] = 1;
		let v6 = |ip, prefix, gateway| PublicIpv6::try_from(Ipv6Input { ip, prefix, gateway });
		assert!(v6(ip, 64, in_subnet).is_ok());
		assert!(v6(ip, 64, link_local).is_ok());
		assert_eq!(v6(ip, 64, ip), Err(Invalid::GatewayIsAddress));
		let mut elsewhere = ip;
		elsewhere[7] = 0x11;
		assert_eq!(v6(ip, 64, elsewhere), Err(Invalid::GatewayOutsideSubnet));
		assert_eq!(v6(link_local, 64, in_subnet), Err(Invalid::NotPublic));
		let mut documentation = [0u8; 16];
		documentation[..4].copy_from_slice(&[0x20, 0x01, 0x0d, 0xb8]);
		assert_eq!(v6(documentation, 64, link_local), Err(Invalid::NotPublic));
		assert_eq!(v6(ip, 0, link_local), Err(Invalid::Prefix));
	}

	#[test]
	fn domains_macs_and_interface_addresses_are_checked() {
		let domain = |s: &str| Domain::try_from(DomainInput::truncate_from(s.as_bytes().to_vec()));
		assert!(domain("node1.example.org").is_ok());
		for bad in ["localhost", "a..b", "-a.org", "a-.org", "1.2.3.4", "a b.org", ""] {
			assert_eq!(domain(bad), Err(Invalid::Domain), "{bad}");
		}
		assert!(MacAddress::try_from([0x02, 0, 0, 0, 0, 1]).is_ok());
		for bad in [[0; 6], [0xff; 6], [0x01, 0, 0x5e, 0, 0, 1]] {
			assert_eq!(MacAddress::try_from(bad), Err(Invalid::Mac));
		}
		assert!(InterfaceIp::try_from(IpAddress::V4([10, 0, 0, 2])).is_ok());
		let mut loopback = [0u8; 16];
		loopback[15] = 1;
		for bad in [
			IpAddress::V4([0, 0, 0, 0]),
			IpAddress::V4([127, 0, 0, 1]),
			IpAddress::V4([224, 0, 0, 1]),
			IpAddress::V4([255; 4]),
			IpAddress::V6([0; 16]),
			IpAddress::V6(loopback),
			IpAddress::V6([0xff; 16]),
		] {
			assert_eq!(InterfaceIp::try_from(bad), Err(Invalid::InterfaceIp), "{bad:?}");
		}
	}
}
