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

fn create(owner: TwinId, circle_name: &str, parent: Option<CircleId>) -> CircleId {
	assert_ok!(CirclesPallet::create_circle(
		signed(owner as AccountId),
		owner,
		name(circle_name),
		description("friends and family"),
		parent,
		CircleVisibility::Public,
		rights(),
	));
	LastCircleId::<Test>::get()
}

/// Invites `twin` into `circle` with `role` on behalf of its owner, and accepts.
fn add_member(circle: CircleId, twin: TwinId, role: Role) {
	let owner = Circles::<Test>::get(circle).unwrap().owner;
	assert_ok!(CirclesPallet::invite(signed(owner as AccountId), circle, owner, twin, role));
	assert_ok!(CirclesPallet::accept_invitation(signed(twin as AccountId), circle, twin));
}

fn standing(circle: CircleId, twin: TwinId) -> Option<Standing> {
	CirclesPallet::entry(circle, twin).map(|entry| entry.standing)
}

fn last_event() -> CirclesEvent<Test> {
	System::events()
		.into_iter()
		.rev()
		.find_map(|record| match record.event {
			RuntimeEvent::CirclesPallet(event) => Some(event),
			_ => None,
		})
		.expect("the pallet emitted an event")
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
fn exhausted_ids_are_an_error_not_a_wrap() {
	run(|| {
		LastCircleId::<Test>::put(CircleId::MAX);
		assert_noop!(
			CirclesPallet::create_circle(
				signed(1),
				1,
				name("last"),
				description(""),
				None,
				CircleVisibility::Public,
				rights()
			),
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
		assert_ok!(CirclesPallet::update_circle(
			signed(1),
			circles[1],
			1,
			description(""),
			CircleVisibility::Private,
			rights()
		));
		assert!(CirclesPallet::members_page(circles[1], None, 10).is_empty());
		assert_eq!(of_twin(None, 10), vec![circles[0], circles[2]]);
	});
}
