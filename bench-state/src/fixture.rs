//! What each record of the bench state is, from its number alone: the genesis builds the
//! records from these, and a client (the load generator) finds them again from the same
//! functions, without a list of a million names.

use codec::Encode;
use ed25519_zebra::{SigningKey, VerificationKey};
use frame_support::BoundedVec;
use pallet_grid::{
	net::{IpAddress, Ipv4Input},
	InterfaceInput, LocationInput, NodeSpec, Resources,
};
use sp_io::hashing::blake2_256;
use zerochain_primitives::{FarmId, TwinId};

/// How many distinct relays the twins share, as many twins share a few relay servers.
pub const RELAYS: u32 = 256;

/// The countries the nodes stand in, one farm's nodes in one country.
pub const COUNTRIES: [[u8; 2]; 16] = [
	*b"BE", *b"NL", *b"DE", *b"FR", *b"US", *b"CA", *b"BR", *b"EG", *b"KE", *b"ZA", *b"IN", *b"JP",
	*b"SG", *b"AU", *b"GB", *b"ES",
];

/// The most farms the state can have: each gets a /24 of its own in 11.0.0.0/8.
pub const MAX_FARMS: u32 = 65_535;

/// A GiB, in bytes.
const GIB: u64 = 1 << 30;

/// The 32 bytes of the account that controls top-level twin `twin` (and its farm's node
/// twins): nobody holds its secret, which is not needed to read the phonebook.
pub fn account_seed(twin: TwinId) -> [u8; 32] {
	blake2_256(&(b"zerochain/bench/account", twin).encode())
}

/// The ed25519 key twin `twin` claims: the key `sp_core::ed25519::Pair::from_seed` makes of
/// the same seed.
pub struct TwinKey(SigningKey);

impl TwinKey {
	/// Twin `twin`'s key.
	pub fn of(twin: TwinId) -> Self {
		Self(SigningKey::from(blake2_256(&(b"zerochain/bench/key", twin).encode())))
	}

	/// The public key.
	pub fn public(&self) -> [u8; 32] {
		VerificationKey::from(&self.0).into()
	}

	/// The key's signature of `message`.
	pub fn sign(&self, message: &[u8]) -> [u8; 64] {
		self.0.sign(message).to_bytes()
	}
}

/// Twin `twin`'s name.
pub fn twin_name(twin: TwinId) -> Vec<u8> {
	format!("twin-{twin}").into_bytes()
}

/// Twin `twin`'s relay.
pub fn relay(twin: TwinId) -> Vec<u8> {
	format!("relay-{}.bench.zerochain.net", twin % RELAYS).into_bytes()
}

/// Farm `farm`'s name.
pub fn farm_name(farm: FarmId) -> Vec<u8> {
	format!("farm-{farm}").into_bytes()
}

/// Circle `circle`'s name.
pub fn circle_name(circle: u32) -> Vec<u8> {
	format!("circle-{circle}").into_bytes()
}

/// Farm `farm`'s public address: `11.h.l.2/24` behind `11.h.l.1`, where `h.l` is the farm's
/// number (at most [`MAX_FARMS`]).
pub fn farm_ip(farm: FarmId) -> Ipv4Input {
	let [_, _, high, low] = farm.to_be_bytes();
	Ipv4Input { ip: [11, high, low, 2], prefix: 24, gateway: [11, high, low, 1] }
}

/// The country of farm `farm`'s nodes.
pub fn country(farm: FarmId) -> [u8; 2] {
	COUNTRIES[farm as usize % COUNTRIES.len()]
}

/// The description of node `index` (from 0) of farm `farm`: 2 to 32 cores with 4 GiB of
/// memory each, 250 GiB to 2 TiB of SSD, HDD on one farm in three, secure boot on every other
/// node, in the farm's country, with one network interface.
pub fn node_spec(farm: FarmId, index: u32) -> NodeSpec {
	let cores = 2u32 << (index % 5);
	let [_, b1, b2, b3] = farm.to_be_bytes();
	let [_, _, i1, i2] = index.to_be_bytes();
	let spot = farm.wrapping_mul(7_919).wrapping_add(index);
	NodeSpec {
		resources: Resources {
			cores,
			memory: u64::from(cores) * 4 * GIB,
			ssd: 250 * GIB * u64::from(1 + farm % 8),
			hdd: if farm.is_multiple_of(3) { 4096 * GIB } else { 0 },
		},
		location: LocationInput {
			city: BoundedVec::truncate_from(b"Bench City".to_vec()),
			country: country(farm),
			latitude: (spot % 180_000) as i32 * 1_000 - 90_000_000,
			longitude: (spot % 360_000) as i32 * 1_000 - 180_000_000,
		},
		interfaces: BoundedVec::truncate_from(vec![InterfaceInput {
			name: BoundedVec::truncate_from(b"eth0".to_vec()),
			mac: [0x02, b1, b2, b3, i1, i2],
			ips: BoundedVec::truncate_from(vec![IpAddress::V6([
				0x2a, 0x02, b1, b2, b3, i1, i2, 0, 0, 0, 0, 0, 0, 0, 0, 1,
			])]),
		}]),
		secure_boot: index.is_multiple_of(2),
		virtualised: false,
		serial: None,
	}
}
