//! Certifications that stand on their certifier: who certified each node, and the revocation,
//! in idle time, of what a certifier governance no longer names had certified. A farm's
//! certification reset when it becomes another farm.

use crate::*;
use alloc::vec::Vec;
use frame_support::{traits::Get, weights::Weight};

impl<T: Config> Pallet<T> {
	/// Records who certified `node`: `Some` certifier, or `None` for governance, a node no
	/// longer certified, or one deleted.
	pub(crate) fn note_certifier(node: NodeId, certifier: Option<T::AccountId>) {
		if let Some(previous) = CertifiedBy::<T>::take(node) {
			CertifiedNodes::<T>::remove(previous, node);
		}
		if let Some(certifier) = certifier {
			CertifiedNodes::<T>::insert(&certifier, node, ());
			CertifiedBy::<T>::insert(node, certifier);
		}
	}

	/// Queues for revocation the certifiers in `old` but not in `new` that certified nodes,
	/// and takes those in `new` off the queue.
	pub(crate) fn unname_dropped(old: &[T::AccountId], new: &[T::AccountId]) {
		let dropped: Vec<_> = old.iter().filter(|certifier| !new.contains(certifier)).collect();
		for certifier in dropped {
			if CertifiedNodes::<T>::iter_key_prefix(certifier).next().is_some() {
				Unnamed::<T>::insert(certifier, ());
			}
		}
		for certifier in new {
			if Unnamed::<T>::contains_key(certifier) {
				Unnamed::<T>::remove(certifier);
			}
		}
	}

	/// The most one step of revocation weighs: a certification set back to DIY, as a
	/// certifier sets it (whose measured weight also pays for the check this step does not
	/// make), and the queue's and indices' reads and writes.
	pub(crate) fn revoke_step_weight() -> Weight {
		T::WeightInfo::set_node_certification()
			.saturating_add(T::DbWeight::get().reads_writes(3, 3))
	}

	/// Whether any certifier's certifications wait to be revoked.
	pub(crate) fn revocations_due() -> bool {
		Unnamed::<T>::iter_keys().next().is_some()
	}

	/// Revokes one certification of an unnamed certifier, or forgets an unnamed certifier with
	/// none left. Whether there was anything to do. The entry taken is removed whatever it
	/// says, so that the queue always moves on; a node is set back to DIY only if the
	/// certifier's word is still the one it stands on.
	pub(crate) fn revoke_one() -> bool {
		let Some(certifier) = Unnamed::<T>::iter_keys().next() else { return false };
		let Some(node) = CertifiedNodes::<T>::iter_key_prefix(&certifier).next() else {
			Unnamed::<T>::remove(&certifier);
			return true;
		};
		CertifiedNodes::<T>::remove(&certifier, node);
		if CertifiedBy::<T>::get(node).as_ref() == Some(&certifier) {
			CertifiedBy::<T>::remove(node);
			if let Some(old) = Nodes::<T>::get(node) {
				let certification = NodeCertification::Diy;
				Self::replace_node(node, &old, Node { certification, ..old.clone() });
			}
			Self::deposit_event(Event::NodeCertificationRevoked { node, certifier });
		}
		true
	}

	/// Resets a certified farm's certification, as a change that makes it another farm does.
	pub(crate) fn reset_certification(farm: FarmId, record: &mut FarmOf<T>) {
		if record.certification != FarmCertification::NotCertified {
			record.certification = FarmCertification::NotCertified;
			Self::deposit_event(Event::FarmCertificationReset { farm });
		}
	}
}
