//! Equivocation reports from `pallet_offences`: disabled at once, removed at the boundary.

use super::*;
use crate::{MinValidators, Validators};
use frame_support::assert_ok;
use sp_runtime::Perbill;
use sp_staking::offence::{OffenceDetails, OnOffenceHandler};

fn report(offender: AccountId, session: u32) {
	let details = [OffenceDetails { offender: (offender, ()), reporters: vec![9] }];
	<ValidatorSet as OnOffenceHandler<_, _, _>>::on_offence(
		&details,
		&[Perbill::from_percent(100)],
		session,
	);
}

#[test]
fn an_offender_is_disabled_now_and_removed_at_the_boundary() {
	run(|| {
		reach_session(1);
		report(3, 1);
		assert_eq!(Session::disabled_validators(), vec![2], "3 is the third of the active set");
		assert_eq!(
			set_events(),
			vec![SetEvent::OffenderRemoved { who: 3, offence_session: 1, effective_session: 3 }]
		);
		assert_eq!(Validators::<Test>::get().into_inner(), vec![1, 2, 4]);
		reach_session(3);
		assert_eq!(active(), vec![1, 2, 4]);
		assert!(Session::disabled_validators().is_empty());
	});
}

#[test]
fn an_offender_at_the_minimum_is_kept_and_reported() {
	run(|| {
		MinValidators::<Test>::put(4);
		report(2, 0);
		assert_eq!(set_events(), vec![SetEvent::OffenderKept { who: 2, offence_session: 0 }]);
		assert_eq!(Validators::<Test>::get().into_inner(), GENESIS_SET.to_vec());
	});
}

#[test]
fn a_repeated_report_changes_nothing_more() {
	run(|| {
		report(4, 0);
		report(4, 0);
		assert_eq!(set_events().len(), 1);
		assert_eq!(Validators::<Test>::get().into_inner(), vec![1, 2, 3]);
	});
}

#[test]
fn an_offender_no_longer_in_the_set_is_only_disabled() {
	run(|| {
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 4));
		System::reset_events();
		report(4, 0);
		assert!(set_events().is_empty());
		assert_eq!(Session::disabled_validators(), vec![3], "it is still active this session");
	});
}
