//! Unit tests: child twins.

use super::*;

#[test]
fn a_child_is_a_record_of_its_parent() {
	run(|| {
		let (parent, child) = family(1);
		let record = Twins::<Test>::get(child).unwrap();
		assert_eq!(record.parent, Some(ParentLink { twin: parent, record: 1 }));
		assert_eq!(record.depth, 1);
		assert_eq!(
			Records::<Test>::get(parent, 1),
			Some(RecordRef { kind: RecordKind::Twin, key: child })
		);
		assert_eq!(Twins::<Test>::get(parent).unwrap().children, 1);
		// A child is not its controller's top-level twin.
		assert_eq!(TwinByAccount::<Test>::get(1), Some(parent));
		assert_eq!(held(1, HoldReason::TwinDeposit), 2 * TWIN_DEPOSIT);
	});
}

#[test]
fn ancestors_act_for_descendants_but_not_the_other_way() {
	run(|| {
		let (root, child) = family(1);
		// 2 takes the child where it is, under 1's twin.
		hand(1, child, 2, Some(root));
		let grandchild = child_of(2, child);
		// 1 controls the grandparent, so it may act for the grandchild.
		assert_ok!(TwinsPallet::set_relay(signed(1), grandchild, relay("g.example")));
		// 2 controls the child, not the root.
		assert_noop!(
			TwinsPallet::set_relay(signed(2), root, relay("r.example")),
			Error::<Test>::NotTwinController
		);
		assert_noop!(new_child(3, root), Error::<Test>::NotTwinController);
	});
}

#[test]
fn depth_children_and_records_are_bounded() {
	run(|| {
		let mut twin = twin_of(1);
		for _ in 0..3 {
			twin = child_of(1, twin);
		}
		assert_noop!(new_child(1, twin), Error::<Test>::TooDeep);
		let wide = twin_of(2);
		for _ in 0..4 {
			child_of(2, wide);
		}
		assert_noop!(new_child(2, wide), Error::<Test>::TooManyChildren);
		let full = twin_of(3);
		for key in 0..6 {
			assert_ok!(<TwinsPallet as TwinRegistry<AccountId>>::add_record(
				full,
				RecordKind::Farm,
				key
			));
		}
		assert_noop!(new_child(3, full), Error::<Test>::TooManyRecords);
	});
}

#[test]
fn refuses_an_unknown_parent() {
	run(|| {
		assert_noop!(new_child(1, 42), Error::<Test>::TwinNotFound);
	});
}
