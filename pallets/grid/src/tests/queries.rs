//! Unit tests: queries.

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
