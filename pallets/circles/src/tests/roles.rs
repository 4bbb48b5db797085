//! Unit tests: roles.

use super::*;

#[test]
fn set_role_within_the_managers_own() {
	run(|| {
		let circle = create(1, "team", None);
		add_member(circle, 2, Role::Admin);
		add_member(circle, 3, Role::Viewer);
		assert_ok!(CirclesPallet::set_role(signed(2), circle, 2, 3, Role::Admin));
		assert_eq!(last_event(), CirclesEvent::RoleChanged { circle, twin: 3, role: Role::Admin });
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
