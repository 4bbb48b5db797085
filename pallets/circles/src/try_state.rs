//! The pallet's invariants: every index points to a record that points back, and every count
//! matches what it counts. `try_state` runs them on a live chain; the tests after every call.

use crate::*;
use alloc::collections::btree_map::BTreeMap;
use frame_support::{
	ensure,
	traits::{fungible::InspectHold, Get},
};
use sp_runtime::TryRuntimeError;
use zerochain_primitives::deposit::{held_by_account, holds_exactly};
use zerochain_primitives::{TwinId, TwinRegistry};

impl<T: Config> Pallet<T> {
	/// Whether `actor` may grant, change or remove `role` in `circle` with `right`, by the rule
	/// written out apart from the calls that enforce it, for the property tests and the
	/// fuzzer: among the circles from `circle` up whose own table gives the actor's role there
	/// `right`, one where that role is at least `role`; and every right `role` gives in
	/// `circle` is one the actor holds there, from some circle of the line.
	pub fn permitted(circle: CircleId, actor: TwinId, right: Right, role: Role) -> bool {
		let every = [Right::Read, Right::Write, Right::Invite, Right::Manage];
		let Some(table) = Circles::<T>::get(circle).map(|c| c.rights) else { return false };
		let mut high_enough = false;
		let mut held = alloc::vec::Vec::new();
		let mut next = Some(circle);
		while let Some(id) = next {
			let Some(record) = Circles::<T>::get(id) else { break };
			if let Some(member) = Members::<T>::get(id, actor) {
				let rights = record.rights.of(member.role);
				high_enough |= rights.contains(right) && member.role >= role;
				held.extend(every.into_iter().filter(|r| rights.contains(*r)));
			}
			next = record.parent;
		}
		high_enough
			&& every
				.into_iter()
				.filter(|r| table.of(role).contains(*r))
				.all(|r| held.contains(&r))
	}

	/// Checks every invariant of the pallet's storage.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		Self::check_circles()?;
		Self::check_members()?;
		Self::check_deposits()
	}

	fn check_circles() -> Result<(), TryRuntimeError> {
		let last = LastCircleId::<T>::get();
		let mut children = BTreeMap::<CircleId, u32>::new();
		for (id, circle) in Circles::<T>::iter() {
			ensure!(id >= 1 && id <= last, "a circle id is beyond LastCircleId");
			ensure!(T::Twins::exists(circle.owner), "a circle's owner twin is gone");
			ensure!(
				CircleByName::<T>::get(circle.owner, &circle.name) == Some(id),
				"a circle is not indexed by its name"
			);
			let owner =
				Members::<T>::get(id, circle.owner).ok_or("a circle's owner is no member")?;
			ensure!(
				owner == Membership { role: Role::Owner, record: circle.record },
				"a circle's owner entry is not the owner's"
			);
			let members: alloc::vec::Vec<_> = Members::<T>::iter_prefix_values(id).collect();
			let owners = members.iter().filter(|m| m.role == Role::Owner).count();
			ensure!(owners == 1, "a circle has other than one owner");
			ensure!(members.len() as u32 == circle.members, "a circle's member count is wrong");
			let pending: alloc::vec::Vec<_> =
				PendingEntries::<T>::iter_prefix_values(id).map(|p| p.kind).collect();
			let requests = pending.iter().filter(|k| **k == PendingKind::Requested).count();
			ensure!(requests as u32 == circle.requests, "a circle's request count is wrong");
			ensure!(
				(pending.len() - requests) as u32 == circle.invitations,
				"a circle's invitation count is wrong"
			);
			ensure!(circle.members <= T::MaxMembers::get(), "a circle has too many members");
			ensure!(
				circle.invitations <= T::MaxInvitations::get()
					&& circle.requests <= T::MaxRequests::get(),
				"a circle has too many pending entries"
			);
			ensure!(circle.depth <= T::MaxDepth::get(), "a circle nests too deep");
			match circle.parent {
				None => ensure!(circle.depth == 0, "a top-level circle has a depth"),
				Some(parent) => {
					let parent = Circles::<T>::get(parent).ok_or("a circle's parent is gone")?;
					ensure!(parent.owner == circle.owner, "a circle's parent has another owner");
					ensure!(parent.depth + 1 == circle.depth, "a circle's depth is wrong");
				},
			}
			if let Some(parent) = circle.parent {
				*children.entry(parent).or_default() += 1;
			}
		}
		for (id, circle) in Circles::<T>::iter() {
			ensure!(
				children.get(&id).copied().unwrap_or_default() == circle.children,
				"a circle's sub-circle count is wrong"
			);
		}
		for (owner, name, id) in CircleByName::<T>::iter() {
			let circle = Circles::<T>::get(id).ok_or("a name index points to no circle")?;
			ensure!(circle.owner == owner && circle.name == name, "a name index is stale");
		}
		for (id, _) in OwnershipOffers::<T>::iter() {
			ensure!(Circles::<T>::contains_key(id), "an ownership offer's circle is gone");
		}
		Ok(())
	}

	fn check_members() -> Result<(), TryRuntimeError> {
		for (circle, twin, _) in Members::<T>::iter() {
			ensure!(Circles::<T>::contains_key(circle), "a membership's circle is gone");
			ensure!(TwinCircles::<T>::contains_key(twin, circle), "a membership is not indexed");
			ensure!(
				!PendingEntries::<T>::contains_key(circle, twin),
				"a member is also invited or requesting"
			);
		}
		// Nothing concerns a twin that is gone, but while `on_idle` clears its inbox.
		let present = |twin| T::Twins::exists(twin) || Departed::<T>::contains_key(twin);
		for (circle, twin, _) in PendingEntries::<T>::iter() {
			ensure!(Circles::<T>::contains_key(circle), "a pending entry's circle is gone");
			ensure!(Inbox::<T>::contains_key(twin, circle), "a pending entry is not in the inbox");
			ensure!(present(twin), "a pending entry outlives its twin");
		}
		let mut requests = BTreeMap::<(CircleId, T::AccountId), u32>::new();
		for (circle, _, entry) in PendingEntries::<T>::iter() {
			if entry.kind == PendingKind::Requested {
				*requests.entry((circle, entry.depositor)).or_default() += 1;
			}
		}
		for (circle, account, made) in RequestsByAccount::<T>::iter() {
			ensure!(
				requests.remove(&(circle, account)) == Some(made),
				"an account's request count is wrong"
			);
			ensure!(made <= T::MaxRequestsPerAccount::get(), "an account made too many requests");
		}
		ensure!(requests.is_empty(), "an account's requests are not counted");
		for (circle, twin) in OwnershipOffers::<T>::iter() {
			ensure!(Inbox::<T>::contains_key(twin, circle), "an offer is not in the inbox");
			ensure!(present(twin), "an offer outlives the twin it is made to");
		}
		for (twin, circle, ()) in Inbox::<T>::iter() {
			ensure!(
				PendingEntries::<T>::contains_key(circle, twin)
					|| OwnershipOffers::<T>::get(circle) == Some(twin),
				"an inbox entry concerns nothing"
			);
		}
		for twin in Departed::<T>::iter_keys() {
			ensure!(!T::Twins::exists(twin), "a departed twin exists");
		}
		let mut counts = BTreeMap::<TwinId, u32>::new();
		for (twin, circle, ()) in TwinCircles::<T>::iter() {
			ensure!(Members::<T>::contains_key(circle, twin), "a twin's circle index is stale");
			*counts.entry(twin).or_default() += 1;
		}
		for (twin, count) in TwinCircleCount::<T>::iter() {
			ensure!(counts.remove(&twin) == Some(count), "a twin's circle count is wrong");
			ensure!(count <= T::MaxCirclesPerTwin::get(), "a twin is in too many circles");
		}
		ensure!(counts.is_empty(), "a twin in circles has no count");
		Ok(())
	}

	/// Every account's held deposits are exactly those of the circles, invitations and
	/// requests it made: no deposit is forgotten, none held twice, none stray.
	fn check_deposits() -> Result<(), TryRuntimeError> {
		let circles = Circles::<T>::iter_values().map(|c| (c.depositor, c.deposit));
		let pending = PendingEntries::<T>::iter_values().map(|e| (e.depositor, e.deposit));
		for (reason, expected) in [
			(HoldReason::CircleDeposit, held_by_account(circles)),
			(HoldReason::PendingDeposit, held_by_account(pending)),
		] {
			let holding =
				|account: &T::AccountId| T::Currency::balance_on_hold(&reason.into(), account);
			let accounts = frame_system::Account::<T>::iter_keys();
			ensure!(
				holds_exactly(accounts, &expected, holding),
				"an account's held deposit differs from its records' deposits"
			);
		}
		Ok(())
	}
}
