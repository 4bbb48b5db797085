//! Unit tests: invitations.

use super::*;

#[test]
fn invite_then_accept() {
	run(|| {
		let circle = team(&[]);
		assert_ok!(own::invite(circle, 1, 2, Role::Member));
		assert_eq!(
			last_event(),
			CirclesEvent::Invited { circle, twin: 2, role: Role::Member, by: 1 }
		);
		assert_eq!(standing(circle, 2), Some(Standing::Invited(Role::Member)));
		// The invitation costs the invited twin nothing; the inviter holds its deposit.
		assert!(records_of(2).is_empty());
		assert_eq!(TwinCircleCount::<Test>::get(2), 0);
		assert_eq!(held_pending(1), PENDING_DEPOSIT);
		assert_eq!(CirclesPallet::pending_deposit(), PENDING_DEPOSIT);
		let pending = PendingEntries::<Test>::get(circle, 2).unwrap();
		assert_eq!(zerochain_primitives::held::<Balance>(&pending.deposit), PENDING_DEPOSIT);
		assert_eq!(Circles::<Test>::get(circle).unwrap().invitations, 1);
		assert_ok!(own::accept_invitation(circle, 2));
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
		let circle = team(&[]);
		assert_ok!(own::invite(circle, 1, 2, Role::Member));
		assert_noop!(own::decline_invitation(circle, 3), Error::<Test>::NotInvited);
		assert_noop!(
			CirclesPallet::decline_invitation(signed(3), circle, 2),
			pallet_twins::Error::<Test>::NotTwinController
		);
		assert_ok!(own::decline_invitation(circle, 2));
		assert_eq!(last_event(), CirclesEvent::InvitationDeclined { circle, twin: 2 });
		assert!(standing(circle, 2).is_none());
		assert!(records_of(2).is_empty());
		assert_eq!(held_pending(1), 0);
	});
}

#[test]
fn who_may_invite_whom() {
	run(|| {
		let circle = team(&[(2, Role::Admin), (3, Role::Member)]);
		// Members lack Invite; admins may invite up to admin, never owner.
		assert_noop!(own::invite(circle, 3, 4, Role::Viewer), Error::<Test>::NoInviteRight);
		assert_noop!(own::invite(circle, 2, 4, Role::Owner), Error::<Test>::CannotGrantOwner);
		assert_noop!(
			CirclesPallet::invite(signed(4), circle, 2, 4, Role::Viewer),
			pallet_twins::Error::<Test>::NotTwinController
		);
		assert_noop!(
			own::invite(circle, 2, 42, Role::Viewer),
			pallet_twins::Error::<Test>::TwinNotFound
		);
		assert_noop!(own::invite(circle, 2, 3, Role::Viewer), Error::<Test>::AlreadyInCircle);
		assert_noop!(own::invite(42, 2, 4, Role::Viewer), Error::<Test>::CircleNotFound);
		assert_ok!(own::invite(circle, 2, 4, Role::Admin));
	});
}

#[test]
fn a_role_is_granted_only_up_to_the_granters_own() {
	run(|| {
		// Here members may invite too.
		let open =
			RoleRights { member: Rights::of(&[Right::Read, Right::Invite]), ..flat_rights() };
		let circle = create_with(1, "open", None, CircleVisibility::Public, open);
		add_member(circle, 2, Role::Member);
		assert_noop!(own::invite(circle, 2, 3, Role::Admin), Error::<Test>::RoleTooHigh);
		assert_ok!(own::invite(circle, 2, 3, Role::Member));
	});
}

#[test]
fn invitations_members_and_circles_per_twin_are_bounded() {
	run(|| {
		let circle = team(&[]);
		for twin in 2..=4 {
			assert_ok!(own::invite(circle, 1, twin, Role::Viewer));
		}
		assert_noop!(own::invite(circle, 1, 5, Role::Viewer), Error::<Test>::TooManyInvitations);
		for twin in 2..=4 {
			assert_ok!(own::accept_invitation(circle, twin));
		}
		// Four members now: the owner and three.
		assert_ok!(own::invite(circle, 1, 5, Role::Viewer));
		assert_noop!(own::accept_invitation(circle, 5), Error::<Test>::CircleFull);

		// A twin in as many circles as it may be can still be invited; accepting is its
		// own choice, and refused until it leaves one.
		for index in 0..5 {
			create(6, &format!("six{index}"), None);
		}
		let other = create(7, "other", None);
		assert_ok!(own::invite(other, 7, 6, Role::Viewer));
		assert_noop!(own::accept_invitation(other, 6), Error::<Test>::TooManyCircles);
	});
}

#[test]
fn accept_needs_an_invitation() {
	run(|| {
		let circle = team(&[]);
		assert_noop!(own::accept_invitation(circle, 2), Error::<Test>::NotInvited);
		assert_ok!(own::request_join(circle, 2));
		assert_noop!(own::accept_invitation(circle, 2), Error::<Test>::NotInvited);
		assert_noop!(own::accept_invitation(circle, 1), Error::<Test>::NotInvited);
	});
}

/// The owner (twin 1) of the public `circle` changes the rights its roles grant.
fn owner_grants(circle: CircleId, rights: RoleRights) {
	assert_ok!(try_update(1, circle, "new rights", CircleVisibility::Public, rights));
}

#[test]
fn an_inviter_withdraws_its_own_invitation_without_manage() {
	run(|| {
		let circle = team(&[]);
		owner_grants(
			circle,
			RoleRights {
				member: Rights::of(&[Right::Read, Right::Write, Right::Invite]),
				..rights()
			},
		);
		add_members(circle, &[(2, Role::Member), (4, Role::Member)]);
		assert_ok!(own::invite(circle, 2, 3, Role::Viewer));
		assert_eq!(held_pending(2), PENDING_DEPOSIT);
		// Another member without Manage may not withdraw it; its inviter may, and gets its
		// deposit back.
		assert_noop!(own::remove(circle, 4, 3), Error::<Test>::NoManageRight);
		assert_ok!(own::remove(circle, 2, 3));
		assert_eq!(last_event(), CirclesEvent::Removed { circle, twin: 3, by: 2 });
		assert!(standing(circle, 3).is_none());
		assert_eq!(held_pending(2), 0);
		assert_eq!(Circles::<Test>::get(circle).unwrap().invitations, 0);
	});
}

#[test]
fn an_invitation_lapses_with_its_inviters_right() {
	run(|| {
		let circle = team(&[(2, Role::Admin), (4, Role::Admin)]);
		assert_ok!(own::invite(circle, 2, 3, Role::Admin));
		assert_ok!(own::invite(circle, 4, 5, Role::Member));
		// Since: the first inviter was demoted below the role it offered, the second left.
		assert_ok!(own::set_role(circle, 1, 2, Role::Member));
		assert_ok!(own::leave(circle, 4));
		for (guest, inviter) in [(3, 2), (5, 4)] {
			assert_ok!(own::accept_invitation(circle, guest));
			assert_eq!(
				last_event(),
				CirclesEvent::InvitationLapsed { circle, twin: guest, by: inviter }
			);
			assert!(standing(circle, guest).is_none());
			assert!(records_of(guest).is_empty());
			assert_eq!(held_pending(inviter as AccountId), 0);
		}
		assert_eq!(Circles::<Test>::get(circle).unwrap().invitations, 0);
	});
}

#[test]
fn an_invitation_lapses_when_the_circle_takes_the_invite_right_away() {
	run(|| {
		let circle = team(&[(2, Role::Admin)]);
		assert_ok!(own::invite(circle, 2, 3, Role::Viewer));
		owner_grants(
			circle,
			RoleRights {
				admin: Rights::of(&[Right::Read, Right::Write, Right::Manage]),
				..rights()
			},
		);
		assert_ok!(own::accept_invitation(circle, 3));
		assert_eq!(last_event(), CirclesEvent::InvitationLapsed { circle, twin: 3, by: 2 });
		assert!(standing(circle, 3).is_none());
		assert_eq!(held_pending(2), 0);
	});
}
