//! Random sequences of calls from several twins. After every step: a refused call changed
//! nothing, the pallet's invariants hold (`do_try_state`, deposits included), and every twin's
//! circle records in the twins pallet are exactly its memberships here.

use crate::{mock::*, *};
use frame_support::BoundedVec;
use pallet_twins::{RecordKind, RecordRef, Records, TwinId};
use proptest::prelude::*;
use sp_runtime::StateVersion;

/// Twins (and their accounts) 1 to 4 act.
const TWINS: TwinId = 4;

#[derive(Clone, Debug)]
enum Step {
	Create { owner: TwinId, name: u8, parent: Option<CircleId> },
	Delete { owner: TwinId, circle: CircleId },
	Invite { by: TwinId, circle: CircleId, twin: TwinId, role: Role },
	Accept { twin: TwinId, circle: CircleId },
	Decline { twin: TwinId, circle: CircleId },
	Request { twin: TwinId, circle: CircleId },
	Approve { by: TwinId, circle: CircleId, twin: TwinId, role: Role },
	Remove { by: TwinId, circle: CircleId, twin: TwinId },
	Leave { twin: TwinId, circle: CircleId },
	SetRole { by: TwinId, circle: CircleId, twin: TwinId, role: Role },
	Offer { owner: TwinId, circle: CircleId, to: Option<TwinId> },
	TakeOver { twin: TwinId, circle: CircleId },
}

fn role() -> impl Strategy<Value = Role> {
	prop_oneof![Just(Role::Viewer), Just(Role::Member), Just(Role::Admin), Just(Role::Owner)]
}

fn step() -> impl Strategy<Value = Step> {
	let twin = 1..=TWINS;
	let circle = 1u32..6;
	prop_oneof![
		(twin.clone(), 0u8..3, proptest::option::of(circle.clone()))
			.prop_map(|(owner, name, parent)| Step::Create { owner, name, parent }),
		(twin.clone(), circle.clone()).prop_map(|(owner, circle)| Step::Delete { owner, circle }),
		(twin.clone(), circle.clone(), twin.clone(), role())
			.prop_map(|(by, circle, twin, role)| Step::Invite { by, circle, twin, role }),
		(twin.clone(), circle.clone()).prop_map(|(twin, circle)| Step::Accept { twin, circle }),
		(twin.clone(), circle.clone()).prop_map(|(twin, circle)| Step::Decline { twin, circle }),
		(twin.clone(), circle.clone()).prop_map(|(twin, circle)| Step::Request { twin, circle }),
		(twin.clone(), circle.clone(), twin.clone(), role())
			.prop_map(|(by, circle, twin, role)| Step::Approve { by, circle, twin, role }),
		(twin.clone(), circle.clone(), twin.clone()).prop_map(|(by, circle, twin)| Step::Remove {
			by,
			circle,
			twin
		}),
		(twin.clone(), circle.clone()).prop_map(|(twin, circle)| Step::Leave { twin, circle }),
		(twin.clone(), circle.clone(), twin.clone(), role())
			.prop_map(|(by, circle, twin, role)| Step::SetRole { by, circle, twin, role }),
		(twin.clone(), circle.clone(), proptest::option::of(twin.clone()))
			.prop_map(|(owner, circle, to)| Step::Offer { owner, circle, to }),
		(twin, circle).prop_map(|(twin, circle)| Step::TakeOver { twin, circle }),
	]
}

fn apply(step: Step) -> sp_runtime::DispatchResult {
	let signed = |twin: TwinId| RuntimeOrigin::signed(twin as AccountId);
	let rights = RoleRights {
		admin: Rights::ALL,
		member: Rights::of(&[Right::Read, Right::Write, Right::Invite]),
		viewer: Rights::of(&[Right::Read]),
	};
	match step {
		Step::Create { owner, name, parent } => CirclesPallet::create_circle(
			signed(owner),
			owner,
			BoundedVec::truncate_from(alloc::format!("circle{name}").into_bytes()),
			BoundedVec::new(),
			parent,
			CircleVisibility::Public,
			rights,
		),
		Step::Delete { owner, circle } => CirclesPallet::delete_circle(signed(owner), circle)
			.map(|_| ())
			.map_err(|e| e.error),
		Step::Invite { by, circle, twin, role } => {
			CirclesPallet::invite(signed(by), circle, by, twin, role)
		},
		Step::Accept { twin, circle } => {
			CirclesPallet::accept_invitation(signed(twin), circle, twin)
		},
		Step::Decline { twin, circle } => {
			CirclesPallet::decline_invitation(signed(twin), circle, twin)
		},
		Step::Request { twin, circle } => CirclesPallet::request_join(signed(twin), circle, twin),
		Step::Approve { by, circle, twin, role } => {
			CirclesPallet::approve_join(signed(by), circle, by, twin, role)
		},
		Step::Remove { by, circle, twin } => CirclesPallet::remove(signed(by), circle, by, twin),
		Step::Leave { twin, circle } => CirclesPallet::leave(signed(twin), circle, twin),
		Step::SetRole { by, circle, twin, role } => {
			CirclesPallet::set_role(signed(by), circle, by, twin, role)
		},
		Step::Offer { owner, circle, to } => {
			CirclesPallet::offer_ownership(signed(owner), circle, to)
		},
		Step::TakeOver { twin, circle } => {
			CirclesPallet::accept_ownership(signed(twin), circle, twin)
		},
	}
}

/// Every twin's circle and membership records are exactly its entries in the circles.
fn check_records() {
	for twin in 1..=TWINS {
		let mut recorded: Vec<_> = Records::<Test>::iter_prefix(twin)
			.map(|(number, RecordRef { kind, key })| (key, kind, number))
			.collect();
		recorded.sort_by_key(|(circle, _, number)| (*circle, *number));
		let mut expected: Vec<_> = TwinCircles::<Test>::iter_key_prefix(twin)
			.map(|circle| {
				let entry = Members::<Test>::get(circle, twin).expect("indexed both ways");
				let kind = if entry.role == Role::Owner {
					RecordKind::Circle
				} else {
					RecordKind::Membership
				};
				(circle, kind, entry.record)
			})
			.collect();
		expected.sort_by_key(|(circle, _, number)| (*circle, *number));
		assert_eq!(recorded, expected, "twin {twin}'s records");
	}
}

proptest! {
	#![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

	#[test]
	fn indices_and_records_stay_consistent(steps in proptest::collection::vec(step(), 1..60)) {
		new_test_ext().execute_with(|| {
			for step in steps {
				let before = sp_io::storage::root(StateVersion::V1);
				if apply(step.clone()).is_err() {
					assert_eq!(
						sp_io::storage::root(StateVersion::V1),
						before,
						"{step:?} was refused but changed the state"
					);
				}
				CirclesPallet::do_try_state().unwrap_or_else(|e| panic!("after {step:?}: {e:?}"));
				check_records();
			}
		});
	}
}
