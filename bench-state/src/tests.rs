//! The genesis registers what its counts say, as the pallets' own calls would, and refuses
//! counts that make no state.

use crate::{fixture, mock::*, BenchCounts};
use frame_support::traits::fungible::InspectHold;
use pallet_circles::{CircleVisibility, Role};
use pallet_grid::FarmName;
use pallet_twins::PublicKey;
use sp_runtime::AccountId32;
use zerochain_primitives::{CountryCode, TwinName};

fn counts(twins: u32, farms: u32, nodes_per_farm: u32, circles: u32, members: u32) -> BenchCounts {
	BenchCounts { twins, farms, nodes_per_farm, circles, members_per_circle: members }
}

fn account(twin: u32) -> AccountId32 {
	AccountId32::new(fixture::account_seed(twin))
}

/// Every pallet's invariants hold on the state: indexes point back, counts count, deposits
/// are held.
fn check_invariants() {
	pallet_twins::Pallet::<Test>::do_try_state().expect("the twins' invariants hold");
	pallet_circles::Pallet::<Test>::do_try_state().expect("the circles' invariants hold");
	pallet_grid::Pallet::<Test>::do_try_state().expect("the grid's invariants hold");
}

#[test]
fn twins_have_their_account_name_relay_and_proven_key() {
	built(counts(30, 2, 3, 5, 3)).execute_with(|| {
		assert_eq!(pallet_twins::Twins::<Test>::count(), 30);
		for twin in [1, 24] {
			let record = pallet_twins::Twins::<Test>::get(twin).expect("the twin exists");
			assert_eq!(record.account, account(twin));
			assert_eq!(record.name.unwrap().as_bytes(), fixture::twin_name(twin).as_slice());
			assert_eq!(record.relay.unwrap().as_bytes(), fixture::relay(twin).as_slice());
			let key = PublicKey::Ed25519(fixture::TwinKey::of(twin).public());
			assert_eq!(record.public_key, Some(key));
			assert_eq!(pallet_twins::TwinByKey::<Test>::get(key), Some(twin));
			assert_eq!(pallet_twins::TwinByAccount::<Test>::get(account(twin)), Some(twin));
			let name = TwinName::try_from(frame_support::BoundedVec::truncate_from(
				fixture::twin_name(twin),
			))
			.unwrap();
			assert_eq!(pallet_twins::TwinByName::<Test>::get(name), Some(twin));
		}
		check_invariants();
	});
}

#[test]
fn farms_have_their_nodes_on_child_twins_of_the_owner() {
	built(counts(30, 2, 3, 0, 0)).execute_with(|| {
		// 24 top-level twins; farm 2's nodes are twins 28, 29 and 30.
		let farm = pallet_grid::Farms::<Test>::get(2).expect("farm 2 exists");
		assert_eq!(farm.owner, 2);
		assert_eq!(farm.nodes, 3);
		assert_eq!(farm.public_ips.len(), 1);
		let name =
			FarmName::try_from(frame_support::BoundedVec::truncate_from(fixture::farm_name(2)))
				.unwrap();
		assert_eq!(pallet_grid::FarmByName::<Test>::get(name.folded()), Some(2));
		for (index, twin) in (28..=30).enumerate() {
			let node = pallet_grid::NodeByTwin::<Test>::get(twin).expect("the twin has a node");
			let record = pallet_grid::Nodes::<Test>::get(node).unwrap();
			assert_eq!(record.farm, 2);
			let spec = fixture::node_spec(2, index as u32);
			assert_eq!(record.resources, spec.resources);
			assert_eq!(
				record.location.country(),
				CountryCode::try_from(fixture::country(2)).unwrap()
			);
			let twin_record = pallet_twins::Twins::<Test>::get(twin).unwrap();
			assert_eq!(twin_record.parent.map(|link| link.twin), Some(2));
			assert_eq!(twin_record.account, account(2));
		}
		// The owner holds its twin's, its farm's and three nodes' and node twins' deposits.
		let held = |reason| Balances::balance_on_hold(&reason, &account(2));
		assert_eq!(held(pallet_twins::HoldReason::TwinDeposit.into()), 4 * 10);
		assert_eq!(held(pallet_grid::HoldReason::FarmDeposit.into()), 50);
		assert_eq!(held(pallet_grid::HoldReason::NodeDeposit.into()), 3 * 20);
		check_invariants();
	});
}

#[test]
fn circles_have_the_twins_after_their_owner_as_members_and_wrap_around() {
	built(counts(4, 0, 0, 4, 3)).execute_with(|| {
		let circle = pallet_circles::Circles::<Test>::get(4).expect("circle 4 exists");
		assert_eq!(circle.owner, 4);
		assert_eq!(circle.visibility, CircleVisibility::Public);
		for member in [1, 2, 3] {
			let entry = pallet_circles::Members::<Test>::get(4, member).expect("a member");
			assert_eq!(entry.role, Role::Member);
		}
		assert!(pallet_circles::PendingEntries::<Test>::iter().next().is_none());
		check_invariants();
	});
}

#[test]
fn no_counts_register_nothing() {
	built(counts(0, 0, 0, 0, 0)).execute_with(|| {
		assert_eq!(pallet_twins::Twins::<Test>::count(), 0);
		assert_eq!(pallet_grid::LastFarmId::<Test>::get(), 0);
	});
}

#[test]
#[should_panic(expected = "fewer twins than farms × nodes per farm")]
fn fewer_twins_than_nodes_fail_the_build() {
	built(counts(5, 2, 3, 0, 0));
}

#[test]
#[should_panic(expected = "more farms than top-level twins")]
fn more_farms_than_owners_fail_the_build() {
	built(counts(7, 3, 2, 0, 0));
}

#[test]
#[should_panic(expected = "a circle's members must be other top-level twins")]
fn circles_larger_than_the_phonebook_fail_the_build() {
	built(counts(3, 0, 0, 1, 3));
}

#[test]
fn a_twin_key_is_the_substrate_ed25519_key_of_its_seed() {
	use sp_core::Pair as _;
	let seed = sp_io::hashing::blake2_256(&codec::Encode::encode(&(b"zerochain/bench/key", 7u32)));
	let pair = sp_core::ed25519::Pair::from_seed(&seed);
	let key = fixture::TwinKey::of(7);
	assert_eq!(key.public(), pair.public().0);
	assert!(sp_core::ed25519::Pair::verify(
		&sp_core::ed25519::Signature::from_raw(key.sign(b"message")),
		b"message",
		&pair.public()
	));
}

#[test]
#[should_panic(expected = "more nodes a farm than a twin may have child twins")]
fn more_nodes_than_children_fail_the_build() {
	built(counts(30, 1, 9, 0, 0));
}

#[test]
#[should_panic(expected = "more members a circle than a circle may have")]
fn more_members_than_a_circle_holds_fail_the_build() {
	built(counts(20, 0, 0, 1, 8));
}

#[test]
#[should_panic(expected = "more circles a twin than a twin may be in")]
fn more_circles_than_a_twin_may_be_in_fail_the_build() {
	built(counts(4, 0, 0, 12, 3));
}
