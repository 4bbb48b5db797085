//! Admitting and removing validators, and the session from which each change applies.

use super::*;
use crate::{Error, MinValidators, Validators};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::{testing::UintAuthorityId, DispatchError};

#[test]
fn genesis_set_validates_sessions_zero_and_one() {
	run(|| {
		assert_eq!(active(), GENESIS_SET.to_vec());
		assert_eq!(Validators::<Test>::get().into_inner(), GENESIS_SET.to_vec());
		assert_eq!(MinValidators::<Test>::get(), MIN_VALIDATORS);
		reach_session(1);
		assert_eq!(active(), GENESIS_SET.to_vec());
	});
}

#[test]
fn admitted_validator_validates_from_the_second_session_after() {
	run(|| {
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 5));
		assert_eq!(set_events(), vec![SetEvent::ValidatorAdded { who: 5, effective_session: 2 }]);
		reach_session(1);
		assert_eq!(active(), GENESIS_SET.to_vec(), "session 1 was planned before the change");
		reach_session(2);
		assert_eq!(active(), vec![1, 2, 3, 4, 5]);
	});
}

#[test]
fn removed_validator_validates_until_the_second_session_after() {
	run(|| {
		reach_session(3);
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 2));
		assert_eq!(set_events(), vec![SetEvent::ValidatorRemoved { who: 2, effective_session: 5 }]);
		reach_session(4);
		assert!(active().contains(&2), "a removed validator keeps its place until then");
		reach_session(5);
		assert_eq!(active(), vec![1, 3, 4]);
	});
}

#[test]
fn an_unchanged_set_is_not_handed_again() {
	run(|| {
		reach_session(2);
		System::reset_events();
		end_session_authored_by(&active());
		let queued = System::events()
			.iter()
			.any(|r| matches!(r.event, RuntimeEvent::Session(pallet_session::Event::NewQueued)));
		assert!(!queued, "no new set means no GRANDPA set change either");
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 6));
		end_session_authored_by(&active());
		let queued = System::events()
			.iter()
			.any(|r| matches!(r.event, RuntimeEvent::Session(pallet_session::Event::NewQueued)));
		assert!(queued);
	});
}

#[test]
fn only_governance_changes_the_set() {
	run(|| {
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::signed(5), 5),
			DispatchError::BadOrigin
		);
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::signed(1), 2),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn admission_needs_session_keys_and_room() {
	run(|| {
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::root(), 3),
			Error::<Test>::AlreadyValidator
		);
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::root(), KEYLESS),
			Error::<Test>::NoSessionKeys
		);
		for candidate in CANDIDATES {
			assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), candidate));
		}
		assert_ok!(Session::set_keys(RuntimeOrigin::signed(8), UintAuthorityId(8), vec![]));
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::root(), 8),
			Error::<Test>::TooManyValidators
		);
	});
}

#[test]
fn removal_stops_at_the_minimum() {
	run(|| {
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::root(), KEYLESS),
			Error::<Test>::NotValidator
		);
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 4));
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 3));
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::root(), 2),
			Error::<Test>::TooFewValidators
		);
		reach_session(3);
		assert_eq!(active(), vec![1, 2]);
	});
}

#[test]
fn an_account_outside_the_set_takes_its_keys_and_deposit_back() {
	use frame_support::traits::fungible::InspectHold;
	run(|| {
		let held = |who| Balances::total_balance_on_hold(&who);
		assert_ok!(Session::set_keys(
			RuntimeOrigin::signed(KEYLESS),
			UintAuthorityId(KEYLESS),
			vec![]
		));
		assert_eq!(held(KEYLESS), KEY_DEPOSIT, "storing keys holds the deposit");
		// Replacing them holds nothing more.
		assert_ok!(Session::set_keys(RuntimeOrigin::signed(KEYLESS), UintAuthorityId(70), vec![]));
		assert_eq!(held(KEYLESS), KEY_DEPOSIT);
		assert_ok!(ValidatorSet::withdraw_keys(RuntimeOrigin::signed(KEYLESS)));
		assert_eq!(held(KEYLESS), 0);
		assert!(pallet_session::NextKeys::<Test>::get(KEYLESS).is_none());
		assert_eq!(set_events().last(), Some(&SetEvent::KeysWithdrawn { who: KEYLESS }));
		// A member keeps its keys; once removed, it may withdraw them when it no longer
		// validates.
		assert_noop!(
			ValidatorSet::withdraw_keys(RuntimeOrigin::signed(1)),
			Error::<Test>::StillValidator
		);
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 1));
		assert_noop!(
			ValidatorSet::withdraw_keys(RuntimeOrigin::signed(1)),
			Error::<Test>::StillValidating
		);
		reach_session(1);
		assert_noop!(
			ValidatorSet::withdraw_keys(RuntimeOrigin::signed(1)),
			Error::<Test>::StillValidating
		);
		reach_session(2);
		assert!(!active().contains(&1));
		assert_ok!(ValidatorSet::withdraw_keys(RuntimeOrigin::signed(1)));
		assert_noop!(
			ValidatorSet::withdraw_keys(RuntimeOrigin::signed(KEYLESS)),
			pallet_session::Error::<Test>::NoKeys
		);
	});
}
