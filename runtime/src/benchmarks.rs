//! The pallets `zerochain benchmark pallet` measures (a node built with
//! `--features runtime-benchmarks`; see docs/benchmarks.md).

frame_benchmarking::define_benchmarks!(
	[frame_system, SystemBench::<Runtime>]
	[frame_system_extensions, SystemExtensionsBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_transaction_payment, TransactionPayment]
	[pallet_timestamp, Timestamp]
	[pallet_sudo, Sudo]
	[pallet_validator_set, ValidatorSet]
	[pallet_governance, Governance]
	[pallet_twins, Twins]
	[pallet_circles, Circles]
	[pallet_grid, Grid]
);

impl frame_system_benchmarking::Config for crate::Runtime {}

/// Fees go to no author here, so the payment benchmark needs no set-up.
impl pallet_transaction_payment::BenchmarkConfig for crate::Runtime {}
