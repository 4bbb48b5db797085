//! # Twins pallet: the phonebook of digital twins
//!
//! Every person or legal entity owns a **twin**, its digital self in Zero Chain's public
//! phonebook. This pallet keeps them.
//!
//! ## Twins
//! A twin has a sequential id from 1, the account that controls it, and optionally a
//! [`Relay`] (the host where it can be reached), a [`PublicKey`] (to write to it privately)
//! and a unique [`TwinName`] (its handle in the phonebook). Everything about a twin is public,
//! as all chain state is: a twin that does not want to be found by name has none.
//!
//! A public key is claimed with proof: a key that can sign (sr25519, ed25519, secp256k1)
//! signs [`key_message`] — the chain's genesis hash, the twin and the submitting account —
//! so nobody can take another's published key, and such keys are unique. An X25519 key cannot
//! sign: it is accepted without proof and, for that reason, is neither unique nor indexed.
//! An account controls at most one **top-level** twin. A twin may create **child twins** (a
//! company's departments, a person's devices) up to [`Config::MaxDepth`] levels deep and
//! [`Config::MaxChildren`] per twin; the controller of any ancestor may act for a child
//! (update, delete, transfer it). A twin is handed to another account in two steps: its
//! controller requests the transfer, the receiver accepts (or the sender cancels), and says
//! where the twin goes: its own top-level twin, under a twin of its own, or — its choice
//! alone — where it is, for a twin handed to a key of the sender's own (a machine's), whose
//! ancestors keep acting for it. Otherwise only the receiver and the controllers above the
//! place it chose act for it. Only a twin without holdings — child
//! twins, circles, farms, nodes — changes hands, since their control and deposits would stay
//! with the old account; its memberships of others' circles go with it. What the old
//! controller claimed for it does not: entity links are dropped and the public key cleared.
//!
//! ## Two-number addresses
//! Every record on the chain is addressed by the twin that owns it and a record number that
//! twin handed out: `(twin id, record id)`. Child twins are records of their parent; other
//! pallets (circles, grid) register their records through [`TwinRegistry`], which is also
//! how they ask whether an account may act for a twin. [`Records`] resolves an address to the
//! record's kind and key in one lookup. A twin that still owns records cannot be deleted; what
//! other pallets keep about a twin without its consent (invitations, offers) they forget when
//! it is deleted, told through [`Config::OnDeleted`].
//!
//! ## Entities
//! A person or legal entity (kind, name, country, city) registered by an account, with a key
//! of its own. It **vouches** for a twin by signing [`link_message`] — the chain's genesis
//! hash, the entity, the twin, the twin's controller and the entity's nonce; the twin's
//! controller submits the signature, the chain verifies it. Either side may unlink; an unlink
//! moves the entity's nonce on, so the old signature never links again, and a link made for
//! one controller is void for the next. See [`proofs`] for the exact bytes.
//!
//! ## Deposits
//! Each twin and each entity holds a deposit ([`Config::TwinDeposit`],
//! [`Config::EntityDeposit`]) on its account, released when it is deleted; a transferred
//! twin's deposit moves to its new account. Each deposit is a ticket in its record (FRAME's
//! `HoldConsideration`, [`TwinTicket`], [`EntityTicket`]), priced by the runtime from the
//! record's footprint: see [`zerochain_primitives::deposit`].
//!
//! ## Lookups
//! By id ([`Twins`]), by account ([`TwinByAccount`]), by name ([`TwinByName`]) and by public key
//! ([`TwinByKey`]); every index is kept in step with the twins, which `try_state` checks.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod proofs;
mod registry;
#[cfg(any(feature = "invariants", test))]
mod try_state;
pub mod types;
pub mod weights;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;

pub use proofs::{key_message, link_message};
use zerochain_primitives::{
	paging, CountryCode, EntityId, EntityText, NameInput, OnTwinDeleted, RecordId, RecordKind,
	RecordRef, TextInput, TwinId, TwinName,
};

/// The phonebook: every person or legal entity owns a twin, its digital self, with a relay,
/// a public key and a unique name, bound to the account that controls it. Twins may own other
/// twins; entities (people, companies, trusts, governments) vouch for twins with a signature.
/// Every twin hands out two-number addresses `(twin, record)` for what it owns.
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{HoldConsideration, Inspect, Mutate, MutateHold},
			Consideration, Footprint,
		},
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::{Convert, Saturating, Zero};
	use zerochain_primitives::Converted;

	/// An amount of the currency deposits are held in.
	pub type BalanceOf<T> =
		<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
	/// A deposit of this pallet's as FRAME's ticket: held under `Reason` (one of
	/// [`HoldReason`]) at the runtime's `Price` for the record.
	pub type Ticket<T, Reason, Price> = HoldConsideration<
		<T as frame_system::Config>::AccountId,
		<T as Config>::Currency,
		Converted<Reason, HoldReason>,
		Price,
	>;
	/// The ticket of a twin's deposit: [`Config::TwinDeposit`] held on its controller.
	pub type TwinTicket<T> = Ticket<T, TwinHold, <T as Config>::TwinDeposit>;
	/// The ticket of an entity's deposit: [`Config::EntityDeposit`] held on its account.
	pub type EntityTicket<T> = Ticket<T, EntityHold, <T as Config>::EntityDeposit>;
	/// A twin as stored.
	pub type TwinOf<T> = Twin<<T as frame_system::Config>::AccountId, TwinTicket<T>>;
	/// An entity as stored.
	pub type EntityOf<T> = Entity<<T as frame_system::Config>::AccountId, EntityTicket<T>>;

	frame_support::parameter_types! {
		/// What a twin's deposit is held under.
		pub const TwinHold: HoldReason = HoldReason::TwinDeposit;
		/// What an entity's deposit is held under.
		pub const EntityHold: HoldReason = HoldReason::EntityDeposit;
	}

	/// The storage layout's version; bump it with a migration.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config(with_default)]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The currency deposits are held in.
		#[pallet::no_default]
		type Currency: Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason: From<HoldReason>>;

		/// What a twin holds on its controlling account, priced from its record's footprint
		/// (`ConstantStoragePrice` for a set amount; a `LinearStoragePrice` would derive it from
		/// the record's bounded size, still one amount per kind).
		#[pallet::no_default_bounds]
		type TwinDeposit: Convert<Footprint, BalanceOf<Self>>;

		/// What an entity holds on its registering account, priced like
		/// [`Config::TwinDeposit`].
		#[pallet::no_default_bounds]
		type EntityDeposit: Convert<Footprint, BalanceOf<Self>>;

		/// How deep child twins may nest: a top-level twin has depth 0.
		#[pallet::constant]
		type MaxDepth: Get<u32>;

		/// How many child twins one twin may own.
		#[pallet::constant]
		type MaxChildren: Get<u32>;

		/// How many records (child twins included) one twin may own.
		#[pallet::constant]
		type MaxRecords: Get<u32>;

		/// How many entities may vouch for one twin.
		#[pallet::constant]
		type MaxEntitiesPerTwin: Get<u32>;

		/// How many twins one entity may vouch for.
		#[pallet::constant]
		type MaxTwinsPerEntity: Get<u32>;

		/// What the pallets that keep records about twins without their consent (circles'
		/// invitations and offers) do when a twin is deleted.
		type OnDeleted: OnTwinDeleted;

		/// The weights of this pallet's calls, from its benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// Configurations to derive a test runtime's from (`#[derive_impl]`), so that a mock states
	/// only what differs.
	pub mod config_preludes {
		use super::*;
		use frame_support::{
			derive_impl,
			traits::{ConstU32, ConstU64, ConstantStoragePrice},
		};

		/// Small bounds the tests reach, deposits in a `u64` balance, no weights.
		pub struct TestDefaultConfig;

		#[derive_impl(frame_system::config_preludes::TestDefaultConfig, no_aggregated_types)]
		impl frame_system::DefaultConfig for TestDefaultConfig {}

		#[frame_support::register_default_impl(TestDefaultConfig)]
		impl DefaultConfig for TestDefaultConfig {
			type TwinDeposit = ConstantStoragePrice<ConstU64<10>, u64>;
			type EntityDeposit = ConstantStoragePrice<ConstU64<20>, u64>;
			type MaxDepth = ConstU32<3>;
			type MaxChildren = ConstU32<4>;
			type MaxRecords = ConstU32<6>;
			type MaxEntitiesPerTwin = ConstU32<3>;
			type MaxTwinsPerEntity = ConstU32<3>;
			type OnDeleted = ();
			type WeightInfo = ();
		}
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of a twin.
		#[codec(index = 0)]
		TwinDeposit,
		/// The deposit of an entity.
		#[codec(index = 1)]
		EntityDeposit,
	}

	/// The last twin id handed out; ids are never reused.
	#[pallet::storage]
	pub type LastTwinId<T> = StorageValue<_, TwinId, ValueQuery>;

	/// The twins, by id.
	#[pallet::storage]
	pub type Twins<T: Config> = CountedStorageMap<_, Twox64Concat, TwinId, TwinOf<T>>;

	/// The top-level twin each account controls.
	#[pallet::storage]
	pub type TwinByAccount<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, TwinId>;

	/// The twin each name belongs to.
	#[pallet::storage]
	pub type TwinByName<T> = StorageMap<_, Blake2_128Concat, TwinName, TwinId>;

	/// The twin each signing public key (sr25519, ed25519, secp256k1) belongs to, proven by
	/// the key; X25519 keys, which cannot sign, are not indexed.
	#[pallet::storage]
	pub type TwinByKey<T> = StorageMap<_, Blake2_128Concat, PublicKey, TwinId>;

	/// Two-number addresses: what record `(twin, record)` is.
	#[pallet::storage]
	pub type Records<T> =
		StorageDoubleMap<_, Twox64Concat, TwinId, Twox64Concat, RecordId, RecordRef>;

	/// Transfers requested and not yet accepted: the twin, the account it goes to and the
	/// account that offered it.
	#[pallet::storage]
	pub type PendingTransfers<T: Config> =
		StorageMap<_, Twox64Concat, TwinId, PendingTransfer<T::AccountId>>;

	/// The last entity id handed out; ids are never reused.
	#[pallet::storage]
	pub type LastEntityId<T> = StorageValue<_, EntityId, ValueQuery>;

	/// The entities, by id.
	#[pallet::storage]
	pub type Entities<T: Config> = StorageMap<_, Twox64Concat, EntityId, EntityOf<T>>;

	/// The entities that vouch for each twin.
	#[pallet::storage]
	pub type TwinEntities<T> =
		StorageDoubleMap<_, Twox64Concat, TwinId, Twox64Concat, EntityId, ()>;

	/// The twins each entity vouches for: [`TwinEntities`] the other way round.
	#[pallet::storage]
	pub type EntityTwins<T> = StorageDoubleMap<_, Twox64Concat, EntityId, Twox64Concat, TwinId, ()>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A twin was created; `parent` is set for a child twin.
		TwinCreated { twin: TwinId, account: T::AccountId, parent: Option<ParentLink> },
		/// A twin's relay was set or cleared.
		RelaySet { twin: TwinId, relay: Option<Relay> },
		/// A twin's public key was set or cleared.
		PublicKeySet { twin: TwinId, public_key: Option<PublicKey> },
		/// A twin's name was set or cleared.
		NameSet { twin: TwinId, name: Option<TwinName> },
		/// A twin was deleted; its name and key are free again.
		TwinDeleted { twin: TwinId },
		/// A twin's controller offered it to another account.
		TransferRequested { twin: TwinId, from: T::AccountId, to: T::AccountId },
		/// A transfer offer was withdrawn.
		TransferCancelled { twin: TwinId },
		/// A twin changed hands, with its deposit; `parent` is where it now sits (`None`: it
		/// is `to`'s top-level twin).
		TwinTransferred {
			twin: TwinId,
			from: T::AccountId,
			to: T::AccountId,
			parent: Option<ParentLink>,
		},
		/// A twin handed out a record number.
		RecordAdded { twin: TwinId, record: RecordId, record_ref: RecordRef },
		/// A record number was given back.
		RecordRemoved { twin: TwinId, record: RecordId },
		/// An entity was registered.
		EntityCreated { entity: EntityId, account: T::AccountId, kind: EntityKind },
		/// An entity was deleted.
		EntityDeleted { entity: EntityId },
		/// An entity now vouches for a twin.
		EntityLinked { entity: EntityId, twin: TwinId },
		/// An entity no longer vouches for a twin.
		EntityUnlinked { entity: EntityId, twin: TwinId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No twin has this id: it was never created, or was deleted (ids are never reused).
		TwinNotFound,
		/// The account may not act for this twin: it controls neither it nor an ancestor. Sign
		/// with the twin's controller, or the controller of a twin above it.
		NotTwinController,
		/// The account already controls a top-level twin: an account has one; create (or accept)
		/// a child twin under it instead, or use another account.
		AccountHasTwin,
		/// The relay is not a host name: send dot-separated labels of `[A-Za-z0-9_-]`, none
		/// empty, 253 bytes at most (an IPv4 address is fine).
		InvalidRelay,
		/// The name is not 3 to 32 characters of `[a-z0-9_-]`: upper case is refused, not
		/// folded — send it in lower case.
		InvalidName,
		/// The public key is malformed: a secp256k1 key must be sent compressed (33 bytes
		/// starting with 2 or 3).
		InvalidPublicKey,
		/// The proof is not the public key's signature of `key_message(genesis hash, twin,
		/// caller)` — sign that message with the key and send the signature of its scheme — or
		/// a proof came where none is wanted (with an X25519 key, which cannot sign, or with no
		/// key): send it without one.
		BadKeyProof,
		/// Another twin has this name: choose another.
		NameTaken,
		/// Another twin has proven this public key already: a signing key names one twin.
		PublicKeyTaken,
		/// A child here would nest deeper than `MaxDepth` levels: create it higher up.
		TooDeep,
		/// The parent already owns `MaxChildren` twins: delete one, or nest below a child.
		TooManyChildren,
		/// The twin owns `MaxRecords` records already: delete one of its records first.
		TooManyRecords,
		/// The twin owns child twins: delete them first.
		HasChildren,
		/// The twin owns records — circles, farms, nodes, or (for a deletion) memberships of
		/// circles: delete them, hand them over or leave them first.
		OwnsRecords,
		/// No record has this two-number address: it was never handed out, or its record was
		/// deleted.
		RecordNotFound,
		/// Every id of this kind is used: the chain cannot create more of them.
		IdsExhausted,
		/// The deposit could not be held: the account's free balance is too low. Fund it with
		/// the deposit (see the pallet's constants) and the fee.
		CannotHoldDeposit,
		/// A transfer of this twin is already pending: cancel it before offering the twin
		/// elsewhere.
		TransferPending,
		/// No transfer of this twin is pending: its controller must request one first.
		NoTransferPending,
		/// The transfer is offered to another account: only that account may accept it.
		NotTransferReceiver,
		/// A twin cannot be transferred to the account that controls it already: name another.
		TransferToSelf,
		/// A twin cannot be placed under itself: name another parent, or none.
		OwnParent,
		/// The twin was offered by an account that does not act for its parent: it leaves its
		/// parent only on an offer from the parent's side. Accept it where it is (`parent`: its
		/// current parent).
		KeptByParent,
		/// No entity has this id: it was never registered, or was deleted.
		EntityNotFound,
		/// The entity's name or city is empty, not UTF-8, longer than 64 bytes, or holds
		/// control characters: send plain text of 1 to 64 bytes.
		InvalidEntityText,
		/// Not an assigned ISO 3166-1 alpha-2 country code: send two upper-case letters, such
		/// as `BE`.
		InvalidCountry,
		/// The account did not register this entity: sign with the account that did.
		NotEntityOwner,
		/// The signature is not the entity key's signature of `link_message(genesis hash,
		/// entity, twin, the twin's controller, the entity's nonce)`: sign that message, with the
		/// entity's current nonce, with the entity's key.
		BadSignature,
		/// The entity already vouches for this twin: nothing to do.
		AlreadyLinked,
		/// The entity does not vouch for this twin: nothing to unlink.
		NotLinked,
		/// `MaxEntitiesPerTwin` entities vouch for the twin already: unlink one first.
		TooManyEntities,
		/// The entity vouches for `MaxTwinsPerEntity` twins already: unlink one first.
		TooManyTwins,
		/// The entity still vouches for twins: unlink them first.
		EntityHasLinks,
	}

	impl<T> From<Invalid> for Error<T> {
		fn from(invalid: Invalid) -> Self {
			match invalid {
				Invalid::Relay => Error::InvalidRelay,
				Invalid::PublicKey => Error::InvalidPublicKey,
			}
		}
	}

	impl<T> From<zerochain_primitives::Invalid> for Error<T> {
		fn from(invalid: zerochain_primitives::Invalid) -> Self {
			use zerochain_primitives::Invalid;
			match invalid {
				Invalid::Name => Error::InvalidName,
				Invalid::Text => Error::InvalidEntityText,
				Invalid::Country => Error::InvalidCountry,
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxDepth::get() >= 1, "MaxDepth must allow child twins");
			assert!(T::MaxChildren::get() >= 1, "MaxChildren must allow child twins");
			assert!(
				T::MaxRecords::get() >= T::MaxChildren::get(),
				"MaxRecords must leave room for MaxChildren child twins"
			);
			assert!(T::MaxEntitiesPerTwin::get() >= 1, "MaxEntitiesPerTwin must be at least 1");
			assert!(T::MaxTwinsPerEntity::get() >= 1, "MaxTwinsPerEntity must be at least 1");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	/// The deposits as the runtime prices them today, for wallets to show before a call.
	#[pallet::extra_constants]
	impl<T: Config> Pallet<T> {
		/// What a new twin holds on its controller.
		#[pallet::constant_name(TwinDeposit)]
		pub fn twin_deposit() -> BalanceOf<T> {
			T::TwinDeposit::convert(Footprint::from_mel::<TwinOf<T>>())
		}

		/// What a new entity holds on its account.
		#[pallet::constant_name(EntityDeposit)]
		pub fn entity_deposit() -> BalanceOf<T> {
			T::EntityDeposit::convert(Footprint::from_mel::<EntityOf<T>>())
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Creates the caller's top-level twin, holding [`Config::TwinDeposit`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::create_twin())]
		pub fn create_twin(
			origin: OriginFor<T>,
			relay: Option<RelayInput>,
			name: Option<NameInput>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(!TwinByAccount::<T>::contains_key(&who), Error::<T>::AccountHasTwin);
			let twin = Self::insert_twin(who.clone(), None, 0, relay, name)?;
			TwinByAccount::<T>::insert(&who, twin);
			Self::deposit_event(Event::TwinCreated { twin, account: who, parent: None });
			Ok(())
		}

		/// Creates a twin owned by `parent`, controlled by the caller, who must be able to act
		/// for `parent`. The deposit is held on the caller.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::create_child_twin())]
		pub fn create_child_twin(
			origin: OriginFor<T>,
			parent: TwinId,
			relay: Option<RelayInput>,
			name: Option<NameInput>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let parent_twin = Self::twin_for(&who, parent)?;
			let depth = parent_twin.depth.saturating_add(1);
			ensure!(depth <= T::MaxDepth::get(), Error::<T>::TooDeep);
			ensure!(parent_twin.children < T::MaxChildren::get(), Error::<T>::TooManyChildren);
			let child_id = LastTwinId::<T>::get().checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
			let record = Self::do_add_record(parent, RecordKind::Twin, child_id)?;
			let link = ParentLink { twin: parent, record };
			let twin = Self::insert_twin(who.clone(), Some(link), depth, relay, name)?;
			Self::change_children(parent, true);
			Self::deposit_event(Event::TwinCreated { twin, account: who, parent: Some(link) });
			Ok(())
		}

		/// Sets or clears a twin's relay.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_relay())]
		pub fn set_relay(
			origin: OriginFor<T>,
			twin: TwinId,
			relay: Option<RelayInput>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut record = Self::twin_for(&who, twin)?;
			record.relay = relay.map(Relay::try_from).transpose().map_err(Error::<T>::from)?;
			Self::deposit_event(Event::RelaySet { twin, relay: record.relay.clone() });
			Twins::<T>::insert(twin, record);
			Ok(())
		}

		/// Sets or clears a twin's public key. A key that can sign (sr25519, ed25519,
		/// secp256k1) comes with `proof`, its signature of [`key_message`]`(genesis hash, twin,
		/// caller)`, and must not be another twin's; an X25519 key, which cannot sign, comes
		/// without one and is not unique.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::set_public_key())]
		pub fn set_public_key(
			origin: OriginFor<T>,
			twin: TwinId,
			public_key: Option<PublicKey>,
			proof: Option<KeyProof>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut record = Self::twin_for(&who, twin)?;
			let public_key =
				public_key.map(PublicKey::checked).transpose().map_err(Error::<T>::from)?;
			if let Some(key) = &public_key {
				let proven = match (key.signs(), &proof) {
					(true, Some(proof)) => {
						key.proven_by(proof, &key_message(&Self::genesis_hash(), twin, &who))
					},
					(false, None) => true,
					_ => false,
				};
				ensure!(proven, Error::<T>::BadKeyProof);
			} else {
				ensure!(proof.is_none(), Error::<T>::BadKeyProof);
			}
			Self::reindex::<_, TwinByKey<T>>(
				record.public_key.as_ref().filter(|key| key.signs()),
				public_key.as_ref().filter(|key| key.signs()),
				twin,
				Error::<T>::PublicKeyTaken,
			)?;
			record.public_key = public_key;
			Twins::<T>::insert(twin, record);
			Self::deposit_event(Event::PublicKeySet { twin, public_key });
			Ok(())
		}

		/// Sets or clears a twin's name, which must not be another twin's.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::set_name())]
		pub fn set_name(
			origin: OriginFor<T>,
			twin: TwinId,
			name: Option<NameInput>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut record = Self::twin_for(&who, twin)?;
			let name = name.map(TwinName::try_from).transpose().map_err(Error::<T>::from)?;
			Self::reindex::<_, TwinByName<T>>(
				record.name.as_ref(),
				name.as_ref(),
				twin,
				Error::<T>::NameTaken,
			)?;
			record.name = name.clone();
			Twins::<T>::insert(twin, record);
			Self::deposit_event(Event::NameSet { twin, name });
			Ok(())
		}

		/// Deletes a twin that owns no twins and no records, unlinking the entities that vouch
		/// for it, freeing its name, key and address, and releasing its deposit.
		#[pallet::call_index(6)]
		#[pallet::weight(
			T::WeightInfo::delete_twin(T::MaxEntitiesPerTwin::get())
				.saturating_add(T::OnDeleted::weight())
		)]
		pub fn delete_twin(origin: OriginFor<T>, twin: TwinId) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let record = Self::twin_for(&who, twin)?;
			ensure!(record.children == 0, Error::<T>::HasChildren);
			ensure!(record.records == 0, Error::<T>::OwnsRecords);
			let entities = record.entities;
			Self::drop_entity_links(twin);
			record.deposit.drop(&record.account)?;
			match record.parent {
				None => TwinByAccount::<T>::remove(&record.account),
				Some(link) => {
					Self::do_remove_record(link.twin, link.record)?;
					Self::change_children(link.twin, false);
				},
			}
			if let Some(name) = &record.name {
				TwinByName::<T>::remove(name);
			}
			if let Some(key) = record.public_key.filter(PublicKey::signs) {
				TwinByKey::<T>::remove(key);
			}
			PendingTransfers::<T>::remove(twin);
			Twins::<T>::remove(twin);
			T::OnDeleted::on_twin_deleted(twin);
			Self::deposit_event(Event::TwinDeleted { twin });
			let weight = T::WeightInfo::delete_twin(entities);
			Ok(Some(weight.saturating_add(T::OnDeleted::weight())).into())
		}

		/// Offers a twin to another account, which takes it with [`Pallet::accept_transfer`].
		/// Only a twin without holdings — child twins, circles, farms, nodes — changes hands:
		/// their control and deposits would stay with the old controller.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::request_transfer())]
		pub fn request_transfer(
			origin: OriginFor<T>,
			twin: TwinId,
			to: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let record = Self::twin_for(&who, twin)?;
			Self::ensure_transferable(&record)?;
			ensure!(record.account != to, Error::<T>::TransferToSelf);
			ensure!(!PendingTransfers::<T>::contains_key(twin), Error::<T>::TransferPending);
			PendingTransfers::<T>::insert(twin, PendingTransfer { to: to.clone(), by: who });
			Self::deposit_event(Event::TransferRequested { twin, from: record.account, to });
			Ok(())
		}

		/// Takes a twin offered to the caller: the caller becomes its controller and its
		/// deposit moves from the old controller to the caller. What the old controller
		/// claimed for the twin does not pass on: the entities' links are dropped and the
		/// public key is cleared, for the new controller to prove again.
		///
		/// `parent` says where the twin goes, and so who else may act for it:
		/// - `None`: it becomes the caller's top-level twin (the caller must have none);
		/// - a twin the caller may act for: it becomes that twin's child;
		/// - its current parent: it stays where it is, and that parent's controllers keep
		///   acting for it — for a twin handed to a key of the sender's own, such as a
		///   machine's (docs/grid.md). Only the caller's choice keeps the sender's side in
		///   control; otherwise the twin leaves the sender's tree.
		///
		/// A child twin leaves its parent only if the offer came from an account that may
		/// still act for the parent: a twin's own controller cannot take it out of the tree
		/// it was handed to (`KeptByParent`).
		#[pallet::call_index(8)]
		#[pallet::weight(Pallet::<T>::accept_transfer_weight(T::MaxEntitiesPerTwin::get()))]
		pub fn accept_transfer(
			origin: OriginFor<T>,
			twin: TwinId,
			parent: Option<TwinId>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let offer = PendingTransfers::<T>::get(twin).ok_or(Error::<T>::NoTransferPending)?;
			ensure!(offer.to == who, Error::<T>::NotTransferReceiver);
			let mut record = Twins::<T>::get(twin).ok_or(Error::<T>::TwinNotFound)?;
			Self::ensure_transferable(&record)?;
			if parent.is_none() {
				ensure!(!TwinByAccount::<T>::contains_key(&who), Error::<T>::AccountHasTwin);
			}
			let current = record.parent.map(|link| link.twin);
			if parent != current {
				if let Some(current) = current {
					// Checked now: the offer is worth its maker's authority at acceptance.
					ensure!(Self::can_act_for(&offer.by, current), Error::<T>::KeptByParent);
				}
				Self::move_twin(twin, &mut record, parent, &who)?;
			} else if parent.is_none() {
				TwinByAccount::<T>::remove(&record.account);
				TwinByAccount::<T>::insert(&who, twin);
			}
			let deposit = Self::twin_ticket(&who)?;
			core::mem::replace(&mut record.deposit, deposit).drop(&record.account)?;
			let entities = record.entities;
			Self::drop_entity_links(twin);
			record.entities = 0;
			if let Some(key) = record.public_key.take() {
				if key.signs() {
					TwinByKey::<T>::remove(key);
				}
				Self::deposit_event(Event::PublicKeySet { twin, public_key: None });
			}
			let from = core::mem::replace(&mut record.account, who.clone());
			let parent = record.parent;
			Twins::<T>::insert(twin, record);
			PendingTransfers::<T>::remove(twin);
			Self::deposit_event(Event::TwinTransferred { twin, from, to: who, parent });
			Ok(Some(Self::accept_transfer_weight(entities)).into())
		}

		/// Withdraws a transfer offer; anyone who may act for the twin may withdraw it.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::cancel_transfer())]
		pub fn cancel_transfer(origin: OriginFor<T>, twin: TwinId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::twin_for(&who, twin)?;
			PendingTransfers::<T>::take(twin).ok_or(Error::<T>::NoTransferPending)?;
			Self::deposit_event(Event::TransferCancelled { twin });
			Ok(())
		}

		/// Registers an entity, holding [`Config::EntityDeposit`] on the caller. `key` is the
		/// key that will sign the entity's links to twins.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::create_entity())]
		pub fn create_entity(
			origin: OriginFor<T>,
			kind: EntityKind,
			name: TextInput,
			country: [u8; 2],
			city: TextInput,
			key: EntityKey,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let name = EntityText::try_from(name).map_err(Error::<T>::from)?;
			let country = CountryCode::try_from(country).map_err(Error::<T>::from)?;
			let city = EntityText::try_from(city).map_err(Error::<T>::from)?;
			let entity = LastEntityId::<T>::get().checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
			let deposit = EntityTicket::<T>::new(&who, Footprint::from_mel::<EntityOf<T>>())
				.map_err(|_| Error::<T>::CannotHoldDeposit)?;
			LastEntityId::<T>::put(entity);
			let record = Entity {
				account: who.clone(),
				kind,
				name,
				country,
				city,
				key,
				deposit,
				twins: 0,
				nonce: 0,
			};
			Entities::<T>::insert(entity, record);
			Self::deposit_event(Event::EntityCreated { entity, account: who, kind });
			Ok(())
		}

		/// Deletes an entity that vouches for no twin, releasing its deposit.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::delete_entity())]
		pub fn delete_entity(origin: OriginFor<T>, entity: EntityId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let record = Entities::<T>::get(entity).ok_or(Error::<T>::EntityNotFound)?;
			ensure!(record.account == who, Error::<T>::NotEntityOwner);
			ensure!(record.twins == 0, Error::<T>::EntityHasLinks);
			record.deposit.drop(&who)?;
			Entities::<T>::remove(entity);
			Self::deposit_event(Event::EntityDeleted { entity });
			Ok(())
		}

		/// Records that `entity` vouches for `twin`. The caller must be able to act for the
		/// twin; `signature` is the entity key's signature of [`link_message`]`(genesis hash,
		/// entity, twin, the twin's controller, the entity's nonce)`.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::link_entity())]
		pub fn link_entity(
			origin: OriginFor<T>,
			twin: TwinId,
			entity: EntityId,
			signature: EntitySignature,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut twin_record = Self::twin_for(&who, twin)?;
			let mut entity_record = Entities::<T>::get(entity).ok_or(Error::<T>::EntityNotFound)?;
			ensure!(!TwinEntities::<T>::contains_key(twin, entity), Error::<T>::AlreadyLinked);
			ensure!(
				twin_record.entities < T::MaxEntitiesPerTwin::get(),
				Error::<T>::TooManyEntities
			);
			ensure!(entity_record.twins < T::MaxTwinsPerEntity::get(), Error::<T>::TooManyTwins);
			let message = link_message(
				&Self::genesis_hash(),
				entity,
				twin,
				&twin_record.account,
				entity_record.nonce,
			);
			ensure!(entity_record.key.verifies(&signature, &message), Error::<T>::BadSignature);
			twin_record.entities.saturating_inc();
			entity_record.twins.saturating_inc();
			Twins::<T>::insert(twin, twin_record);
			Entities::<T>::insert(entity, entity_record);
			TwinEntities::<T>::insert(twin, entity, ());
			EntityTwins::<T>::insert(entity, twin, ());
			Self::deposit_event(Event::EntityLinked { entity, twin });
			Ok(())
		}

		/// Ends `entity`'s vouching for `twin`. Either side may: an account that may act for
		/// the twin, or the account that registered the entity. The entity's nonce moves on,
		/// so that the link's signature cannot link it again.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::unlink_entity())]
		pub fn unlink_entity(
			origin: OriginFor<T>,
			twin: TwinId,
			entity: EntityId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut twin_record = Twins::<T>::get(twin).ok_or(Error::<T>::TwinNotFound)?;
			let entity_record = Entities::<T>::get(entity).ok_or(Error::<T>::EntityNotFound)?;
			ensure!(
				entity_record.account == who || Self::can_act_for(&who, twin),
				Error::<T>::NotTwinController
			);
			ensure!(TwinEntities::<T>::contains_key(twin, entity), Error::<T>::NotLinked);
			twin_record.entities.saturating_dec();
			Twins::<T>::insert(twin, twin_record);
			Self::unlink(entity, twin);
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// The chain's genesis hash, which every signed claim binds so that it is worthless on
		/// any other chain.
		pub fn genesis_hash() -> T::Hash {
			frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero())
		}

		/// The weight of a transfer that drops `entities` links and a public key: the measured
		/// transfer (a twin moved from the deepest place of one tree to the deepest of another,
		/// the costliest placement: the others read and write fewer keys), plus per link what
		/// the measured deletion of a twin pays per link (the same reads and writes), plus the
		/// key index's removal.
		fn accept_transfer_weight(entities: u32) -> Weight {
			let per_links =
				T::WeightInfo::delete_twin(entities).saturating_sub(T::WeightInfo::delete_twin(0));
			T::WeightInfo::accept_transfer()
				.saturating_add(per_links)
				.saturating_add(T::DbWeight::get().writes(1))
		}

		/// Refuses a twin whose holdings would stay with its old controller if it changed
		/// hands.
		fn ensure_transferable(record: &TwinOf<T>) -> DispatchResult {
			ensure!(record.children == 0, Error::<T>::HasChildren);
			ensure!(record.holdings == 0, Error::<T>::OwnsRecords);
			Ok(())
		}

		/// Moves `twin`, about to pass to `receiver`, out of its place — its parent's records,
		/// or its old controller's top-level twin — and into its new one: `receiver`'s
		/// top-level twin, or a child of `parent`, a twin `receiver` may act for. The twin has
		/// no children (it is transferable), so its depth alone changes.
		fn move_twin(
			twin: TwinId,
			record: &mut TwinOf<T>,
			parent: Option<TwinId>,
			receiver: &T::AccountId,
		) -> DispatchResult {
			let link = match parent {
				Some(parent) => {
					ensure!(parent != twin, Error::<T>::OwnParent);
					let parent_twin = Self::twin_for(receiver, parent)?;
					let depth = parent_twin.depth.saturating_add(1);
					ensure!(depth <= T::MaxDepth::get(), Error::<T>::TooDeep);
					ensure!(
						parent_twin.children < T::MaxChildren::get(),
						Error::<T>::TooManyChildren
					);
					let number = Self::do_add_record(parent, RecordKind::Twin, twin)?;
					Self::change_children(parent, true);
					record.depth = depth;
					Some(ParentLink { twin: parent, record: number })
				},
				None => {
					TwinByAccount::<T>::insert(receiver, twin);
					record.depth = 0;
					None
				},
			};
			match core::mem::replace(&mut record.parent, link) {
				Some(old) => {
					Self::do_remove_record(old.twin, old.record)?;
					Self::change_children(old.twin, false);
				},
				None => TwinByAccount::<T>::remove(&record.account),
			}
			Ok(())
		}

		/// Counts a child twin more or less for `twin`.
		fn change_children(twin: TwinId, more: bool) {
			Twins::<T>::mutate(twin, |record| {
				if let Some(record) = record {
					if more {
						record.children.saturating_inc();
					} else {
						record.children.saturating_dec();
					}
				}
			});
		}

		/// Ends `entity`'s vouching for `twin` on the entity's side and in both indices, and
		/// moves the entity's nonce on. The twin's count is the caller's to keep.
		fn unlink(entity: EntityId, twin: TwinId) {
			TwinEntities::<T>::remove(twin, entity);
			EntityTwins::<T>::remove(entity, twin);
			Entities::<T>::mutate(entity, |e| {
				if let Some(e) = e {
					e.twins.saturating_dec();
					e.nonce = e.nonce.wrapping_add(1);
				}
			});
			Self::deposit_event(Event::EntityUnlinked { entity, twin });
		}

		/// Ends every entity's vouching for `twin`: at most [`Config::MaxEntitiesPerTwin`].
		fn drop_entity_links(twin: TwinId) {
			let entities: alloc::vec::Vec<_> = TwinEntities::<T>::iter_key_prefix(twin).collect();
			for entity in entities {
				Self::unlink(entity, twin);
			}
		}

		/// The twin, if `who` may act for it: it controls the twin or one of its ancestors.
		pub(crate) fn twin_for(who: &T::AccountId, twin: TwinId) -> Result<TwinOf<T>, Error<T>> {
			let record = Twins::<T>::get(twin).ok_or(Error::<T>::TwinNotFound)?;
			ensure!(Self::controls(who, &record), Error::<T>::NotTwinController);
			Ok(record)
		}

		/// A twin as the phonebook's queries show it ([`Twin::shown`]): for the runtime API.
		pub fn shown_twin(twin: TwinId) -> Option<TwinOf<T>> {
			Twins::<T>::get(twin).map(Twin::shown)
		}

		/// A page of all twins, by id, as shown: for the runtime API. At most `limit` (capped
		/// at a page) are returned and [`paging::SCAN_LIMIT`] ids looked at.
		pub fn twins_page(after: Option<TwinId>, limit: u32) -> paging::ScanPage<TwinOf<T>> {
			paging::scan(after, LastTwinId::<T>::get(), limit, Self::shown_twin)
		}

		/// The twin an index points to, with its id, as shown: the lookups by account, name
		/// and key answer with the record in one call.
		pub(crate) fn indexed_twin(twin: Option<TwinId>) -> Option<(TwinId, TwinOf<T>)> {
			let twin = twin?;
			Self::shown_twin(twin).map(|record| (twin, record))
		}

		/// The top-level twin `account` controls, with its id, as shown: for the runtime API.
		pub fn twin_by_account(account: T::AccountId) -> Option<(TwinId, TwinOf<T>)> {
			Self::indexed_twin(TwinByAccount::<T>::get(account))
		}

		/// The twin with this name, with its id, as shown: for the runtime API.
		pub fn twin_by_name(name: TwinName) -> Option<(TwinId, TwinOf<T>)> {
			Self::indexed_twin(TwinByName::<T>::get(name))
		}

		/// The twin with this signing key, with its id, as shown: for the runtime API.
		pub fn twin_by_key(key: PublicKey) -> Option<(TwinId, TwinOf<T>)> {
			Self::indexed_twin(TwinByKey::<T>::get(key))
		}

		/// What the address `(twin, record)` points to: for the runtime API, which leaves out
		/// what the pallet that keeps the record does not show.
		pub fn record(twin: TwinId, record: RecordId) -> Option<RecordRef> {
			Records::<T>::get(twin, record)
		}

		/// How many twins there are: for the runtime API.
		pub fn twin_count() -> u32 {
			Twins::<T>::count()
		}

		/// Whether `who` may act for `twin`.
		pub fn can_act_for(who: &T::AccountId, twin: TwinId) -> bool {
			Twins::<T>::get(twin).is_some_and(|record| Self::controls(who, &record))
		}

		/// Whether `who` controls `record` or one of its ancestors. The walk is bounded by the
		/// depth, itself bounded by [`Config::MaxDepth`].
		fn controls(who: &T::AccountId, record: &TwinOf<T>) -> bool {
			let mut current = record.clone();
			loop {
				if &current.account == who {
					return true;
				}
				match current.parent.and_then(|link| Twins::<T>::get(link.twin)) {
					Some(parent) => current = parent,
					None => return false,
				}
			}
		}

		/// Holds a twin's deposit on `account`, at [`Config::TwinDeposit`]'s price for its record.
		fn twin_ticket(account: &T::AccountId) -> Result<TwinTicket<T>, DispatchError> {
			TwinTicket::<T>::new(account, Footprint::from_mel::<TwinOf<T>>())
				.map_err(|_| Error::<T>::CannotHoldDeposit.into())
		}

		/// Checks the optional fields, holds the deposit and stores a new twin with the next id.
		fn insert_twin(
			account: T::AccountId,
			parent: Option<ParentLink>,
			depth: u32,
			relay: Option<RelayInput>,
			name: Option<NameInput>,
		) -> Result<TwinId, DispatchError> {
			let relay = relay.map(Relay::try_from).transpose().map_err(Error::<T>::from)?;
			let name = name.map(TwinName::try_from).transpose().map_err(Error::<T>::from)?;
			let id = LastTwinId::<T>::get().checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
			Self::reindex::<_, TwinByName<T>>(None, name.as_ref(), id, Error::<T>::NameTaken)?;
			let deposit = Self::twin_ticket(&account)?;
			LastTwinId::<T>::put(id);
			let twin = Twin {
				account,
				parent,
				depth,
				relay,
				public_key: None,
				name,
				deposit,
				children: 0,
				records: 0,
				holdings: 0,
				last_record: 0,
				entities: 0,
			};
			Twins::<T>::insert(id, twin);
			Ok(id)
		}

		/// Moves `twin`'s entry in a unique index (names, keys) from `old` to `new`, refusing
		/// with `taken` a value another twin holds. Setting the value a twin already has is fine.
		fn reindex<K, Index>(
			old: Option<&K>,
			new: Option<&K>,
			twin: TwinId,
			taken: Error<T>,
		) -> DispatchResult
		where
			K: codec::FullEncode,
			Index: frame_support::storage::StorageMap<K, TwinId, Query = Option<TwinId>>,
		{
			if let Some(new) = new {
				ensure!(Index::get(new).is_none_or(|owner| owner == twin), taken);
			}
			if let Some(old) = old {
				Index::remove(old);
			}
			if let Some(new) = new {
				Index::insert(new, twin);
			}
			Ok(())
		}

		/// Hands out `twin`'s next record number for a record of `kind` with id `key`.
		pub(crate) fn do_add_record(
			twin: TwinId,
			kind: RecordKind,
			key: u32,
		) -> Result<RecordId, DispatchError> {
			let mut owner = Twins::<T>::get(twin).ok_or(Error::<T>::TwinNotFound)?;
			ensure!(owner.records < T::MaxRecords::get(), Error::<T>::TooManyRecords);
			let record = owner.last_record.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
			owner.last_record = record;
			owner.records.saturating_inc();
			if kind.is_holding() {
				owner.holdings.saturating_inc();
			}
			Twins::<T>::insert(twin, owner);
			let record_ref = RecordRef { kind, key };
			Records::<T>::insert(twin, record, record_ref);
			Self::deposit_event(Event::RecordAdded { twin, record, record_ref });
			Ok(record)
		}

		/// Gives back record number `record` of `twin`.
		pub(crate) fn do_remove_record(twin: TwinId, record: RecordId) -> DispatchResult {
			let removed = Records::<T>::take(twin, record).ok_or(Error::<T>::RecordNotFound)?;
			Twins::<T>::mutate(twin, |owner| {
				if let Some(owner) = owner {
					owner.records.saturating_dec();
					if removed.kind.is_holding() {
						owner.holdings.saturating_dec();
					}
				}
			});
			Self::deposit_event(Event::RecordRemoved { twin, record });
			Ok(())
		}
	}
}
