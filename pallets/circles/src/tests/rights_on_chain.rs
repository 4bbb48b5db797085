//! Unit tests: rights on chain.

use super::*;

#[test]
fn a_role_grants_the_rights_the_circle_gives_it() {
	run(|| {
		let circle = team(&[(2, Role::Viewer)]);
		assert!(<CirclesPallet as CircleRights>::has_right(circle, 1, Right::Manage));
		assert!(<CirclesPallet as CircleRights>::has_right(circle, 2, Right::Read));
		assert!(!<CirclesPallet as CircleRights>::has_right(circle, 2, Right::Write));
		assert!(!<CirclesPallet as CircleRights>::has_right(circle, 3, Right::Read));
		assert!(!<CirclesPallet as CircleRights>::has_right(42, 1, Right::Read));
		// An invited twin holds nothing yet.
		assert_ok!(own::invite(circle, 1, 3, Role::Admin));
		assert!(!<CirclesPallet as CircleRights>::has_right(circle, 3, Right::Read));
	});
}

#[test]
fn members_of_a_parent_hold_their_rights_in_sub_circles_not_the_reverse() {
	run(|| {
		let [top, sub, leaf] = nested(["top", "sub", "leaf"]);
		add_member(top, 2, Role::Member);
		add_member(leaf, 3, Role::Admin);
		assert!(<CirclesPallet as CircleRights>::has_right(leaf, 2, Right::Write));
		assert!(!<CirclesPallet as CircleRights>::has_right(leaf, 2, Right::Manage));
		assert!(<CirclesPallet as CircleRights>::has_right(leaf, 3, Right::Manage));
		assert!(!<CirclesPallet as CircleRights>::has_right(top, 3, Right::Read));
		assert!(!<CirclesPallet as CircleRights>::has_right(sub, 3, Right::Read));
		// An admin of the top circle manages the leaf, where it is no member.
		add_member(top, 4, Role::Admin);
		assert_ok!(own::set_role(leaf, 4, 3, Role::Member));
	});
}

#[test]
fn the_phonebook_answers_no_right_that_comes_down_from_a_private_circle() {
	run(|| {
		let [top, sub] = nested(["top", "sub"]);
		add_member(top, 2, Role::Member);
		assert_eq!(CirclesPallet::shown_right(sub, 2, Right::Write), Some(true));
		assert_eq!(CirclesPallet::shown_right(sub, 3, Right::Write), Some(false));
		make_private(top);
		// Asked twin after twin, the public sub-circle would list the private one's members.
		for twin in [1, 2, 3] {
			assert_eq!(CirclesPallet::shown_right(sub, twin, Right::Write), None);
			assert_eq!(CirclesPallet::shown_right(top, twin, Right::Write), None);
		}
		// Its own members are still listed, and the chain's own checks still see every right.
		assert_eq!(CirclesPallet::members_page(sub, None, 10).len(), 1);
		assert!(<CirclesPallet as CircleRights>::has_right(sub, 2, Right::Write));
		assert_eq!(CirclesPallet::shown_right(42, 1, Right::Read), None);
	});
}

#[test]
fn a_membership_of_a_private_circle_has_no_address() {
	run(|| {
		let open = create(1, "open", None);
		let hidden = create(1, "hidden", None);
		add_member(open, 2, Role::Member);
		add_member(hidden, 2, Role::Member);
		let shown: Vec<_> = Records::<Test>::iter_prefix_values(2)
			.filter(CirclesPallet::shows_record)
			.map(|record| record.key)
			.collect();
		assert_eq!(sorted(shown), vec![open, hidden]);
		make_private(hidden);
		let shown: Vec<_> = Records::<Test>::iter_prefix_values(2)
			.filter(CirclesPallet::shows_record)
			.map(|record| record.key)
			.collect();
		assert_eq!(shown, vec![open]);
		// The owner's circle is its record whatever the visibility: circles are listed.
		assert!(Records::<Test>::iter_prefix_values(1).all(|r| CirclesPallet::shows_record(&r)));
	});
}

fn sorted(mut keys: Vec<u32>) -> Vec<u32> {
	keys.sort();
	keys
}
