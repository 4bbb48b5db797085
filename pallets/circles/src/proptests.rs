//! Random sequences of calls from several twins, in circles whose rights tables differ. After
//! every step: a refused call changed nothing, the pallet's invariants hold (`do_try_state`,
//! deposits included), every twin's circle records in the twins pallet are exactly its
//! memberships here, and no role was granted, changed or removed beyond what the granting
//! circle's own rights table lets the acting twin's role there do, or giving rights the acting
//! twin does not hold.

use crate::{mock::*, *};
use frame_support::{assert_ok, BoundedVec};
use pallet_twins::Records;
use proptest::prelude::*;
use zerochain_primitives::{RecordKind, RecordRef, TwinId};

/// Twins (and their accounts) 1 to 4 act.
const TWINS: TwinId = 4;

#[derive(Clone, Debug)]
enum Step {
	Create {
		owner: TwinId,
		name: u8,
		parent: Option<CircleId>,
		rights: u8,
	},
	Delete {
		owner: TwinId,
		circle: CircleId,
	},
	Invite {
		by: TwinId,
		circle: CircleId,
		twin: TwinId,
		role: Role,
	},
	Accept {
		twin: TwinId,
		circle: CircleId,
	},
	Decline {
		twin: TwinId,
		circle: CircleId,
	},
	Request {
		twin: TwinId,
		circle: CircleId,
	},
	Approve {
		by: TwinId,
		circle: CircleId,
		twin: TwinId,
		role: Role,
	},
	Remove {
		by: TwinId,
		circle: CircleId,
		twin: TwinId,
	},
	Leave {
		twin: TwinId,
		circle: CircleId,
	},
	SetRole {
		by: TwinId,
		circle: CircleId,
		twin: TwinId,
		role: Role,
	},
	Offer {
		owner: TwinId,
		circle: CircleId,
		to: Option<TwinId>,
	},
	TakeOver {
		twin: TwinId,
		circle: CircleId,
	},
	/// The circle's owner invites `twin` and it accepts: two calls, as one step so that runs
	/// reach nested memberships often.
	Join {
		circle: CircleId,
		twin: TwinId,
		role: Role,
	},
}

fn role() -> impl Strategy<Value = Role> {
	prop_oneof![Just(Role::Viewer), Just(Role::Member), Just(Role::Admin), Just(Role::Owner)]
}

fn step() -> impl Strategy<Value = Step> {
	let twin = 1..=TWINS;
	let circle = 1u32..5;
	prop_oneof![
		1 => (twin.clone(), 0u8..3, proptest::option::of(circle.clone()), 0u8..3)
			.prop_map(|(owner, name, parent, rights)| Step::Create { owner, name, parent, rights }),
		1 => (twin.clone(), circle.clone()).prop_map(|(owner, circle)| Step::Delete { owner, circle }),
		1 => (twin.clone(), circle.clone(), twin.clone(), role())
			.prop_map(|(by, circle, twin, role)| Step::Invite { by, circle, twin, role }),
		1 => (twin.clone(), circle.clone()).prop_map(|(twin, circle)| Step::Accept { twin, circle }),
		1 => (twin.clone(), circle.clone()).prop_map(|(twin, circle)| Step::Decline { twin, circle }),
		1 => (twin.clone(), circle.clone()).prop_map(|(twin, circle)| Step::Request { twin, circle }),
		1 => (twin.clone(), circle.clone(), twin.clone(), role())
			.prop_map(|(by, circle, twin, role)| Step::Approve { by, circle, twin, role }),
		1 => (twin.clone(), circle.clone(), twin.clone()).prop_map(|(by, circle, twin)| Step::Remove {
			by,
			circle,
			twin
		}),
		1 => (twin.clone(), circle.clone()).prop_map(|(twin, circle)| Step::Leave { twin, circle }),
		1 => (twin.clone(), circle.clone(), twin.clone(), role())
			.prop_map(|(by, circle, twin, role)| Step::SetRole { by, circle, twin, role }),
		1 => (twin.clone(), circle.clone(), proptest::option::of(twin.clone()))
			.prop_map(|(owner, circle, to)| Step::Offer { owner, circle, to }),
		1 => (twin.clone(), circle.clone()).prop_map(|(twin, circle)| Step::TakeOver { twin, circle }),
		4 => (circle, twin, role()).prop_map(|(circle, twin, role)| Step::Join { circle, twin, role }),
	]
}

/// The rights tables circles are created with: members invite; nobody but the owner has a
/// power (so an admin's role there carries none); everyone but viewers has every right.
fn rights(table: u8) -> RoleRights {
	let read = Rights::of(&[Right::Read]);
	match table {
		0 => RoleRights {
			admin: Rights::ALL,
			member: Rights::of(&[Right::Read, Right::Write, Right::Invite]),
			viewer: read,
		},
		1 => RoleRights { admin: read, member: read, viewer: read },
		_ => RoleRights { admin: Rights::ALL, member: Rights::ALL, viewer: read },
	}
}

fn apply(step: Step) -> sp_runtime::DispatchResult {
	let signed = |twin: TwinId| RuntimeOrigin::signed(twin as AccountId);
	match step {
		Step::Create { owner, name, parent, rights: table } => CirclesPallet::create_circle(
			signed(owner),
			owner,
			BoundedVec::truncate_from(alloc::format!("circle{name}").into_bytes()),
			BoundedVec::new(),
			parent,
			CircleVisibility::Public,
			rights(table),
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
		Step::Join { circle, twin, role } => {
			let owner = Circles::<Test>::get(circle).ok_or(Error::<Test>::CircleNotFound)?.owner;
			frame_support::storage::with_storage_layer(|| {
				CirclesPallet::invite(signed(owner), circle, owner, twin, role)?;
				CirclesPallet::accept_invitation(signed(twin), circle, twin)
			})
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

/// The roles a step grants or takes away, and whether its acting twin may, read before the
/// step; `None` for a step that grants nothing.
fn reach(step: &Step) -> Option<(Vec<Role>, bool)> {
	let role_of = |circle, twin| Members::<Test>::get(circle, twin).map(|m| m.role);
	let judged = |roles: Vec<Role>, circle, actor, right| {
		let allowed =
			roles.iter().all(|role| CirclesPallet::permitted(circle, actor, right, *role));
		Some((roles, allowed))
	};
	match *step {
		Step::Accept { twin, circle } => match PendingEntries::<Test>::get(circle, twin)?.kind {
			PendingKind::Invited { role, by } => judged(vec![role], circle, by, Right::Invite),
			PendingKind::Requested => None,
		},
		Step::Approve { by, circle, role, .. } => judged(vec![role], circle, by, Right::Invite),
		Step::SetRole { by, circle, twin, role } => {
			let roles = role_of(circle, twin).into_iter().chain([role]).collect();
			judged(roles, circle, by, Right::Manage)
		},
		Step::Remove { by, circle, twin } => {
			// An invitation is reached as its role, but not by its inviter, who withdraws it.
			let invited = match PendingEntries::<Test>::get(circle, twin).map(|p| p.kind) {
				Some(PendingKind::Invited { role, by: inviter }) if inviter != by => Some(role),
				_ => None,
			};
			let roles = role_of(circle, twin).or(invited).into_iter().collect();
			judged(roles, circle, by, Right::Manage)
		},
		_ => None,
	}
}

proptest! {
	#![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

	#[test]
	fn indices_and_records_stay_consistent(
		tables in (0u8..3, 0u8..3),
		steps in proptest::collection::vec(step(), 1..80),
	) {
		new_test_ext().execute_with(|| {
			// A parent and a sub-circle of twin 1 to start from, so that most runs have rights
			// that flow down.
			let scaffold = [
				Step::Create { owner: 1, name: 0, parent: None, rights: tables.0 },
				Step::Create { owner: 1, name: 1, parent: Some(1), rights: tables.1 },
			];
			for step in scaffold.into_iter().chain(steps) {
				let reach = reach(&step);
				let members_before = Members::<Test>::iter().count();
				let applied = zerochain_test_utils::refused_changes_nothing!(step, apply(step.clone()));
				if let (Ok(()), Some((roles, allowed))) = (&applied, reach) {
					// A lapsed invitation admits nobody; any other success used the right.
					let admitted = Members::<Test>::iter().count() != members_before;
					let used = !matches!(step, Step::Accept { .. }) || admitted;
					assert!(!used || allowed, "{step:?} reached {roles:?} beyond its reach");
				}
				CirclesPallet::do_try_state().unwrap_or_else(|e| panic!("after {step:?}: {e:?}"));
				check_records();
			}
		});
	}

	/// Twin 2 stands anywhere in a parent and its sub-circle, under any ordered rights tables,
	/// and tries every grant, change and removal in the sub-circle: whatever it does, it stays
	/// within the role that carries the right it uses.
	#[test]
	fn no_role_reaches_past_the_rights_that_carry_it(
		tables in [ordered_rights(), ordered_rights()],
		standing in [proptest::option::of(granted_role()), proptest::option::of(granted_role())],
		target in granted_role(),
		role in role(),
	) {
		new_test_ext().execute_with(|| {
			let (parent, sub) = (1, 2);
			for (circle, table) in [(parent, tables[0]), (sub, tables[1])] {
				assert_ok!(CirclesPallet::create_circle(
					RuntimeOrigin::signed(1),
					1,
					BoundedVec::truncate_from(alloc::format!("circle{circle}").into_bytes()),
					BoundedVec::new(),
					(circle == sub).then_some(parent),
					CircleVisibility::Public,
					table,
				));
			}
			for (circle, standing) in [(parent, standing[0]), (sub, standing[1])] {
				if let Some(role) = standing {
					join(circle, 2, role);
				}
			}
			join(sub, 3, target);
			let attempts = [
				// Itself, where it may not be yet.
				Step::Invite { by: 2, circle: sub, twin: 2, role },
				Step::Accept { twin: 2, circle: sub },
				Step::Invite { by: 2, circle: sub, twin: 4, role },
				Step::Accept { twin: 4, circle: sub },
				Step::SetRole { by: 2, circle: sub, twin: 3, role },
				Step::Remove { by: 2, circle: sub, twin: 3 },
				Step::Leave { twin: 4, circle: sub },
				Step::Request { twin: 4, circle: sub },
				Step::Approve { by: 2, circle: sub, twin: 4, role },
			];
			for step in attempts {
				let reach = reach(&step);
				let members_before = Members::<Test>::iter().count();
				if apply(step.clone()).is_ok() {
					if let Some((roles, allowed)) = reach {
						let used = !matches!(step, Step::Accept { .. })
							|| Members::<Test>::iter().count() != members_before;
						prop_assert!(!used || allowed, "{step:?} reached {roles:?} beyond its reach");
					}
				}
			}
			Ok(())
		})?;
	}
}

/// A role that can be granted: any but the owner's.
fn granted_role() -> impl Strategy<Value = Role> {
	prop_oneof![Just(Role::Viewer), Just(Role::Member), Just(Role::Admin)]
}

/// Any rights table a circle may have: each role holds every right of the role below.
fn ordered_rights() -> impl Strategy<Value = RoleRights> {
	let set = |bits: u8| {
		let all = [Right::Read, Right::Write, Right::Invite, Right::Manage];
		let chosen: Vec<Right> = (0..4).filter(|i| bits & (1 << i) != 0).map(|i| all[i]).collect();
		Rights::of(&chosen)
	};
	(0u8..16, 0u8..16, 0u8..16).prop_map(move |(admin, member, viewer)| RoleRights {
		admin: set(admin),
		member: set(admin & member),
		viewer: set(admin & member & viewer),
	})
}

/// `twin` joins `circle` with `role`, invited by the circle's owner.
fn join(circle: CircleId, twin: TwinId, role: Role) {
	assert_ok!(apply(Step::Join { circle, twin, role }));
}
