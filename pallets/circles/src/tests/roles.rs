//! Unit tests: roles.

use super::*;

#[test]
fn set_role_within_the_managers_own() {
	run(|| {
		let circle = team(&[(2, Role::Admin), (3, Role::Viewer)]);
		assert_ok!(own::set_role(circle, 2, 3, Role::Admin));
		assert_eq!(last_event(), CirclesEvent::RoleChanged { circle, twin: 3, role: Role::Admin });
		assert_eq!(standing(circle, 3), Some(Standing::Member(Role::Admin)));
		assert_noop!(own::set_role(circle, 2, 3, Role::Owner), Error::<Test>::CannotGrantOwner);
		assert_noop!(own::set_role(circle, 2, 1, Role::Viewer), Error::<Test>::OwnerStays);
		assert_noop!(own::set_role(circle, 3, 5, Role::Viewer), Error::<Test>::NotInCircle);
		assert_ok!(own::invite(circle, 1, 4, Role::Viewer));
		assert_noop!(own::set_role(circle, 2, 4, Role::Member), Error::<Test>::NotAMember);
		assert_ok!(own::set_role(circle, 1, 3, Role::Viewer));
		assert_noop!(own::set_role(circle, 3, 2, Role::Viewer), Error::<Test>::NoManageRight);
		assert_noop!(own::set_role(42, 2, 3, Role::Viewer), Error::<Test>::CircleNotFound);
	});
}

#[test]
fn a_manager_cannot_raise_or_lower_beyond_its_role() {
	run(|| {
		let circle = create_with(1, "flat", None, CircleVisibility::Public, flat_rights());
		add_members(circle, &[(2, Role::Member), (3, Role::Viewer), (4, Role::Admin)]);
		assert_noop!(own::set_role(circle, 2, 3, Role::Admin), Error::<Test>::RoleTooHigh);
		assert_noop!(own::set_role(circle, 2, 4, Role::Viewer), Error::<Test>::RoleTooHigh);
		assert_ok!(own::set_role(circle, 2, 3, Role::Member));
	});
}

/// Twin 1's circle "family" with rights `parent`, and its sub-circle "kids" with rights `sub`.
fn family_and_kids(parent: RoleRights, sub: RoleRights) -> (CircleId, CircleId) {
	let family = create_with(1, "family", None, CircleVisibility::Public, parent);
	(family, create_with(1, "kids", Some(family), CircleVisibility::Public, sub))
}

/// Twin 2 is an admin of a parent whose admins may only read, and a member with `Invite` and
/// `Manage` in its sub-circle, whose members hold every right: the circle under `Some`.
fn admin_without_powers_above_member_with_powers_below() -> CircleId {
	let read = Rights::of(&[Right::Read]);
	let readers = RoleRights { admin: read, member: read, viewer: read };
	let (parent, sub) = family_and_kids(readers, flat_rights());
	add_member(parent, 2, Role::Admin);
	add_member(sub, 2, Role::Member);
	sub
}

#[test]
fn a_role_counts_only_in_the_circle_whose_rights_it_uses() {
	run(|| {
		let sub = admin_without_powers_above_member_with_powers_below();
		// Its Invite comes from its membership of the sub-circle: it grants member at most,
		// however high it stands in the parent.
		assert_noop!(own::invite(sub, 2, 3, Role::Admin), Error::<Test>::RoleTooHigh);
		assert_ok!(own::invite(sub, 2, 3, Role::Member));
		assert_ok!(own::accept_invitation(sub, 3));
		assert_noop!(own::set_role(sub, 2, 3, Role::Admin), Error::<Test>::RoleTooHigh);
		assert_ok!(own::request_join(sub, 4));
		assert_noop!(own::approve_join(sub, 2, 4, Role::Admin), Error::<Test>::RoleTooHigh);
		assert_ok!(own::approve_join(sub, 2, 4, Role::Member));
		// Its admin role above carries no Manage: it manages as the member it is here.
		assert_eq!(CirclesPallet::authority(sub, 2, Right::Manage), Some(Role::Member));
		assert_eq!(CirclesPallet::authority(sub, 1, Right::Manage), Some(Role::Owner));
	});
}

#[test]
fn an_admin_above_removes_no_one_its_role_below_does_not_reach() {
	run(|| {
		let sub = admin_without_powers_above_member_with_powers_below();
		add_member(sub, 3, Role::Admin);
		assert_noop!(own::remove(sub, 2, 3), Error::<Test>::RoleTooHigh);
		add_member(sub, 4, Role::Member);
		assert_ok!(own::remove(sub, 2, 4));
	});
}

#[test]
fn nobody_grants_rights_it_does_not_hold() {
	run(|| {
		// Admins of the parent read and invite; admins of the sub-circle may do everything.
		let read = Rights::of(&[Right::Read]);
		let inviters = Rights::of(&[Right::Read, Right::Invite]);
		let (parent, sub) = family_and_kids(
			RoleRights { admin: inviters, member: read, viewer: read },
			RoleRights { admin: Rights::ALL, member: read, viewer: read },
		);
		add_member(parent, 2, Role::Admin);
		// Its Invite comes down as an admin's, but an admin of the sub-circle manages it: it
		// could make itself one, and take the sub-circle over.
		assert_noop!(own::invite(sub, 2, 2, Role::Admin), Error::<Test>::RightsTooHigh);
		assert_ok!(own::invite(sub, 2, 2, Role::Member));
		assert_ok!(own::accept_invitation(sub, 2));
		assert_eq!(CirclesPallet::rights_of(sub, 2), Rights::of(&[Right::Read, Right::Invite]));
	});
}
