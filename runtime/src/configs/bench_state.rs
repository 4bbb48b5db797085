//! `pallet_bench_state`: the benchmark chain's phonebook at genesis.

use crate::{Balance, Runtime, UNITS};
use frame_support::parameter_types;

parameter_types! {
	/// A thousand ZERO for each generated account: its twin (1), a farm (10) and, at the most
	/// nodes a farm's owner can give twins (256), each node's twin and node (2 each), with
	/// room for its circles and invitations.
	pub const BenchEndowment: Balance = 1_000 * UNITS;
}

impl pallet_bench_state::Config for Runtime {
	type Endowment = BenchEndowment;
}
