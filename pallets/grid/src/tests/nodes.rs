//! Unit tests: nodes.

use super::*;

#[test]
fn create_node_indexes_it_and_holds_the_deposit() {
	run(|| {
		let (farm, twin) = farm_and_twin(1);
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
		assert!(NodesByFarm::<Test>::contains_key(farm, NodeKey::from(1)));
		assert_eq!(NodeByTwin::<Test>::get(twin), Some(1));
		assert_eq!(Farms::<Test>::get(farm).unwrap().nodes, 1);
		assert_eq!(held(1, HoldReason::NodeDeposit), NODE_DEPOSIT);
		assert_eq!(zerochain_primitives::held::<Balance>(&node.deposit), NODE_DEPOSIT);
		assert_eq!(Grid::node_deposit(), NODE_DEPOSIT);
		let record = pallet_twins::Records::<Test>::get(twin, node.record).expect("recorded");
		assert_eq!(record.kind, zerochain_primitives::RecordKind::Node);
		assert_eq!(last_event(), GridEvent::NodeCreated { node: 1, farm, twin });
	});
}

/// A node joins a farm only with its farmer's consent, and a farmer registers only twins
/// it may act for.
#[test]
fn create_node_needs_both_the_farmer_and_the_twin() {
	run(|| {
		let (farm, twin) = farm_and_twin(1);
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
		assert_noop!(Grid::create_node(signed(1), 5, twin, spec()), Error::<Test>::FarmNotFound);
		// The farmer may: the twin is its twin's child.
		assert_ok!(Grid::create_node(signed(1), farm, twin, spec()));
		assert_noop!(Grid::create_node(signed(1), farm, twin, spec()), Error::<Test>::TwinHasNode);
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
		let (farm, twin) = farm_and_twin(1);
		LastNodeId::<Test>::put(NodeId::MAX);
		assert_noop!(Grid::create_node(signed(1), farm, twin, spec()), Error::<Test>::IdsExhausted);
	});
}

#[test]
fn a_node_description_is_checked() {
	run(|| {
		let (farm, twin) = farm_and_twin(1);
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
			|s| {
				s.location.city =
					text(&"c".repeat(zerochain_primitives::text::MAX_TEXT_LEN as usize + 1))
			},
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
		edge.resources = <Test as Config>::MinResources::get();
		edge.serial = None;
		edge.interfaces = BoundedVec::new();
		assert_ok!(Grid::create_node(signed(1), farm, twin, edge));
	});
}

#[test]
fn the_node_updates_itself() {
	run(|| {
		let (farm, node) = farm_with_node_of_key(1);
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
		let [first, second] = farms_of(1, ["first", "second"]);
		let foreign = farm_of(2, "foreign", vec![]);
		let node = node_in(1, first);
		assert_ok!(Grid::update_node(signed(1), node, second, spec()));
		assert_eq!(Nodes::<Test>::get(node).unwrap().farm, second);
		assert!(!NodesByFarm::<Test>::contains_key(first, NodeKey::from(node)));
		assert!(NodesByFarm::<Test>::contains_key(second, NodeKey::from(node)));
		assert_eq!(Farms::<Test>::get(first).unwrap().nodes, 0);
		assert_eq!(Farms::<Test>::get(second).unwrap().nodes, 1);
		// The farm it left can go; the one it is in cannot.
		assert_ok!(Grid::delete_farm(signed(1), first));
		assert_noop!(Grid::delete_farm(signed(1), second), Error::<Test>::FarmHasNodes);
		assert_noop!(
			Grid::update_node(signed(1), node, foreign, spec()),
			Error::<Test>::FarmOfAnotherOwner
		);
		assert_noop!(Grid::update_node(signed(1), node, 99, spec()), Error::<Test>::FarmNotFound);
		assert_ok!(Grid::delete_node(signed(1), node));
		assert_eq!(NodesByFarm::<Test>::iter_prefix(second).count(), 0);
		assert_eq!(Farms::<Test>::get(second).unwrap().nodes, 0);
	});
}

#[test]
fn only_the_farmer_moves_a_node() {
	run(|| {
		let [first, second] = farms_of(1, ["first", "second"]);
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
		let [first, full] = farms_of(1, ["first", "full"]);
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
		let [farm, other] = farms_of(1, ["farm", "other"]);
		let node = node_in(1, farm);
		let certification = || Nodes::<Test>::get(node).unwrap().certification;
		governance_certifies(node);
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
			governance_certifies(node);
			let mut changed = spec();
			change(&mut changed);
			assert_ok!(Grid::update_node(signed(1), node, farm, changed));
			assert_eq!(certification(), NodeCertification::Diy);
			assert_ok!(Grid::update_node(signed(1), node, farm, spec()));
		}
		governance_certifies(node);
		assert_ok!(Grid::update_node(signed(1), node, other, spec()));
		assert_eq!(certification(), NodeCertification::Diy);
	});
}

#[test]
fn new_resources_uncertify_a_node_and_must_cover_its_usage() {
	run(|| {
		let (farm, [node]) = farm_with_nodes(1);
		governance_certifies(node);
		// Same resources: still certified.
		assert_ok!(Grid::update_node(signed(1), node, farm, spec()));
		assert_eq!(Nodes::<Test>::get(node).unwrap().certification, NodeCertification::Certified);
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
		let (farm, [first]) = farm_with_nodes(1);
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
		let (_, node) = farm_with_node_of_key(1);
		assert_ok!(Grid::set_node_public_config(signed(1), node, Some(public_config())));
		let config = Nodes::<Test>::get(node).unwrap().public_config.expect("set");
		assert!(is_link_local_v6(config.ipv6().expect("set").gateway()));
		assert_eq!(config.domain().map(|d| d.as_bytes()), Some(&b"node1.grid.example.org"[..]));
		assert_noop!(
			Grid::set_node_public_config(signed(NODE_KEY), node, Some(public_config())),
			pallet_twins::Error::<Test>::NotTwinController
		);
		assert_noop!(Grid::set_node_public_config(signed(1), 5, None), Error::<Test>::NodeNotFound);
		let refused = |change: fn(&mut PublicConfigInput), error: Error<Test>| {
			let mut bad = public_config();
			change(&mut bad);
			assert_noop!(Grid::set_node_public_config(signed(1), node, Some(bad)), error);
		};
		refused(|c| c.ipv4 = ipv4([10, 0, 0, 5], 24, [10, 0, 0, 1]), Error::<Test>::IpNotPublic);
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
		let (_, node) = farm_with_node_of_key(1);
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
		assert_noop!(Grid::report_uptime(signed(NODE_KEY), 7, 1, NOW), Error::<Test>::NodeNotFound);
	});
}

#[test]
fn only_the_machine_reports_that_it_runs() {
	run(|| {
		let (_, node) = farm_with_node_of_key(1);
		// The farmer controls the node twin's parent, so it may act for the node, but uptime
		// and power state are the machine's to tell: a farmer could claim them for a machine
		// that never ran.
		assert_noop!(
			Grid::report_uptime(signed(1), node, 3_600, NOW),
			pallet_twins::Error::<Test>::NotTwinController
		);
		assert_noop!(
			Grid::set_power_state(signed(1), node, Power::Down),
			pallet_twins::Error::<Test>::NotTwinController
		);
		assert_ok!(Grid::report_uptime(signed(NODE_KEY), node, 3_600, NOW));
		assert_ok!(Grid::set_power_state(signed(NODE_KEY), node, Power::Down));
	});
}

#[test]
fn the_farmer_sets_the_power_target_and_the_node_its_state() {
	run(|| {
		let (_, node) = farm_with_node_of_key(1);
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
		let (_, [node]) = farm_with_nodes(1);
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
		let (_, [node]) = farm_with_nodes(1);
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
		assert_eq!(Nodes::<Test>::get(node).unwrap().certification, NodeCertification::Certified);
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
