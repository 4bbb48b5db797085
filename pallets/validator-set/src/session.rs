//! How this pallet meets `pallet_session`: the [`SessionControl`] it needs, the
//! `SessionManager` it is, and the `ShouldEndSession` ([`EndedByValidatorSet`]) that leaves
//! ending sessions to it.

use crate::{Config, Pallet, SessionLength, SetChanged, Validators, LOG_TARGET};
use alloc::vec::Vec;
use codec::MaxEncodedLen;
use frame_support::{traits::Get, Parameter};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{OpaqueKeys, Zero},
	DispatchResult, Perbill, RuntimeAppPublic,
};
use sp_staking::{offence::OffenceSeverity, SessionIndex};

/// What this pallet needs of the session pallet.
pub trait SessionControl<AccountId> {
	/// The session key whose owner an equivocation report proves (GRANDPA's): this pallet
	/// records who held which for every session of its history.
	type Key: RuntimeAppPublic + Parameter + MaxEncodedLen;
	/// The ongoing session's index.
	fn current_session() -> SessionIndex;
	/// The validators of the ongoing session, in authoring order.
	fn active_validators() -> Vec<AccountId>;
	/// `who`'s registered key of [`Self::Key`]'s kind (`Session.set_keys`): the one the
	/// session pallet would queue for it now. `None` if it has no session keys.
	fn key_of(who: &AccountId) -> Option<Self::Key>;
	/// Whether `who` validates the ongoing session or is queued for the next: its keys are in
	/// use until then.
	fn in_session(who: &AccountId) -> bool;
	/// Stops `who` from authoring for the rest of the ongoing session, if the session
	/// pallet's disabling strategy allows.
	fn disable(who: &AccountId);
	/// Ends the ongoing session and starts the next, telling the consensus pallets and this
	/// pallet (as the session manager).
	fn rotate();
	/// Deletes `who`'s session keys and releases their deposit, as `Session.purge_keys`
	/// would (which the runtime's call filter refuses to everyone).
	fn purge_keys(who: &AccountId) -> DispatchResult;
	/// Registers session keys for `who`, for the benchmarks.
	#[cfg(feature = "runtime-benchmarks")]
	fn register_keys(who: &AccountId);
}

/// [`SessionControl`] over `pallet_session`, whose validator id is the account id; `Key` is
/// the session key equivocations are proven for (GRANDPA's `AuthorityId` in the runtime).
pub struct SessionAdapter<T, Key>(core::marker::PhantomData<(T, Key)>);

impl<T, Key> SessionControl<T::AccountId> for SessionAdapter<T, Key>
where
	T: pallet_session::Config<ValidatorId = <T as frame_system::Config>::AccountId>,
	Key: RuntimeAppPublic + Parameter + MaxEncodedLen,
{
	type Key = Key;

	fn current_session() -> SessionIndex {
		pallet_session::Pallet::<T>::current_index()
	}

	fn active_validators() -> Vec<T::AccountId> {
		pallet_session::Pallet::<T>::validators()
	}

	fn key_of(who: &T::AccountId) -> Option<Key> {
		pallet_session::Pallet::<T>::load_keys(who)?.get(Key::ID)
	}

	fn in_session(who: &T::AccountId) -> bool {
		pallet_session::Pallet::<T>::validators().contains(who)
			|| pallet_session::Pallet::<T>::queued_keys()
				.iter()
				.any(|(queued, _)| queued == who)
	}

	fn disable(who: &T::AccountId) {
		pallet_session::Pallet::<T>::report_offence(who.clone(), OffenceSeverity(Perbill::one()));
	}

	fn rotate() {
		pallet_session::Pallet::<T>::rotate_session();
	}

	fn purge_keys(who: &T::AccountId) -> DispatchResult {
		pallet_session::Pallet::<T>::purge_keys(frame_system::RawOrigin::Signed(who.clone()).into())
	}

	/// Stores keys as the session pallet's external interface (`SessionInterface::set_keys`,
	/// which only exists beside its `historical` module) stores new ones: the keys, their
	/// owner index and the mark that they hold no deposit. `Session.set_keys` would want
	/// proofs of possession that generic keys cannot make.
	#[cfg(feature = "runtime-benchmarks")]
	fn register_keys(who: &T::AccountId) {
		use codec::{Decode, Encode};
		// Every key is the account's bytes, so that two accounts never share one.
		let seed = who.encode().repeat(T::Keys::key_ids().len());
		let keys = T::Keys::decode(&mut sp_runtime::traits::TrailingZeroInput::new(&seed))
			.expect("session keys decode from any input padded with zeroes");
		for id in T::Keys::key_ids() {
			pallet_session::KeyOwner::<T>::insert((*id, keys.get_raw(*id).to_vec()), who);
		}
		pallet_session::NextKeys::<T>::insert(who, keys);
		pallet_session::ExternallySetKeys::<T>::insert(who, ());
	}
}

/// `pallet_session`'s `ShouldEndSession` when this pallet ends the sessions: never. The
/// session pallet charges a session it ends itself the whole block's weight, so the block that
/// starts a session could carry no transaction; this pallet ends them at the same blocks from its
/// own hook (`on_initialize`), charged the rotation's measured weight.
pub struct EndedByValidatorSet;

impl<BlockNumber> pallet_session::ShouldEndSession<BlockNumber> for EndedByValidatorSet {
	fn should_end_session(_now: BlockNumber) -> bool {
		false
	}
}

impl<T: Config> Pallet<T> {
	/// Ends the ongoing session if block `now` is the first of a new one: every
	/// [`SessionBlocks`](crate::SessionBlocks) blocks, counted from genesis.
	pub(crate) fn rotate_if_due(now: BlockNumberFor<T>) -> bool {
		let due = (now % SessionLength::<T>::get()).is_zero();
		if due {
			T::Session::rotate();
		}
		due
	}

	/// The set the session pallet should plan for session `index`, if it changed. Either way
	/// the keys the session pallet is about to queue for it are recorded, and the oldest
	/// session's forgotten.
	fn plan(index: SessionIndex) -> Option<Vec<T::AccountId>> {
		Self::drop_idle(index);
		Self::forget_keys_before(index.saturating_sub(T::HistoryDepth::get()));
		if !SetChanged::<T>::take() {
			// The session pallet keeps the ongoing session's validators.
			Self::note_keys(index, T::Session::active_validators());
			return None;
		}
		let validators = Validators::<T>::get().into_inner();
		log::info!(target: LOG_TARGET, "session {index} will have {} validators", validators.len());
		Self::note_keys(index, validators.clone());
		Some(validators)
	}
}

impl<T: Config> pallet_session::SessionManager<T::AccountId> for Pallet<T> {
	fn new_session(new_index: SessionIndex) -> Option<Vec<T::AccountId>> {
		Self::plan(new_index)
	}

	/// Sessions 0 and 1 both have the genesis set.
	fn new_session_genesis(new_index: SessionIndex) -> Option<Vec<T::AccountId>> {
		SetChanged::<T>::kill();
		let validators = Validators::<T>::get().into_inner();
		Self::note_keys(new_index, validators.clone());
		Some(validators)
	}

	fn end_session(end_index: SessionIndex) {
		Self::note_session_end(end_index);
	}

	fn start_session(_start_index: SessionIndex) {}
}
