//! # Zero Chain's fuzzer
//!
//! A stateful fuzzer over every call of the twins, circles and grid pallets (43 calls), on a
//! runtime that wires them as the chain does ([`mock`]). Six accounts, one of them nearly
//! broke, make up calls at random ([`calls`]): on their own twins and others', on ids that
//! exist, were deleted or never were, with key proofs and entity signatures made for another
//! twin, account or nonce; governance names certifiers and certifies now and then.
//!
//! After every call ([`checks::Before`]): a refused call left the state as it was (its storage
//! root), and an accepted one granted, changed or removed no role beyond what the circle whose
//! rights it used lets its acting twin's role there do, and took a node's uptime or power
//! state only from the node's own key. After every block of [`CALLS_PER_BLOCK`] calls, with
//! the blocks' idle time run ([`checks::after_block`]): every pallet's `do_try_state`; no
//! query shows who is in a private circle; nothing outlives the twin or the certifier it
//! depended on.
//!
//! A run is reproducible from its seed. `scripts/fuzz.sh` runs it (docs/security.md gives the
//! figures); the test suite runs short seeds (`tests/seeds.rs`).

pub mod calls;
mod checks;
pub mod mock;

use calls::{Caller, Rng, KINDS};
use frame_support::{
	traits::{OnIdle, UnfilteredDispatchable},
	weights::Weight,
};
use mock::*;
use sp_runtime::StateVersion;

/// How many calls one block holds.
pub const CALLS_PER_BLOCK: u64 = 20;

/// What a run did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Report {
	/// Calls made.
	pub calls: u64,
	/// Calls refused with an error (and checked to have changed nothing).
	pub refused: u64,
	/// Blocks, each followed by the invariants.
	pub blocks: u64,
	/// Invariant checks made, after calls and after blocks.
	pub checks: u64,
}

/// Makes `calls` calls from seed `seed`, checking after each call and each block; panics with
/// the seed, the call and what broke at the first broken rule.
pub fn run(seed: u64, calls: u64) -> Report {
	let mut ext = genesis();
	let mut rng = Rng::new(seed);
	let mut report = Report::default();
	while report.calls < calls {
		let block = report.blocks + 2;
		ext.execute_with(|| {
			start_block(block);
			for _ in 0..CALLS_PER_BLOCK.min(calls - report.calls) {
				report.calls += 1;
				let kind = rng.below(KINDS);
				let (sender, call) = Caller { rng: &mut rng }.make(kind);
				let before = checks::Before::of(sender, &call);
				let root = sp_io::storage::root(StateVersion::V1);
				let outcome = call.clone().dispatch_bypass_filter(sender.origin());
				let verdict = match outcome {
					Ok(_) => before.accepted(sender, &call),
					Err(_) => {
						report.refused += 1;
						let unchanged = sp_io::storage::root(StateVersion::V1) == root;
						unchanged
							.then_some(())
							.ok_or_else(|| "refused, but changed the state".into())
					},
				};
				report.checks += 1;
				if let Err(why) = verdict {
					panic!("seed {seed}, call {}: {call:?} from {sender:?}: {why}", report.calls);
				}
			}
			end_block(block);
			match checks::after_block() {
				Ok(made) => report.checks += made,
				Err(why) => {
					panic!("seed {seed}, after block {block} (call {}): {why}", report.calls)
				},
			}
		});
		ext.commit_all().expect("the block's changes are committed");
		report.blocks += 1;
	}
	report
}

/// Starts block `number`, six seconds after the last; the last block's events are dropped.
fn start_block(number: u64) {
	System::reset_events();
	System::set_block_number(number);
	pallet_timestamp::Pallet::<Test>::set_timestamp(number * 6_000);
}

/// Ends block `number` with all the idle time the pallets want (none of the three pallets
/// has other hooks).
fn end_block(number: u64) {
	<AllPalletsWithSystem as OnIdle<u64>>::on_idle(number, Weight::MAX);
}
