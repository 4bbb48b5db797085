//! Sessions end in this pallet's hook, every `session_blocks` blocks, charged the rotation's
//! measured weight rather than the whole block.

use super::*;
use crate::{weights::WeightInfo, SessionBlocks, UNMEASURED_ROTATION_ACCESSES};
use frame_support::{
	assert_ok,
	traits::{Get, Hooks},
	weights::{constants::RocksDbWeight, Weight},
};

fn noting_the_author() -> Weight {
	RocksDbWeight::get().reads_writes(1, 1)
}

#[test]
fn a_session_ends_every_session_length_blocks() {
	run(|| {
		let length = SessionBlocks::<Test>::get();
		assert_eq!(length, 5);
		for now in 1..length {
			assert_eq!(
				ValidatorSet::on_initialize(now),
				noting_the_author() + RocksDbWeight::get().reads(1)
			);
		}
		assert_eq!(Session::current_index(), 0, "no session ends before its last block");
		assert_eq!(
			ValidatorSet::on_initialize(length),
			noting_the_author()
				+ <() as WeightInfo>::rotate_session()
				+ RocksDbWeight::get()
					.reads_writes(UNMEASURED_ROTATION_ACCESSES.0, UNMEASURED_ROTATION_ACCESSES.1)
		);
		assert_eq!(Session::current_index(), 1);
		ValidatorSet::on_initialize(2 * length);
		assert_eq!(Session::current_index(), 2);
	});
}

#[test]
fn a_session_change_leaves_the_block_room_for_transactions() {
	run(|| {
		let max_block = <<Test as frame_system::Config>::BlockWeights as Get<
			frame_system::limits::BlockWeights,
		>>::get()
		.max_block;
		// The session pallet no longer ends sessions itself, so charges nothing...
		assert_eq!(Session::on_initialize(5), Weight::zero());
		assert_eq!(Session::current_index(), 0);
		// ...and the rotation this pallet makes costs a small part of the block.
		let charged = ValidatorSet::on_initialize(5);
		assert_eq!(Session::current_index(), 1);
		assert!(charged.all_lt(max_block / 10), "{charged} of a {max_block} block");
	});
}

#[test]
fn a_change_planned_in_the_hook_applies_two_sessions_later() {
	run(|| {
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 5));
		ValidatorSet::on_initialize(5);
		assert_eq!(active(), vec![1, 2, 3, 4], "session 1 was planned before the admission");
		ValidatorSet::on_initialize(10);
		assert_eq!(active(), vec![1, 2, 3, 4, 5]);
	});
}
