//! The weights measured on this project's reference machine (`scripts/benchmark-*.sh`,
//! docs/benchmarks.md) are in the range such a measurement can give: a figure out of it is a
//! run gone wrong (a cold cache, a unit mixed up), which would let blocks overrun their slot
//! or waste it.

use frame_support::weights::constants::{
	WEIGHT_REF_TIME_PER_MICROS as MICROSECOND, WEIGHT_REF_TIME_PER_MILLIS as MILLISECOND,
};
use zerochain_runtime::weights::{BlockExecutionWeight, ExtrinsicBaseWeight, RocksDbWeight};

#[test]
fn a_database_read_or_write_costs_between_a_microsecond_and_a_millisecond() {
	let db = RocksDbWeight::get();
	for (what, cost) in [("read", db.reads(1)), ("write", db.writes(1))] {
		let time = cost.ref_time();
		assert!((MICROSECOND..=MILLISECOND).contains(&time), "a {what} costs {time} ps");
	}
}

#[test]
fn an_extrinsic_costs_between_ten_microseconds_and_a_millisecond_before_its_call() {
	let time = ExtrinsicBaseWeight::get().ref_time();
	assert!((10 * MICROSECOND..=MILLISECOND).contains(&time), "an extrinsic's base: {time} ps");
}

#[test]
fn an_empty_block_costs_between_a_tenth_of_a_millisecond_and_fifty_milliseconds() {
	let time = BlockExecutionWeight::get().ref_time();
	assert!((100 * MICROSECOND..=50 * MILLISECOND).contains(&time), "an empty block: {time} ps");
}
