//! Benchmarks of every call, each in its worst case: farms with every IP they may hold, nodes
//! with every interface and address a description may list, moves between farms, certifiers
//! at the end of a full list — and the farm's owner and the node's twin as deep below the
//! farmer's own twin as twins nest, each held by another account, so that every check that the
//! farmer may act walks the whole lineage.

use super::*;
use crate::{net::*, pallet::BalanceOf};
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{
		fungible::{Inspect, Mutate},
		EnsureOrigin, Get, UnixTime,
	},
	BoundedVec,
};
use frame_system::RawOrigin;
use sp_runtime::traits::Saturating;
use zerochain_primitives::{paging, text::MAX_TEXT_LEN, CountryCode, TwinId, TwinRegistry};

/// A funded farmer, and the deepest twin below its own, held by another account: the twin
/// its farms belong to.
fn farmer<T: Config>(index: u32) -> (T::AccountId, TwinId) {
	let who: T::AccountId = account("farmer", index, 0);
	let funds = Pallet::<T>::farm_deposit()
		.saturating_add(Pallet::<T>::node_deposit())
		.saturating_mul(BalanceOf::<T>::from(100u32))
		.saturating_add(T::Currency::minimum_balance());
	T::Currency::set_balance(&who, funds);
	(who.clone(), descendant::<T>(&who, "owner"))
}

/// The deepest twin below `farmer`'s own, held by the account named `holder`.
fn descendant<T: Config>(farmer: &T::AccountId, holder: &'static str) -> TwinId {
	T::Twins::benchmark_descendant(farmer, &account(holder, 0, 0))
		.expect("a funded farmer creates a lineage")
}

/// The `n`th of a run of distinct public addresses in 11.0.0.0/8.
fn ip(n: u32) -> Ipv4Input {
	let host = n.saturating_add(2).to_be_bytes();
	Ipv4Input { ip: [11, host[1], host[2], host[3]], prefix: 8, gateway: [11, 0, 0, 1] }
}

fn ips<T: Config>(count: u32) -> FarmIpsInput<T> {
	BoundedVec::truncate_from((0..count).map(ip).collect())
}

fn farm<T: Config>(who: &T::AccountId, owner: TwinId, name: &[u8], count: u32) -> FarmId {
	Pallet::<T>::create_farm(
		RawOrigin::Signed(who.clone()).into(),
		owner,
		BoundedVec::truncate_from(name.to_vec()),
		false,
		ips::<T>(count),
	)
	.expect("the farmer creates its farm");
	LastFarmId::<T>::get()
}

/// Certifies `farm` gold, so that a change that makes it another farm resets it.
fn certified<T: Config>(farm: FarmId) {
	Farms::<T>::mutate(farm, |record| {
		if let Some(record) = record {
			record.certification = FarmCertification::Gold;
		}
	});
}

/// The largest description: every interface, each with every address.
fn spec<T: Config>() -> NodeSpec {
	let interface = |n: u8| InterfaceInput {
		name: BoundedVec::truncate_from(
			vec![b'e'; MAX_INTERFACE_NAME_LEN as usize - 1]
				.into_iter()
				.chain([b'0' + n])
				.collect(),
		),
		mac: [0x02, 0, 0, 0, 0, n],
		ips: BoundedVec::truncate_from(
			(0..MAX_INTERFACE_IPS as u8)
				.map(|i| IpAddress::V6([0x2a, n, i, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]))
				.collect(),
		),
	};
	let min = T::MinResources::get();
	NodeSpec {
		resources: Resources {
			cores: min.cores.saturating_mul(2),
			memory: min.memory.saturating_mul(2),
			ssd: min.ssd.saturating_mul(2),
			hdd: min.hdd.saturating_mul(2),
		},
		location: LocationInput {
			city: BoundedVec::truncate_from(vec![b'c'; MAX_TEXT_LEN as usize]),
			country: *b"BE",
			latitude: 51_054_342,
			longitude: 3_717_424,
		},
		interfaces: BoundedVec::truncate_from((0..MAX_INTERFACES as u8).map(interface).collect()),
		secure_boot: true,
		virtualised: false,
		serial: Some(BoundedVec::truncate_from(vec![b's'; MAX_SERIAL_LEN as usize])),
	}
}

/// A farmer with a farm and a node in it, the node's twin deep below the farmer's own.
fn node<T: Config>() -> (T::AccountId, FarmId, NodeId) {
	let (who, owner) = farmer::<T>(0);
	let farm = farm::<T>(&who, owner, b"farm", 0);
	let twin = descendant::<T>(&who, "node");
	Pallet::<T>::create_node(RawOrigin::Signed(who.clone()).into(), farm, twin, spec::<T>())
		.expect("the farmer registers its node");
	(who, farm, LastNodeId::<T>::get())
}

/// The key [`node`]'s twin was handed to: the machine's own.
fn machine<T: Config>() -> T::AccountId {
	account("node", 0, 0)
}

fn public_config() -> PublicConfigInput {
	let mut ipv6 = [0u8; 16];
	ipv6[..4].copy_from_slice(&[0x2a, 0x01, 0x04, 0xf8]);
	ipv6[15] = 2;
	let mut gateway = ipv6;
	gateway[15] = 1;
	PublicConfigInput {
		ipv4: ip(0),
		ipv6: Some(Ipv6Input { ip: ipv6, prefix: 64, gateway }),
		domain: Some(BoundedVec::truncate_from(
			[&[b'a'; 63][..], b".", &[b'b'; 63], b".", &[b'c'; 63], b".", &[b'd'; 61]].concat(),
		)),
	}
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create_farm(i: Linear<0, { T::MaxFarmIps::get() }>) {
		let (who, twin) = farmer::<T>(0);
		let name = BoundedVec::truncate_from(vec![b'f'; MAX_FARM_NAME_LEN as usize]);
		#[extrinsic_call]
		_(RawOrigin::Signed(who), twin, name, true, ips::<T>(i));
		assert_eq!(Farms::<T>::get(1).map(|f| f.public_ips.len() as u32), Some(i));
	}

	#[benchmark]
	fn rename_farm() {
		let (who, twin) = farmer::<T>(0);
		let farm = farm::<T>(&who, twin, b"farm", 0);
		certified::<T>(farm);
		let name: FarmNameInput = BoundedVec::truncate_from(vec![b'g'; MAX_FARM_NAME_LEN as usize]);
		#[extrinsic_call]
		_(RawOrigin::Signed(who), farm, name.clone());
		assert_eq!(Farms::<T>::get(farm).map(|f| f.name.as_bytes().to_vec()), Some(name.to_vec()));
	}

	#[benchmark]
	fn add_farm_ip() {
		let (who, twin) = farmer::<T>(0);
		let last = T::MaxFarmIps::get().saturating_sub(1);
		let farm = farm::<T>(&who, twin, b"farm", last);
		certified::<T>(farm);
		#[extrinsic_call]
		_(RawOrigin::Signed(who), farm, ip(last));
		assert_eq!(IpHolders::<T>::get(ip(last).ip), Some(IpHolder::Farm(farm)));
	}

	#[benchmark]
	fn remove_farm_ip() {
		let (who, twin) = farmer::<T>(0);
		let count = T::MaxFarmIps::get();
		let farm = farm::<T>(&who, twin, b"farm", count);
		certified::<T>(farm);
		let last = ip(count.saturating_sub(1)).ip;
		#[extrinsic_call]
		_(RawOrigin::Signed(who), farm, last);
		assert_eq!(IpHolders::<T>::get(last), None);
	}

	#[benchmark]
	fn set_farm_certification() -> Result<(), BenchmarkError> {
		let (who, twin) = farmer::<T>(0);
		let farm = farm::<T>(&who, twin, b"farm", 0);
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, farm, FarmCertification::Gold);
		assert_eq!(Farms::<T>::get(farm).map(|f| f.certification), Some(FarmCertification::Gold));
		Ok(())
	}

	#[benchmark]
	fn set_farm_dedicated() {
		let (who, twin) = farmer::<T>(0);
		let farm = farm::<T>(&who, twin, b"farm", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(who), farm, true);
		assert_eq!(Farms::<T>::get(farm).map(|f| f.dedicated), Some(true));
	}

	#[benchmark]
	fn delete_farm(i: Linear<0, { T::MaxFarmIps::get() }>) {
		let (who, twin) = farmer::<T>(0);
		let farm = farm::<T>(&who, twin, b"farm", i);
		#[extrinsic_call]
		_(RawOrigin::Signed(who), farm);
		assert!(!Farms::<T>::contains_key(farm));
	}

	#[benchmark]
	fn create_node() {
		let (who, owner) = farmer::<T>(0);
		let farm = farm::<T>(&who, owner, b"farm", 0);
		let twin = descendant::<T>(&who, "node");
		#[extrinsic_call]
		_(RawOrigin::Signed(who), farm, twin, spec::<T>());
		assert_eq!(NodeByTwin::<T>::get(twin), Some(1));
	}

	/// The worst case: a certified node moves to another farm and another country with a new
	/// description, so it loses its certification and every total it is counted in moves
	/// (entries of the old farm and country removed, of the new ones created).
	#[benchmark]
	fn update_node() {
		let (who, first, node) = node::<T>();
		let certifier: T::AccountId = account("certifier", 0, 0);
		NodeCertifiers::<T>::put(BoundedVec::truncate_from(vec![certifier.clone()]));
		Pallet::<T>::set_node_certification(
			RawOrigin::Signed(certifier).into(),
			node,
			NodeCertification::Certified,
		)
		.expect("a certifier certifies the node");
		let owner = Farms::<T>::get(first).map(|f| f.owner).expect("the farm exists");
		let other = farm::<T>(&who, owner, b"other", 0);
		let mut changed = spec::<T>();
		changed.resources.cores.saturating_inc();
		changed.location.country = *b"NL";
		#[extrinsic_call]
		_(RawOrigin::Signed(who), node, other, changed);
		let moved = Nodes::<T>::get(node).expect("the node exists");
		assert_eq!((moved.farm, moved.certification), (other, NodeCertification::Diy));
		assert!(FarmCountries::<T>::contains_key(other, moved.location.country()));
	}

	/// The worst case replaces one public IPv4 address with another: one index entry freed,
	/// one claimed.
	#[benchmark]
	fn set_node_public_config() {
		let (who, _, node) = node::<T>();
		let mut old = public_config();
		old.ipv4 = ip(1);
		Pallet::<T>::set_node_public_config(RawOrigin::Signed(who.clone()).into(), node, Some(old))
			.expect("the farmer sets a public config");
		#[extrinsic_call]
		_(RawOrigin::Signed(who), node, Some(public_config()));
		assert_eq!(IpHolders::<T>::get(ip(0).ip), Some(IpHolder::Node(node)));
		assert_eq!(IpHolders::<T>::get(ip(1).ip), None);
	}

	/// The worst case: the caller acts for the farm's owner but not for the node's twin, so
	/// both lineages are walked to their tops — the node's in vain — and the node's public
	/// IPv4 address is freed.
	#[benchmark]
	fn delete_node() {
		let farmer: T::AccountId = account("farmer", 0, 0);
		let holder: T::AccountId = account("holder", 0, 0);
		let stranger: T::AccountId = account("stranger", 0, 0);
		let funds = Pallet::<T>::farm_deposit()
			.saturating_add(Pallet::<T>::node_deposit())
			.saturating_mul(BalanceOf::<T>::from(100u32))
			.saturating_add(T::Currency::minimum_balance());
		for who in [&farmer, &holder, &stranger] {
			T::Currency::set_balance(who, funds);
		}
		// The holder controls both the farm's owner twin, deep below the farmer's own, and
		// the node's twin, deep below a stranger's: it registers the node.
		let owner = T::Twins::benchmark_descendant(&farmer, &holder).expect("a lineage");
		let twin = T::Twins::benchmark_descendant(&stranger, &holder).expect("a lineage");
		let farm = farm::<T>(&holder, owner, b"farm", 0);
		Pallet::<T>::create_node(RawOrigin::Signed(holder).into(), farm, twin, spec::<T>())
			.expect("the holder registers the node");
		let node = LastNodeId::<T>::get();
		Pallet::<T>::set_node_public_config(
			RawOrigin::Signed(farmer.clone()).into(),
			node,
			Some(public_config()),
		)
		.expect("the farmer sets a public config");
		#[extrinsic_call]
		_(RawOrigin::Signed(farmer), node);
		assert!(!Nodes::<T>::contains_key(node));
		assert_eq!(IpHolders::<T>::get(ip(0).ip), None);
	}

	#[benchmark]
	fn report_uptime() {
		let (_, _, node) = node::<T>();
		let now = T::Time::now().as_secs();
		#[extrinsic_call]
		_(RawOrigin::Signed(machine::<T>()), node, 3_600, now);
		assert!(Nodes::<T>::get(node).is_some_and(|n| n.uptime.is_some()));
	}

	#[benchmark]
	fn set_power_target() {
		let (who, _, node) = node::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(who), node, Power::Down);
		assert_eq!(Nodes::<T>::get(node).map(|n| n.power.target), Some(Power::Down));
	}

	#[benchmark]
	fn set_power_state() {
		let (_, _, node) = node::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(machine::<T>()), node, Power::Down);
		assert_eq!(Nodes::<T>::get(node).map(|n| n.power.state), Some(Power::Down));
	}

	#[benchmark]
	fn report_used_resources() {
		let (who, _, node) = node::<T>();
		let used = T::MinResources::get();
		#[extrinsic_call]
		_(RawOrigin::Signed(who), node, used);
		assert_eq!(Nodes::<T>::get(node).map(|n| n.used), Some(used));
	}

	#[benchmark]
	fn set_node_certification() {
		let (_, _, node) = node::<T>();
		let certifiers: Vec<T::AccountId> =
			(0..T::MaxCertifiers::get()).map(|i| account("certifier", i, 0)).collect();
		let certifier = certifiers.last().cloned().unwrap_or_else(|| account("certifier", 0, 0));
		NodeCertifiers::<T>::put(BoundedVec::truncate_from(certifiers));
		// Certified before by another certifier, whose word it no longer stands on.
		Pallet::<T>::note_certifier(node, Some(account("previous", 0, 0)));
		#[extrinsic_call]
		_(RawOrigin::Signed(certifier), node, NodeCertification::Certified);
		assert_eq!(
			Nodes::<T>::get(node).map(|n| n.certification),
			Some(NodeCertification::Certified)
		);
	}

	/// Measured with a full list, the largest value written, replacing a full list of others
	/// who each certified a node: every one of them is queued for revocation.
	#[benchmark]
	fn set_node_certifiers() -> Result<(), BenchmarkError> {
		let count = T::MaxCertifiers::get();
		let dropped: Vec<T::AccountId> = (0..count).map(|i| account("dropped", i, 0)).collect();
		for (node, certifier) in dropped.iter().enumerate() {
			CertifiedNodes::<T>::insert(certifier, node as NodeId, ());
		}
		NodeCertifiers::<T>::put(BoundedVec::truncate_from(dropped));
		let certifiers: Vec<T::AccountId> =
			(0..count).map(|i| account("certifier", i, 0)).collect();
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, BoundedVec::truncate_from(certifiers));
		assert_eq!(NodeCertifiers::<T>::get().len() as u32, count);
		assert_eq!(Unnamed::<T>::iter_keys().count() as u32, count);
		Ok(())
	}

	/// Not a call: the runtime API `phonebook_searchNodes` serves, in its worst case — a
	/// filter no node matches, so that one search reads and decodes `paging::SCAN_LIMIT`
	/// nodes of the largest description. Its figure is what one search costs, whatever the
	/// number of nodes on the chain.
	#[benchmark]
	fn search_nodes() {
		let (_, _, node) = node::<T>();
		let record = Nodes::<T>::get(node).expect("the node exists");
		for id in node + 1..=paging::SCAN_LIMIT {
			Nodes::<T>::insert(id, record.clone());
		}
		LastNodeId::<T>::put(paging::SCAN_LIMIT + 1);
		let filter = NodeFilter {
			country: Some(CountryCode::try_from(*b"NL").expect("an assigned code")),
			..Default::default()
		};
		let page;
		#[block]
		{
			page = Pallet::<T>::search_nodes(&filter, None, paging::MAX_PAGE_SIZE);
		}
		assert!(page.items.is_empty());
		assert_eq!(page.next, Some(paging::SCAN_LIMIT));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
