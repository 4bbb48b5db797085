//! Unit tests: every call's success and each of its errors, on the mock runtime, with the
//! bugs of the chain's predecessors each shown impossible (tfchain #520, #869, #911, and the
//! farm→nodes index drift of #431, #432, #480, #496). Every test ends by checking the
//! pallet's invariants (`mock::run`).

use crate::{mock::*, net::*, Error, Event as GridEvent, *};
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold, BoundedVec};
use pallet_twins::TwinId;
use sp_runtime::DispatchError;

fn signed(account: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(account)
}

fn text<S: frame_support::traits::Get<u32>>(text: &str) -> BoundedVec<u8, S> {
	BoundedVec::truncate_from(text.as_bytes().to_vec())
}

fn held(account: AccountId, reason: HoldReason) -> Balance {
	Balances::balance_on_hold(&reason.into(), &account)
}

fn last_event() -> GridEvent<Test> {
	System::events()
		.into_iter()
		.rev()
		.find_map(|record| match record.event {
			RuntimeEvent::Grid(event) => Some(event),
			_ => None,
		})
		.expect("the grid pallet emitted an event")
}

fn ips(list: &[Ipv4Input]) -> BoundedVec<Ipv4Input, frame_support::traits::ConstU32<MAX_FARM_IPS>> {
	BoundedVec::truncate_from(list.to_vec())
}

fn ipv4(ip: Ipv4Addr, prefix: u8, gateway: Ipv4Addr) -> Ipv4Input {
	Ipv4Input { ip, prefix, gateway }
}

fn create_farm(account: AccountId, name: &str, list: &[Ipv4Input]) -> Result<(), DispatchError> {
	Grid::create_farm(signed(account), account as TwinId, text(name), false, ips(list))
}

fn public_config() -> PublicConfigInput {
	let mut ip = [0u8; 16];
	ip[..8].copy_from_slice(&[0x2a, 0x01, 0x04, 0xf8, 0x01, 0x0a, 0x07, 0x10]);
	ip[15] = 2;
	let mut link_local = [0u8; 16];
	link_local[..2].copy_from_slice(&[0xfe, 0x80]);
	link_local[15] = 1;
	PublicConfigInput {
		ipv4: ipv4([185, 69, 167, 20], 24, [185, 69, 167, 1]),
		ipv6: Some(Ipv6Input { ip, prefix: 64, gateway: link_local }),
		domain: Some(text("node1.grid.example.org")),
	}
}

mod farms {
	use super::*;

	#[test]
	fn create_farm_indexes_its_name_and_ips_and_holds_the_deposit() {
		run(|| {
			assert_ok!(create_farm(1, "Freefarm", &[public_ip(10), public_ip(11)]));
			let farm = Farms::<Test>::get(1).expect("farm 1 exists");
			assert_eq!(farm.owner, 1);
			assert_eq!(farm.name.as_bytes(), b"Freefarm");
			assert_eq!(farm.certification, FarmCertification::NotCertified);
			let offered: Vec<_> = farm.public_ips.iter().map(|ip| ip.ip()).collect();
			assert_eq!(offered, vec![[185, 69, 166, 10], [185, 69, 166, 11]]);
			assert_eq!(FarmByName::<Test>::get(farm.name.folded()), Some(1));
			assert_eq!(IpHolders::<Test>::get([185, 69, 166, 11]), Some(IpHolder::Farm(1)));
			assert_eq!(held(1, HoldReason::FarmDeposit), FARM_DEPOSIT);
			let record = pallet_twins::Records::<Test>::get(1, farm.record).expect("recorded");
			assert_eq!(record.kind, pallet_twins::RecordKind::Farm);
			assert_eq!(record.key, 1);
			assert!(matches!(last_event(), GridEvent::FarmCreated { farm: 1, owner: 1, .. }));
			assert_ok!(create_farm(2, "other", &[]));
			assert_eq!(LastFarmId::<Test>::get(), 2);
		});
	}

	#[test]
	fn create_farm_refuses_bad_callers_names_and_funds() {
		run(|| {
			assert_noop!(
				Grid::create_farm(signed(1), 42, text("farm"), false, ips(&[])),
				pallet_twins::Error::<Test>::TwinNotFound
			);
			assert_noop!(
				Grid::create_farm(signed(1), 2, text("farm"), false, ips(&[])),
				pallet_twins::Error::<Test>::NotTwinController
			);
			// One character past the rule still reaches the pallet, which names the error.
			let too_long = "f".repeat(MAX_FARM_NAME_LEN as usize + 1);
			for bad in ["ab", "has space", "dot.ted", "ünï", &too_long] {
				assert_noop!(create_farm(1, bad, &[]), Error::<Test>::InvalidFarmName);
			}
			assert_ok!(create_farm(1, &"f".repeat(MAX_FARM_NAME_LEN as usize), &[]));
			assert_ok!(create_farm(1, "Freefarm", &[]));
			assert_noop!(create_farm(2, "FREEFARM", &[]), Error::<Test>::FarmNameTaken);
			assert_noop!(create_farm(2, "freefarm", &[]), Error::<Test>::FarmNameTaken);
			let poor = 50;
			Balances::force_set_balance(RuntimeOrigin::root(), poor, 10).unwrap();
			TwinsPallet::create_twin(signed(poor), None, None).unwrap();
			let twin = pallet_twins::LastTwinId::<Test>::get();
			assert_noop!(
				Grid::create_farm(signed(poor), twin, text("poorfarm"), false, ips(&[])),
				Error::<Test>::CannotHoldDeposit
			);
		});
	}

	#[test]
	fn farm_ids_never_wrap() {
		run(|| {
			LastFarmId::<Test>::put(FarmId::MAX);
			assert_noop!(create_farm(1, "lastfarm", &[]), Error::<Test>::IdsExhausted);
		});
	}

	/// tfchain #520: private addresses were published as public. Every range that is not
	/// public unicast is refused, at creation and when added.
	#[test]
	fn non_public_addresses_are_refused() {
		run(|| {
			assert_ok!(create_farm(1, "farm", &[]));
			for ip in [
				[10, 1, 2, 3],
				[172, 16, 5, 4],
				[192, 168, 1, 10],
				[127, 0, 0, 2],
				[169, 254, 1, 2],
				[100, 64, 3, 4],
				[192, 0, 2, 10],
				[198, 51, 100, 10],
				[203, 0, 113, 10],
				[224, 0, 0, 10],
				[240, 0, 0, 10],
				[0, 1, 2, 3],
			] {
				let gateway = [ip[0], ip[1], ip[2], 1];
				assert_noop!(
					create_farm(2, "farm2", &[ipv4(ip, 24, gateway)]),
					Error::<Test>::IpNotPublic
				);
				assert_noop!(
					Grid::add_farm_ip(signed(1), 1, ipv4(ip, 24, gateway)),
					Error::<Test>::IpNotPublic
				);
			}
			assert_noop!(
				Grid::add_farm_ip(signed(1), 1, ipv4([255, 255, 255, 254], 24, [255, 255, 255, 1])),
				Error::<Test>::IpNotPublic
			);
		});
	}

	/// tfchain #869: an address was accepted as its own gateway. A gateway must be another
	/// host of the address's subnet.
	#[test]
	fn a_gateway_is_another_host_of_the_subnet() {
		run(|| {
			assert_ok!(create_farm(1, "farm", &[]));
			let add = |ip| Grid::add_farm_ip(signed(1), 1, ip);
			let host = [185, 69, 166, 10];
			assert_noop!(add(ipv4(host, 24, host)), Error::<Test>::GatewayIsIp);
			assert_noop!(
				add(ipv4(host, 24, [185, 69, 167, 1])),
				Error::<Test>::GatewayOutsideSubnet
			);
			assert_noop!(add(ipv4(host, 24, [185, 69, 166, 255])), Error::<Test>::IpNotHost);
			assert_noop!(
				add(ipv4([185, 69, 166, 0], 24, [185, 69, 166, 1])),
				Error::<Test>::IpNotHost
			);
			assert_noop!(add(ipv4(host, 32, [185, 69, 166, 1])), Error::<Test>::InvalidPrefix);
			assert_noop!(add(ipv4(host, 4, [185, 69, 166, 1])), Error::<Test>::InvalidPrefix);
			assert_ok!(add(ipv4(host, 31, [185, 69, 166, 11])));
		});
	}

	#[test]
	fn an_address_belongs_to_one_farm() {
		run(|| {
			assert_ok!(create_farm(1, "farm", &[public_ip(10)]));
			assert_noop!(create_farm(2, "farm2", &[public_ip(10)]), Error::<Test>::IpTaken);
			assert_noop!(
				create_farm(2, "farm2", &[public_ip(20), public_ip(20)]),
				Error::<Test>::IpTaken
			);
			assert_noop!(Grid::add_farm_ip(signed(1), 1, public_ip(10)), Error::<Test>::IpTaken);
		});
	}

	#[test]
	fn an_address_has_one_holder_farm_or_node() {
		run(|| {
			let farm = farm_of(1, "farm", vec![public_ip(10)]);
			let node = node_in(1, farm);
			let other = node_in(1, farm);
			let mut config = public_config();
			// A farm's address is no node's.
			config.ipv4 = public_ip(10);
			assert_noop!(
				Grid::set_node_public_config(signed(1), node, Some(config.clone())),
				Error::<Test>::IpTaken
			);
			// A node's address is no other node's, nor a farm's.
			config.ipv4 = public_ip(20);
			assert_ok!(Grid::set_node_public_config(signed(1), node, Some(config.clone())));
			assert_eq!(IpHolders::<Test>::get([185, 69, 166, 20]), Some(IpHolder::Node(node)));
			assert_noop!(
				Grid::set_node_public_config(signed(1), other, Some(config.clone())),
				Error::<Test>::IpTaken
			);
			assert_noop!(Grid::add_farm_ip(signed(1), farm, public_ip(20)), Error::<Test>::IpTaken);
			assert_noop!(create_farm(2, "farm2", &[public_ip(20)]), Error::<Test>::IpTaken);
			// Setting the same config again is fine; a new address frees the old one.
			assert_ok!(Grid::set_node_public_config(signed(1), node, Some(config.clone())));
			config.ipv4 = public_ip(30);
			assert_ok!(Grid::set_node_public_config(signed(1), node, Some(config.clone())));
			assert_eq!(IpHolders::<Test>::get([185, 69, 166, 20]), None);
			// Clearing the config, or deleting the node, frees its address.
			assert_ok!(Grid::set_node_public_config(signed(1), node, None));
			assert_eq!(IpHolders::<Test>::get([185, 69, 166, 30]), None);
			assert_ok!(Grid::set_node_public_config(signed(1), other, Some(config)));
			assert_ok!(Grid::delete_node(signed(1), other));
			assert_eq!(IpHolders::<Test>::get([185, 69, 166, 30]), None);
		});
	}

	#[test]
	fn rename_farm_moves_the_name_index() {
		run(|| {
			assert_ok!(create_farm(1, "farm", &[]));
			assert_ok!(create_farm(2, "other", &[]));
			assert_ok!(Grid::rename_farm(signed(1), 1, text("Farm")));
			assert_ok!(Grid::rename_farm(signed(1), 1, text("newname")));
			assert_eq!(
				FarmByName::<Test>::get(FarmName::try_from(text("newname")).unwrap()),
				Some(1)
			);
			assert_eq!(FarmByName::<Test>::get(FarmName::try_from(text("farm")).unwrap()), None);
			assert!(matches!(last_event(), GridEvent::FarmRenamed { farm: 1, .. }));
			assert_noop!(
				Grid::rename_farm(signed(1), 1, text("OTHER")),
				Error::<Test>::FarmNameTaken
			);
			assert_noop!(
				Grid::rename_farm(signed(1), 1, text("x")),
				Error::<Test>::InvalidFarmName
			);
			assert_noop!(
				Grid::rename_farm(signed(2), 1, text("mine")),
				pallet_twins::Error::<Test>::NotTwinController
			);
			assert_noop!(
				Grid::rename_farm(signed(1), 9, text("mine")),
				Error::<Test>::FarmNotFound
			);
		});
	}

	#[test]
	fn add_and_remove_farm_ips() {
		run(|| {
			assert_ok!(create_farm(1, "farm", &[public_ip(10)]));
			assert_ok!(Grid::add_farm_ip(signed(1), 1, public_ip(11)));
			assert!(matches!(last_event(), GridEvent::FarmIpAdded { farm: 1, .. }));
			assert_noop!(
				Grid::add_farm_ip(signed(2), 1, public_ip(12)),
				pallet_twins::Error::<Test>::NotTwinController
			);
			assert_noop!(
				Grid::add_farm_ip(signed(1), 7, public_ip(12)),
				Error::<Test>::FarmNotFound
			);
			assert_ok!(Grid::add_farm_ip(signed(1), 1, public_ip(12)));
			assert_ok!(Grid::add_farm_ip(signed(1), 1, public_ip(13)));
			assert_noop!(Grid::add_farm_ip(signed(1), 1, public_ip(14)), Error::<Test>::TooManyIps);

			assert_noop!(
				Grid::remove_farm_ip(signed(1), 1, [185, 69, 166, 99]),
				Error::<Test>::IpNotInFarm
			);
			assert_noop!(
				Grid::remove_farm_ip(signed(2), 1, [185, 69, 166, 10]),
				pallet_twins::Error::<Test>::NotTwinController
			);
			assert_ok!(Grid::remove_farm_ip(signed(1), 1, [185, 69, 166, 10]));
			assert_eq!(IpHolders::<Test>::get([185, 69, 166, 10]), None);
			assert_eq!(Farms::<Test>::get(1).unwrap().public_ips.len(), 3);
			// The freed address can go to another farm.
			assert_ok!(create_farm(2, "farm2", &[public_ip(10)]));
		});
	}

	#[test]
	fn only_governance_certifies_a_farm() {
		run(|| {
			assert_ok!(create_farm(1, "farm", &[]));
			assert_noop!(
				Grid::set_farm_certification(signed(1), 1, FarmCertification::Gold),
				DispatchError::BadOrigin
			);
			assert_noop!(
				Grid::set_farm_certification(RuntimeOrigin::root(), 2, FarmCertification::Gold),
				Error::<Test>::FarmNotFound
			);
			assert_ok!(Grid::set_farm_certification(
				RuntimeOrigin::root(),
				1,
				FarmCertification::Gold
			));
			assert_eq!(Farms::<Test>::get(1).unwrap().certification, FarmCertification::Gold);
		});
	}

	#[test]
	fn the_owner_sets_the_dedicated_flag() {
		run(|| {
			assert_ok!(create_farm(1, "farm", &[]));
			assert_ok!(Grid::set_farm_dedicated(signed(1), 1, true));
			assert!(Farms::<Test>::get(1).unwrap().dedicated);
			assert!(matches!(
				last_event(),
				GridEvent::FarmDedicatedSet { farm: 1, dedicated: true }
			));
			assert_noop!(
				Grid::set_farm_dedicated(signed(2), 1, false),
				pallet_twins::Error::<Test>::NotTwinController
			);
			assert_noop!(
				Grid::set_farm_dedicated(signed(1), 3, false),
				Error::<Test>::FarmNotFound
			);
		});
	}

	#[test]
	fn delete_farm_is_refused_while_it_has_nodes_then_frees_everything() {
		run(|| {
			let farm = farm_of(1, "farm", vec![public_ip(10)]);
			let node = node_in(1, farm);
			assert_noop!(Grid::delete_farm(signed(1), farm), Error::<Test>::FarmHasNodes);
			assert_noop!(
				Grid::delete_farm(signed(2), farm),
				pallet_twins::Error::<Test>::NotTwinController
			);
			assert_ok!(Grid::delete_node(signed(1), node));
			assert_ok!(Grid::delete_farm(signed(1), farm));
			assert!(!Farms::<Test>::contains_key(farm));
			assert_eq!(IpHolders::<Test>::get([185, 69, 166, 10]), None);
			assert_eq!(held(1, HoldReason::FarmDeposit), 0);
			assert_eq!(last_event(), GridEvent::FarmDeleted { farm });
			// Name and address are free again, and the owner twin owns no record.
			assert_ok!(create_farm(2, "FARM", &[public_ip(10)]));
			assert_noop!(Grid::delete_farm(signed(1), farm), Error::<Test>::FarmNotFound);
			assert_eq!(pallet_twins::Records::<Test>::iter_prefix(1).count(), 1, "its child twin");
		});
	}
}

mod nodes {
	use super::*;

	#[test]
	fn create_node_indexes_it_and_holds_the_deposit() {
		run(|| {
			let farm = farm_of(1, "farm", vec![]);
			let twin = child_twin(1);
			assert_ok!(Grid::create_node(signed(1), farm, twin, spec()));
			let node = Nodes::<Test>::get(1).expect("node 1 exists");
			assert_eq!((node.farm, node.twin), (farm, twin));
			assert_eq!(node.resources, spec().resources);
			assert_eq!(node.location.country().as_bytes(), b"BE");
			assert_eq!(node.location.latitude(), 51_054_342);
			assert_eq!(node.interfaces[0].name(), b"eth0");
			assert_eq!(node.serial.as_ref().map(|s| s.as_bytes()), Some(&b"SN-0001"[..]));
			assert_eq!(node.certification, NodeCertification::Diy);
			assert_eq!(node.created, NOW);
			assert_eq!(node.power, PowerStatus { target: Power::Up, state: Power::Up });
			assert!(NodesByFarm::<Test>::contains_key(farm, 1));
			assert_eq!(NodeByTwin::<Test>::get(twin), Some(1));
			assert_eq!(Farms::<Test>::get(farm).unwrap().nodes, 1);
			assert_eq!(held(1, HoldReason::NodeDeposit), NODE_DEPOSIT);
			let record = pallet_twins::Records::<Test>::get(twin, node.record).expect("recorded");
			assert_eq!(record.kind, pallet_twins::RecordKind::Node);
			assert_eq!(last_event(), GridEvent::NodeCreated { node: 1, farm, twin });
		});
	}

	/// A node joins a farm only with its farmer's consent, and a farmer registers only twins
	/// it may act for.
	#[test]
	fn create_node_needs_both_the_farmer_and_the_twin() {
		run(|| {
			let farm = farm_of(1, "farm", vec![]);
			let twin = child_twin(1);
			hand_over(1, twin, NODE_KEY);
			// The node's own key cannot put it in a farm it does not own...
			assert_noop!(
				Grid::create_node(signed(NODE_KEY), farm, twin, spec()),
				pallet_twins::Error::<Test>::NotTwinController
			);
			// ...and the farmer cannot register another account's twin.
			assert_noop!(
				Grid::create_node(signed(1), farm, 2, spec()),
				pallet_twins::Error::<Test>::NotTwinController
			);
			assert_noop!(
				Grid::create_node(signed(1), farm, 77, spec()),
				pallet_twins::Error::<Test>::TwinNotFound
			);
			assert_noop!(
				Grid::create_node(signed(1), 5, twin, spec()),
				Error::<Test>::FarmNotFound
			);
			// The farmer may: the twin is its twin's child.
			assert_ok!(Grid::create_node(signed(1), farm, twin, spec()));
			assert_noop!(
				Grid::create_node(signed(1), farm, twin, spec()),
				Error::<Test>::TwinHasNode
			);
		});
	}

	#[test]
	fn a_farm_holds_at_most_max_nodes() {
		run(|| {
			let farm = farm_of(1, "farm", vec![]);
			for _ in 0..MAX_NODES_PER_FARM {
				node_in(1, farm);
			}
			let twin = child_twin(1);
			assert_noop!(Grid::create_node(signed(1), farm, twin, spec()), Error::<Test>::FarmFull);
		});
	}

	#[test]
	fn node_ids_never_wrap() {
		run(|| {
			let farm = farm_of(1, "farm", vec![]);
			let twin = child_twin(1);
			LastNodeId::<Test>::put(NodeId::MAX);
			assert_noop!(
				Grid::create_node(signed(1), farm, twin, spec()),
				Error::<Test>::IdsExhausted
			);
		});
	}

	#[test]
	fn a_node_description_is_checked() {
		run(|| {
			let farm = farm_of(1, "farm", vec![]);
			let twin = child_twin(1);
			let refused = |change: fn(&mut NodeSpec), error: Error<Test>| {
				let mut bad = spec();
				change(&mut bad);
				assert_noop!(Grid::create_node(signed(1), farm, twin, bad), error);
			};
			refused(|s| s.resources.cores = 0, Error::<Test>::ResourcesBelowMinimum);
			refused(|s| s.resources.memory = GIB, Error::<Test>::ResourcesBelowMinimum);
			refused(|s| s.resources.ssd = 0, Error::<Test>::ResourcesBelowMinimum);
			refused(|s| s.location.country = *b"XX", Error::<Test>::InvalidCountry);
			refused(|s| s.location.country = *b"be", Error::<Test>::InvalidCountry);
			refused(|s| s.location.city = text(""), Error::<Test>::InvalidCity);
			refused(|s| s.location.city = text("Gh\u{7}ent"), Error::<Test>::InvalidCity);
			refused(|s| s.location.latitude = 90_000_001, Error::<Test>::InvalidCoordinates);
			refused(|s| s.location.longitude = -180_000_001, Error::<Test>::InvalidCoordinates);
			refused(|s| s.location.latitude = i32::MIN, Error::<Test>::InvalidCoordinates);
			refused(|s| s.interfaces[0].mac = [0xff; 6], Error::<Test>::InvalidMac);
			refused(|s| s.interfaces[0].name = text("eth 0"), Error::<Test>::InvalidInterfaceName);
			refused(|s| s.interfaces[0].name = text(""), Error::<Test>::InvalidInterfaceName);
			refused(
				|s| {
					let copy = s.interfaces[0].clone();
					s.interfaces.try_push(copy).unwrap();
				},
				Error::<Test>::InvalidInterfaceName,
			);
			refused(
				|s| s.interfaces[0].ips[0] = IpAddress::V4([127, 0, 0, 1]),
				Error::<Test>::InvalidInterfaceIp,
			);
			refused(|s| s.serial = Some(text("")), Error::<Test>::InvalidSerial);
			refused(|s| s.serial = Some(text("SN\n1")), Error::<Test>::InvalidSerial);
			refused(
				|s| s.serial = Some(text(&"S".repeat(MAX_SERIAL_LEN as usize + 1))),
				Error::<Test>::InvalidSerial,
			);
			refused(
				|s| s.location.city = text(&"c".repeat(pallet_twins::MAX_TEXT_LEN as usize + 1)),
				Error::<Test>::InvalidCity,
			);
			refused(
				|s| s.interfaces[0].name = text(&"e".repeat(MAX_INTERFACE_NAME_LEN as usize + 1)),
				Error::<Test>::InvalidInterfaceName,
			);
			// Edges that are valid.
			let mut edge = spec();
			edge.location.latitude = -90_000_000;
			edge.location.longitude = 180_000_000;
			edge.resources = MinResources::get();
			edge.serial = None;
			edge.interfaces = BoundedVec::new();
			assert_ok!(Grid::create_node(signed(1), farm, twin, edge));
		});
	}

	#[test]
	fn the_node_updates_itself() {
		run(|| {
			let farm = farm_of(1, "farm", vec![]);
			let (node, _) = node_of_key(1, farm);
			let mut changed = spec();
			changed.location.city = text("Cairo");
			changed.location.country = *b"EG";
			changed.virtualised = true;
			assert_ok!(Grid::update_node(signed(NODE_KEY), node, farm, changed));
			let record = Nodes::<Test>::get(node).unwrap();
			assert_eq!(record.location.city().as_str(), "Cairo");
			assert!(record.virtualised);
			assert_eq!(last_event(), GridEvent::NodeUpdated { node, farm });
			assert_noop!(
				Grid::update_node(signed(3), node, farm, spec()),
				pallet_twins::Error::<Test>::NotTwinController
			);
			assert_noop!(
				Grid::update_node(signed(NODE_KEY), 9, farm, spec()),
				Error::<Test>::NodeNotFound
			);
			let mut bad = spec();
			bad.location.country = *b"ZZ";
			assert_noop!(
				Grid::update_node(signed(NODE_KEY), node, farm, bad),
				Error::<Test>::InvalidCountry
			);
		});
	}

	/// tfchain #431, #432, #480, #496: a farm's list of nodes drifted from the nodes. Here a
	/// move rewrites both farms' entries in the same call, and `try_state` (after every test)
	/// checks the index both ways.
	#[test]
	fn a_node_moves_between_farms_of_one_owner_and_the_index_follows() {
		run(|| {
			let first = farm_of(1, "first", vec![]);
			let second = farm_of(1, "second", vec![]);
			let foreign = farm_of(2, "foreign", vec![]);
			let node = node_in(1, first);
			assert_ok!(Grid::update_node(signed(1), node, second, spec()));
			assert_eq!(Nodes::<Test>::get(node).unwrap().farm, second);
			assert!(!NodesByFarm::<Test>::contains_key(first, node));
			assert!(NodesByFarm::<Test>::contains_key(second, node));
			assert_eq!(Farms::<Test>::get(first).unwrap().nodes, 0);
			assert_eq!(Farms::<Test>::get(second).unwrap().nodes, 1);
			// The farm it left can go; the one it is in cannot.
			assert_ok!(Grid::delete_farm(signed(1), first));
			assert_noop!(Grid::delete_farm(signed(1), second), Error::<Test>::FarmHasNodes);
			assert_noop!(
				Grid::update_node(signed(1), node, foreign, spec()),
				Error::<Test>::FarmOfAnotherOwner
			);
			assert_noop!(
				Grid::update_node(signed(1), node, 99, spec()),
				Error::<Test>::FarmNotFound
			);
			assert_ok!(Grid::delete_node(signed(1), node));
			assert_eq!(NodesByFarm::<Test>::iter_prefix(second).count(), 0);
			assert_eq!(Farms::<Test>::get(second).unwrap().nodes, 0);
		});
	}

	#[test]
	fn only_the_farmer_moves_a_node() {
		run(|| {
			let first = farm_of(1, "first", vec![]);
			let second = farm_of(1, "second", vec![]);
			let (node, _) = node_of_key(1, first);
			// The node's own key updates it where it is, but cannot take it to another farm.
			assert_ok!(Grid::update_node(signed(NODE_KEY), node, first, spec()));
			assert_noop!(
				Grid::update_node(signed(NODE_KEY), node, second, spec()),
				Error::<Test>::MoveNeedsFarmer
			);
			assert_ok!(Grid::update_node(signed(1), node, second, spec()));
		});
	}

	#[test]
	fn a_move_into_a_full_farm_is_refused() {
		run(|| {
			let first = farm_of(1, "first", vec![]);
			let full = farm_of(1, "full", vec![]);
			for _ in 0..MAX_NODES_PER_FARM {
				node_in(1, full);
			}
			let node = node_in(1, first);
			assert_noop!(Grid::update_node(signed(1), node, full, spec()), Error::<Test>::FarmFull);
		});
	}

	/// A certification vouches for one machine in one farm: every change of the machine, or a
	/// move, returns the node to DIY; a new location alone does not.
	#[test]
	fn any_change_but_location_uncertifies_a_node() {
		run(|| {
			let farm = farm_of(1, "farm", vec![]);
			let other = farm_of(1, "other", vec![]);
			let node = node_in(1, farm);
			let certify = || {
				assert_ok!(Grid::set_node_certification(
					RuntimeOrigin::root(),
					node,
					NodeCertification::Certified
				));
			};
			let certification = || Nodes::<Test>::get(node).unwrap().certification;
			certify();
			let mut moved_house = spec();
			moved_house.location.city = text("Antwerp");
			moved_house.location.latitude = 51_219_448;
			assert_ok!(Grid::update_node(signed(1), node, farm, moved_house));
			assert_eq!(certification(), NodeCertification::Certified);

			let changes: [fn(&mut NodeSpec); 5] = [
				|s| s.resources.hdd += GIB,
				|s| s.serial = Some(text("SN-0002")),
				|s| s.secure_boot = !s.secure_boot,
				|s| s.virtualised = !s.virtualised,
				|s| s.interfaces[0].mac = [0x02, 0, 0, 0, 0, 9],
			];
			for change in changes {
				certify();
				let mut changed = spec();
				change(&mut changed);
				assert_ok!(Grid::update_node(signed(1), node, farm, changed));
				assert_eq!(certification(), NodeCertification::Diy);
				assert_ok!(Grid::update_node(signed(1), node, farm, spec()));
			}
			certify();
			assert_ok!(Grid::update_node(signed(1), node, other, spec()));
			assert_eq!(certification(), NodeCertification::Diy);
		});
	}

	#[test]
	fn new_resources_uncertify_a_node_and_must_cover_its_usage() {
		run(|| {
			let farm = farm_of(1, "farm", vec![]);
			let node = node_in(1, farm);
			assert_ok!(Grid::set_node_certification(
				RuntimeOrigin::root(),
				node,
				NodeCertification::Certified
			));
			// Same resources: still certified.
			assert_ok!(Grid::update_node(signed(1), node, farm, spec()));
			assert_eq!(
				Nodes::<Test>::get(node).unwrap().certification,
				NodeCertification::Certified
			);
			let used = Resources { cores: 4, memory: 16 * GIB, ssd: 500 * GIB, hdd: 0 };
			assert_ok!(Grid::report_used_resources(signed(1), node, used));
			let mut smaller = spec();
			smaller.resources.cores = 2;
			assert_noop!(
				Grid::update_node(signed(1), node, farm, smaller.clone()),
				Error::<Test>::UsageExceedsResources
			);
			smaller.resources.cores = 6;
			assert_ok!(Grid::update_node(signed(1), node, farm, smaller));
			assert_eq!(Nodes::<Test>::get(node).unwrap().certification, NodeCertification::Diy);
		});
	}

	#[test]
	fn the_node_or_its_farmer_deletes_it() {
		run(|| {
			let farm = farm_of(1, "farm", vec![]);
			let first = node_in(1, farm);
			let (second, twin) = node_of_key(1, farm);
			assert_noop!(
				Grid::delete_node(signed(3), first),
				pallet_twins::Error::<Test>::NotTwinController
			);
			assert_noop!(Grid::delete_node(signed(1), 9), Error::<Test>::NodeNotFound);
			// The node's own key, which cannot act for the farm.
			assert_ok!(Grid::delete_node(signed(NODE_KEY), second));
			assert_eq!(NodeByTwin::<Test>::get(twin), None);
			assert_eq!(last_event(), GridEvent::NodeDeleted { node: second });
			// The farmer.
			assert_ok!(Grid::delete_node(signed(1), first));
			assert_eq!(held(1, HoldReason::NodeDeposit), 0);
			assert_eq!(Farms::<Test>::get(farm).unwrap().nodes, 0);
			// Its twin owns no record any more, so it can be deleted.
			assert_ok!(TwinsPallet::delete_twin(signed(NODE_KEY), twin));
		});
	}

	/// tfchain #911: a link-local IPv6 gateway, the usual next hop of an IPv6 default route,
	/// was refused. It is accepted here; the other checks hold.
	#[test]
	fn the_farmer_sets_a_checked_public_config() {
		run(|| {
			let farm = farm_of(1, "farm", vec![]);
			let (node, _) = node_of_key(1, farm);
			assert_ok!(Grid::set_node_public_config(signed(1), node, Some(public_config())));
			let config = Nodes::<Test>::get(node).unwrap().public_config.expect("set");
			assert!(is_link_local_v6(config.ipv6().expect("set").gateway()));
			assert_eq!(config.domain().map(|d| d.as_bytes()), Some(&b"node1.grid.example.org"[..]));
			assert_noop!(
				Grid::set_node_public_config(signed(NODE_KEY), node, Some(public_config())),
				pallet_twins::Error::<Test>::NotTwinController
			);
			assert_noop!(
				Grid::set_node_public_config(signed(1), 5, None),
				Error::<Test>::NodeNotFound
			);
			let refused = |change: fn(&mut PublicConfigInput), error: Error<Test>| {
				let mut bad = public_config();
				change(&mut bad);
				assert_noop!(Grid::set_node_public_config(signed(1), node, Some(bad)), error);
			};
			refused(
				|c| c.ipv4 = ipv4([10, 0, 0, 5], 24, [10, 0, 0, 1]),
				Error::<Test>::IpNotPublic,
			);
			refused(|c| c.ipv4.gateway = c.ipv4.ip, Error::<Test>::GatewayIsIp);
			refused(
				|c| c.ipv6.as_mut().unwrap().gateway = [0xff; 16],
				Error::<Test>::GatewayOutsideSubnet,
			);
			refused(|c| c.ipv6.as_mut().unwrap().ip = [0xfd; 16], Error::<Test>::IpNotPublic);
			refused(|c| c.domain = Some(text("no_domain")), Error::<Test>::InvalidDomain);
			assert_ok!(Grid::set_node_public_config(signed(1), node, None));
			assert_eq!(Nodes::<Test>::get(node).unwrap().public_config, None);
		});
	}

	#[test]
	fn uptime_reports_need_a_hint_within_a_minute() {
		run(|| {
			let farm = farm_of(1, "farm", vec![]);
			let (node, _) = node_of_key(1, farm);
			assert_ok!(Grid::report_uptime(signed(NODE_KEY), node, 3_600, NOW - 60));
			assert_ok!(Grid::report_uptime(signed(NODE_KEY), node, 3_700, NOW + 60));
			assert_eq!(
				Nodes::<Test>::get(node).unwrap().uptime,
				Some(UptimeReport { uptime: 3_700, at: NOW })
			);
			assert_eq!(last_event(), GridEvent::NodeUptimeReported { node, uptime: 3_700 });
			for hint in [NOW - 61, NOW + 61, 0, u64::MAX] {
				assert_noop!(
					Grid::report_uptime(signed(NODE_KEY), node, 1, hint),
					Error::<Test>::TimestampHintOutOfRange
				);
			}
			assert_noop!(
				Grid::report_uptime(signed(3), node, 1, NOW),
				pallet_twins::Error::<Test>::NotTwinController
			);
			assert_noop!(
				Grid::report_uptime(signed(NODE_KEY), 7, 1, NOW),
				Error::<Test>::NodeNotFound
			);
		});
	}

	#[test]
	fn the_farmer_sets_the_power_target_and_the_node_its_state() {
		run(|| {
			let farm = farm_of(1, "farm", vec![]);
			let (node, _) = node_of_key(1, farm);
			assert_ok!(Grid::set_power_target(signed(1), node, Power::Down));
			assert_eq!(last_event(), GridEvent::PowerTargetSet { node, target: Power::Down });
			assert_noop!(
				Grid::set_power_target(signed(NODE_KEY), node, Power::Up),
				pallet_twins::Error::<Test>::NotTwinController
			);
			assert_ok!(Grid::set_power_state(signed(NODE_KEY), node, Power::Down));
			assert_noop!(
				Grid::set_power_state(signed(3), node, Power::Up),
				pallet_twins::Error::<Test>::NotTwinController
			);
			assert_noop!(
				Grid::set_power_state(signed(NODE_KEY), 8, Power::Up),
				Error::<Test>::NodeNotFound
			);
			assert_eq!(
				Nodes::<Test>::get(node).unwrap().power,
				PowerStatus { target: Power::Down, state: Power::Down }
			);
		});
	}

	#[test]
	fn a_node_reports_usage_within_its_resources() {
		run(|| {
			let farm = farm_of(1, "farm", vec![]);
			let node = node_in(1, farm);
			let all = spec().resources;
			assert_ok!(Grid::report_used_resources(signed(1), node, all));
			assert_eq!(Nodes::<Test>::get(node).unwrap().used, all);
			let mut over = all;
			over.hdd += 1;
			assert_noop!(
				Grid::report_used_resources(signed(1), node, over),
				Error::<Test>::UsageExceedsResources
			);
			assert_noop!(
				Grid::report_used_resources(signed(3), node, all),
				pallet_twins::Error::<Test>::NotTwinController
			);
		});
	}

	#[test]
	fn governance_or_a_certifier_certifies_a_node() {
		run(|| {
			let farm = farm_of(1, "farm", vec![]);
			let node = node_in(1, farm);
			assert_noop!(
				Grid::set_node_certification(signed(5), node, NodeCertification::Certified),
				Error::<Test>::NotCertifier
			);
			assert_noop!(
				Grid::set_node_certifiers(signed(5), BoundedVec::truncate_from(vec![5])),
				DispatchError::BadOrigin
			);
			assert_ok!(Grid::set_node_certifiers(
				RuntimeOrigin::root(),
				BoundedVec::truncate_from(vec![5, 6])
			));
			assert_eq!(last_event(), GridEvent::NodeCertifiersSet { count: 2 });
			assert_ok!(Grid::set_node_certification(signed(5), node, NodeCertification::Certified));
			assert_eq!(
				Nodes::<Test>::get(node).unwrap().certification,
				NodeCertification::Certified
			);
			assert_noop!(
				Grid::set_node_certification(signed(6), 9, NodeCertification::Diy),
				Error::<Test>::NodeNotFound
			);
			assert_ok!(Grid::set_node_certification(
				RuntimeOrigin::root(),
				node,
				NodeCertification::Diy
			));
			assert_eq!(
				last_event(),
				GridEvent::NodeCertificationSet { node, certification: NodeCertification::Diy }
			);
		});
	}

	#[test]
	fn a_twin_with_a_farm_or_node_cannot_be_deleted() {
		run(|| {
			let farm = farm_of(2, "farm", vec![]);
			assert_noop!(
				TwinsPallet::delete_twin(signed(2), 2),
				pallet_twins::Error::<Test>::OwnsRecords
			);
			let node = node_in(1, farm_of(1, "other", vec![]));
			let twin = Nodes::<Test>::get(node).unwrap().twin;
			assert_noop!(
				TwinsPallet::delete_twin(signed(1), twin),
				pallet_twins::Error::<Test>::OwnsRecords
			);
			assert_ok!(Grid::delete_farm(signed(2), farm));
			assert_ok!(TwinsPallet::delete_twin(signed(2), 2));
		});
	}
}

mod queries {
	use super::*;
	use pallet_twins::CountryCode;

	#[test]
	fn a_farm_lists_its_nodes_by_page() {
		run(|| {
			let farm = farm_of(1, "farm", vec![]);
			let other = farm_of(1, "other", vec![]);
			let nodes: Vec<_> = (0..3).map(|_| node_in(1, farm)).collect();
			node_in(1, other);
			let page = |after, limit| -> Vec<NodeId> {
				Grid::farm_nodes_page(farm, after, limit)
					.into_iter()
					.map(|(id, _)| id)
					.collect()
			};
			assert_eq!(page(None, 2), nodes[..2]);
			assert_eq!(page(Some(nodes[1]), 2), nodes[2..]);
			assert_eq!(page(Some(nodes[2]), 2), Vec::<NodeId>::new());
		});
	}

	#[test]
	fn a_search_filters_by_country_certification_and_free_capacity() {
		run(|| {
			let farm = farm_of(1, "farm", vec![]);
			let ghent = node_in(1, farm);
			let busy = node_in(1, farm);
			let twin = child_twin(1);
			let mut cairo = spec();
			cairo.location.country = *b"EG";
			assert_ok!(Grid::create_node(signed(1), farm, twin, cairo));
			let cairo = LastNodeId::<Test>::get();
			assert_ok!(Grid::set_node_certification(
				RuntimeOrigin::root(),
				ghent,
				NodeCertification::Certified
			));
			let used = Resources { cores: 7, ..Default::default() };
			assert_ok!(Grid::report_used_resources(signed(1), busy, used));

			let found = |filter: NodeFilter| -> Vec<NodeId> {
				let page = Grid::search_nodes(&filter, None, 10);
				assert_eq!(page.next, None, "every node was looked at");
				page.nodes.into_iter().map(|(id, _)| id).collect()
			};
			assert_eq!(found(NodeFilter::default()), vec![ghent, busy, cairo]);
			let belgium = Some(CountryCode::try_from(*b"BE").unwrap());
			assert_eq!(
				found(NodeFilter { country: belgium, ..Default::default() }),
				vec![ghent, busy]
			);
			let certified = Some(NodeCertification::Certified);
			assert_eq!(
				found(NodeFilter { certification: certified, ..Default::default() }),
				vec![ghent]
			);
			let two_cores = Resources { cores: 2, ..Default::default() };
			assert_eq!(
				found(NodeFilter { min_free: two_cores, ..Default::default() }),
				vec![ghent, cairo]
			);
		});
	}

	#[test]
	fn a_search_pages_with_a_cursor_and_bounds_its_scan() {
		run(|| {
			let farm = farm_of(1, "farm", vec![]);
			let nodes: Vec<_> = (0..3).map(|_| node_in(1, farm)).collect();
			let first = Grid::search_nodes(&NodeFilter::default(), None, 2);
			assert_eq!(first.nodes.iter().map(|(id, _)| *id).collect::<Vec<_>>(), nodes[..2]);
			assert_eq!(first.next, Some(nodes[1]));
			let second = Grid::search_nodes(&NodeFilter::default(), first.next, 2);
			assert_eq!(second.nodes.iter().map(|(id, _)| *id).collect::<Vec<_>>(), nodes[2..]);
			assert_eq!(second.next, None);
			assert!(Grid::search_nodes(&NodeFilter::default(), Some(NodeId::MAX), 2)
				.nodes
				.is_empty());

			// Ids far beyond the nodes (as after many deletions): one call looks at
			// SEARCH_SCAN_LIMIT ids and says where to go on.
			LastNodeId::<Test>::put(3 + 2 * SEARCH_SCAN_LIMIT);
			let sparse = Grid::search_nodes(&NodeFilter::default(), Some(nodes[2]), 2);
			assert!(sparse.nodes.is_empty());
			assert_eq!(sparse.next, Some(3 + SEARCH_SCAN_LIMIT));
			LastNodeId::<Test>::put(3);
		});
	}
}
