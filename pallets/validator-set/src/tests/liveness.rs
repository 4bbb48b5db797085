//! Dropping validators that author nothing, within the minimum and the two-thirds rule.

use super::*;
use crate::{
	liveness::{grandpa_supermajority, idle_to_drop},
	IdleSessions, MaxIdleSessions, Validators,
};
use frame_support::assert_ok;

#[test]
fn a_validator_idle_for_the_threshold_is_dropped() {
	run(|| {
		end_session_authored_by(&[1, 2, 3]);
		assert_eq!(IdleSessions::<Test>::get(4), 1);
		assert!(set_events().is_empty(), "one idle session is below the threshold");
		end_session_authored_by(&[1, 2, 3]);
		assert_eq!(
			set_events(),
			vec![SetEvent::ValidatorDropped { who: 4, idle_sessions: 2, effective_session: 3 }]
		);
		assert_eq!(Validators::<Test>::get().into_inner(), vec![1, 2, 3]);
		assert_eq!(IdleSessions::<Test>::get(4), 0, "a dropped validator's count is forgotten");
		reach_session(3);
		assert_eq!(active(), vec![1, 2, 3]);
	});
}

#[test]
fn authoring_again_clears_the_count() {
	run(|| {
		end_session_authored_by(&[1, 2, 3]);
		end_session_authored_by(&[1, 2, 3, 4]);
		assert_eq!(IdleSessions::<Test>::get(4), 0);
		end_session_authored_by(&[1, 2, 3]);
		assert!(set_events().is_empty());
		assert!(Validators::<Test>::get().contains(&4));
	});
}

#[test]
fn sessions_before_admission_do_not_count() {
	run(|| {
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 5));
		reach_session(2);
		assert_eq!(IdleSessions::<Test>::get(5), 0, "5 was not active in sessions 0 and 1");
		end_session_authored_by(&[1, 2, 3, 4]);
		assert_eq!(IdleSessions::<Test>::get(5), 1, "session 2 was its first");
	});
}

#[test]
fn no_drop_that_leaves_too_few_live_to_finalise() {
	run(|| {
		// Three of four idle: dropping two (to the minimum) would leave one live of two.
		for _ in 0..3 {
			end_session_authored_by(&[1]);
		}
		assert!(set_events().is_empty());
		assert_eq!(Validators::<Test>::get().into_inner(), GENESIS_SET.to_vec());
	});
}

#[test]
fn a_zero_threshold_turns_dropping_off() {
	run(|| {
		MaxIdleSessions::<Test>::put(0);
		for _ in 0..4 {
			end_session_authored_by(&[1, 2, 3]);
		}
		assert!(set_events().is_empty());
		assert!(Validators::<Test>::get().contains(&4));
	});
}

#[test]
fn drops_are_chosen_longest_idle_first_within_the_minimum() {
	// Five validators, minimum four: only one goes, the one idle longest.
	assert_eq!(idle_to_drop(&[0, 0, 0, 5, 3], 2, 4), vec![3]);
	// Minimum two: both go, in set order.
	assert_eq!(idle_to_drop(&[0, 0, 0, 5, 3], 2, 2), vec![3, 4]);
	// Below the threshold: nobody.
	assert_eq!(idle_to_drop(&[0, 1, 0, 1], 2, 1), Vec::<usize>::new());
	// Three live of four, minimum three: the idle one goes; three of three finalise.
	assert_eq!(idle_to_drop(&[0, 0, 0, 2], 2, 3), vec![3]);
	// Two live of four, minimum three: one drop would leave two live of three, and GRANDPA
	// needs all three: nobody.
	assert_eq!(idle_to_drop(&[0, 2, 0, 2], 2, 3), Vec::<usize>::new());
	// Minimum two: both go, and two of two finalise.
	assert_eq!(idle_to_drop(&[0, 2, 0, 2], 2, 2), vec![1, 3]);
	// Never the whole set.
	assert_eq!(idle_to_drop(&[4, 4], 2, 1), Vec::<usize>::new());
}

#[test]
fn grandpa_finalises_with_more_than_two_thirds() {
	let needed: Vec<usize> = (1..=7).map(grandpa_supermajority).collect();
	assert_eq!(needed, vec![1, 2, 3, 3, 4, 5, 5]);
}
