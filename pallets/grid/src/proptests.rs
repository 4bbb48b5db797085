//! Random sequences of farm and node calls from three farmers, node moves and deletions
//! included. After every step: a refused call changed nothing, and the pallet's invariants
//! hold (`do_try_state`: every index both ways, every count, every deposit).

use crate::{mock::*, *};
use frame_support::BoundedVec;
use proptest::prelude::*;
use zerochain_primitives::TwinId;

/// Accounts (and their twins) 1 to 3 farm.
const FARMERS: AccountId = 3;
/// Each farmer's twin has this many child twins to register as nodes.
const NODE_TWINS: u32 = 3;

#[derive(Clone, Debug)]
enum Step {
	CreateFarm { farmer: AccountId, name: u8, ip: Option<u8> },
	RenameFarm { farmer: AccountId, farm: FarmId, name: u8 },
	AddIp { farmer: AccountId, farm: FarmId, host: u8 },
	RemoveIp { farmer: AccountId, farm: FarmId, host: u8 },
	DeleteFarm { farmer: AccountId, farm: FarmId },
	CreateNode { farmer: AccountId, farm: FarmId, twin: u32 },
	MoveNode { farmer: AccountId, node: NodeId, farm: FarmId },
	DeleteNode { farmer: AccountId, node: NodeId },
	ReportUsage { farmer: AccountId, node: NodeId, cores: u32 },
}

fn step() -> impl Strategy<Value = Step> {
	let farmer = 1..=FARMERS;
	let farm = 1u32..6;
	let node = 1u32..8;
	let host = 10u8..14;
	prop_oneof![
		(farmer.clone(), 0u8..4, proptest::option::of(host.clone()))
			.prop_map(|(farmer, name, ip)| Step::CreateFarm { farmer, name, ip }),
		(farmer.clone(), farm.clone(), 0u8..4).prop_map(|(farmer, farm, name)| Step::RenameFarm {
			farmer,
			farm,
			name
		}),
		(farmer.clone(), farm.clone(), host.clone()).prop_map(|(farmer, farm, host)| Step::AddIp {
			farmer,
			farm,
			host
		}),
		(farmer.clone(), farm.clone(), host).prop_map(|(farmer, farm, host)| Step::RemoveIp {
			farmer,
			farm,
			host
		}),
		(farmer.clone(), farm.clone()).prop_map(|(farmer, farm)| Step::DeleteFarm { farmer, farm }),
		(farmer.clone(), farm.clone(), 0..NODE_TWINS)
			.prop_map(|(farmer, farm, twin)| Step::CreateNode { farmer, farm, twin }),
		(farmer.clone(), node.clone(), farm).prop_map(|(farmer, node, farm)| Step::MoveNode {
			farmer,
			node,
			farm
		}),
		(farmer.clone(), node.clone()).prop_map(|(farmer, node)| Step::DeleteNode { farmer, node }),
		(farmer, node, 0u32..10).prop_map(|(farmer, node, cores)| Step::ReportUsage {
			farmer,
			node,
			cores
		}),
	]
}

/// The child twins of each farmer, created before the steps run.
fn node_twins() -> Vec<Vec<TwinId>> {
	(1..=FARMERS)
		.map(|farmer| (0..NODE_TWINS).map(|_| child_twin(farmer)).collect())
		.collect()
}

fn apply(step: Step, twins: &[Vec<TwinId>]) -> sp_runtime::DispatchResult {
	let signed = RuntimeOrigin::signed;
	let name = |n: u8| BoundedVec::truncate_from(alloc::format!("farm{n}").into_bytes());
	match step {
		Step::CreateFarm { farmer, name: n, ip } => Grid::create_farm(
			signed(farmer),
			farmer as TwinId,
			name(n),
			false,
			BoundedVec::truncate_from(ip.map(public_ip).into_iter().collect()),
		),
		Step::RenameFarm { farmer, farm, name: n } => {
			Grid::rename_farm(signed(farmer), farm, name(n))
		},
		Step::AddIp { farmer, farm, host } => {
			Grid::add_farm_ip(signed(farmer), farm, public_ip(host))
		},
		Step::RemoveIp { farmer, farm, host } => {
			Grid::remove_farm_ip(signed(farmer), farm, public_ip(host).ip)
		},
		Step::DeleteFarm { farmer, farm } => {
			Grid::delete_farm(signed(farmer), farm).map(|_| ()).map_err(|e| e.error)
		},
		Step::CreateNode { farmer, farm, twin } => {
			let twin = twins[farmer as usize - 1][twin as usize];
			Grid::create_node(signed(farmer), farm, twin, spec())
		},
		Step::MoveNode { farmer, node, farm } => {
			Grid::update_node(signed(farmer), node, farm, spec())
		},
		Step::DeleteNode { farmer, node } => Grid::delete_node(signed(farmer), node),
		Step::ReportUsage { farmer, node, cores } => Grid::report_used_resources(
			signed(farmer),
			node,
			Resources { cores, ..Default::default() },
		),
	}
}

proptest! {
	#![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

	#[test]
	fn indices_stay_consistent(steps in proptest::collection::vec(step(), 1..60)) {
		new_test_ext().execute_with(|| {
			let twins = node_twins();
			for step in steps {
				let _ = zerochain_test_utils::refused_changes_nothing!(step, apply(step.clone(), &twins));
				Grid::do_try_state().unwrap_or_else(|e| panic!("after {step:?}: {e:?}"));
			}
		});
	}
}

proptest! {
	/// Whatever bytes a call carries, the network types neither panic nor accept a value that
	/// breaks their promise.
	#[test]
	fn checked_network_values_keep_their_promises(
		ip in any::<[u8; 4]>(),
		prefix in any::<u8>(),
		gateway in any::<[u8; 4]>(),
		ip6 in any::<[u8; 16]>(),
		gateway6 in any::<[u8; 16]>(),
		domain in proptest::collection::vec(any::<u8>(), 0..80),
	) {
		use crate::net::*;
		if let Ok(checked) = PublicIpv4::try_from(Ipv4Input { ip, prefix, gateway }) {
			prop_assert!(is_public_v4(checked.ip()) && is_public_v4(checked.gateway()));
			prop_assert!(checked.ip() != checked.gateway());
			let mask = u32::MAX << (32 - u32::from(checked.prefix()));
			prop_assert_eq!(u32::from_be_bytes(ip) & mask, u32::from_be_bytes(gateway) & mask);
		}
		if let Ok(checked) = PublicIpv6::try_from(Ipv6Input { ip: ip6, prefix, gateway: gateway6 }) {
			prop_assert!(is_global_v6(checked.ip()) && checked.ip() != checked.gateway());
		}
		let domain = Domain::try_from(DomainInput::truncate_from(domain));
		if let Ok(domain) = domain {
			prop_assert!(domain.as_bytes().contains(&b'.'));
		}
	}
}
