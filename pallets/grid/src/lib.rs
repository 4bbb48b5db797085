//! # Grid pallet: the farms and nodes that provide capacity
//!
//! The grid is made of **nodes** — machines running Zero OS — grouped in **farms**, run by
//! the people and companies who provide capacity. Their records live on chain so that twins
//! looking for capacity can find it and trust what they find.
//!
//! ## Farms
//! A farm belongs to a twin (it is one of the twin's records, through
//! [`TwinRegistry`]), has a name unique on the chain regardless of case, a
//! certification granted by governance, a `dedicated` flag (its nodes are rented whole) and
//! the public IPv4 addresses it offers to workloads. An address is accepted only if it is
//! public unicast, its gateway is a distinct host of its subnet ([`net::PublicIpv4`]), and
//! nothing on the chain holds it already: one public IPv4 address has one holder, a farm or a
//! node's public config ([`IpHolders`]). A farm with nodes cannot be deleted.
//!
//! ## Nodes
//! A node has its own twin — one node per twin — and joins a farm only with its farmer's consent:
//! the account registering it must be able to act for both the node's twin and the farm's owner.
//! The usual way is for the farmer to create the node's twin as a child of its own twin and
//! transfer it to the node's key; the node then acts for itself (updates, uptime, power state,
//! usage) and the farmer keeps authority over it — except over what only the machine can tell:
//! uptime and power state come from the node twin's own controller alone, never from an ancestor,
//! so a farmer cannot report for a machine it handed the node's twin to. A node lists its
//! resources, location, interfaces, certification, secure-boot and virtualisation flags and serial
//! number; the farmer sets its public config and power target. A node moves only between farms of
//! the same owner, and only with the farmer: the account moving it must act for that owner.
//!
//! A certification vouches for one machine in one farm: any change to a certified node's
//! description but its location — resources, interfaces, secure boot, virtualisation, serial
//! number — or a move to another farm returns it to DIY. It stands on the authority that
//! granted it: when governance stops naming a node certifier, every certification that
//! certifier granted is revoked in the following blocks' idle time ([`Unnamed`]). A farm's
//! certification vouches for the farm as governance saw it: a new name or a change of its
//! public IPs makes it another farm, and resets it.
//!
//! ## Indices
//! [`FarmByName`], [`IpHolders`], [`NodesByFarm`] and [`NodeByTwin`] are written in the same
//! call as the records they index, and `try_state` checks each both ways: the index drift of
//! the chain's predecessors (a farm listing nodes it no longer has) cannot happen unnoticed.
//!
//! ## Deposits
//! Each farm and each node holds a deposit ([`Config::FarmDeposit`], [`Config::NodeDeposit`])
//! on the account that registered it, released when it is deleted. Each deposit is a ticket
//! in its record (FRAME's `HoldConsideration`), priced by the runtime: see
//! [`zerochain_primitives::deposit`].

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;
use zerochain_primitives::{paging, CountryCode, FarmId, NodeId, RecordKind, TwinId, TwinRegistry};

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod certifiers;
pub mod net;
mod totals;
#[cfg(any(feature = "invariants", test))]
mod try_state;
pub mod types;
pub mod weights;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;

/// How far a node's timestamp hint may be from the block's time, in seconds.
pub const UPTIME_HINT_TOLERANCE: u64 = 60;

/// The grid: farms (the people and companies who provide capacity) and their nodes (machines
/// running Zero OS), with resources, location, checked public IPs, certification, uptime and
/// power state. A node joins a farm only with its farmer's consent.
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use crate::net::{Ipv4Addr, Ipv4Input, PublicIpv4};
	use alloc::vec::Vec;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{HoldConsideration, Inspect, Mutate, MutateHold},
			Consideration, Footprint, UnixTime,
		},
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::{Convert, Saturating};
	use zerochain_primitives::Converted;

	/// An amount of the currency deposits are held in.
	pub type BalanceOf<T> =
		<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
	/// A deposit of this pallet's as FRAME's ticket: held under `Reason` (one of
	/// [`HoldReason`]) at the runtime's `Price` for the record.
	pub type Ticket<T, Reason, Price> = HoldConsideration<
		<T as frame_system::Config>::AccountId,
		<T as Config>::Currency,
		Converted<Reason, HoldReason>,
		Price,
	>;
	/// The ticket of a farm's deposit: [`Config::FarmDeposit`] held on its depositor.
	pub type FarmTicket<T> = Ticket<T, FarmHold, <T as Config>::FarmDeposit>;
	/// The ticket of a node's deposit: [`Config::NodeDeposit`] held on its depositor.
	pub type NodeTicket<T> = Ticket<T, NodeHold, <T as Config>::NodeDeposit>;
	/// A farm as stored.
	pub type FarmOf<T> =
		Farm<<T as frame_system::Config>::AccountId, FarmTicket<T>, <T as Config>::MaxFarmIps>;
	/// A node as stored.
	pub type NodeOf<T> = Node<<T as frame_system::Config>::AccountId, NodeTicket<T>>;

	frame_support::parameter_types! {
		/// What a farm's deposit is held under.
		pub const FarmHold: HoldReason = HoldReason::FarmDeposit;
		/// What a node's deposit is held under.
		pub const NodeHold: HoldReason = HoldReason::NodeDeposit;
	}
	/// The public IPs a farm is created with.
	pub type FarmIpsInput<T> = BoundedVec<Ipv4Input, <T as Config>::MaxFarmIps>;

	/// The storage layout's version; bump it with a migration.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config(with_default)]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The currency deposits are held in.
		#[pallet::no_default]
		type Currency: Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason: From<HoldReason>>;

		/// The phonebook: who may act for a twin, and the twins' record numbers.
		#[pallet::no_default]
		type Twins: TwinRegistry<Self::AccountId>;

		/// The chain's clock, which uptime reports are checked against.
		#[pallet::no_default]
		type Time: UnixTime;

		/// Who certifies farms, certifies nodes, and names the node certifiers.
		#[pallet::no_default]
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// What a farm holds on the account that created it, priced from its record's
		/// footprint (`ConstantStoragePrice` for a flat deposit).
		#[pallet::no_default_bounds]
		type FarmDeposit: Convert<Footprint, BalanceOf<Self>>;

		/// What a node holds on the account that registered it, priced like
		/// [`Config::FarmDeposit`].
		#[pallet::no_default_bounds]
		type NodeDeposit: Convert<Footprint, BalanceOf<Self>>;

		/// How many public IPs one farm may offer.
		#[pallet::constant]
		type MaxFarmIps: Get<u32>;

		/// How many nodes one farm may have.
		#[pallet::constant]
		type MaxNodesPerFarm: Get<u32>;

		/// How many accounts may certify nodes besides governance.
		#[pallet::constant]
		type MaxCertifiers: Get<u32>;

		/// The least capacity a node must have to be registered.
		#[pallet::constant]
		type MinResources: Get<Resources>;

		/// The weights of this pallet's calls, from its benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// Configurations to derive a test runtime's from (`#[derive_impl]`), so that a mock states
	/// only what differs.
	pub mod config_preludes {
		use super::*;
		use frame_support::{
			derive_impl,
			traits::{ConstU32, ConstU64, ConstantStoragePrice},
		};

		frame_support::parameter_types! {
			/// The least a node offers in the tests: a core, 2 GiB of memory, 50 GiB of SSD.
			pub const TestMinResources: Resources =
				Resources { cores: 1, memory: 2 << 30, ssd: 50 << 30, hdd: 0 };
		}

		/// Small bounds the tests reach, deposits in a `u64` balance, no weights.
		pub struct TestDefaultConfig;

		#[derive_impl(frame_system::config_preludes::TestDefaultConfig, no_aggregated_types)]
		impl frame_system::DefaultConfig for TestDefaultConfig {}

		#[frame_support::register_default_impl(TestDefaultConfig)]
		impl DefaultConfig for TestDefaultConfig {
			type FarmDeposit = ConstantStoragePrice<ConstU64<50>, u64>;
			type NodeDeposit = ConstantStoragePrice<ConstU64<20>, u64>;
			type MaxFarmIps = ConstU32<4>;
			type MaxNodesPerFarm = ConstU32<3>;
			type MaxCertifiers = ConstU32<2>;
			type MinResources = TestMinResources;
			type WeightInfo = ();
		}
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of a farm.
		#[codec(index = 0)]
		FarmDeposit,
		/// The deposit of a node.
		#[codec(index = 1)]
		NodeDeposit,
	}

	/// The last farm id handed out; ids are never reused.
	#[pallet::storage]
	pub type LastFarmId<T> = StorageValue<_, FarmId, ValueQuery>;

	/// The farms, by id.
	#[pallet::storage]
	pub type Farms<T: Config> = StorageMap<_, Twox64Concat, FarmId, FarmOf<T>>;

	/// The farms by name, in lower case ([`FarmName::folded`]).
	#[pallet::storage]
	pub type FarmByName<T> = StorageMap<_, Blake2_128Concat, FarmName, FarmId>;

	/// What holds each public IPv4 address: the farm that offers it, or the node whose public
	/// config it is. One address, one holder, chain-wide.
	#[pallet::storage]
	pub type IpHolders<T> = StorageMap<_, Blake2_128Concat, Ipv4Addr, IpHolder>;

	/// The last node id handed out; ids are never reused.
	#[pallet::storage]
	pub type LastNodeId<T> = StorageValue<_, NodeId, ValueQuery>;

	/// The nodes, by id.
	#[pallet::storage]
	pub type Nodes<T: Config> = StorageMap<_, Twox64Concat, NodeId, NodeOf<T>>;

	/// Each farm's nodes, in id order ([`NodeKey`]).
	#[pallet::storage]
	pub type NodesByFarm<T> = StorageDoubleMap<_, Twox64Concat, FarmId, Identity, NodeKey, ()>;

	/// The node of each twin that is one.
	#[pallet::storage]
	pub type NodeByTwin<T> = StorageMap<_, Twox64Concat, TwinId, NodeId>;

	/// The grid's totals: farms, nodes, certified nodes, capacity and its use.
	#[pallet::storage]
	pub type Totals<T> = StorageValue<_, GridTotals, ValueQuery>;

	/// The grid by country: farms with a node there, nodes, certified nodes. A country is
	/// here while a node stands in it.
	#[pallet::storage]
	pub type Countries<T> = StorageMap<_, Twox64Concat, CountryCode, CountryTotals>;

	/// How many of each farm's nodes stand in each country: a farm's countries, which a
	/// search for farms by country reads.
	#[pallet::storage]
	pub type FarmCountries<T> =
		StorageDoubleMap<_, Twox64Concat, FarmId, Twox64Concat, CountryCode, u32>;

	/// The accounts that may certify nodes besides governance.
	#[pallet::storage]
	pub type NodeCertifiers<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxCertifiers>, ValueQuery>;

	/// The node certifier that certified each node a certifier (not governance) certified.
	#[pallet::storage]
	pub type CertifiedBy<T: Config> = StorageMap<_, Twox64Concat, NodeId, T::AccountId>;

	/// [`CertifiedBy`] the other way round: the nodes each certifier's word stands for.
	#[pallet::storage]
	pub type CertifiedNodes<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, NodeId, ()>;

	/// Certifiers governance no longer names whose certifications are still being revoked, a
	/// node at a time in `on_idle`.
	#[pallet::storage]
	pub type Unnamed<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, ()>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A farm was created.
		FarmCreated { farm: FarmId, owner: TwinId, name: FarmName },
		/// A farm was renamed.
		FarmRenamed { farm: FarmId, name: FarmName },
		/// A farm offers a new public IP.
		FarmIpAdded { farm: FarmId, ip: PublicIpv4 },
		/// A farm no longer offers a public IP.
		FarmIpRemoved { farm: FarmId, ip: Ipv4Addr },
		/// Governance set a farm's certification.
		FarmCertificationSet { farm: FarmId, certification: FarmCertification },
		/// A farm's owner set its dedicated flag.
		FarmDedicatedSet { farm: FarmId, dedicated: bool },
		/// A farm was deleted.
		FarmDeleted { farm: FarmId },
		/// A node was registered in a farm.
		NodeCreated { node: NodeId, farm: FarmId, twin: TwinId },
		/// A node's description changed; `farm` is the farm it is in now.
		NodeUpdated { node: NodeId, farm: FarmId },
		/// A node's public config was set or cleared.
		NodePublicConfigSet { node: NodeId, public_config: Option<PublicConfig> },
		/// A node was deleted.
		NodeDeleted { node: NodeId },
		/// A node reported its uptime.
		NodeUptimeReported { node: NodeId, uptime: u64 },
		/// A node's farmer set its power target.
		PowerTargetSet { node: NodeId, target: Power },
		/// A node reported its power state.
		PowerStateSet { node: NodeId, state: Power },
		/// A node reported the capacity it uses.
		UsedResourcesReported { node: NodeId, used: Resources },
		/// A node's certification was set.
		NodeCertificationSet { node: NodeId, certification: NodeCertification },
		/// Governance named the node certifiers.
		NodeCertifiersSet { count: u32 },
		/// A farm's certification was reset to `NotCertified`: its name or public IPs changed,
		/// which make it another farm than the one governance certified.
		FarmCertificationReset { farm: FarmId },
		/// A node is DIY again: governance no longer names the certifier that certified it.
		NodeCertificationRevoked { node: NodeId, certifier: T::AccountId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The farm name is not 3 to 40 characters of `[A-Za-z0-9_-]`: send one that is.
		InvalidFarmName,
		/// A farm has this name already, in some case (names are unique regardless of case):
		/// choose another.
		FarmNameTaken,
		/// No farm has this id: it was never created, or was deleted.
		FarmNotFound,
		/// Every farm or node id is used: the chain cannot create more of them.
		IdsExhausted,
		/// The deposit could not be held: the account's free balance is too low. Fund it with
		/// the deposit (see the pallet's constants) and the fee.
		CannotHoldDeposit,
		/// The address is not public unicast: private, loopback, link-local, multicast,
		/// broadcast, documentation, shared or reserved. Send an address routed on the internet.
		IpNotPublic,
		/// The prefix length is out of range: send 8 to 31 for IPv4, 1 to 128 for IPv6.
		InvalidPrefix,
		/// The gateway is not in the address's subnet: send a gateway within the prefix (or,
		/// for IPv6, a link-local one).
		GatewayOutsideSubnet,
		/// The gateway is the address itself: send the router's address as the gateway.
		GatewayIsIp,
		/// The address or gateway is its subnet's network or broadcast address: send a host
		/// address of the subnet.
		IpNotHost,
		/// A farm or a node's public config has this IP already: one address has one holder on
		/// the chain.
		IpTaken,
		/// The farm offers `MaxFarmIps` IPs already: remove one first.
		TooManyIps,
		/// The farm does not offer this IP: nothing to remove.
		IpNotInFarm,
		/// The farm has nodes: delete or move them first.
		FarmHasNodes,
		/// The farm has `MaxNodesPerFarm` nodes: use another farm.
		FarmFull,
		/// The twin is a node already: each node has a twin of its own; create a child twin.
		TwinHasNode,
		/// No node has this id: it was never registered, or was deleted.
		NodeNotFound,
		/// A node moves only to another farm of the same owner: delete it and register it
		/// anew in the other owner's farm.
		FarmOfAnotherOwner,
		/// A node moves to another farm only with its farmer: the account must act for the
		/// farms' owner twin.
		MoveNeedsFarmer,
		/// The resources are below the chain's minimum (`MinResources`): such a machine cannot
		/// be a node.
		ResourcesBelowMinimum,
		/// The capacity in use would exceed the node's resources: report usage within them (or
		/// lower the usage before the resources).
		UsageExceedsResources,
		/// The city is empty, not UTF-8, longer than 64 bytes, or holds control characters.
		InvalidCity,
		/// The country is not an assigned ISO 3166-1 alpha-2 code: send two upper-case
		/// letters, such as `BE`.
		InvalidCountry,
		/// The latitude is beyond ±90° or the longitude beyond ±180°: send millionths of a
		/// degree (51.054342° is 51054342).
		InvalidCoordinates,
		/// An interface name is not 1 to 15 characters of `[A-Za-z0-9_.-]`, or is listed
		/// twice.
		InvalidInterfaceName,
		/// A MAC address is all zero, multicast or broadcast: send the interface's own unicast
		/// address.
		InvalidMac,
		/// An interface address is unspecified, loopback, multicast or broadcast: send the
		/// addresses the interface holds.
		InvalidInterfaceIp,
		/// The domain is not a fully qualified domain name: send at least two labels of 1 to
		/// 63 characters of `[A-Za-z0-9-]`, 253 bytes at most.
		InvalidDomain,
		/// The serial number is not 1 to 64 printable ASCII characters.
		InvalidSerial,
		/// The timestamp hint is more than 60 seconds from the chain's time: send the node's
		/// clock as whole seconds since the Unix epoch (not milliseconds), kept in sync.
		TimestampHintOutOfRange,
		/// The account is neither governance nor a node certifier named by governance.
		NotCertifier,
	}

	impl<T> From<Invalid> for Error<T> {
		fn from(invalid: Invalid) -> Self {
			match invalid {
				Invalid::FarmName => Error::InvalidFarmName,
				Invalid::NotPublic => Error::IpNotPublic,
				Invalid::Prefix => Error::InvalidPrefix,
				Invalid::GatewayOutsideSubnet => Error::GatewayOutsideSubnet,
				Invalid::GatewayIsAddress => Error::GatewayIsIp,
				Invalid::NotHost => Error::IpNotHost,
				Invalid::Domain => Error::InvalidDomain,
				Invalid::Mac => Error::InvalidMac,
				Invalid::InterfaceIp => Error::InvalidInterfaceIp,
				Invalid::InterfaceName => Error::InvalidInterfaceName,
				Invalid::Serial => Error::InvalidSerial,
				Invalid::City => Error::InvalidCity,
				Invalid::Country => Error::InvalidCountry,
				Invalid::Coordinates => Error::InvalidCoordinates,
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxNodesPerFarm::get() >= 1, "MaxNodesPerFarm must be at least 1");
			assert!(T::MinResources::get().cores >= 1, "a node needs at least one core");
		}

		/// Revokes the certifications of certifiers no longer named, a node at a time, while
		/// the block has room.
		fn on_idle(_: BlockNumberFor<T>, remaining: Weight) -> Weight {
			// Most blocks have nothing to revoke: one read says so.
			let look = T::DbWeight::get().reads(1);
			if !look.all_lte(remaining) {
				return Weight::zero();
			}
			if !Self::revocations_due() {
				return look;
			}
			let step = Self::revoke_step_weight();
			let mut used = look;
			while used.saturating_add(step).all_lte(remaining) {
				used.saturating_accrue(step);
				if !Self::revoke_one() {
					break;
				}
			}
			used
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	/// The deposits as the runtime prices them today, for wallets to show before a call.
	#[pallet::extra_constants]
	impl<T: Config> Pallet<T> {
		/// What a new farm holds on its creator.
		#[pallet::constant_name(FarmDeposit)]
		pub fn farm_deposit() -> BalanceOf<T> {
			T::FarmDeposit::convert(Footprint::from_mel::<FarmOf<T>>())
		}

		/// What a new node holds on the account that registers it.
		#[pallet::constant_name(NodeDeposit)]
		pub fn node_deposit() -> BalanceOf<T> {
			T::NodeDeposit::convert(Footprint::from_mel::<NodeOf<T>>())
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Creates a farm owned by `owner`, a twin the caller may act for, offering `ips`, and
		/// holds [`Config::FarmDeposit`] on the caller.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::create_farm(ips.len() as u32))]
		pub fn create_farm(
			origin: OriginFor<T>,
			owner: TwinId,
			name: FarmNameInput,
			dedicated: bool,
			ips: FarmIpsInput<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			T::Twins::ensure_acts_for(&who, owner)?;
			let name = FarmName::try_from(name).map_err(Error::<T>::from)?;
			ensure!(!FarmByName::<T>::contains_key(name.folded()), Error::<T>::FarmNameTaken);
			let farm = LastFarmId::<T>::get().checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
			let mut public_ips = BoundedVec::new();
			for ip in ips {
				let ip = PublicIpv4::try_from(ip).map_err(Error::<T>::from)?;
				Self::claim_ip(IpHolder::Farm(farm), ip.ip())?;
				public_ips.try_push(ip).map_err(|_| Error::<T>::TooManyIps)?;
			}
			let record = T::Twins::add_record(owner, RecordKind::Farm, farm)?;
			let deposit = FarmTicket::<T>::new(&who, Footprint::from_mel::<FarmOf<T>>())
				.map_err(|_| Error::<T>::CannotHoldDeposit)?;
			LastFarmId::<T>::put(farm);
			FarmByName::<T>::insert(name.folded(), farm);
			Farms::<T>::insert(
				farm,
				Farm {
					owner,
					record,
					name: name.clone(),
					certification: FarmCertification::NotCertified,
					dedicated,
					public_ips,
					nodes: 0,
					depositor: who,
					deposit,
				},
			);
			Totals::<T>::mutate(|totals| totals.farms.saturating_inc());
			Self::deposit_event(Event::FarmCreated { farm, owner, name });
			Ok(())
		}

		/// Renames a farm; only its owner's controllers may.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::rename_farm())]
		pub fn rename_farm(
			origin: OriginFor<T>,
			farm: FarmId,
			name: FarmNameInput,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut record = Self::owned_farm(&who, farm)?;
			let name = FarmName::try_from(name).map_err(Error::<T>::from)?;
			let (old, new) = (record.name.folded(), name.folded());
			ensure!(old == new || !FarmByName::<T>::contains_key(&new), Error::<T>::FarmNameTaken);
			let another_farm = old != new;
			FarmByName::<T>::remove(old);
			FarmByName::<T>::insert(new, farm);
			record.name = name.clone();
			Self::deposit_event(Event::FarmRenamed { farm, name });
			// A change of case alone keeps the name, and the certification.
			if another_farm {
				Self::reset_certification(farm, &mut record);
			}
			Farms::<T>::insert(farm, record);
			Ok(())
		}

		/// Adds a public IP to a farm; only its owner's controllers may.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::add_farm_ip())]
		pub fn add_farm_ip(origin: OriginFor<T>, farm: FarmId, ip: Ipv4Input) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut record = Self::owned_farm(&who, farm)?;
			let ip = PublicIpv4::try_from(ip).map_err(Error::<T>::from)?;
			Self::claim_ip(IpHolder::Farm(farm), ip.ip())?;
			record.public_ips.try_push(ip).map_err(|_| Error::<T>::TooManyIps)?;
			Self::deposit_event(Event::FarmIpAdded { farm, ip });
			Self::reset_certification(farm, &mut record);
			Farms::<T>::insert(farm, record);
			Ok(())
		}

		/// Removes a public IP from a farm; only its owner's controllers may.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::remove_farm_ip())]
		pub fn remove_farm_ip(origin: OriginFor<T>, farm: FarmId, ip: Ipv4Addr) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut record = Self::owned_farm(&who, farm)?;
			let position = record
				.public_ips
				.iter()
				.position(|public| public.ip() == ip)
				.ok_or(Error::<T>::IpNotInFarm)?;
			record.public_ips.remove(position);
			IpHolders::<T>::remove(ip);
			Self::deposit_event(Event::FarmIpRemoved { farm, ip });
			Self::reset_certification(farm, &mut record);
			Farms::<T>::insert(farm, record);
			Ok(())
		}

		/// Sets a farm's certification; only governance may. A new name or a change of public
		/// IPs resets it ([`Event::FarmCertificationReset`]).
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::set_farm_certification())]
		pub fn set_farm_certification(
			origin: OriginFor<T>,
			farm: FarmId,
			certification: FarmCertification,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Farms::<T>::try_mutate(farm, |record| -> DispatchResult {
				record.as_mut().ok_or(Error::<T>::FarmNotFound)?.certification = certification;
				Ok(())
			})?;
			Self::deposit_event(Event::FarmCertificationSet { farm, certification });
			Ok(())
		}

		/// Sets whether a farm's nodes are only rented whole; only its owner's controllers
		/// may.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::set_farm_dedicated())]
		pub fn set_farm_dedicated(
			origin: OriginFor<T>,
			farm: FarmId,
			dedicated: bool,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut record = Self::owned_farm(&who, farm)?;
			record.dedicated = dedicated;
			Farms::<T>::insert(farm, record);
			Self::deposit_event(Event::FarmDedicatedSet { farm, dedicated });
			Ok(())
		}

		/// Deletes a farm without nodes, freeing its name and IPs and releasing its deposit;
		/// only its owner's controllers may.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::delete_farm(T::MaxFarmIps::get()))]
		pub fn delete_farm(origin: OriginFor<T>, farm: FarmId) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let record = Self::owned_farm(&who, farm)?;
			ensure!(record.nodes == 0, Error::<T>::FarmHasNodes);
			for ip in &record.public_ips {
				IpHolders::<T>::remove(ip.ip());
			}
			FarmByName::<T>::remove(record.name.folded());
			T::Twins::remove_record(record.owner, record.record)?;
			let ips = record.public_ips.len() as u32;
			record.deposit.drop(&record.depositor)?;
			Farms::<T>::remove(farm);
			Totals::<T>::mutate(|totals| totals.farms.saturating_dec());
			Self::deposit_event(Event::FarmDeleted { farm });
			Ok(Some(T::WeightInfo::delete_farm(ips)).into())
		}

		/// Registers `twin` as a node of `farm`, holding [`Config::NodeDeposit`] on the caller,
		/// who must be able to act for both the twin and the farm's owner.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::create_node())]
		pub fn create_node(
			origin: OriginFor<T>,
			farm: FarmId,
			twin: TwinId,
			spec: NodeSpec,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut farm_record = Self::owned_farm(&who, farm)?;
			T::Twins::ensure_acts_for(&who, twin)?;
			ensure!(!NodeByTwin::<T>::contains_key(twin), Error::<T>::TwinHasNode);
			ensure!(farm_record.nodes < T::MaxNodesPerFarm::get(), Error::<T>::FarmFull);
			let described = Self::described(spec, &Resources::default())?;
			let node = LastNodeId::<T>::get().checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
			let record = T::Twins::add_record(twin, RecordKind::Node, node)?;
			let deposit = NodeTicket::<T>::new(&who, Footprint::from_mel::<NodeOf<T>>())
				.map_err(|_| Error::<T>::CannotHoldDeposit)?;
			LastNodeId::<T>::put(node);
			farm_record.nodes.saturating_inc();
			Farms::<T>::insert(farm, farm_record);
			NodesByFarm::<T>::insert(farm, NodeKey::from(node), ());
			NodeByTwin::<T>::insert(twin, node);
			let created = Node {
				farm,
				twin,
				record,
				resources: described.resources,
				used: Resources::default(),
				location: described.location,
				interfaces: described.interfaces,
				public_config: None,
				certification: NodeCertification::Diy,
				secure_boot: described.secure_boot,
				virtualised: described.virtualised,
				serial: described.serial,
				created: T::Time::now().as_secs(),
				uptime: None,
				power: PowerStatus::default(),
				depositor: who,
				deposit,
			};
			Self::count_node(&created);
			Nodes::<T>::insert(node, created);
			Self::deposit_event(Event::NodeCreated { node, farm, twin });
			Ok(())
		}

		/// Replaces a node's description, and moves it to `farm` if that is another farm of the
		/// same owner. Anyone who may act for the node's twin may; a move needs an account that
		/// acts for the farms' owner too. A certified node whose description changes in
		/// anything but its location, or that moves, goes back to DIY: its certification
		/// vouched for another machine.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::update_node())]
		pub fn update_node(
			origin: OriginFor<T>,
			node: NodeId,
			farm: FarmId,
			spec: NodeSpec,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let old = Self::acting_node(&who, node)?;
			let mut record = old.clone();
			let described = Self::described(spec, &record.used)?;
			let moved = farm != record.farm;
			if moved {
				let mut to = Farms::<T>::get(farm).ok_or(Error::<T>::FarmNotFound)?;
				let mut from = Farms::<T>::get(record.farm).ok_or(Error::<T>::FarmNotFound)?;
				ensure!(to.owner == from.owner, Error::<T>::FarmOfAnotherOwner);
				ensure!(T::Twins::can_act_for(&who, to.owner), Error::<T>::MoveNeedsFarmer);
				ensure!(to.nodes < T::MaxNodesPerFarm::get(), Error::<T>::FarmFull);
				from.nodes.saturating_dec();
				to.nodes.saturating_inc();
				Farms::<T>::insert(record.farm, from);
				Farms::<T>::insert(farm, to);
				NodesByFarm::<T>::remove(record.farm, NodeKey::from(node));
				NodesByFarm::<T>::insert(farm, NodeKey::from(node), ());
				record.farm = farm;
			}
			let machine_changed = described.resources != record.resources
				|| described.interfaces != record.interfaces
				|| described.secure_boot != record.secure_boot
				|| described.virtualised != record.virtualised
				|| described.serial != record.serial;
			let decertified =
				(moved || machine_changed) && record.certification != NodeCertification::Diy;
			if decertified {
				record.certification = NodeCertification::Diy;
				Self::note_certifier(node, None);
			}
			record.resources = described.resources;
			record.location = described.location;
			record.interfaces = described.interfaces;
			record.secure_boot = described.secure_boot;
			record.virtualised = described.virtualised;
			record.serial = described.serial;
			Self::replace_node(node, &old, record);
			Self::deposit_event(Event::NodeUpdated { node, farm });
			if decertified {
				let certification = NodeCertification::Diy;
				Self::deposit_event(Event::NodeCertificationSet { node, certification });
			}
			Ok(())
		}

		/// Sets (`Some`) or clears (`None`) how a node is reached from the internet; only the
		/// farm owner's controllers may. Its IPv4 address must be held by nothing else on the
		/// chain, farm or node.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::set_node_public_config())]
		pub fn set_node_public_config(
			origin: OriginFor<T>,
			node: NodeId,
			public_config: Option<PublicConfigInput>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut record = Self::farmed_node(&who, node)?;
			let public_config = public_config
				.map(PublicConfig::try_from)
				.transpose()
				.map_err(Error::<T>::from)?;
			let old_ip = record.public_config.as_ref().map(|c| c.ipv4().ip());
			let new_ip = public_config.as_ref().map(|c| c.ipv4().ip());
			if new_ip != old_ip {
				if let Some(ip) = new_ip {
					Self::claim_ip(IpHolder::Node(node), ip)?;
				}
				if let Some(ip) = old_ip {
					IpHolders::<T>::remove(ip);
				}
			}
			record.public_config = public_config.clone();
			Nodes::<T>::insert(node, record);
			Self::deposit_event(Event::NodePublicConfigSet { node, public_config });
			Ok(())
		}

		/// Deletes a node and releases its deposit. Anyone who may act for the node's twin or
		/// for its farm's owner may.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::delete_node())]
		pub fn delete_node(origin: OriginFor<T>, node: NodeId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let record = Nodes::<T>::get(node).ok_or(Error::<T>::NodeNotFound)?;
			let mut farm = Farms::<T>::get(record.farm).ok_or(Error::<T>::FarmNotFound)?;
			if !T::Twins::can_act_for(&who, record.twin) {
				T::Twins::ensure_acts_for(&who, farm.owner)?;
			}
			farm.nodes.saturating_dec();
			Farms::<T>::insert(record.farm, farm);
			NodesByFarm::<T>::remove(record.farm, NodeKey::from(node));
			NodeByTwin::<T>::remove(record.twin);
			if let Some(config) = &record.public_config {
				IpHolders::<T>::remove(config.ipv4().ip());
			}
			T::Twins::remove_record(record.twin, record.record)?;
			Self::uncount_node(&record);
			Self::note_certifier(node, None);
			record.deposit.drop(&record.depositor)?;
			Nodes::<T>::remove(node);
			Self::deposit_event(Event::NodeDeleted { node });
			Ok(())
		}

		/// The node reports how long it has been up. Only the node's twin's own controller,
		/// the key the machine holds, may: not its farmer, whose twin is an ancestor of the
		/// node's and who would otherwise speak for the machine. `timestamp_hint`, the node's own clock in
		/// seconds since the Unix epoch, must be within [`UPTIME_HINT_TOLERANCE`] of the
		/// chain's time, so that reports cannot be replayed or made up for another time.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::report_uptime())]
		pub fn report_uptime(
			origin: OriginFor<T>,
			node: NodeId,
			uptime: u64,
			timestamp_hint: u64,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut record = Self::own_node(&who, node)?;
			let now = T::Time::now().as_secs();
			ensure!(
				timestamp_hint.abs_diff(now) <= UPTIME_HINT_TOLERANCE,
				Error::<T>::TimestampHintOutOfRange
			);
			record.uptime = Some(UptimeReport { uptime, at: now });
			Nodes::<T>::insert(node, record);
			Self::deposit_event(Event::NodeUptimeReported { node, uptime });
			Ok(())
		}

		/// The farmer says whether the node should be up; only the farm owner's controllers
		/// may.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::set_power_target())]
		pub fn set_power_target(
			origin: OriginFor<T>,
			node: NodeId,
			target: Power,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut record = Self::farmed_node(&who, node)?;
			record.power.target = target;
			Nodes::<T>::insert(node, record);
			Self::deposit_event(Event::PowerTargetSet { node, target });
			Ok(())
		}

		/// The node says whether it is up; as for uptime, only the node's own key may.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::set_power_state())]
		pub fn set_power_state(origin: OriginFor<T>, node: NodeId, state: Power) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut record = Self::own_node(&who, node)?;
			record.power.state = state;
			Nodes::<T>::insert(node, record);
			Self::deposit_event(Event::PowerStateSet { node, state });
			Ok(())
		}

		/// The node says how much of its capacity is in use; never more than it has.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::report_used_resources())]
		pub fn report_used_resources(
			origin: OriginFor<T>,
			node: NodeId,
			used: Resources,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let old = Self::acting_node(&who, node)?;
			ensure!(old.resources.covers(&used), Error::<T>::UsageExceedsResources);
			Self::replace_node(node, &old, Node { used, ..old.clone() });
			Self::deposit_event(Event::UsedResourcesReported { node, used });
			Ok(())
		}

		/// Sets a node's certification; governance or a node certifier may. A certification a
		/// certifier grants stands while governance names it ([`Pallet::set_node_certifiers`]).
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::set_node_certification())]
		pub fn set_node_certification(
			origin: OriginFor<T>,
			node: NodeId,
			certification: NodeCertification,
		) -> DispatchResult {
			let certifier = match T::GovernanceOrigin::try_origin(origin) {
				Ok(_) => None,
				Err(origin) => {
					let who = ensure_signed(origin)?;
					ensure!(NodeCertifiers::<T>::get().contains(&who), Error::<T>::NotCertifier);
					Some(who)
				},
			};
			let old = Nodes::<T>::get(node).ok_or(Error::<T>::NodeNotFound)?;
			Self::replace_node(node, &old, Node { certification, ..old.clone() });
			let certified = certification == NodeCertification::Certified;
			Self::note_certifier(node, certifier.filter(|_| certified));
			Self::deposit_event(Event::NodeCertificationSet { node, certification });
			Ok(())
		}

		/// Names the accounts that may certify nodes, replacing the list; only governance may.
		/// What a certifier left out of the list had certified is revoked in the following
		/// blocks ([`Event::NodeCertificationRevoked`]); naming it again before then keeps the
		/// rest.
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::set_node_certifiers())]
		pub fn set_node_certifiers(
			origin: OriginFor<T>,
			certifiers: BoundedVec<T::AccountId, T::MaxCertifiers>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let count = certifiers.len() as u32;
			Self::unname_dropped(&NodeCertifiers::<T>::get(), &certifiers);
			NodeCertifiers::<T>::put(certifiers);
			Self::deposit_event(Event::NodeCertifiersSet { count });
			Ok(())
		}
	}

	/// A node's checked description.
	struct Described {
		resources: Resources,
		location: Location,
		interfaces: Interfaces,
		secure_boot: bool,
		virtualised: bool,
		serial: Option<SerialNumber>,
	}

	impl<T: Config> Pallet<T> {
		/// The farm, if it exists and `who` may act for its owner.
		fn owned_farm(who: &T::AccountId, farm: FarmId) -> Result<FarmOf<T>, DispatchError> {
			let record = Farms::<T>::get(farm).ok_or(Error::<T>::FarmNotFound)?;
			T::Twins::ensure_acts_for(who, record.owner)?;
			Ok(record)
		}

		/// The node, if it exists and `who` may act for its twin.
		fn acting_node(who: &T::AccountId, node: NodeId) -> Result<NodeOf<T>, DispatchError> {
			let record = Nodes::<T>::get(node).ok_or(Error::<T>::NodeNotFound)?;
			T::Twins::ensure_acts_for(who, record.twin)?;
			Ok(record)
		}

		/// The node, if it exists and `who` is its twin's own controller (the machine's key),
		/// not an ancestor's: for what only the machine can tell.
		fn own_node(who: &T::AccountId, node: NodeId) -> Result<NodeOf<T>, DispatchError> {
			let record = Nodes::<T>::get(node).ok_or(Error::<T>::NodeNotFound)?;
			T::Twins::ensure_controls(who, record.twin)?;
			Ok(record)
		}

		/// The node, if it exists and `who` may act for its farm's owner.
		fn farmed_node(who: &T::AccountId, node: NodeId) -> Result<NodeOf<T>, DispatchError> {
			let record = Nodes::<T>::get(node).ok_or(Error::<T>::NodeNotFound)?;
			Self::owned_farm(who, record.farm)?;
			Ok(record)
		}

		/// A page of a farm's nodes, by id: for the runtime API. It reads the page, not the farm:
		/// at most `limit` (capped at [`paging::MAX_PAGE_SIZE`]) keys from the cursor on, and
		/// their nodes.
		pub fn farm_nodes_page(
			farm: FarmId,
			after: Option<NodeId>,
			limit: u32,
		) -> Vec<(NodeId, NodeOf<T>)> {
			let keys = match after {
				None => NodesByFarm::<T>::iter_key_prefix(farm),
				Some(node) => NodesByFarm::<T>::iter_key_prefix_from(
					farm,
					NodesByFarm::<T>::hashed_key_for(farm, NodeKey::from(node)),
				),
			};
			keys.take(limit.min(paging::MAX_PAGE_SIZE) as usize)
				.filter_map(|key| Some((key.id(), Nodes::<T>::get(key.id())?)))
				.collect()
		}

		/// Indexes a checked public IP as `holder`'s, refusing one anything holds already.
		fn claim_ip(holder: IpHolder, ip: Ipv4Addr) -> DispatchResult {
			ensure!(!IpHolders::<T>::contains_key(ip), Error::<T>::IpTaken);
			IpHolders::<T>::insert(ip, holder);
			Ok(())
		}

		/// Checks a node's description, its resources against the chain's minimum and the
		/// capacity already in use.
		fn described(spec: NodeSpec, used: &Resources) -> Result<Described, DispatchError> {
			ensure!(
				spec.resources.covers(&T::MinResources::get()),
				Error::<T>::ResourcesBelowMinimum
			);
			ensure!(spec.resources.covers(used), Error::<T>::UsageExceedsResources);
			let checked = |invalid| Error::<T>::from(invalid);
			Ok(Described {
				resources: spec.resources,
				location: Location::try_from(spec.location).map_err(checked)?,
				interfaces: interfaces(spec.interfaces).map_err(checked)?,
				secure_boot: spec.secure_boot,
				virtualised: spec.virtualised,
				serial: spec.serial.map(SerialNumber::try_from).transpose().map_err(checked)?,
			})
		}
	}
}
