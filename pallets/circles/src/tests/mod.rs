//! Unit tests: every call's success and each of its errors, on a mock runtime with the real
//! twins pallet. Account `n` controls twin `n`; every test ends with the invariants checked.

use crate::{mock::*, Error, Event as CirclesEvent, *};
use codec::Decode;
use frame_support::{
	assert_noop, assert_ok,
	traits::{
		fungible::{Inspect, InspectHold},
		Hooks,
	},
	weights::Weight,
	BoundedVec,
};
use pallet_twins::Records;
use sp_runtime::DispatchResult;
use zerochain_primitives::{RecordKind, RecordRef, TwinId};

fn signed(account: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(account)
}

fn name(text: &str) -> zerochain_primitives::NameInput {
	BoundedVec::truncate_from(text.as_bytes().to_vec())
}

fn description(text: &str) -> DescriptionInput {
	BoundedVec::truncate_from(text.as_bytes().to_vec())
}

/// Admins read, write and invite; members read and write; viewers read.
fn rights() -> RoleRights {
	RoleRights {
		admin: Rights::of(&[Right::Read, Right::Write, Right::Invite, Right::Manage]),
		member: Rights::of(&[Right::Read, Right::Write]),
		viewer: Rights::of(&[Right::Read]),
	}
}

/// Rights under which members hold every right, as admins do, so that they manage too;
/// viewers read.
fn flat_rights() -> RoleRights {
	RoleRights { admin: Rights::ALL, member: Rights::ALL, viewer: Rights::of(&[Right::Read]) }
}

/// Twin `owner`'s attempt, through the account of the same number, to create the circle
/// `circle_name` described as `about`, under `parent`, with `visibility` and `rights`.
fn try_create(
	owner: TwinId,
	circle_name: &str,
	about: &str,
	parent: Option<CircleId>,
	visibility: CircleVisibility,
	rights: RoleRights,
) -> DispatchResult {
	CirclesPallet::create_circle(
		signed(owner as AccountId),
		owner,
		name(circle_name),
		description(about),
		parent,
		visibility,
		rights,
	)
}

/// Twin `owner`'s public circle `circle_name`, described as "friends and family", under
/// `parent`, whose roles grant `rights()`; returns its id.
fn create(owner: TwinId, circle_name: &str, parent: Option<CircleId>) -> CircleId {
	let visibility = CircleVisibility::Public;
	assert_ok!(try_create(owner, circle_name, "friends and family", parent, visibility, rights()));
	LastCircleId::<Test>::get()
}

/// Twin `owner`'s circle `circle_name`, without a description, under `parent`, with
/// `visibility` and `rights`; returns its id.
fn create_with(
	owner: TwinId,
	circle_name: &str,
	parent: Option<CircleId>,
	visibility: CircleVisibility,
	rights: RoleRights,
) -> CircleId {
	assert_ok!(try_create(owner, circle_name, "", parent, visibility, rights));
	LastCircleId::<Test>::get()
}

/// Twin 1's circles named `names`, each a sub-circle of the one before; returns them, top first.
fn nested<const N: usize>(names: [&str; N]) -> [CircleId; N] {
	let mut parent = None;
	names.map(|circle_name| {
		let circle = create(1, circle_name, parent);
		parent = Some(circle);
		circle
	})
}

/// Twin `by`'s attempt, through the account of the same number, to describe `circle` as
/// `about` and give it `visibility` and `rights`.
fn try_update(
	by: TwinId,
	circle: CircleId,
	about: &str,
	visibility: CircleVisibility,
	rights: RoleRights,
) -> DispatchResult {
	CirclesPallet::update_circle(
		signed(by as AccountId),
		circle,
		by,
		description(about),
		visibility,
		rights,
	)
}

/// Twin 1, `circle`'s owner, makes it private, without a description and with `rights()`.
fn make_private(circle: CircleId) {
	assert_ok!(try_update(1, circle, "", CircleVisibility::Private, rights()));
}

/// The calls a twin makes through its own account (account `n` controls twin `n`): each takes
/// the call's arguments but the origin, which is the account of the acting twin `as_twin`.
mod own {
	use super::*;

	pub fn invite(circle: CircleId, as_twin: TwinId, twin: TwinId, role: Role) -> DispatchResult {
		CirclesPallet::invite(signed(as_twin as AccountId), circle, as_twin, twin, role)
	}

	pub fn accept_invitation(circle: CircleId, as_twin: TwinId) -> DispatchResult {
		CirclesPallet::accept_invitation(signed(as_twin as AccountId), circle, as_twin)
	}

	pub fn set_role(circle: CircleId, as_twin: TwinId, twin: TwinId, role: Role) -> DispatchResult {
		CirclesPallet::set_role(signed(as_twin as AccountId), circle, as_twin, twin, role)
	}

	pub fn decline_invitation(circle: CircleId, as_twin: TwinId) -> DispatchResult {
		CirclesPallet::decline_invitation(signed(as_twin as AccountId), circle, as_twin)
	}

	pub fn remove(circle: CircleId, as_twin: TwinId, twin: TwinId) -> DispatchResult {
		CirclesPallet::remove(signed(as_twin as AccountId), circle, as_twin, twin)
	}

	pub fn request_join(circle: CircleId, as_twin: TwinId) -> DispatchResult {
		CirclesPallet::request_join(signed(as_twin as AccountId), circle, as_twin)
	}

	pub fn approve_join(
		circle: CircleId,
		as_twin: TwinId,
		twin: TwinId,
		role: Role,
	) -> DispatchResult {
		CirclesPallet::approve_join(signed(as_twin as AccountId), circle, as_twin, twin, role)
	}

	pub fn leave(circle: CircleId, as_twin: TwinId) -> DispatchResult {
		CirclesPallet::leave(signed(as_twin as AccountId), circle, as_twin)
	}

	pub fn accept_ownership(circle: CircleId, as_twin: TwinId) -> DispatchResult {
		CirclesPallet::accept_ownership(signed(as_twin as AccountId), circle, as_twin)
	}
}

/// Invites `twin` into `circle` with `role` on behalf of its owner, and accepts.
fn add_member(circle: CircleId, twin: TwinId, role: Role) {
	let owner = Circles::<Test>::get(circle).unwrap().owner;
	assert_ok!(own::invite(circle, owner, twin, role));
	assert_ok!(own::accept_invitation(circle, twin));
}

/// Adds each of `members` to `circle` with its role, in order, as `add_member` does.
fn add_members(circle: CircleId, members: &[(TwinId, Role)]) {
	for &(twin, role) in members {
		add_member(circle, twin, role);
	}
}

/// Twin 1's circle "team", made as `create` makes it, with `members` added in order.
fn team(members: &[(TwinId, Role)]) -> CircleId {
	let circle = create(1, "team", None);
	add_members(circle, members);
	circle
}

fn standing(circle: CircleId, twin: TwinId) -> Option<Standing> {
	CirclesPallet::entry(circle, twin).map(|entry| entry.standing)
}

/// The events this pallet emitted, oldest first.
fn events() -> Vec<CirclesEvent<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| record.event.try_into().ok())
		.collect()
}

fn last_event() -> CirclesEvent<Test> {
	events().pop().expect("the pallet emitted an event")
}

fn held(account: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::CircleDeposit.into(), &account)
}

/// What `account` holds for the invitations and requests it made.
fn held_pending(account: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::PendingDeposit.into(), &account)
}

/// The records twin `twin` holds, as (kind, key).
fn records_of(twin: TwinId) -> Vec<(RecordKind, u32)> {
	Records::<Test>::iter_prefix(twin)
		.map(|(_, RecordRef { kind, key })| (kind, key))
		.collect()
}

mod create_circle;

mod update_circle;

mod delete_circle;

mod invitations;

mod requests;

mod leaving_and_removal;

mod roles;

mod rights_on_chain;

mod ownership;

mod twins_that_go_away;

#[test]
fn a_twins_circles_and_a_circles_members_list_by_page() {
	run(|| {
		let circles: Vec<_> = ["one", "two", "three"].map(|n| create(1, n, None)).to_vec();
		for circle in &circles {
			add_member(*circle, 2, Role::Member);
		}
		add_member(circles[0], 3, Role::Viewer);
		assert_ok!(CirclesPallet::invite(signed(1), circles[0], 1, 4, Role::Viewer));

		let of_twin = |after, limit| -> Vec<CircleId> {
			CirclesPallet::twin_circles_page(2, after, limit)
				.into_iter()
				.map(|(c, _)| c)
				.collect()
		};
		assert_eq!(of_twin(None, 2), circles[..2]);
		assert_eq!(of_twin(Some(circles[1]), 2), circles[2..]);
		let (_, entry) = CirclesPallet::twin_circles_page(2, None, 1)[0];
		assert_eq!(entry.standing, Standing::Member(Role::Member));

		let members: Vec<_> = CirclesPallet::members_page(circles[0], None, 10)
			.into_iter()
			.map(|(twin, entry)| (twin, entry.standing))
			.collect();
		assert_eq!(
			members,
			vec![
				(1, Standing::Member(Role::Owner)),
				(2, Standing::Member(Role::Member)),
				(3, Standing::Member(Role::Viewer)),
				(4, Standing::Invited(Role::Viewer)),
			]
		);
		assert_eq!(CirclesPallet::members_page(circles[0], Some(3), 10).len(), 1);

		// A private circle lists nobody, and is left out of its members' listings.
		make_private(circles[1]);
		assert!(CirclesPallet::members_page(circles[1], None, 10).is_empty());
		assert_eq!(of_twin(None, 10), vec![circles[0], circles[2]]);
	});
}

#[test]
fn exhausted_ids_are_an_error_not_a_wrap() {
	run(|| {
		LastCircleId::<Test>::put(CircleId::MAX);
		assert_noop!(
			try_create(1, "last", "", None, CircleVisibility::Public, rights()),
			Error::<Test>::IdsExhausted
		);
	});
}

#[test]
fn integrity_test_passes() {
	new_test_ext().execute_with(|| {
		<CirclesPallet as frame_support::traits::Hooks<u64>>::integrity_test();
	});
}
