//! Unit tests: the door opens for its origin only, the call runs as root, and a failing call's
//! error reaches the caller.

use crate::{mock::*, Event, WeightInfo};
use frame_support::{assert_noop, assert_ok, dispatch::GetDispatchInfo};
use sp_runtime::{traits::Hash, DispatchError};

fn set_storage() -> Box<RuntimeCall> {
	Box::new(RuntimeCall::System(frame_system::Call::set_storage {
		items: vec![(b"key".to_vec(), b"value".to_vec())],
	}))
}

#[test]
fn a_root_only_call_runs_as_root() {
	new_test_ext().execute_with(|| {
		let call = set_storage();
		let hash = <Test as frame_system::Config>::Hashing::hash_of(&call);
		assert_ok!(Governance::dispatch_as_root(RuntimeOrigin::signed(COUNCIL), call));
		assert_eq!(sp_io::storage::get(b"key").as_deref(), Some(&b"value"[..]));
		System::assert_last_event(Event::DispatchedAsRoot { call_hash: hash }.into());
	});
}

#[test]
fn anyone_else_is_refused() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			Governance::dispatch_as_root(RuntimeOrigin::signed(2), set_storage()),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Governance::dispatch_as_root(RuntimeOrigin::none(), set_storage()),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn the_call_s_error_is_the_door_s_error() {
	new_test_ext().execute_with(|| {
		// `remark_with_event` wants a signed origin: as root it fails.
		let call = Box::new(RuntimeCall::System(frame_system::Call::remark_with_event {
			remark: vec![1],
		}));
		let failure = Governance::dispatch_as_root(RuntimeOrigin::signed(COUNCIL), call)
			.expect_err("root cannot remark with an event");
		assert_eq!(failure.error, DispatchError::BadOrigin);
		assert!(System::events().is_empty());
	});
}

#[test]
fn the_weight_is_the_call_s_plus_the_door_s() {
	new_test_ext().execute_with(|| {
		let call = set_storage();
		let inner = call.get_dispatch_info();
		let outer = crate::Call::<Test>::dispatch_as_root { call }.get_dispatch_info();
		assert_eq!(outer.call_weight, inner.call_weight + <() as WeightInfo>::dispatch_as_root());
		assert_eq!(outer.class, inner.class);
	});
}
