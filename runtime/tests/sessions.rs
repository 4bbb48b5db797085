//! The block that starts a session: the validator set's hook ends the session, charged what
//! the rotation measured, and the block keeps its room for transactions.

mod common;

use common::preset_state;
use frame_support::dispatch::DispatchClass;
use sp_runtime::traits::Header as _;
use zerochain_runtime::{
	genesis_config_presets::LOCAL_TESTNET_PRESET, Executive, Header, Runtime, Session, System,
};

/// Initialises block `number` after block `number - 1` (no transactions yet) and returns the
/// weight it used.
fn initialize(number: u32) -> u64 {
	System::set_block_number(number - 1);
	Executive::initialize_block(&Header::new(
		number,
		Default::default(),
		Default::default(),
		System::parent_hash(),
		Default::default(),
	));
	System::block_weight().total().ref_time()
}

#[test]
fn the_block_that_starts_a_session_leaves_room_for_transactions() {
	preset_state(LOCAL_TESTNET_PRESET).execute_with(|| {
		let length = pallet_validator_set::SessionBlocks::<Runtime>::get();
		let ordinary = initialize(length - 1);
		assert_eq!(Session::current_index(), 0);

		let starting = initialize(length);
		assert_eq!(Session::current_index(), 1, "the session ends at its length");
		let weights = <Runtime as frame_system::Config>::BlockWeights::get();
		let normal = weights.get(DispatchClass::Normal).max_total.expect("normal has a limit");
		assert!(starting > ordinary, "the rotation is charged");
		assert!(
			starting < normal.ref_time() / 20,
			"the session change takes {starting} of a normal budget of {}",
			normal.ref_time()
		);
	});
}
