//! Runs the fuzzer: `zerochain-fuzz [CALLS] [CALLS_PER_SEED] [FIRST_SEED]` makes CALLS calls
//! (default 1,000,000) in runs of CALLS_PER_SEED (default 10,000), each from a fresh genesis
//! and its own seed, from FIRST_SEED (default 1) on, and prints what it checked and how fast.
//! A broken rule stops it with the seed and the call that broke it.

use std::time::Instant;
use zerochain_fuzz::{run, Report};

fn argument(index: usize, default: u64) -> u64 {
	std::env::args().nth(index).map_or(default, |text| {
		text.replace(['_', ','], "").parse().unwrap_or_else(|_| {
			eprintln!(
				"usage: zerochain-fuzz [CALLS] [CALLS_PER_SEED] [FIRST_SEED]: {text} is no number"
			);
			std::process::exit(2)
		})
	})
}

fn main() {
	let (calls, per_seed, first_seed) =
		(argument(1, 1_000_000), argument(2, 10_000), argument(3, 1));
	let started = Instant::now();
	let mut total = Report::default();
	let mut seed = first_seed;
	while total.calls < calls {
		let report = run(seed, per_seed.min(calls - total.calls));
		total.calls += report.calls;
		total.refused += report.refused;
		total.blocks += report.blocks;
		total.checks += report.checks;
		seed += 1;
	}
	let seconds = started.elapsed().as_secs_f64();
	println!(
		"{} calls ({} refused) in {} blocks from seeds {first_seed} to {}: {} invariant checks, \
		 none broken, in {seconds:.1} s ({:.0} calls/s)",
		total.calls,
		total.refused,
		total.blocks,
		seed - 1,
		total.checks,
		total.calls as f64 / seconds
	);
}
