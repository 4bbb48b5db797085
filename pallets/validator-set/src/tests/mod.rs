//! Unit tests: governance's changes and when they apply, liveness drops and their limits,
//! equivocation reports and the key record they are proven against, sessions ended by this
//! pallet's hook. Every test ends by checking the pallet's invariants (`mock::run`).

use crate::{mock::*, Event as SetEvent};

mod governance;
mod key_owners;
mod liveness;
mod offences;
mod sessions;

fn set_events() -> Vec<SetEvent<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::ValidatorSet(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// Ends sessions until the ongoing one is `index`, with every active validator authoring.
fn reach_session(index: u32) {
	while Session::current_index() < index {
		end_session_authored_by(&active());
	}
}
