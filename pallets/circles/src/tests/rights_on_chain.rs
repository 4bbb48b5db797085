//! Unit tests: rights on chain.

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
