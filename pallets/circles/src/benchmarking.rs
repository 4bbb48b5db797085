//! Benchmarks of every call, each in its worst case: the circle acted on sits at the deepest
//! level, and the acting twin's role is in the top-level circle only, so that resolving its
//! rights walks the whole lineage of circles; and every twin sits as deep below its account's
//! own twin as twins nest, held by another account, so that checking that the account may act
//! for it walks the whole lineage of twins.

use super::*;
use crate::pallet::BalanceOf;
use alloc::{format, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{
		fungible::{Inspect, Mutate},
		Get,
	},
	BoundedVec,
};
use frame_system::RawOrigin;
use sp_runtime::traits::Saturating;
use zerochain_primitives::{TwinId, TwinRegistry};

/// A funded account, and a twin it acts for through the longest lineage.
fn twin<T: Config>(name: &'static str, index: u32) -> (T::AccountId, TwinId) {
	let who: T::AccountId = account(name, index, 0);
	let funds = Pallet::<T>::circle_deposit()
		.saturating_add(Pallet::<T>::pending_deposit())
		.saturating_mul(BalanceOf::<T>::from(100u32))
		.saturating_add(T::Currency::minimum_balance());
	T::Currency::set_balance(&who, funds);
	let holder: T::AccountId = account(name, index, 1);
	let twin = T::Twins::benchmark_descendant(&who, &holder)
		.expect("a funded account registers a lineage of twins");
	(who, twin)
}

fn rights() -> RoleRights {
	RoleRights {
		admin: Rights::ALL,
		member: Rights::of(&[Right::Read, Right::Write]),
		viewer: Rights::of(&[Right::Read]),
	}
}

fn create<T: Config>(who: &T::AccountId, owner: TwinId, parent: Option<CircleId>) -> CircleId {
	let name = format!("circle{}", LastCircleId::<T>::get());
	Pallet::<T>::create_circle(
		RawOrigin::Signed(who.clone()).into(),
		owner,
		BoundedVec::truncate_from(name.into_bytes()),
		BoundedVec::truncate_from(alloc::vec![b'd'; MAX_DESCRIPTION_LEN as usize]),
		parent,
		CircleVisibility::Public,
		rights(),
	)
	.expect("the owner creates its circle");
	LastCircleId::<T>::get()
}

/// A chain of circles from a top-level one down to the deepest level; returns them, top first.
fn lineage<T: Config>(who: &T::AccountId, owner: TwinId) -> Vec<CircleId> {
	let mut circles = alloc::vec![create::<T>(who, owner, None)];
	for _ in 0..T::MaxDepth::get() {
		let parent = *circles.last().expect("the chain has its top circle");
		circles.push(create::<T>(who, owner, Some(parent)));
	}
	circles
}

/// Makes `twin` a member of `circle` with `role`, invited by the circle's owner.
fn join<T: Config>(
	owner: (&T::AccountId, TwinId),
	circle: CircleId,
	member: (&T::AccountId, TwinId),
	role: Role,
) {
	Pallet::<T>::invite(RawOrigin::Signed(owner.0.clone()).into(), circle, owner.1, member.1, role)
		.expect("the owner invites");
	Pallet::<T>::accept_invitation(RawOrigin::Signed(member.0.clone()).into(), circle, member.1)
		.expect("the invited twin accepts");
}

/// An owner with a full lineage of circles and an admin whose role is in the top one only.
fn managed<T: Config>() -> (T::AccountId, TwinId, T::AccountId, TwinId, CircleId) {
	let (owner_account, owner) = twin::<T>("owner", 0);
	let circles = lineage::<T>(&owner_account, owner);
	let (admin_account, admin) = twin::<T>("admin", 0);
	join::<T>((&owner_account, owner), circles[0], (&admin_account, admin), Role::Admin);
	let deepest = *circles.last().expect("the lineage is not empty");
	(owner_account, owner, admin_account, admin, deepest)
}

/// The deepest circle of `managed`, and a new twin with its account that the circle's admin
/// invited with `Member`: the circle, the guest's account and the guest.
fn invited<T: Config>() -> (CircleId, T::AccountId, TwinId) {
	let (_, _, admin_account, admin, circle) = managed::<T>();
	let (guest_account, guest) = twin::<T>("guest", 0);
	let origin = RawOrigin::Signed(admin_account).into();
	Pallet::<T>::invite(origin, circle, admin, guest, Role::Member).expect("the admin invites");
	(circle, guest_account, guest)
}

/// The admin's account, the admin and the deepest circle of `managed`, and a new twin with its
/// account that the circle's owner made a member with `role`.
fn joined<T: Config>(role: Role) -> (T::AccountId, TwinId, CircleId, T::AccountId, TwinId) {
	let (owner_account, owner, admin_account, admin, circle) = managed::<T>();
	let (guest_account, guest) = twin::<T>("guest", 0);
	join::<T>((&owner_account, owner), circle, (&guest_account, guest), role);
	(admin_account, admin, circle, guest_account, guest)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create_circle() {
		let (who, owner) = twin::<T>("owner", 0);
		let circles = lineage::<T>(&who, owner);
		let parent = circles[circles.len() - 2];
		#[extrinsic_call]
		_(
			RawOrigin::Signed(who),
			owner,
			BoundedVec::truncate_from(b"benchmarked".to_vec()),
			BoundedVec::truncate_from(alloc::vec![b'd'; MAX_DESCRIPTION_LEN as usize]),
			Some(parent),
			CircleVisibility::Private,
			rights(),
		);
		assert_eq!(Circles::<T>::get(parent).map(|c| c.children), Some(2));
	}

	#[benchmark]
	fn update_circle() {
		let (_, _, admin_account, admin, circle) = managed::<T>();
		#[extrinsic_call]
		_(
			RawOrigin::Signed(admin_account),
			circle,
			admin,
			BoundedVec::truncate_from(alloc::vec![b'u'; MAX_DESCRIPTION_LEN as usize]),
			CircleVisibility::Public,
			rights(),
		);
		assert!(Circles::<T>::get(circle).is_some_and(|c| c.description.as_str().starts_with('u')));
	}

	/// `e` entries: members first, then invitations, then requests to join.
	#[benchmark]
	fn delete_circle(
		e: Linear<1, { T::MaxMembers::get() + T::MaxInvitations::get() + T::MaxRequests::get() }>,
	) {
		let (who, owner) = twin::<T>("owner", 0);
		let circle = create::<T>(&who, owner, None);
		let invited_from = T::MaxMembers::get();
		let requesting_from = invited_from + T::MaxInvitations::get();
		for index in 1..e {
			let (account, twin) = twin::<T>("member", index);
			if index < invited_from {
				join::<T>((&who, owner), circle, (&account, twin), Role::Member);
			} else if index < requesting_from {
				Pallet::<T>::invite(
					RawOrigin::Signed(who.clone()).into(),
					circle,
					owner,
					twin,
					Role::Member,
				)
				.expect("the owner invites");
			} else {
				Pallet::<T>::request_join(RawOrigin::Signed(account).into(), circle, twin)
					.expect("a twin may ask to join a public circle");
			}
		}
		#[extrinsic_call]
		_(RawOrigin::Signed(who), circle);
		assert!(!Circles::<T>::contains_key(circle));
	}

	#[benchmark]
	fn invite() {
		let (_, _, admin_account, admin, circle) = managed::<T>();
		let (_, guest) = twin::<T>("guest", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(admin_account), circle, admin, guest, Role::Admin);
		assert!(PendingEntries::<T>::contains_key(circle, guest));
	}

	#[benchmark]
	fn accept_invitation() {
		let (circle, guest_account, guest) = invited::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(guest_account), circle, guest);
		assert!(Pallet::<T>::has_right(circle, guest, Right::Write));
	}

	#[benchmark]
	fn decline_invitation() {
		let (circle, guest_account, guest) = invited::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(guest_account), circle, guest);
		assert!(!PendingEntries::<T>::contains_key(circle, guest));
	}

	#[benchmark]
	fn request_join() {
		let (_, _, _, _, circle) = managed::<T>();
		let (guest_account, guest) = twin::<T>("guest", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(guest_account), circle, guest);
		assert!(PendingEntries::<T>::contains_key(circle, guest));
	}

	#[benchmark]
	fn approve_join() {
		let (_, _, admin_account, admin, circle) = managed::<T>();
		let (guest_account, guest) = twin::<T>("guest", 0);
		Pallet::<T>::request_join(RawOrigin::Signed(guest_account).into(), circle, guest)
			.expect("a twin may ask to join");
		#[extrinsic_call]
		_(RawOrigin::Signed(admin_account), circle, admin, guest, Role::Admin);
		assert!(Pallet::<T>::has_right(circle, guest, Right::Manage));
	}

	#[benchmark]
	fn remove() {
		let (admin_account, admin, circle, _, guest) = joined::<T>(Role::Admin);
		#[extrinsic_call]
		_(RawOrigin::Signed(admin_account), circle, admin, guest);
		assert!(!Members::<T>::contains_key(circle, guest));
	}

	#[benchmark]
	fn leave() {
		let (_, _, circle, guest_account, guest) = joined::<T>(Role::Member);
		#[extrinsic_call]
		_(RawOrigin::Signed(guest_account), circle, guest);
		assert!(!Members::<T>::contains_key(circle, guest));
	}

	#[benchmark]
	fn set_role() {
		let (admin_account, admin, circle, _, guest) = joined::<T>(Role::Viewer);
		#[extrinsic_call]
		_(RawOrigin::Signed(admin_account), circle, admin, guest, Role::Admin);
		assert!(Pallet::<T>::has_right(circle, guest, Right::Manage));
	}

	#[benchmark]
	fn offer_ownership() {
		let (who, owner) = twin::<T>("owner", 0);
		let circle = create::<T>(&who, owner, None);
		let (_, heir) = twin::<T>("heir", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(who), circle, Some(heir));
		assert_eq!(OwnershipOffers::<T>::get(circle), Some(heir));
	}

	#[benchmark]
	fn accept_ownership() {
		let (who, owner) = twin::<T>("owner", 0);
		let circle = create::<T>(&who, owner, None);
		let (heir_account, heir) = twin::<T>("heir", 0);
		// The heir was a member already: its entry gives way to the owner's.
		join::<T>((&who, owner), circle, (&heir_account, heir), Role::Member);
		Pallet::<T>::offer_ownership(RawOrigin::Signed(who).into(), circle, Some(heir))
			.expect("the owner offers its circle");
		#[extrinsic_call]
		_(RawOrigin::Signed(heir_account), circle, heir);
		assert_eq!(Circles::<T>::get(circle).map(|c| c.owner), Some(heir));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
