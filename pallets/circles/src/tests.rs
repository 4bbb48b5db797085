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
use pallet_twins::{RecordKind, RecordRef, Records, TwinId};

fn signed(account: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(account)
}

fn name(text: &str) -> pallet_twins::NameInput {
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

mod create_circle {
	use super::*;

	#[test]
	fn makes_the_owner_its_first_member_and_a_record_of_the_owner() {
		run(|| {
			let circle = create(1, "friends", None);
			let record = Circles::<Test>::get(circle).unwrap();
			assert_eq!(
				(record.owner, record.members, record.invitations, record.depth),
				(1, 1, 0, 0)
			);
			assert_eq!(standing(circle, 1), Some(Standing::Member(Role::Owner)));
			assert_eq!(CircleByName::<Test>::get(1, record.name), Some(circle));
			assert_eq!(records_of(1), vec![(RecordKind::Circle, circle)]);
			assert_eq!(held(1), CIRCLE_DEPOSIT);
			assert_eq!(
				last_event(),
				CirclesEvent::CircleCreated { circle, owner: 1, parent: None }
			);
		});
	}

	#[test]
	fn names_are_unique_per_owner_only() {
		run(|| {
			create(1, "friends", None);
			create(2, "friends", None);
			assert_noop!(
				CirclesPallet::create_circle(
					signed(1),
					1,
					name("friends"),
					description(""),
					None,
					CircleVisibility::Private,
					rights()
				),
				Error::<Test>::NameTaken
			);
		});
	}

	#[test]
	fn refuses_bad_input() {
		run(|| {
			let attempt = |who: AccountId, owner, n: &str, d: DescriptionInput, rights| {
				CirclesPallet::create_circle(
					signed(who),
					owner,
					name(n),
					d,
					None,
					CircleVisibility::Public,
					rights,
				)
			};
			assert_noop!(
				attempt(1, 42, "ok_name", description(""), rights()),
				pallet_twins::Error::<Test>::TwinNotFound
			);
			assert_noop!(
				attempt(2, 1, "ok_name", description(""), rights()),
				pallet_twins::Error::<Test>::NotTwinController
			);
			assert_noop!(
				attempt(1, 1, "No", description(""), rights()),
				Error::<Test>::InvalidName
			);
			assert_noop!(
				attempt(1, 1, "ok_name", description("a\u{7}b"), rights()),
				Error::<Test>::InvalidDescription
			);
			assert_noop!(
				attempt(1, 1, "ok_name", BoundedVec::truncate_from(vec![0xc3]), rights()),
				Error::<Test>::InvalidDescription
			);
			let inverted = RoleRights { viewer: Rights::ALL, ..rights() };
			assert_noop!(
				attempt(1, 1, "ok_name", description(""), inverted),
				Error::<Test>::RightsNotOrdered
			);
			let unknown =
				RoleRights { admin: Rights::decode(&mut &[0b1_0000u8][..]).unwrap(), ..rights() };
			assert_noop!(
				attempt(1, 1, "ok_name", description(""), unknown),
				Error::<Test>::UnknownRights
			);
			assert_noop!(
				attempt(POOR, POOR_TWIN, "ok_name", description(""), rights()),
				Error::<Test>::CannotHoldDeposit
			);
			assert_ok!(attempt(1, 1, "ok_name", description("line one\nline two"), rights()));
		});
	}

	#[test]
	fn sub_circles_have_the_same_owner_and_a_bounded_depth() {
		run(|| {
			let top = create(1, "top", None);
			let middle = create(1, "middle", Some(top));
			let bottom = create(1, "bottom", Some(middle));
			assert_eq!(Circles::<Test>::get(bottom).unwrap().depth, 2);
			assert_eq!(Circles::<Test>::get(top).unwrap().children, 1);
			let attempt = |owner: TwinId, parent| {
				CirclesPallet::create_circle(
					signed(owner as AccountId),
					owner,
					name("deeper"),
					description(""),
					Some(parent),
					CircleVisibility::Public,
					rights(),
				)
			};
			assert_noop!(attempt(1, bottom), Error::<Test>::TooDeep);
			assert_noop!(attempt(2, top), Error::<Test>::ParentOfAnotherOwner);
			assert_noop!(attempt(1, 42), Error::<Test>::CircleNotFound);
		});
	}

	#[test]
	fn a_twin_is_in_a_bounded_number_of_circles() {
		run(|| {
			for index in 0..5 {
				create(1, &format!("circle{index}"), None);
			}
			assert_noop!(
				CirclesPallet::create_circle(
					signed(1),
					1,
					name("one_more"),
					description(""),
					None,
					CircleVisibility::Public,
					rights()
				),
				Error::<Test>::TooManyCircles
			);
		});
	}
}

mod update_circle {
	use super::*;

	#[test]
	fn the_owner_changes_everything_an_admin_all_but_the_rights() {
		run(|| {
			let circle = create(1, "team", None);
			add_member(circle, 2, Role::Admin);
			let fewer = RoleRights { member: Rights::of(&[Right::Read]), ..rights() };
			assert_noop!(
				CirclesPallet::update_circle(
					signed(2),
					circle,
					2,
					description("x"),
					CircleVisibility::Private,
					fewer
				),
				Error::<Test>::OwnerSetsRights
			);
			assert_ok!(CirclesPallet::update_circle(
				signed(2),
				circle,
				2,
				description("by the admin"),
				CircleVisibility::Private,
				rights()
			));
			assert_ok!(CirclesPallet::update_circle(
				signed(1),
				circle,
				1,
				description("by the owner"),
				CircleVisibility::Public,
				fewer
			));
			assert_eq!(last_event(), CirclesEvent::CircleUpdated { circle });
			let record = Circles::<Test>::get(circle).unwrap();
			assert_eq!((record.rights, record.visibility), (fewer, CircleVisibility::Public));
		});
	}

	#[test]
	fn refuses_members_without_manage_and_bad_input() {
		run(|| {
			let circle = create(1, "team", None);
			add_member(circle, 2, Role::Member);
			let update = |who: TwinId, d, r| {
				CirclesPallet::update_circle(
					signed(who as AccountId),
					circle,
					who,
					d,
					CircleVisibility::Public,
					r,
				)
			};
			assert_noop!(update(2, description(""), rights()), Error::<Test>::NoManageRight);
			assert_noop!(update(3, description(""), rights()), Error::<Test>::NoManageRight);
			assert_noop!(
				update(1, description("\u{0}"), rights()),
				Error::<Test>::InvalidDescription
			);
			let inverted = RoleRights { viewer: Rights::ALL, ..rights() };
			assert_noop!(update(1, description(""), inverted), Error::<Test>::RightsNotOrdered);
			assert_noop!(
				CirclesPallet::update_circle(
					signed(1),
					42,
					1,
					description(""),
					CircleVisibility::Public,
					rights()
				),
				Error::<Test>::CircleNotFound
			);
		});
	}
}

mod delete_circle {
	use super::*;

	#[test]
	fn removes_every_entry_and_gives_back_every_record() {
		run(|| {
			let circle = create(1, "team", None);
			add_member(circle, 2, Role::Member);
			assert_ok!(CirclesPallet::invite(signed(1), circle, 1, 3, Role::Viewer));
			assert_ok!(CirclesPallet::request_join(signed(4), circle, 4));
			assert_ok!(CirclesPallet::delete_circle(signed(1), circle));
			assert_eq!(last_event(), CirclesEvent::CircleDeleted { circle });
			assert!(Circles::<Test>::get(circle).is_none());
			assert_eq!(Members::<Test>::iter_prefix(circle).count(), 0);
			for twin in 1..=4 {
				assert!(records_of(twin).is_empty(), "twin {twin} still holds a record");
				assert_eq!(TwinCircleCount::<Test>::get(twin), 0);
			}
			assert_eq!(held(1), 0);
			assert_eq!(Balances::balance(&1), ENDOWMENT - 1);
		});
	}

	#[test]
	fn refused_with_sub_circles_to_non_owners_and_for_unknown_circles() {
		run(|| {
			let top = create(1, "top", None);
			let sub = create(1, "sub", Some(top));
			add_member(top, 2, Role::Admin);
			assert_noop!(
				CirclesPallet::delete_circle(signed(1), top),
				Error::<Test>::HasSubCircles
			);
			assert_noop!(
				CirclesPallet::delete_circle(signed(2), sub),
				pallet_twins::Error::<Test>::NotTwinController
			);
			assert_noop!(
				CirclesPallet::delete_circle(signed(1), 42),
				Error::<Test>::CircleNotFound
			);
			assert_ok!(CirclesPallet::delete_circle(signed(1), sub));
			assert_eq!(Circles::<Test>::get(top).unwrap().children, 0);
			assert_ok!(CirclesPallet::delete_circle(signed(1), top));
		});
	}
}

mod invitations {
	use super::*;

	#[test]
	fn invite_then_accept() {
		run(|| {
			let circle = create(1, "team", None);
			assert_ok!(CirclesPallet::invite(signed(1), circle, 1, 2, Role::Member));
			assert_eq!(
				last_event(),
				CirclesEvent::Invited { circle, twin: 2, role: Role::Member, by: 1 }
			);
			assert_eq!(standing(circle, 2), Some(Standing::Invited(Role::Member)));
			// The invitation costs the invited twin nothing; the inviter holds its deposit.
			assert!(records_of(2).is_empty());
			assert_eq!(TwinCircleCount::<Test>::get(2), 0);
			assert_eq!(held_pending(1), PENDING_DEPOSIT);
			assert_eq!(Circles::<Test>::get(circle).unwrap().invitations, 1);
			assert_ok!(CirclesPallet::accept_invitation(signed(2), circle, 2));
			assert_eq!(
				last_event(),
				CirclesEvent::InvitationAccepted { circle, twin: 2, role: Role::Member }
			);
			assert_eq!(standing(circle, 2), Some(Standing::Member(Role::Member)));
			assert_eq!(records_of(2), vec![(RecordKind::Membership, circle)]);
			assert_eq!(held_pending(1), 0);
			let record = Circles::<Test>::get(circle).unwrap();
			assert_eq!((record.members, record.invitations), (2, 0));
		});
	}

	#[test]
	fn decline_releases_the_inviters_deposit() {
		run(|| {
			let circle = create(1, "team", None);
			assert_ok!(CirclesPallet::invite(signed(1), circle, 1, 2, Role::Member));
			assert_noop!(
				CirclesPallet::decline_invitation(signed(3), circle, 3),
				Error::<Test>::NotInvited
			);
			assert_noop!(
				CirclesPallet::decline_invitation(signed(3), circle, 2),
				pallet_twins::Error::<Test>::NotTwinController
			);
			assert_ok!(CirclesPallet::decline_invitation(signed(2), circle, 2));
			assert_eq!(last_event(), CirclesEvent::InvitationDeclined { circle, twin: 2 });
			assert!(standing(circle, 2).is_none());
			assert!(records_of(2).is_empty());
			assert_eq!(held_pending(1), 0);
		});
	}

	#[test]
	fn who_may_invite_whom() {
		run(|| {
			let circle = create(1, "team", None);
			add_member(circle, 2, Role::Admin);
			add_member(circle, 3, Role::Member);
			// Members lack Invite; admins may invite up to admin, never owner.
			assert_noop!(
				CirclesPallet::invite(signed(3), circle, 3, 4, Role::Viewer),
				Error::<Test>::NoInviteRight
			);
			assert_noop!(
				CirclesPallet::invite(signed(2), circle, 2, 4, Role::Owner),
				Error::<Test>::CannotGrantOwner
			);
			assert_noop!(
				CirclesPallet::invite(signed(4), circle, 2, 4, Role::Viewer),
				pallet_twins::Error::<Test>::NotTwinController
			);
			assert_noop!(
				CirclesPallet::invite(signed(2), circle, 2, 42, Role::Viewer),
				pallet_twins::Error::<Test>::TwinNotFound
			);
			assert_noop!(
				CirclesPallet::invite(signed(2), circle, 2, 3, Role::Viewer),
				Error::<Test>::AlreadyInCircle
			);
			assert_noop!(
				CirclesPallet::invite(signed(2), 42, 2, 4, Role::Viewer),
				Error::<Test>::CircleNotFound
			);
			assert_ok!(CirclesPallet::invite(signed(2), circle, 2, 4, Role::Admin));
		});
	}

	#[test]
	fn a_role_is_granted_only_up_to_the_granters_own() {
		run(|| {
			// Here members may invite too.
			let open = RoleRights {
				admin: Rights::ALL,
				member: Rights::of(&[Right::Read, Right::Invite]),
				viewer: Rights::of(&[Right::Read]),
			};
			assert_ok!(CirclesPallet::create_circle(
				signed(1),
				1,
				name("open"),
				description(""),
				None,
				CircleVisibility::Public,
				open
			));
			let circle = LastCircleId::<Test>::get();
			add_member(circle, 2, Role::Member);
			assert_noop!(
				CirclesPallet::invite(signed(2), circle, 2, 3, Role::Admin),
				Error::<Test>::RoleTooHigh
			);
			assert_ok!(CirclesPallet::invite(signed(2), circle, 2, 3, Role::Member));
		});
	}

	#[test]
	fn invitations_members_and_circles_per_twin_are_bounded() {
		run(|| {
			let circle = create(1, "team", None);
			for twin in 2..=4 {
				assert_ok!(CirclesPallet::invite(signed(1), circle, 1, twin, Role::Viewer));
			}
			assert_noop!(
				CirclesPallet::invite(signed(1), circle, 1, 5, Role::Viewer),
				Error::<Test>::TooManyInvitations
			);
			for twin in 2..=4 {
				assert_ok!(CirclesPallet::accept_invitation(
					signed(twin as AccountId),
					circle,
					twin
				));
			}
			// Four members now: the owner and three.
			assert_ok!(CirclesPallet::invite(signed(1), circle, 1, 5, Role::Viewer));
			assert_noop!(
				CirclesPallet::accept_invitation(signed(5), circle, 5),
				Error::<Test>::CircleFull
			);

			// A twin in as many circles as it may be can still be invited; accepting is its
			// own choice, and refused until it leaves one.
			for index in 0..5 {
				create(6, &format!("six{index}"), None);
			}
			let other = create(7, "other", None);
			assert_ok!(CirclesPallet::invite(signed(7), other, 7, 6, Role::Viewer));
			assert_noop!(
				CirclesPallet::accept_invitation(signed(6), other, 6),
				Error::<Test>::TooManyCircles
			);
		});
	}

	#[test]
	fn accept_needs_an_invitation() {
		run(|| {
			let circle = create(1, "team", None);
			assert_noop!(
				CirclesPallet::accept_invitation(signed(2), circle, 2),
				Error::<Test>::NotInvited
			);
			assert_ok!(CirclesPallet::request_join(signed(2), circle, 2));
			assert_noop!(
				CirclesPallet::accept_invitation(signed(2), circle, 2),
				Error::<Test>::NotInvited
			);
			assert_noop!(
				CirclesPallet::accept_invitation(signed(1), circle, 1),
				Error::<Test>::NotInvited
			);
		});
	}
}

mod requests {
	use super::*;

	#[test]
	fn request_then_approve() {
		run(|| {
			let circle = create(1, "team", None);
			assert_ok!(CirclesPallet::request_join(signed(2), circle, 2));
			assert_eq!(last_event(), CirclesEvent::JoinRequested { circle, twin: 2 });
			assert_eq!(standing(circle, 2), Some(Standing::Requested));
			assert_eq!((held_pending(2), records_of(2).len()), (PENDING_DEPOSIT, 0));
			assert_ok!(CirclesPallet::approve_join(signed(1), circle, 1, 2, Role::Viewer));
			assert_eq!(
				last_event(),
				CirclesEvent::JoinApproved { circle, twin: 2, role: Role::Viewer, by: 1 }
			);
			assert_eq!(standing(circle, 2), Some(Standing::Member(Role::Viewer)));
			assert_eq!(held_pending(2), 0);
		});
	}

	#[test]
	fn a_private_circle_is_invite_only() {
		run(|| {
			assert_ok!(CirclesPallet::create_circle(
				signed(1),
				1,
				name("board"),
				description(""),
				None,
				CircleVisibility::Private,
				rights()
			));
			let circle = LastCircleId::<Test>::get();
			assert_noop!(
				CirclesPallet::request_join(signed(2), circle, 2),
				Error::<Test>::InviteOnly
			);
			assert_ok!(CirclesPallet::invite(signed(1), circle, 1, 2, Role::Member));
		});
	}

	#[test]
	fn a_circle_made_private_approves_no_more_requests() {
		run(|| {
			let circle = create(1, "team", None);
			assert_ok!(CirclesPallet::request_join(signed(2), circle, 2));
			assert_ok!(CirclesPallet::update_circle(
				signed(1),
				circle,
				1,
				description(""),
				CircleVisibility::Private,
				rights()
			));
			assert_noop!(
				CirclesPallet::approve_join(signed(1), circle, 1, 2, Role::Viewer),
				Error::<Test>::InviteOnly
			);
			// Its managers turn the request down, and the requester gets its deposit back.
			assert_ok!(CirclesPallet::remove(signed(1), circle, 1, 2));
			assert_eq!(held_pending(2), 0);
		});
	}

	#[test]
	fn requests_from_throwaway_twins_never_block_invitations() {
		run(|| {
			let circle = create(1, "team", None);
			for twin in [2, 3] {
				assert_ok!(CirclesPallet::request_join(signed(twin as AccountId), circle, twin));
			}
			assert_noop!(
				CirclesPallet::request_join(signed(4), circle, 4),
				Error::<Test>::TooManyRequests
			);
			// The requests are full; invitations are bounded on their own.
			for twin in 4..=6 {
				assert_ok!(CirclesPallet::invite(signed(1), circle, 1, twin, Role::Viewer));
			}
			// Turning a request down gives the requester its deposit back.
			assert_ok!(CirclesPallet::remove(signed(1), circle, 1, 2));
			assert_eq!(held_pending(2), 0);
			assert_ok!(CirclesPallet::request_join(signed(7), circle, 7));
		});
	}

	#[test]
	fn request_and_approve_errors() {
		run(|| {
			let circle = create(1, "team", None);
			add_member(circle, 3, Role::Member);
			assert_noop!(
				CirclesPallet::request_join(signed(2), 42, 2),
				Error::<Test>::CircleNotFound
			);
			assert_noop!(
				CirclesPallet::request_join(signed(2), circle, 3),
				pallet_twins::Error::<Test>::NotTwinController
			);
			assert_noop!(
				CirclesPallet::request_join(signed(3), circle, 3),
				Error::<Test>::AlreadyInCircle
			);
			assert_noop!(
				CirclesPallet::approve_join(signed(1), circle, 1, 2, Role::Viewer),
				Error::<Test>::NoRequest
			);
			assert_ok!(CirclesPallet::request_join(signed(2), circle, 2));
			assert_noop!(
				CirclesPallet::approve_join(signed(3), circle, 3, 2, Role::Viewer),
				Error::<Test>::NoInviteRight
			);
			assert_noop!(
				CirclesPallet::approve_join(signed(1), circle, 1, 2, Role::Owner),
				Error::<Test>::CannotGrantOwner
			);
		});
	}
}

mod leaving_and_removal {
	use super::*;

	#[test]
	fn a_member_leaves_and_a_requester_withdraws() {
		run(|| {
			let circle = create(1, "team", None);
			add_member(circle, 2, Role::Member);
			assert_ok!(CirclesPallet::request_join(signed(3), circle, 3));
			assert_ok!(CirclesPallet::leave(signed(2), circle, 2));
			assert_eq!(last_event(), CirclesEvent::Left { circle, twin: 2 });
			assert_ok!(CirclesPallet::leave(signed(3), circle, 3));
			assert!(records_of(2).is_empty() && records_of(3).is_empty());
			assert_eq!(Circles::<Test>::get(circle).unwrap().members, 1);
			assert_noop!(CirclesPallet::leave(signed(2), circle, 2), Error::<Test>::NotInCircle);
			assert_noop!(CirclesPallet::leave(signed(1), circle, 1), Error::<Test>::OwnerStays);
		});
	}

	#[test]
	fn managers_remove_up_to_their_own_role_and_never_the_owner() {
		run(|| {
			let circle = create(1, "team", None);
			add_member(circle, 2, Role::Admin);
			add_member(circle, 3, Role::Admin);
			add_member(circle, 4, Role::Member);
			assert_noop!(
				CirclesPallet::remove(signed(4), circle, 4, 3),
				Error::<Test>::NoManageRight
			);
			assert_noop!(CirclesPallet::remove(signed(2), circle, 2, 1), Error::<Test>::OwnerStays);
			assert_noop!(
				CirclesPallet::remove(signed(2), circle, 2, 5),
				Error::<Test>::NotInCircle
			);
			assert_noop!(CirclesPallet::remove(signed(2), 42, 2, 4), Error::<Test>::CircleNotFound);
			assert_ok!(CirclesPallet::remove(signed(2), circle, 2, 4));
			assert_eq!(last_event(), CirclesEvent::Removed { circle, twin: 4, by: 2 });
			assert_ok!(CirclesPallet::remove(signed(2), circle, 2, 3));
			assert!(records_of(3).is_empty() && records_of(4).is_empty());
		});
	}

	#[test]
	fn a_manager_cannot_remove_a_higher_role() {
		run(|| {
			// Members may manage here.
			let flat = RoleRights {
				admin: Rights::ALL,
				member: Rights::ALL,
				viewer: Rights::of(&[Right::Read]),
			};
			assert_ok!(CirclesPallet::create_circle(
				signed(1),
				1,
				name("flat"),
				description(""),
				None,
				CircleVisibility::Public,
				flat
			));
			let circle = LastCircleId::<Test>::get();
			add_member(circle, 2, Role::Member);
			add_member(circle, 3, Role::Admin);
			assert_noop!(
				CirclesPallet::remove(signed(2), circle, 2, 3),
				Error::<Test>::RoleTooHigh
			);
		});
	}
}

mod roles {
	use super::*;

	#[test]
	fn set_role_within_the_managers_own() {
		run(|| {
			let circle = create(1, "team", None);
			add_member(circle, 2, Role::Admin);
			add_member(circle, 3, Role::Viewer);
			assert_ok!(CirclesPallet::set_role(signed(2), circle, 2, 3, Role::Admin));
			assert_eq!(
				last_event(),
				CirclesEvent::RoleChanged { circle, twin: 3, role: Role::Admin }
			);
			assert_eq!(standing(circle, 3), Some(Standing::Member(Role::Admin)));
			assert_noop!(
				CirclesPallet::set_role(signed(2), circle, 2, 3, Role::Owner),
				Error::<Test>::CannotGrantOwner
			);
			assert_noop!(
				CirclesPallet::set_role(signed(2), circle, 2, 1, Role::Viewer),
				Error::<Test>::OwnerStays
			);
			assert_noop!(
				CirclesPallet::set_role(signed(3), circle, 3, 5, Role::Viewer),
				Error::<Test>::NotInCircle
			);
			assert_ok!(CirclesPallet::invite(signed(1), circle, 1, 4, Role::Viewer));
			assert_noop!(
				CirclesPallet::set_role(signed(2), circle, 2, 4, Role::Member),
				Error::<Test>::NotAMember
			);
			assert_ok!(CirclesPallet::set_role(signed(1), circle, 1, 3, Role::Viewer));
			assert_noop!(
				CirclesPallet::set_role(signed(3), circle, 3, 2, Role::Viewer),
				Error::<Test>::NoManageRight
			);
			assert_noop!(
				CirclesPallet::set_role(signed(2), 42, 2, 3, Role::Viewer),
				Error::<Test>::CircleNotFound
			);
		});
	}

	#[test]
	fn a_manager_cannot_raise_or_lower_beyond_its_role() {
		run(|| {
			let flat = RoleRights {
				admin: Rights::ALL,
				member: Rights::ALL,
				viewer: Rights::of(&[Right::Read]),
			};
			assert_ok!(CirclesPallet::create_circle(
				signed(1),
				1,
				name("flat"),
				description(""),
				None,
				CircleVisibility::Public,
				flat
			));
			let circle = LastCircleId::<Test>::get();
			add_member(circle, 2, Role::Member);
			add_member(circle, 3, Role::Viewer);
			add_member(circle, 4, Role::Admin);
			assert_noop!(
				CirclesPallet::set_role(signed(2), circle, 2, 3, Role::Admin),
				Error::<Test>::RoleTooHigh
			);
			assert_noop!(
				CirclesPallet::set_role(signed(2), circle, 2, 4, Role::Viewer),
				Error::<Test>::RoleTooHigh
			);
			assert_ok!(CirclesPallet::set_role(signed(2), circle, 2, 3, Role::Member));
		});
	}
}

mod rights_on_chain {
	use super::*;

	#[test]
	fn a_role_grants_the_rights_the_circle_gives_it() {
		run(|| {
			let circle = create(1, "team", None);
			add_member(circle, 2, Role::Viewer);
			assert!(<CirclesPallet as CircleRights>::has_right(circle, 1, Right::Manage));
			assert!(<CirclesPallet as CircleRights>::has_right(circle, 2, Right::Read));
			assert!(!<CirclesPallet as CircleRights>::has_right(circle, 2, Right::Write));
			assert!(!<CirclesPallet as CircleRights>::has_right(circle, 3, Right::Read));
			assert!(!<CirclesPallet as CircleRights>::has_right(42, 1, Right::Read));
			// An invited twin holds nothing yet.
			assert_ok!(CirclesPallet::invite(signed(1), circle, 1, 3, Role::Admin));
			assert!(!<CirclesPallet as CircleRights>::has_right(circle, 3, Right::Read));
		});
	}

	#[test]
	fn members_of_a_parent_hold_their_rights_in_sub_circles_not_the_reverse() {
		run(|| {
			let top = create(1, "top", None);
			let sub = create(1, "sub", Some(top));
			let leaf = create(1, "leaf", Some(sub));
			add_member(top, 2, Role::Member);
			add_member(leaf, 3, Role::Admin);
			assert!(<CirclesPallet as CircleRights>::has_right(leaf, 2, Right::Write));
			assert!(!<CirclesPallet as CircleRights>::has_right(leaf, 2, Right::Manage));
			assert!(<CirclesPallet as CircleRights>::has_right(leaf, 3, Right::Manage));
			assert!(!<CirclesPallet as CircleRights>::has_right(top, 3, Right::Read));
			assert!(!<CirclesPallet as CircleRights>::has_right(sub, 3, Right::Read));
			// An admin of the top circle manages the leaf, where it is no member.
			add_member(top, 4, Role::Admin);
			assert_ok!(CirclesPallet::set_role(signed(4), leaf, 4, 3, Role::Member));
		});
	}
}

mod ownership {
	use super::*;

	#[test]
	fn offer_then_accept_moves_the_circle_its_record_and_its_deposit() {
		run(|| {
			let circle = create(1, "team", None);
			add_member(circle, 2, Role::Member);
			assert_ok!(CirclesPallet::offer_ownership(signed(1), circle, Some(2)));
			assert_eq!(last_event(), CirclesEvent::OwnershipOffered { circle, to: Some(2) });
			assert_ok!(CirclesPallet::accept_ownership(signed(2), circle, 2));
			assert_eq!(last_event(), CirclesEvent::OwnershipTransferred { circle, from: 1, to: 2 });
			let record = Circles::<Test>::get(circle).unwrap();
			assert_eq!((record.owner, record.depositor, record.members), (2, 2, 2));
			assert_eq!(standing(circle, 2), Some(Standing::Member(Role::Owner)));
			assert_eq!(standing(circle, 1), Some(Standing::Member(Role::Admin)));
			assert_eq!(records_of(2), vec![(RecordKind::Circle, circle)]);
			assert_eq!(records_of(1), vec![(RecordKind::Membership, circle)]);
			assert_eq!((held(1), held(2)), (0, CIRCLE_DEPOSIT));
			assert_eq!(CircleByName::<Test>::get(2, record.name.clone()), Some(circle));
			assert!(CircleByName::<Test>::get(1, record.name).is_none());
			// The old owner may now leave.
			assert_ok!(CirclesPallet::leave(signed(1), circle, 1));
		});
	}

	#[test]
	fn a_twin_outside_the_circle_may_take_it() {
		run(|| {
			let circle = create(1, "team", None);
			assert_ok!(CirclesPallet::offer_ownership(signed(1), circle, Some(3)));
			assert_ok!(CirclesPallet::accept_ownership(signed(3), circle, 3));
			assert_eq!(Circles::<Test>::get(circle).unwrap().members, 2);
		});
	}

	#[test]
	fn offer_errors_and_withdrawal() {
		run(|| {
			let top = create(1, "top", None);
			let sub = create(1, "sub", Some(top));
			assert_noop!(
				CirclesPallet::offer_ownership(signed(2), top, Some(2)),
				pallet_twins::Error::<Test>::NotTwinController
			);
			assert_noop!(
				CirclesPallet::offer_ownership(signed(1), top, Some(1)),
				Error::<Test>::AlreadyOwner
			);
			assert_noop!(
				CirclesPallet::offer_ownership(signed(1), top, Some(42)),
				pallet_twins::Error::<Test>::TwinNotFound
			);
			assert_noop!(
				CirclesPallet::offer_ownership(signed(1), top, Some(2)),
				Error::<Test>::CircleInTree
			);
			assert_noop!(
				CirclesPallet::offer_ownership(signed(1), sub, Some(2)),
				Error::<Test>::CircleInTree
			);
			assert_noop!(
				CirclesPallet::offer_ownership(signed(1), 42, Some(2)),
				Error::<Test>::CircleNotFound
			);
			assert_noop!(
				CirclesPallet::offer_ownership(signed(1), top, None),
				Error::<Test>::NoOwnershipOffer
			);
			let alone = create(1, "alone", None);
			assert_ok!(CirclesPallet::offer_ownership(signed(1), alone, Some(2)));
			assert_ok!(CirclesPallet::offer_ownership(signed(1), alone, None));
			assert_noop!(
				CirclesPallet::accept_ownership(signed(2), alone, 2),
				Error::<Test>::NoOwnershipOffer
			);
		});
	}

	#[test]
	fn accept_errors() {
		run(|| {
			let circle = create(1, "team", None);
			create(2, "team", None);
			assert_ok!(CirclesPallet::offer_ownership(signed(1), circle, Some(2)));
			assert_noop!(
				CirclesPallet::accept_ownership(signed(3), circle, 3),
				Error::<Test>::NotOfferedToTwin
			);
			assert_noop!(
				CirclesPallet::accept_ownership(signed(3), circle, 2),
				pallet_twins::Error::<Test>::NotTwinController
			);
			assert_noop!(
				CirclesPallet::accept_ownership(signed(2), circle, 2),
				Error::<Test>::NameTaken
			);
			assert_ok!(CirclesPallet::offer_ownership(signed(1), circle, Some(POOR_TWIN)));
			assert_noop!(
				CirclesPallet::accept_ownership(signed(POOR), circle, POOR_TWIN),
				Error::<Test>::CannotHoldDeposit
			);
		});
	}
}

mod twins_that_go_away {
	use super::*;

	#[test]
	fn a_member_cannot_be_deleted_until_it_leaves() {
		run(|| {
			let circle = create(1, "team", None);
			add_member(circle, 2, Role::Member);
			for (account, twin) in [(1, 1), (2, 2)] {
				assert_noop!(
					TwinsPallet::delete_twin(signed(account), twin),
					pallet_twins::Error::<Test>::OwnsRecords
				);
			}
			assert_ok!(CirclesPallet::leave(signed(2), circle, 2));
			assert_ok!(TwinsPallet::delete_twin(signed(2), 2));
			assert_ok!(CirclesPallet::delete_circle(signed(1), circle));
			assert_ok!(TwinsPallet::delete_twin(signed(1), 1));
		});
	}

	#[test]
	fn invitations_never_jam_the_invited_twin() {
		run(|| {
			// Two attackers invite the victim into as many circles as they can hold.
			for attacker in [1, 2] {
				for index in 0..5 {
					let circle = create(attacker, &format!("jam{index}"), None);
					let by = attacker as AccountId;
					assert_ok!(CirclesPallet::invite(
						signed(by),
						circle,
						attacker,
						3,
						Role::Viewer
					));
				}
			}
			// The victim still has every place among circles, creates its own, and can go.
			assert!(records_of(3).is_empty());
			assert_eq!(TwinCircleCount::<Test>::get(3), 0);
			let own = create(3, "mine", None);
			assert_ok!(CirclesPallet::delete_circle(signed(3), own));
			assert_ok!(TwinsPallet::delete_twin(signed(3), 3));
			// An invitation to a twin that is gone can never be accepted; the circle may
			// withdraw it at once, and the chain clears the others in its idle time.
			assert_noop!(
				CirclesPallet::accept_invitation(signed(3), 1, 3),
				pallet_twins::Error::<Test>::TwinNotFound
			);
			assert_ok!(CirclesPallet::remove(signed(1), 1, 1, 3));
			assert_eq!(held_pending(1), 4 * PENDING_DEPOSIT);
			assert!(Departed::<Test>::contains_key(3));
			CirclesPallet::on_idle(2, Weight::MAX);
			assert_eq!(PendingEntries::<Test>::iter().count(), 0);
			assert_eq!((held_pending(1), held_pending(2)), (0, 0));
			assert!(!Departed::<Test>::contains_key(3) && Inbox::<Test>::iter().count() == 0);
			let cleared = System::events()
				.into_iter()
				.filter(|e| {
					matches!(
						e.event,
						RuntimeEvent::CirclesPallet(CirclesEvent::DepartedTwinCleared {
							twin: 3,
							..
						})
					)
				})
				.count();
			assert_eq!(cleared, 9, "the nine invitations the circles had not withdrawn");
		});
	}

	#[test]
	fn no_offer_or_invitation_outlives_its_twin() {
		run(|| {
			let offered = create(1, "offered", None);
			let inviting = create(2, "inviting", None);
			assert_ok!(CirclesPallet::offer_ownership(signed(1), offered, Some(4)));
			assert_ok!(CirclesPallet::invite(signed(2), inviting, 2, 4, Role::Viewer));
			assert_ok!(TwinsPallet::delete_twin(signed(4), 4));
			// Each idle step clears one entry, and only what fits in the idle weight runs:
			// the invariants (checked by `run`) allow a departed twin's entries meanwhile.
			let step = CirclesPallet::on_idle(2, Weight::zero());
			assert_eq!(step, Weight::zero());
			assert!(OwnershipOffers::<Test>::contains_key(offered));
			CirclesPallet::on_idle(2, Weight::MAX);
			assert_eq!(OwnershipOffers::<Test>::get(offered), None);
			assert!(!PendingEntries::<Test>::contains_key(inviting, 4));
			assert_eq!(held_pending(2), 0);
			assert!(Departed::<Test>::iter().next().is_none());
			// A twin with nothing pending is never queued.
			assert_ok!(TwinsPallet::delete_twin(signed(5), 5));
			assert!(!Departed::<Test>::contains_key(5));
		});
	}

	#[test]
	fn a_requesting_twin_can_be_deleted() {
		run(|| {
			let circle = create(1, "team", None);
			assert_ok!(CirclesPallet::request_join(signed(3), circle, 3));
			assert_ok!(TwinsPallet::delete_twin(signed(3), 3));
		});
	}

	#[test]
	fn a_member_changes_hands_with_its_membership_an_owner_does_not() {
		run(|| {
			let circle = create(1, "team", None);
			add_member(circle, 2, Role::Admin);
			// Twin 1 owns the circle, whose deposit is held on account 1: it stays.
			assert_ok!(TwinsPallet::delete_twin(signed(7), 7));
			assert_noop!(
				TwinsPallet::request_transfer(signed(1), 1, 7),
				pallet_twins::Error::<Test>::OwnsRecords
			);
			// Twin 2 is only a member: it goes to account 7 with its membership.
			assert_ok!(TwinsPallet::request_transfer(signed(2), 2, 7));
			assert_ok!(TwinsPallet::accept_transfer(signed(7), 2));
			assert_noop!(
				CirclesPallet::invite(signed(2), circle, 2, 3, Role::Viewer),
				pallet_twins::Error::<Test>::NotTwinController
			);
			assert_ok!(CirclesPallet::invite(signed(7), circle, 2, 3, Role::Viewer));
		});
	}
}

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
