//! Unit tests: certifications fall with their certifier, and with the farm they vouched for.

use super::*;
use frame_support::{traits::Hooks, weights::Weight};

fn certify(certifier: AccountId, node: NodeId) {
	assert_ok!(Grid::set_node_certification(signed(certifier), node, NodeCertification::Certified));
}

fn certification(node: NodeId) -> NodeCertification {
	Nodes::<Test>::get(node).unwrap().certification
}

fn name_certifiers(certifiers: Vec<AccountId>) {
	assert_ok!(Grid::set_node_certifiers(
		RuntimeOrigin::root(),
		BoundedVec::truncate_from(certifiers)
	));
}

/// Runs the idle hook with room for everything.
fn idle() -> Weight {
	<Grid as Hooks<u64>>::on_idle(1, Weight::MAX)
}

#[test]
fn what_an_unnamed_certifier_certified_is_revoked() {
	run(|| {
		let (_, [by_five, also_by_five, by_six]) = farm_with_nodes(1);
		let by_governance = node_in(1, farm_of(1, "second", vec![]));
		name_certifiers(vec![5, 6]);
		certify(5, by_five);
		certify(5, also_by_five);
		certify(6, by_six);
		governance_certifies(by_governance);
		assert_eq!(Totals::<Test>::get().certified_nodes, 4);
		let look = <Test as frame_system::Config>::DbWeight::get().reads(1);
		assert_eq!(idle(), look, "nothing to revoke while every certifier is named: one read");

		name_certifiers(vec![6]);
		assert_eq!(certification(by_five), NodeCertification::Certified, "revoked in idle time");
		// A look, two certifications revoked, the certifier forgotten, and the empty queue.
		assert_eq!(idle(), look.saturating_add(Grid::revoke_step_weight().saturating_mul(4)));
		for node in [by_five, also_by_five] {
			assert_eq!(certification(node), NodeCertification::Diy);
			System::assert_has_event(
				GridEvent::NodeCertificationRevoked { node, certifier: 5 }.into(),
			);
		}
		for node in [by_six, by_governance] {
			assert_eq!(certification(node), NodeCertification::Certified);
		}
		assert_eq!(Totals::<Test>::get().certified_nodes, 2);
		assert_eq!(Unnamed::<Test>::iter_keys().count(), 0);
	});
}

#[test]
fn revocation_goes_a_node_per_step_and_a_certifier_named_again_keeps_the_rest() {
	run(|| {
		let (_, nodes) = farm_with_nodes::<3>(1);
		name_certifiers(vec![5]);
		for node in nodes {
			certify(5, node);
		}
		name_certifiers(vec![]);
		let look = <Test as frame_system::Config>::DbWeight::get().reads(1);
		let step = Grid::revoke_step_weight();
		assert_eq!(
			<Grid as Hooks<u64>>::on_idle(1, look.saturating_add(step)),
			look.saturating_add(step)
		);
		let certified =
			|| nodes.iter().filter(|n| certification(**n) == NodeCertification::Certified);
		assert_eq!(certified().count(), 2);
		// Without room for a step, it only looks.
		assert_eq!(<Grid as Hooks<u64>>::on_idle(1, step), look);
		name_certifiers(vec![5]);
		idle();
		assert_eq!(certified().count(), 2);
	});
}

#[test]
fn a_certification_the_certifier_no_longer_stands_for_is_not_revoked() {
	run(|| {
		let (farm, [regraded, changed, deleted]) = farm_with_nodes(1);
		name_certifiers(vec![5, 6]);
		for node in [regraded, changed, deleted] {
			certify(5, node);
		}
		// Another certifier certified one again; one changed machine (DIY) and was certified
		// by governance; one was deleted.
		certify(6, regraded);
		let mut other = spec();
		other.resources.cores += 1;
		assert_ok!(Grid::update_node(signed(1), changed, farm, other));
		assert_eq!(certification(changed), NodeCertification::Diy);
		governance_certifies(changed);
		assert_ok!(Grid::delete_node(signed(1), deleted));
		assert_eq!(CertifiedNodes::<Test>::iter_prefix(5).count(), 0);
		name_certifiers(vec![6]);
		idle();
		for node in [regraded, changed] {
			assert_eq!(certification(node), NodeCertification::Certified);
		}
	});
}

#[test]
fn a_new_name_or_new_public_ips_make_another_farm() {
	run(|| {
		let farm = farm_of(1, "farm", vec![public_ip(10)]);
		let gold = |farm| {
			assert_ok!(Grid::set_farm_certification(
				RuntimeOrigin::root(),
				farm,
				FarmCertification::Gold
			));
		};
		let certified = |farm| Farms::<Test>::get(farm).unwrap().certification;
		gold(farm);
		// The same name in other letters is the same farm.
		assert_ok!(Grid::rename_farm(signed(1), farm, text("FARM")));
		assert_eq!(certified(farm), FarmCertification::Gold);
		assert_ok!(Grid::rename_farm(signed(1), farm, text("another")));
		assert_eq!(certified(farm), FarmCertification::NotCertified);
		assert_eq!(last_event(), GridEvent::FarmCertificationReset { farm });
		gold(farm);
		assert_ok!(Grid::add_farm_ip(signed(1), farm, public_ip(11)));
		assert_eq!(certified(farm), FarmCertification::NotCertified);
		assert_eq!(last_event(), GridEvent::FarmCertificationReset { farm });
		gold(farm);
		assert_ok!(Grid::remove_farm_ip(signed(1), farm, [185, 69, 166, 10]));
		assert_eq!(certified(farm), FarmCertification::NotCertified);
		// An uncertified farm changes without a word about certification.
		assert_ok!(Grid::rename_farm(signed(1), farm, text("third")));
		assert!(matches!(last_event(), GridEvent::FarmRenamed { .. }));
	});
}
