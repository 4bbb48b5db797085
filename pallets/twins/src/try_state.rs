//! The pallet's invariants: every index entry points to a record that points back, every
//! count matches what it counts, and every deposit is held. `try_state` runs them on a live
//! chain (try-runtime); the tests run them after every call.

use crate::*;
use alloc::collections::btree_map::BTreeMap;
use frame_support::{
	ensure,
	traits::{fungible::InspectHold, Get},
};
use sp_runtime::TryRuntimeError;
use zerochain_primitives::deposit::{held_by_account, holds_exactly};

impl<T: Config> Pallet<T> {
	/// Checks every invariant of the pallet's storage.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		Self::check_twins()?;
		Self::check_indices()?;
		Self::check_entities()?;
		Self::check_deposits()
	}

	fn check_twins() -> Result<(), TryRuntimeError> {
		let last = LastTwinId::<T>::get();
		for (id, twin) in Twins::<T>::iter() {
			ensure!(id >= 1 && id <= last, "a twin id is beyond LastTwinId");
			match twin.parent {
				None => {
					ensure!(twin.depth == 0, "a top-level twin has a depth");
					ensure!(
						TwinByAccount::<T>::get(&twin.account) == Some(id),
						"a top-level twin is not indexed by its account"
					);
				},
				Some(link) => {
					let parent = Twins::<T>::get(link.twin).ok_or("a child's parent is gone")?;
					ensure!(
						parent.depth + 1 == twin.depth,
						"a child's depth is not its parent's + 1"
					);
					ensure!(
						Records::<T>::get(link.twin, link.record)
							== Some(RecordRef { kind: RecordKind::Twin, key: id }),
						"a child is not its parent's record"
					);
				},
			}
			ensure!(twin.depth <= T::MaxDepth::get(), "a twin is deeper than MaxDepth");
			if let Some(name) = &twin.name {
				ensure!(TwinByName::<T>::get(name) == Some(id), "a name is not indexed");
			}
			if let Some(key) = twin.public_key.filter(PublicKey::signs) {
				ensure!(TwinByKey::<T>::get(key) == Some(id), "a signing key is not indexed");
			}
			let records: alloc::vec::Vec<_> = Records::<T>::iter_prefix(id).collect();
			let children = records.iter().filter(|(_, r)| r.kind == RecordKind::Twin).count();
			ensure!(records.len() as u32 == twin.records, "a twin's record count is wrong");
			ensure!(children as u32 == twin.children, "a twin's child count is wrong");
			let holdings = records.iter().filter(|(_, r)| r.kind.is_holding()).count();
			ensure!(holdings as u32 == twin.holdings, "a twin's holding count is wrong");
			ensure!(
				records.iter().all(|(number, _)| *number >= 1 && *number <= twin.last_record),
				"a record number was never handed out"
			);
			ensure!(
				TwinEntities::<T>::iter_prefix(id).count() as u32 == twin.entities,
				"a twin's entity count is wrong"
			);
		}
		Ok(())
	}

	fn check_indices() -> Result<(), TryRuntimeError> {
		for (account, id) in TwinByAccount::<T>::iter() {
			let twin = Twins::<T>::get(id).ok_or("an account index points to no twin")?;
			ensure!(twin.account == account && twin.parent.is_none(), "an account index is stale");
		}
		for (name, id) in TwinByName::<T>::iter() {
			let twin = Twins::<T>::get(id).ok_or("a name index points to no twin")?;
			ensure!(twin.name == Some(name), "a name index is stale");
		}
		for (key, id) in TwinByKey::<T>::iter() {
			let twin = Twins::<T>::get(id).ok_or("a key index points to no twin")?;
			ensure!(twin.public_key == Some(key), "a key index is stale");
			ensure!(key.signs(), "a key that cannot sign is indexed");
		}
		for (owner, number, record) in Records::<T>::iter() {
			ensure!(Twins::<T>::contains_key(owner), "a record's owner is gone");
			if record.kind == RecordKind::Twin {
				let child =
					Twins::<T>::get(record.key).ok_or("a child record points to no twin")?;
				ensure!(
					child.parent == Some(ParentLink { twin: owner, record: number }),
					"a child record's twin has another parent"
				);
			}
		}
		for (id, _) in PendingTransfers::<T>::iter() {
			ensure!(Twins::<T>::contains_key(id), "a pending transfer's twin is gone");
		}
		Ok(())
	}

	fn check_entities() -> Result<(), TryRuntimeError> {
		let last = LastEntityId::<T>::get();
		for (id, entity) in Entities::<T>::iter() {
			ensure!(id >= 1 && id <= last, "an entity id is beyond LastEntityId");
			ensure!(
				EntityTwins::<T>::iter_prefix(id).count() as u32 == entity.twins,
				"an entity's twin count is wrong"
			);
		}
		for (twin, entity, ()) in TwinEntities::<T>::iter() {
			ensure!(Twins::<T>::contains_key(twin), "a link's twin is gone");
			ensure!(Entities::<T>::contains_key(entity), "a link's entity is gone");
			ensure!(EntityTwins::<T>::contains_key(entity, twin), "a link is one-sided");
		}
		for (entity, twin, ()) in EntityTwins::<T>::iter() {
			ensure!(TwinEntities::<T>::contains_key(twin, entity), "a reverse link is one-sided");
		}
		Ok(())
	}

	/// Every account holds exactly the deposits of its twins and entities, none stray.
	fn check_deposits() -> Result<(), TryRuntimeError> {
		let twins = held_by_account(Twins::<T>::iter_values().map(|t| (t.account, t.deposit)));
		let entities =
			held_by_account(Entities::<T>::iter_values().map(|e| (e.account, e.deposit)));
		Self::check_held(HoldReason::TwinDeposit, twins)?;
		Self::check_held(HoldReason::EntityDeposit, entities)
	}

	fn check_held(
		reason: HoldReason,
		expected: BTreeMap<T::AccountId, BalanceOf<T>>,
	) -> Result<(), TryRuntimeError> {
		let holding =
			|account: &T::AccountId| T::Currency::balance_on_hold(&reason.into(), account);
		let accounts = frame_system::Account::<T>::iter_keys();
		ensure!(
			holds_exactly(accounts, &expected, holding),
			"an account holds other than its deposits"
		);
		Ok(())
	}
}
