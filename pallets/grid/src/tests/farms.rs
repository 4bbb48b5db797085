//! Unit tests: farms.

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
		assert_eq!(zerochain_primitives::held::<Balance>(&farm.deposit), FARM_DEPOSIT);
		assert_eq!(Grid::farm_deposit(), FARM_DEPOSIT);
		let record = pallet_twins::Records::<Test>::get(1, farm.record).expect("recorded");
		assert_eq!(record.kind, zerochain_primitives::RecordKind::Farm);
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
		// Private; loopback, link-local and shared; documentation; multicast, reserved and
		// "this network".
		let private = [[10, 1, 2, 3], [172, 16, 5, 4], [192, 168, 1, 10]];
		let local = [[127, 0, 0, 2], [169, 254, 1, 2], [100, 64, 3, 4]];
		let documentation = [[192, 0, 2, 10], [198, 51, 100, 10], [203, 0, 113, 10]];
		let other = [[224, 0, 0, 10], [240, 0, 0, 10], [0, 1, 2, 3]];
		for ip in [private, local, documentation, other].into_iter().flatten() {
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
		assert_noop!(add(ipv4(host, 24, [185, 69, 167, 1])), Error::<Test>::GatewayOutsideSubnet);
		assert_noop!(add(ipv4(host, 24, [185, 69, 166, 255])), Error::<Test>::IpNotHost);
		assert_noop!(add(ipv4([185, 69, 166, 0], 24, [185, 69, 166, 1])), Error::<Test>::IpNotHost);
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
		assert_eq!(FarmByName::<Test>::get(FarmName::try_from(text("newname")).unwrap()), Some(1));
		assert_eq!(FarmByName::<Test>::get(FarmName::try_from(text("farm")).unwrap()), None);
		assert!(matches!(last_event(), GridEvent::FarmRenamed { farm: 1, .. }));
		assert_noop!(Grid::rename_farm(signed(1), 1, text("OTHER")), Error::<Test>::FarmNameTaken);
		assert_noop!(Grid::rename_farm(signed(1), 1, text("x")), Error::<Test>::InvalidFarmName);
		assert_noop!(
			Grid::rename_farm(signed(2), 1, text("mine")),
			pallet_twins::Error::<Test>::NotTwinController
		);
		assert_noop!(Grid::rename_farm(signed(1), 9, text("mine")), Error::<Test>::FarmNotFound);
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
		assert_noop!(Grid::add_farm_ip(signed(1), 7, public_ip(12)), Error::<Test>::FarmNotFound);
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
		assert_ok!(Grid::set_farm_certification(RuntimeOrigin::root(), 1, FarmCertification::Gold));
		assert_eq!(Farms::<Test>::get(1).unwrap().certification, FarmCertification::Gold);
	});
}

#[test]
fn the_owner_sets_the_dedicated_flag() {
	run(|| {
		assert_ok!(create_farm(1, "farm", &[]));
		assert_ok!(Grid::set_farm_dedicated(signed(1), 1, true));
		assert!(Farms::<Test>::get(1).unwrap().dedicated);
		assert!(matches!(last_event(), GridEvent::FarmDedicatedSet { farm: 1, dedicated: true }));
		assert_noop!(
			Grid::set_farm_dedicated(signed(2), 1, false),
			pallet_twins::Error::<Test>::NotTwinController
		);
		assert_noop!(Grid::set_farm_dedicated(signed(1), 3, false), Error::<Test>::FarmNotFound);
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
