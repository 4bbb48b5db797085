//! The grid pallet's domain types: farms, nodes and what describes them. Values that must be
//! valid — a farm name, a location, an interface, a serial number — are types whose only
//! constructor checks them; the network values are in [`crate::net`].

use crate::net::{
	Domain, DomainInput, InterfaceIp, IpAddress, Ipv4Input, Ipv6Input, MacAddress, PublicIpv4,
	PublicIpv6,
};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	traits::{ConstU32, Get},
	BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;
use sp_runtime::Saturating;
use zerochain_primitives::{
	fitted, CountryCode, EntityText, FarmId, NodeId, RecordId, TextInput, TwinId, INPUT_SLACK,
};

/// A node's id as the second key of [`crate::NodesByFarm`]: big-endian under the `Identity`
/// hasher, so that a farm's nodes are stored in id order and a page of them is read from its
/// cursor on, not sorted out of the whole farm. (Node ids are the chain's own, handed out in
/// sequence: nobody chooses them to unbalance the trie.)
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub struct NodeKey([u8; 4]);

impl From<NodeId> for NodeKey {
	fn from(node: NodeId) -> Self {
		Self(node.to_be_bytes())
	}
}

impl NodeKey {
	/// The node's id.
	pub fn id(self) -> NodeId {
		NodeId::from_be_bytes(self.0)
	}
}

/// The shortest farm name.
pub const MIN_FARM_NAME_LEN: usize = 3;
/// The longest farm name.
pub const MAX_FARM_NAME_LEN: u32 = 40;
/// The most network interfaces a node lists.
pub const MAX_INTERFACES: u32 = 8;
/// The most addresses one interface lists.
pub const MAX_INTERFACE_IPS: u32 = 8;
/// The longest interface name: Linux's limit (IFNAMSIZ less the terminating zero).
pub const MAX_INTERFACE_NAME_LEN: u32 = 15;
/// The longest serial number.
pub const MAX_SERIAL_LEN: u32 = 64;
/// The largest latitude, in millionths of a degree.
pub const MAX_LATITUDE: i32 = 90_000_000;
/// The largest longitude, in millionths of a degree.
pub const MAX_LONGITUDE: i32 = 180_000_000;

/// Why a value was refused; the pallet maps each to its own error.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Invalid {
	/// Not a farm name.
	FarmName,
	/// An address in a range that is not public unicast.
	NotPublic,
	/// A prefix length out of range.
	Prefix,
	/// A gateway outside the address's subnet.
	GatewayOutsideSubnet,
	/// A gateway equal to the address it serves.
	GatewayIsAddress,
	/// The network or broadcast address of a subnet used as a host's.
	NotHost,
	/// Not a domain name.
	Domain,
	/// Not a unicast MAC address.
	Mac,
	/// An interface address that is not unicast.
	InterfaceIp,
	/// Not an interface name, or one a node lists twice.
	InterfaceName,
	/// Not a serial number.
	Serial,
	/// Not a city.
	City,
	/// Not an assigned ISO 3166-1 alpha-2 code.
	Country,
	/// A latitude or longitude out of range.
	Coordinates,
}

zerochain_primitives::checked_bytes! {
	/// A farm's name: 3 to 40 characters of `[A-Za-z0-9_-]`. Names are unique on the chain
	/// regardless of case, so that no farm can pass for another by its capitals.
	pub struct FarmName(max MAX_FARM_NAME_LEN) from FarmNameInput;
	rule |bytes| {
		let char_ok = |b: &u8| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_';
		bytes.len() >= MIN_FARM_NAME_LEN && bytes.iter().all(char_ok)
	};
	invalid Invalid = Invalid::FarmName;
}

impl FarmName {
	/// The name in lower case: the key under which it is unique.
	pub fn folded(&self) -> FarmName {
		let mut folded = self.0.clone();
		folded.iter_mut().for_each(|b| b.make_ascii_lowercase());
		FarmName(folded)
	}
}

/// A farm's certification, granted by governance.
#[derive(Clone, Copy, Default, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub enum FarmCertification {
	/// Not certified.
	#[default]
	NotCertified,
	/// Certified gold.
	Gold,
}

/// A node's certification, granted by governance or an allowed certifier.
#[derive(Clone, Copy, Default, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub enum NodeCertification {
	/// Built and run by its farmer, unaudited.
	#[default]
	Diy,
	/// Audited hardware.
	Certified,
}

/// Whether a node is, or should be, powered on.
#[derive(Clone, Copy, Default, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub enum Power {
	/// Powered on.
	#[default]
	Up,
	/// Powered off (and woken on LAN when wanted).
	Down,
}

/// A node's power: what its farmer wants, and what the node last said it is.
#[derive(Clone, Copy, Default, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub struct PowerStatus {
	/// Set by the farmer.
	pub target: Power,
	/// Set by the node.
	pub state: Power,
}

/// A node's capacity: cores, and memory, SSD and HDD storage in bytes.
#[derive(Clone, Copy, Default, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub struct Resources {
	/// Logical CPU cores.
	pub cores: u32,
	/// Memory, in bytes.
	pub memory: u64,
	/// SSD storage, in bytes.
	pub ssd: u64,
	/// HDD storage, in bytes.
	pub hdd: u64,
}

impl Resources {
	/// Whether every amount is at least the one in `other`.
	pub fn covers(&self, other: &Resources) -> bool {
		self.cores >= other.cores
			&& self.memory >= other.memory
			&& self.ssd >= other.ssd
			&& self.hdd >= other.hdd
	}

	/// What is left of `self` once `used` is taken.
	pub fn less(&self, used: &Resources) -> Resources {
		Resources {
			cores: self.cores.saturating_sub(used.cores),
			memory: self.memory.saturating_sub(used.memory),
			ssd: self.ssd.saturating_sub(used.ssd),
			hdd: self.hdd.saturating_sub(used.hdd),
		}
	}
}

/// Capacity summed over many nodes, in types wide enough that the sum of `u32::MAX` nodes'
/// largest resources cannot overflow: adding a node and taking it away again always gives
/// back the sum before, so the totals never drift from a recount.
#[derive(Clone, Copy, Default, PartialEq, Eq, Encode, Decode, TypeInfo, MaxEncodedLen, Debug)]
pub struct ResourceTotals {
	/// Logical CPU cores.
	pub cores: u64,
	/// Memory, in bytes.
	pub memory: u128,
	/// SSD storage, in bytes.
	pub ssd: u128,
	/// HDD storage, in bytes.
	pub hdd: u128,
}

impl ResourceTotals {
	/// The sum with one node's `resources` added.
	pub fn plus(self, resources: &Resources) -> Self {
		self.moved(resources, true)
	}

	/// The sum with one node's `resources`, counted before, taken away.
	pub fn minus(self, resources: &Resources) -> Self {
		self.moved(resources, false)
	}

	/// Each total with its part of `resources` added (`add`) or taken away, saturating.
	fn moved(self, resources: &Resources, add: bool) -> Self {
		fn step<N: Saturating>(total: N, part: N, add: bool) -> N {
			if add {
				total.saturating_add(part)
			} else {
				total.saturating_sub(part)
			}
		}
		ResourceTotals {
			cores: step(self.cores, resources.cores.into(), add),
			memory: step(self.memory, resources.memory.into(), add),
			ssd: step(self.ssd, resources.ssd.into(), add),
			hdd: step(self.hdd, resources.hdd.into(), add),
		}
	}
}

/// Where a node stands, as a call receives it: latitude and longitude in millionths of a
/// degree (about 11 cm at the equator), so that no float is stored.
#[derive(Clone, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub struct LocationInput {
	/// The city, UTF-8 without control characters.
	pub city: TextInput,
	/// The ISO 3166-1 alpha-2 country code, upper case.
	pub country: [u8; 2],
	/// Degrees north (negative: south), in millionths, within ±90°.
	pub latitude: i32,
	/// Degrees east (negative: west), in millionths, within ±180°.
	pub longitude: i32,
}

/// A checked location.
#[derive(Clone, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub struct Location {
	city: EntityText,
	country: CountryCode,
	latitude: i32,
	longitude: i32,
}

impl TryFrom<LocationInput> for Location {
	type Error = Invalid;

	fn try_from(input: LocationInput) -> Result<Self, Invalid> {
		let city = EntityText::try_from(input.city).map_err(|_| Invalid::City)?;
		let country = CountryCode::try_from(input.country).map_err(|_| Invalid::Country)?;
		if input.latitude.unsigned_abs() > MAX_LATITUDE.unsigned_abs()
			|| input.longitude.unsigned_abs() > MAX_LONGITUDE.unsigned_abs()
		{
			return Err(Invalid::Coordinates);
		}
		Ok(Self { city, country, latitude: input.latitude, longitude: input.longitude })
	}
}

impl Location {
	/// The city.
	pub fn city(&self) -> &EntityText {
		&self.city
	}
	/// The country.
	pub fn country(&self) -> CountryCode {
		self.country
	}
	/// Degrees north, in millionths.
	pub fn latitude(&self) -> i32 {
		self.latitude
	}
	/// Degrees east, in millionths.
	pub fn longitude(&self) -> i32 {
		self.longitude
	}
}

/// An interface name as a call receives it.
pub type InterfaceNameInput = BoundedVec<u8, ConstU32<{ INPUT_SLACK * MAX_INTERFACE_NAME_LEN }>>;

/// A network interface as a call receives it.
#[derive(Clone, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub struct InterfaceInput {
	/// The interface's name, 1 to 15 characters of `[A-Za-z0-9_.-]`.
	pub name: InterfaceNameInput,
	/// Its MAC address.
	pub mac: [u8; 6],
	/// Its addresses.
	pub ips: BoundedVec<IpAddress, ConstU32<MAX_INTERFACE_IPS>>,
}

/// A checked network interface.
#[derive(Clone, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub struct Interface {
	name: BoundedVec<u8, ConstU32<MAX_INTERFACE_NAME_LEN>>,
	mac: MacAddress,
	ips: BoundedVec<InterfaceIp, ConstU32<MAX_INTERFACE_IPS>>,
}

impl TryFrom<InterfaceInput> for Interface {
	type Error = Invalid;

	fn try_from(input: InterfaceInput) -> Result<Self, Invalid> {
		let char_ok = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-');
		let name = fitted(input.name).ok_or(Invalid::InterfaceName)?;
		if name.is_empty() || !name.iter().all(char_ok) {
			return Err(Invalid::InterfaceName);
		}
		let mac = MacAddress::try_from(input.mac)?;
		let mut ips = BoundedVec::new();
		for ip in input.ips {
			// The input has the same bound, so this push cannot fail.
			ips.try_push(InterfaceIp::try_from(ip)?).map_err(|_| Invalid::InterfaceIp)?;
		}
		Ok(Self { name, mac, ips })
	}
}

impl Interface {
	/// The interface's name.
	pub fn name(&self) -> &[u8] {
		&self.name
	}
	/// Its MAC address.
	pub fn mac(&self) -> MacAddress {
		self.mac
	}
	/// Its addresses.
	pub fn ips(&self) -> &[InterfaceIp] {
		&self.ips
	}
}

/// A node's interfaces, each name at most once.
pub type Interfaces = BoundedVec<Interface, ConstU32<MAX_INTERFACES>>;

/// Checks a node's interfaces.
pub fn interfaces(
	input: BoundedVec<InterfaceInput, ConstU32<MAX_INTERFACES>>,
) -> Result<Interfaces, Invalid> {
	let mut checked = Interfaces::new();
	for interface in input {
		let interface = Interface::try_from(interface)?;
		if checked.iter().any(|other| other.name == interface.name) {
			return Err(Invalid::InterfaceName);
		}
		checked.try_push(interface).map_err(|_| Invalid::InterfaceName)?;
	}
	Ok(checked)
}

zerochain_primitives::checked_bytes! {
	/// A hardware serial number: 1 to 64 printable ASCII characters.
	pub struct SerialNumber(max MAX_SERIAL_LEN) from SerialInput;
	rule |bytes| !bytes.is_empty() && bytes.iter().all(|b| (0x20..0x7f).contains(b));
	invalid Invalid = Invalid::Serial;
}

/// What a node says of itself, as `create_node` and `update_node` receive it.
#[derive(Clone, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub struct NodeSpec {
	/// Its capacity.
	pub resources: Resources,
	/// Where it stands.
	pub location: LocationInput,
	/// Its network interfaces.
	pub interfaces: BoundedVec<InterfaceInput, ConstU32<MAX_INTERFACES>>,
	/// Whether it booted with secure boot.
	pub secure_boot: bool,
	/// Whether it runs in a virtual machine.
	pub virtualised: bool,
	/// Its hardware serial number, if it has one.
	pub serial: Option<SerialInput>,
}

/// How a node is reached from the internet, as a call receives it.
#[derive(Clone, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub struct PublicConfigInput {
	/// Its public IPv4 address.
	pub ipv4: Ipv4Input,
	/// Its public IPv6 address, if it has one.
	pub ipv6: Option<Ipv6Input>,
	/// Its domain, if it has one.
	pub domain: Option<DomainInput>,
}

/// What holds a public IPv4 address.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub enum IpHolder {
	/// A farm offers it to workloads.
	Farm(FarmId),
	/// It is a node's public config.
	Node(NodeId),
}

/// A checked public config.
#[derive(Clone, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub struct PublicConfig {
	ipv4: PublicIpv4,
	ipv6: Option<PublicIpv6>,
	domain: Option<Domain>,
}

impl TryFrom<PublicConfigInput> for PublicConfig {
	type Error = Invalid;

	fn try_from(input: PublicConfigInput) -> Result<Self, Invalid> {
		Ok(Self {
			ipv4: PublicIpv4::try_from(input.ipv4)?,
			ipv6: input.ipv6.map(PublicIpv6::try_from).transpose()?,
			domain: input.domain.map(Domain::try_from).transpose()?,
		})
	}
}

impl PublicConfig {
	/// The public IPv4 address.
	pub fn ipv4(&self) -> PublicIpv4 {
		self.ipv4
	}
	/// The public IPv6 address.
	pub fn ipv6(&self) -> Option<PublicIpv6> {
		self.ipv6
	}
	/// The domain.
	pub fn domain(&self) -> Option<&Domain> {
		self.domain.as_ref()
	}
}

/// A node's last uptime report.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub struct UptimeReport {
	/// Seconds since the node booted, as it said.
	pub uptime: u64,
	/// When the report was taken: the chain's time, in seconds since the Unix epoch.
	pub at: u64,
}

/// A farm: a farmer's group of nodes.
#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
#[derive(Encode, Decode, TypeInfo, MaxEncodedLen)]
#[scale_info(skip_type_params(MaxIps))]
#[codec(mel_bound(AccountId: MaxEncodedLen, Deposit: MaxEncodedLen))]
pub struct Farm<AccountId, Deposit, MaxIps>
where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	Deposit: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxIps: Get<u32>,
{
	/// The twin that owns it.
	pub owner: TwinId,
	/// Its record number among the owner's records.
	pub record: RecordId,
	/// Its name.
	pub name: FarmName,
	/// Its certification.
	pub certification: FarmCertification,
	/// Whether its nodes are only rented whole.
	pub dedicated: bool,
	/// The public IPv4 addresses it offers to workloads.
	pub public_ips: BoundedVec<PublicIpv4, MaxIps>,
	/// How many nodes it has.
	pub nodes: u32,
	/// The account the deposit is held on.
	pub depositor: AccountId,
	/// The ticket of the deposit held.
	pub deposit: Deposit,
}

/// A node: a machine running Zero OS in a farm, with its own twin.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, MaxEncodedLen, Debug)]
pub struct Node<AccountId, Deposit> {
	/// The farm it belongs to.
	pub farm: FarmId,
	/// Its twin: the identity it acts as.
	pub twin: TwinId,
	/// Its record number among its twin's records.
	pub record: RecordId,
	/// Its capacity.
	pub resources: Resources,
	/// The part of its capacity in use, as it last reported.
	pub used: Resources,
	/// Where it stands.
	pub location: Location,
	/// Its network interfaces.
	pub interfaces: Interfaces,
	/// How it is reached from the internet, if it is.
	pub public_config: Option<PublicConfig>,
	/// Its certification.
	pub certification: NodeCertification,
	/// Whether it booted with secure boot.
	pub secure_boot: bool,
	/// Whether it runs in a virtual machine.
	pub virtualised: bool,
	/// Its hardware serial number.
	pub serial: Option<SerialNumber>,
	/// When it was registered, in seconds since the Unix epoch.
	pub created: u64,
	/// Its last uptime report.
	pub uptime: Option<UptimeReport>,
	/// Its power target and state.
	pub power: PowerStatus,
	/// The account the deposit is held on.
	pub depositor: AccountId,
	/// The ticket of the deposit held.
	pub deposit: Deposit,
}

/// What someone looking for capacity asks of a node.
#[derive(Clone, Default, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct NodeFilter {
	/// In this country, if set.
	pub country: Option<CountryCode>,
	/// With this certification, if set.
	pub certification: Option<NodeCertification>,
	/// With at least this much capacity not in use.
	pub min_free: Resources,
}

impl NodeFilter {
	/// Whether `node` is what the filter asks for.
	pub fn matches<AccountId, Deposit>(&self, node: &Node<AccountId, Deposit>) -> bool {
		self.country.is_none_or(|country| node.location.country() == country)
			&& self
				.certification
				.is_none_or(|certification| node.certification == certification)
			&& node.resources.less(&node.used).covers(&self.min_free)
	}
}

/// The countries a farm's nodes stand in, with how many nodes in each, by country code.
pub type FarmCountryList = alloc::vec::Vec<(CountryCode, u32)>;

/// What someone browsing farms asks of one.
#[derive(Clone, Default, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct FarmFilter {
	/// With a node in this country, if set.
	pub country: Option<CountryCode>,
	/// With this certification, if set.
	pub certification: Option<FarmCertification>,
}

/// The whole grid, summed: kept up to date as farms and nodes come, change and go, so that an
/// overview costs one read however large the grid is.
#[derive(Clone, Default, PartialEq, Eq, Encode, Decode, TypeInfo, MaxEncodedLen, Debug)]
pub struct GridTotals {
	/// How many farms there are.
	pub farms: u32,
	/// How many nodes there are.
	pub nodes: u32,
	/// How many of them are certified.
	pub certified_nodes: u32,
	/// Their capacity, summed.
	pub resources: ResourceTotals,
	/// The part of it in use, as the nodes last reported, summed.
	pub used: ResourceTotals,
}

/// The grid in one country: the nodes that stand there and the farms they belong to.
#[derive(Clone, Default, PartialEq, Eq, Encode, Decode, TypeInfo, MaxEncodedLen, Debug)]
pub struct CountryTotals {
	/// How many farms have a node there.
	pub farms: u32,
	/// How many nodes stand there.
	pub nodes: u32,
	/// How many of them are certified.
	pub certified_nodes: u32,
}
