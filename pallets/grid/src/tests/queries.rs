//! Unit tests: queries.

use super::*;
use zerochain_primitives::{paging, CountryCode};

#[test]
fn a_farm_lists_its_nodes_by_page() {
	run(|| {
		let [farm, other] = farms_of(1, ["farm", "other"]);
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

/// A farm of `size` nodes, copies of one real node (the mock's farms hold three), a page of
/// ten read from its middle, and the bytes of trie that reading it takes beyond what reading
/// its ten nodes by id takes (storage proofs of both).
fn page_from_the_middle(size: NodeId) -> (Vec<NodeId>, usize) {
	let mut ext = new_test_ext();
	let farm = ext.execute_with(|| {
		let farm = farm_of(1, "farm", vec![]);
		let node = Nodes::<Test>::get(node_in(1, farm)).unwrap();
		for id in 2..=size {
			Nodes::<Test>::insert(id, node.clone());
			NodesByFarm::<Test>::insert(farm, NodeKey::from(id), ());
		}
		farm
	});
	ext.commit_all().unwrap();
	let (page, proof) = ext.execute_and_prove(|| Grid::farm_nodes_page(farm, Some(size / 2), 10));
	let ids: Vec<NodeId> = page.into_iter().map(|(id, _)| id).collect();
	let (_, nodes) =
		ext.execute_and_prove(|| ids.iter().copied().filter_map(Nodes::<Test>::get).count());
	let bytes = |nodes: alloc::collections::BTreeSet<Vec<u8>>| nodes.iter().map(Vec::len).sum();
	let (page_bytes, node_bytes): (usize, usize) =
		(bytes(proof.into_nodes()), bytes(nodes.into_nodes()));
	(ids, page_bytes.saturating_sub(node_bytes))
}

#[test]
fn a_page_of_a_farms_nodes_reads_the_page_not_the_farm() {
	let (page, small) = page_from_the_middle(40);
	assert_eq!(page, (21..=30).collect::<Vec<_>>());
	// Across the byte boundaries of the ids: the keys are in id order.
	let (page, large) = page_from_the_middle(4_000);
	assert_eq!(page, (2_001..=2_010).collect::<Vec<_>>());
	println!(
		"a page of 10 nodes reads {small} bytes of trie beyond its nodes from a farm of 40 \
		 nodes, {large} from one of 4,000"
	);
	// The way to the page through the farm's index, not the farm's other keys.
	assert!(large < 4_096, "{large} bytes beyond its nodes for a page of a farm of 4,000");
}

#[test]
fn a_search_filters_by_country_certification_and_free_capacity() {
	run(|| {
		let (farm, [ghent, busy]) = farm_with_nodes(1);
		let cairo = node_in_country(1, farm, b"EG");
		governance_certifies(ghent);
		let used = Resources { cores: 7, ..Default::default() };
		assert_ok!(Grid::report_used_resources(signed(1), busy, used));

		let found = |filter: NodeFilter| -> Vec<NodeId> {
			let page = Grid::search_nodes(&filter, None, 10);
			assert_eq!(page.next, None, "every node was looked at");
			page.items.into_iter().map(|(id, _)| id).collect()
		};
		assert_eq!(found(NodeFilter::default()), vec![ghent, busy, cairo]);
		let belgium = Some(CountryCode::try_from(*b"BE").unwrap());
		assert_eq!(found(NodeFilter { country: belgium, ..Default::default() }), vec![ghent, busy]);
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
		assert_eq!(first.items.iter().map(|(id, _)| *id).collect::<Vec<_>>(), nodes[..2]);
		assert_eq!(first.next, Some(nodes[1]));
		let second = Grid::search_nodes(&NodeFilter::default(), first.next, 2);
		assert_eq!(second.items.iter().map(|(id, _)| *id).collect::<Vec<_>>(), nodes[2..]);
		assert_eq!(second.next, None);
		assert!(Grid::search_nodes(&NodeFilter::default(), Some(NodeId::MAX), 2)
			.items
			.is_empty());

		// Ids far beyond the nodes (as after many deletions): one call looks at
		// paging::SCAN_LIMIT ids and says where to go on.
		LastNodeId::<Test>::put(3 + 2 * paging::SCAN_LIMIT);
		let sparse = Grid::search_nodes(&NodeFilter::default(), Some(nodes[2]), 2);
		assert!(sparse.items.is_empty());
		assert_eq!(sparse.next, Some(3 + paging::SCAN_LIMIT));
		LastNodeId::<Test>::put(3);
	});
}

fn country(code: &[u8; 2]) -> CountryCode {
	CountryCode::try_from(*code).unwrap()
}

fn node_in_country(account: AccountId, farm: FarmId, code: &[u8; 2]) -> NodeId {
	let twin = child_twin(account);
	let mut there = spec();
	there.location.country = *code;
	assert_ok!(Grid::create_node(signed(account), farm, twin, there));
	LastNodeId::<Test>::get()
}

#[test]
fn the_totals_follow_nodes_as_they_come_change_and_go() {
	run(|| {
		let [farm, other] = farms_of(1, ["farm", "other"]);
		let ghent = node_in_country(1, farm, b"BE");
		let cairo = node_in_country(1, farm, b"EG");
		let liege = node_in_country(1, other, b"BE");
		let one = spec().resources;
		let totals = Totals::<Test>::get();
		assert_eq!((totals.farms, totals.nodes, totals.certified_nodes), (2, 3, 0));
		assert_eq!(totals.resources, ResourceTotals::default().plus(&one).plus(&one).plus(&one));
		assert_eq!(
			Countries::<Test>::get(country(b"BE")).map(|c| (c.farms, c.nodes)),
			Some((2, 2))
		);
		assert_eq!(Grid::farm_countries(farm), vec![(country(b"BE"), 1), (country(b"EG"), 1)]);

		governance_certifies(ghent);
		let used = Resources { cores: 1, ..Default::default() };
		assert_ok!(Grid::report_used_resources(signed(1), liege, used));
		let totals = Totals::<Test>::get();
		assert_eq!(
			(totals.certified_nodes, totals.used),
			(1, ResourceTotals::default().plus(&used))
		);
		assert_eq!(Countries::<Test>::get(country(b"BE")).unwrap().certified_nodes, 1);

		// Cairo's node moves to Belgium: Egypt has no node left and leaves the overview.
		let mut moved = spec();
		moved.location.country = *b"BE";
		assert_ok!(Grid::update_node(signed(1), cairo, farm, moved));
		assert_eq!(Countries::<Test>::get(country(b"EG")), None);
		assert_eq!(Grid::farm_countries(farm), vec![(country(b"BE"), 2)]);
		assert_eq!(
			Countries::<Test>::get(country(b"BE")).map(|c| (c.farms, c.nodes)),
			Some((2, 3))
		);

		assert_ok!(Grid::delete_node(signed(1), liege));
		assert_ok!(Grid::delete_farm(signed(1), other));
		let totals = Totals::<Test>::get();
		assert_eq!((totals.farms, totals.nodes, totals.used), (1, 2, ResourceTotals::default()));
		assert_eq!(
			Countries::<Test>::get(country(b"BE")).map(|c| (c.farms, c.nodes)),
			Some((1, 2))
		);
		// `run` recounts everything after the test and compares (`try_state`).
	});
}

#[test]
fn farms_are_listed_by_page_filtered_by_country_and_certification() {
	run(|| {
		let [belgian, egyptian, empty] = farms_of(1, ["belgian", "egyptian", "empty"]);
		node_in_country(1, belgian, b"BE");
		node_in_country(1, egyptian, b"EG");
		assert_ok!(Grid::set_farm_certification(
			RuntimeOrigin::root(),
			egyptian,
			FarmCertification::Gold
		));
		let found = |filter: FarmFilter, after, limit| -> (Vec<FarmId>, Option<FarmId>) {
			let page = Grid::farms_page(&filter, after, limit);
			(page.items.into_iter().map(|(id, _)| id).collect(), page.next)
		};
		assert_eq!(found(FarmFilter::default(), None, 10), (vec![belgian, egyptian, empty], None));
		assert_eq!(
			found(FarmFilter::default(), None, 2),
			(vec![belgian, egyptian], Some(egyptian))
		);
		assert_eq!(found(FarmFilter::default(), Some(egyptian), 2), (vec![empty], None));
		let in_egypt = FarmFilter { country: Some(country(b"EG")), ..Default::default() };
		assert_eq!(found(in_egypt, None, 10), (vec![egyptian], None));
		let gold =
			FarmFilter { certification: Some(FarmCertification::Gold), ..Default::default() };
		assert_eq!(found(gold, None, 10), (vec![egyptian], None));
		let nowhere = FarmFilter { country: Some(country(b"FR")), ..Default::default() };
		assert_eq!(found(nowhere, None, 10), (vec![], None));
	});
}

#[test]
fn a_node_that_loses_its_certification_on_an_update_says_so() {
	run(|| {
		let (farm, [node]) = farm_with_nodes(1);
		governance_certifies(node);
		let mut bigger = spec();
		bigger.resources.cores += 1;
		assert_ok!(Grid::update_node(signed(1), node, farm, bigger));
		assert_eq!(
			last_event(),
			GridEvent::NodeCertificationSet { node, certification: NodeCertification::Diy }
		);
		assert_eq!(Totals::<Test>::get().certified_nodes, 0);
	});
}

#[test]
fn the_largest_resources_a_node_may_declare_do_not_throw_the_totals_off() {
	run(|| {
		let (farm, [modest, huge]) = farm_with_nodes(1);
		let mut most = spec();
		most.resources =
			Resources { cores: u32::MAX, memory: u64::MAX, ssd: u64::MAX, hdd: u64::MAX };
		assert_ok!(Grid::update_node(signed(1), huge, farm, most));
		let totals = Totals::<Test>::get();
		assert_eq!(
			totals.resources.memory,
			u128::from(u64::MAX) + u128::from(spec().resources.memory)
		);
		// Back to an ordinary machine: the sum is the two ordinary ones again, exactly.
		assert_ok!(Grid::update_node(signed(1), huge, farm, spec()));
		let two = ResourceTotals::default().plus(&spec().resources).plus(&spec().resources);
		assert_eq!(Totals::<Test>::get().resources, two);
		assert_ok!(Grid::delete_node(signed(1), modest));
		// `run` recounts everything after the test and compares (`try_state`).
	});
}

#[test]
fn a_farm_comes_with_the_countries_of_its_nodes() {
	run(|| {
		let farm = farm_of(1, "farm", vec![]);
		node_in_country(1, farm, b"EG");
		node_in_country(1, farm, b"BE");
		node_in_country(1, farm, b"BE");
		let (record, countries) = Grid::farm_details(farm).expect("the farm exists");
		assert_eq!(record.name.as_bytes(), b"farm");
		assert_eq!(countries, vec![(country(b"BE"), 2), (country(b"EG"), 1)]);
		assert_eq!(Grid::farm_details(farm + 1), None);
	});
}
