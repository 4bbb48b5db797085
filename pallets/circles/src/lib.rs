//! # Circles pallet: groups of twins with roles and access rights
//!
//! A twin defines **circles**: the groups it shares its data with, and what each group may do
//! with it. A circle has an owner twin, a name unique among that owner's circles, a
//! description, an optional parent circle of the same owner (nesting at most
//! [`Config::MaxDepth`] deep), a visibility, and the [`Rights`] each [`Role`] grants
//! ([`RoleRights`]).
//!
//! ## Membership
//! Members are twins, each with a role: `Viewer < Member < Admin < Owner`. A twin joins only
//! with its consent: it is **invited** and accepts (or declines), or it **requests** to join
//! and someone with the `Invite` right approves. Members leave, are removed by someone with
//! the `Manage` right, or have their role changed by one. Nobody grants a role above their
//! own; the owner can be neither removed nor demoted, and hands the circle over in two steps
//! (offer, accept by the receiving twin's controller).
//!
//! ## Rights
//! [`CircleRights::has_right`]`(circle, twin, right)` is what other pallets (and the RPC) ask:
//! a twin holds a right in a circle if its role there grants it, **or if its role in any
//! ancestor circle grants it there** — a member of a parent circle holds its rights in the
//! sub-circles too. The walk up is bounded by [`Config::MaxDepth`].
//!
//! ## A twin that goes away
//! Nothing dangles: every circle is a record of its owner twin, and every membership,
//! invitation and request to join is a record of the twin it concerns (both through
//! [`pallet_twins::TwinRegistry`]). The twins pallet refuses to delete a twin that owns
//! records, so a twin must delete or hand over its circles, and leave, decline or withdraw
//! from every other circle, before it can be deleted. A twin transferred to another account
//! keeps its circles and memberships: they belong to the twin, not to the account.
//!
//! ## Deposits
//! Each circle holds [`Config::CircleDeposit`] on the account that created it, released when
//! the circle is deleted and moved to the new owner's account on a handover. Memberships hold
//! no deposit: they are bounded per circle ([`Config::MaxMembers`], [`Config::MaxPending`])
//! and per twin ([`Config::MaxCirclesPerTwin`]), and only a circle, which costs a deposit,
//! creates room for them.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(any(feature = "try-runtime", test))]
mod try_state;
pub mod types;
pub mod weights;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;

/// Whether a twin holds a right in a circle, for pallets that gate actions on circles.
pub trait CircleRights {
	/// Whether `twin` holds `right` in `circle`, directly or through an ancestor circle.
	fn has_right(circle: CircleId, twin: pallet_twins::TwinId, right: Right) -> bool;
}

/// Circles: groups a twin defines, with members in roles (viewer, member, admin, owner) and
/// the rights (read, write, invite, manage) each role holds over the twin's data. Members join
/// with their consent; rights flow down from parent circles.
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, Mutate, MutateHold},
			tokens::Precision,
		},
	};
	use frame_system::pallet_prelude::*;
	use pallet_twins::{paging, NameInput, RecordKind, TwinId, TwinName, TwinRegistry};
	use sp_runtime::traits::Saturating;

	/// An amount of the currency deposits are held in.
	pub type BalanceOf<T> =
		<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
	/// A circle as stored.
	pub type CircleOf<T> = Circle<<T as frame_system::Config>::AccountId, BalanceOf<T>>;

	/// The storage layout's version; bump it with a migration.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The currency deposits are held in.
		type Currency: Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason: From<HoldReason>>;

		/// The phonebook: who may act for a twin, and the twins' record numbers.
		type Twins: TwinRegistry<Self::AccountId>;

		/// Held on the creating account for each circle.
		#[pallet::constant]
		type CircleDeposit: Get<BalanceOf<Self>>;

		/// How deep circles may nest: a top-level circle has depth 0.
		#[pallet::constant]
		type MaxDepth: Get<u32>;

		/// How many members one circle may have, its owner included.
		#[pallet::constant]
		type MaxMembers: Get<u32>;

		/// How many invitations and requests to join one circle may have awaiting an answer.
		#[pallet::constant]
		type MaxPending: Get<u32>;

		/// In how many circles one twin may be — owner, member, invited or requesting.
		#[pallet::constant]
		type MaxCirclesPerTwin: Get<u32>;

		/// The weights of this pallet's calls, from its benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of a circle.
		#[codec(index = 0)]
		CircleDeposit,
	}

	/// The last circle id handed out; ids are never reused.
	#[pallet::storage]
	pub type LastCircleId<T> = StorageValue<_, CircleId, ValueQuery>;

	/// The circles, by id.
	#[pallet::storage]
	pub type Circles<T: Config> = StorageMap<_, Twox64Concat, CircleId, CircleOf<T>>;

	/// Each owner's circles by name.
	#[pallet::storage]
	pub type CircleByName<T> =
		StorageDoubleMap<_, Twox64Concat, TwinId, Blake2_128Concat, TwinName, CircleId>;

	/// Every twin's standing in every circle it is in or on its way into.
	#[pallet::storage]
	pub type Members<T> =
		StorageDoubleMap<_, Twox64Concat, CircleId, Twox64Concat, TwinId, Membership>;

	/// [`Members`] the other way round: the circles each twin is in or on its way into.
	#[pallet::storage]
	pub type TwinCircles<T> = StorageDoubleMap<_, Twox64Concat, TwinId, Twox64Concat, CircleId, ()>;

	/// How many entries each twin has in [`TwinCircles`].
	#[pallet::storage]
	pub type TwinCircleCount<T> = StorageMap<_, Twox64Concat, TwinId, u32, ValueQuery>;

	/// Handovers offered and not yet accepted: the circle and the twin it goes to.
	#[pallet::storage]
	pub type OwnershipOffers<T> = StorageMap<_, Twox64Concat, CircleId, TwinId>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A circle was created.
		CircleCreated { circle: CircleId, owner: TwinId, parent: Option<CircleId> },
		/// A circle's description, visibility or rights changed.
		CircleUpdated { circle: CircleId },
		/// A circle was deleted with its memberships.
		CircleDeleted { circle: CircleId },
		/// A twin was invited.
		Invited { circle: CircleId, twin: TwinId, role: Role, by: TwinId },
		/// A twin accepted its invitation.
		InvitationAccepted { circle: CircleId, twin: TwinId, role: Role },
		/// A twin declined its invitation.
		InvitationDeclined { circle: CircleId, twin: TwinId },
		/// A twin asked to join.
		JoinRequested { circle: CircleId, twin: TwinId },
		/// A request to join was approved.
		JoinApproved { circle: CircleId, twin: TwinId, role: Role, by: TwinId },
		/// A member, invitation or request was removed by someone with the `Manage` right.
		Removed { circle: CircleId, twin: TwinId, by: TwinId },
		/// A twin left, or withdrew its request.
		Left { circle: CircleId, twin: TwinId },
		/// A member's role changed.
		RoleChanged { circle: CircleId, twin: TwinId, role: Role },
		/// The owner offered the circle to another twin, or withdrew the offer (`to: None`).
		OwnershipOffered { circle: CircleId, to: Option<TwinId> },
		/// A circle changed owner; the old owner stays as an admin.
		OwnershipTransferred { circle: CircleId, from: TwinId, to: TwinId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No twin has this id.
		TwinNotFound,
		/// The account may not act for this twin.
		NotTwinController,
		/// The name is not 3 to 32 characters of `[a-z0-9_-]`.
		InvalidName,
		/// The owner already has a circle of this name.
		NameTaken,
		/// The description is not UTF-8, or holds control characters other than line breaks.
		InvalidDescription,
		/// The rights hold unknown bits, or a role lacks a right of the role below it.
		InvalidRights,
		/// No circle has this id.
		CircleNotFound,
		/// A parent circle must have the same owner.
		ParentOfAnotherOwner,
		/// The circle would nest deeper than `MaxDepth`.
		TooDeep,
		/// The twin is in `MaxCirclesPerTwin` circles already.
		TooManyCircles,
		/// Every circle id is used.
		IdsExhausted,
		/// The deposit could not be held: the account's free balance is too low.
		CannotHoldDeposit,
		/// The circle has sub-circles: delete them first.
		HasSubCircles,
		/// The twin lacks the right this needs.
		NoRight,
		/// Nobody grants or touches a role above their own.
		RoleTooHigh,
		/// The owner role is only handed over, never granted.
		CannotGrantOwner,
		/// The twin is in the circle already, or invited, or has asked to join.
		AlreadyInCircle,
		/// The circle has `MaxPending` invitations and requests awaiting an answer.
		TooManyPending,
		/// The circle has `MaxMembers` members.
		CircleFull,
		/// The twin has no invitation to this circle.
		NotInvited,
		/// The twin has not asked to join this circle.
		NoRequest,
		/// The twin is not in this circle, nor invited, nor asking.
		NotInCircle,
		/// The twin is invited or asking, not a member.
		NotAMember,
		/// The owner cannot be removed, demoted or leave; it hands the circle over instead.
		OwnerStays,
		/// No handover of this circle is on offer.
		NoOwnershipOffer,
		/// The handover is offered to another twin.
		NotOfferedToTwin,
		/// A circle is handed over alone: not one with a parent or sub-circles.
		CircleInTree,
		/// The circle already belongs to this twin.
		AlreadyOwner,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxMembers::get() >= 1, "MaxMembers must leave room for the owner");
			assert!(T::MaxCirclesPerTwin::get() >= 1, "MaxCirclesPerTwin must be at least 1");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Creates a circle owned by `owner`, a twin the caller may act for, holding
		/// [`Config::CircleDeposit`] on the caller. The owner is its first member.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::create_circle())]
		pub fn create_circle(
			origin: OriginFor<T>,
			owner: TwinId,
			name: NameInput,
			description: DescriptionInput,
			parent: Option<CircleId>,
			visibility: CircleVisibility,
			rights: RoleRights,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::ensure_acts_for(&who, owner)?;
			let name = TwinName::try_from(name).map_err(|_| Error::<T>::InvalidName)?;
			let description =
				Description::try_from(description).map_err(|_| Error::<T>::InvalidDescription)?;
			let rights = rights.checked().ok_or(Error::<T>::InvalidRights)?;
			ensure!(!CircleByName::<T>::contains_key(owner, &name), Error::<T>::NameTaken);
			let depth = match parent {
				None => 0,
				Some(parent) => {
					let parent = Circles::<T>::get(parent).ok_or(Error::<T>::CircleNotFound)?;
					ensure!(parent.owner == owner, Error::<T>::ParentOfAnotherOwner);
					parent.depth.saturating_add(1)
				},
			};
			ensure!(depth <= T::MaxDepth::get(), Error::<T>::TooDeep);
			let circle = LastCircleId::<T>::get().checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
			let record = T::Twins::add_record(owner, RecordKind::Circle, circle)?;
			let deposit = T::CircleDeposit::get();
			T::Currency::hold(&HoldReason::CircleDeposit.into(), &who, deposit)
				.map_err(|_| Error::<T>::CannotHoldDeposit)?;
			LastCircleId::<T>::put(circle);
			if let Some(parent) = parent {
				Circles::<T>::mutate(parent, |p| {
					if let Some(p) = p {
						p.children.saturating_inc();
					}
				});
			}
			CircleByName::<T>::insert(owner, &name, circle);
			Circles::<T>::insert(
				circle,
				Circle {
					owner,
					record,
					name,
					description,
					parent,
					depth,
					visibility,
					rights,
					members: 1,
					pending: 0,
					children: 0,
					depositor: who,
					deposit,
				},
			);
			// The owner's membership shares the circle's record number.
			Self::enter(
				circle,
				owner,
				Membership { standing: Standing::Member(Role::Owner), record },
			)?;
			Self::deposit_event(Event::CircleCreated { circle, owner, parent });
			Ok(())
		}

		/// Changes a circle's description and visibility (needs `Manage`) and, for its owner
		/// only, the rights each role grants.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::update_circle())]
		pub fn update_circle(
			origin: OriginFor<T>,
			circle: CircleId,
			as_twin: TwinId,
			description: DescriptionInput,
			visibility: CircleVisibility,
			rights: RoleRights,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::ensure_acts_for(&who, as_twin)?;
			let mut record = Circles::<T>::get(circle).ok_or(Error::<T>::CircleNotFound)?;
			ensure!(Self::has_right(circle, as_twin, Right::Manage), Error::<T>::NoRight);
			let rights = rights.checked().ok_or(Error::<T>::InvalidRights)?;
			ensure!(rights == record.rights || as_twin == record.owner, Error::<T>::NoRight);
			record.description =
				Description::try_from(description).map_err(|_| Error::<T>::InvalidDescription)?;
			record.visibility = visibility;
			record.rights = rights;
			Circles::<T>::insert(circle, record);
			Self::deposit_event(Event::CircleUpdated { circle });
			Ok(())
		}

		/// Deletes a circle without sub-circles, with every membership, invitation and request,
		/// releasing its deposit. Only its owner's controllers may.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::delete_circle(
			T::MaxMembers::get().saturating_add(T::MaxPending::get())
		))]
		pub fn delete_circle(origin: OriginFor<T>, circle: CircleId) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let record = Circles::<T>::get(circle).ok_or(Error::<T>::CircleNotFound)?;
			Self::ensure_acts_for(&who, record.owner)?;
			ensure!(record.children == 0, Error::<T>::HasSubCircles);
			let mut entries = 0u32;
			for (twin, membership) in Members::<T>::drain_prefix(circle) {
				entries.saturating_inc();
				if twin != record.owner {
					T::Twins::remove_record(twin, membership.record)?;
				}
				Self::forget(circle, twin);
			}
			T::Twins::remove_record(record.owner, record.record)?;
			CircleByName::<T>::remove(record.owner, &record.name);
			OwnershipOffers::<T>::remove(circle);
			if let Some(parent) = record.parent {
				Circles::<T>::mutate(parent, |p| {
					if let Some(p) = p {
						p.children.saturating_dec();
					}
				});
			}
			T::Currency::release(
				&HoldReason::CircleDeposit.into(),
				&record.depositor,
				record.deposit,
				Precision::BestEffort,
			)?;
			Circles::<T>::remove(circle);
			Self::deposit_event(Event::CircleDeleted { circle });
			Ok(Some(T::WeightInfo::delete_circle(entries)).into())
		}

		/// Invites `twin` with `role`. `as_twin` needs the `Invite` right and a role at least
		/// `role`; the invitation is a record of the invited twin until it answers.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::invite())]
		pub fn invite(
			origin: OriginFor<T>,
			circle: CircleId,
			as_twin: TwinId,
			twin: TwinId,
			role: Role,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::ensure_acts_for(&who, as_twin)?;
			Self::ensure_may_grant(circle, as_twin, role)?;
			ensure!(T::Twins::exists(twin), Error::<T>::TwinNotFound);
			Self::add_pending(circle, twin, Standing::Invited(role))?;
			Self::deposit_event(Event::Invited { circle, twin, role, by: as_twin });
			Ok(())
		}

		/// `as_twin` accepts its invitation and becomes a member with the role it was offered.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::accept_invitation())]
		pub fn accept_invitation(
			origin: OriginFor<T>,
			circle: CircleId,
			as_twin: TwinId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::ensure_acts_for(&who, as_twin)?;
			let membership = Members::<T>::get(circle, as_twin).ok_or(Error::<T>::NotInvited)?;
			let Standing::Invited(role) = membership.standing else {
				return Err(Error::<T>::NotInvited.into());
			};
			Self::admit(circle, as_twin, membership, role)?;
			Self::deposit_event(Event::InvitationAccepted { circle, twin: as_twin, role });
			Ok(())
		}

		/// `as_twin` declines its invitation.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::decline_invitation())]
		pub fn decline_invitation(
			origin: OriginFor<T>,
			circle: CircleId,
			as_twin: TwinId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::ensure_acts_for(&who, as_twin)?;
			let membership = Members::<T>::get(circle, as_twin).ok_or(Error::<T>::NotInvited)?;
			ensure!(matches!(membership.standing, Standing::Invited(_)), Error::<T>::NotInvited);
			Self::drop_entry(circle, as_twin, membership)?;
			Self::deposit_event(Event::InvitationDeclined { circle, twin: as_twin });
			Ok(())
		}

		/// `as_twin` asks to join; someone with the `Invite` right approves it.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::request_join())]
		pub fn request_join(
			origin: OriginFor<T>,
			circle: CircleId,
			as_twin: TwinId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::ensure_acts_for(&who, as_twin)?;
			ensure!(Circles::<T>::contains_key(circle), Error::<T>::CircleNotFound);
			Self::add_pending(circle, as_twin, Standing::Requested)?;
			Self::deposit_event(Event::JoinRequested { circle, twin: as_twin });
			Ok(())
		}

		/// Approves `twin`'s request to join, with `role`. `as_twin` needs the `Invite` right
		/// and a role at least `role`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::approve_join())]
		pub fn approve_join(
			origin: OriginFor<T>,
			circle: CircleId,
			as_twin: TwinId,
			twin: TwinId,
			role: Role,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::ensure_acts_for(&who, as_twin)?;
			Self::ensure_may_grant(circle, as_twin, role)?;
			let membership = Members::<T>::get(circle, twin).ok_or(Error::<T>::NoRequest)?;
			ensure!(membership.standing == Standing::Requested, Error::<T>::NoRequest);
			Self::admit(circle, twin, membership, role)?;
			Self::deposit_event(Event::JoinApproved { circle, twin, role, by: as_twin });
			Ok(())
		}

		/// Removes a member, withdraws an invitation or turns down a request. `as_twin` needs
		/// the `Manage` right and a role at least that of the twin removed; the owner stays.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::remove())]
		pub fn remove(
			origin: OriginFor<T>,
			circle: CircleId,
			as_twin: TwinId,
			twin: TwinId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::ensure_acts_for(&who, as_twin)?;
			Self::ensure_holds(circle, as_twin, Right::Manage)?;
			let membership = Members::<T>::get(circle, twin).ok_or(Error::<T>::NotInCircle)?;
			let role = match membership.standing {
				Standing::Member(Role::Owner) => return Err(Error::<T>::OwnerStays.into()),
				Standing::Member(role) | Standing::Invited(role) => role,
				Standing::Requested => Role::Viewer,
			};
			ensure!(role <= Self::role_of(circle, as_twin), Error::<T>::RoleTooHigh);
			Self::drop_entry(circle, twin, membership)?;
			Self::deposit_event(Event::Removed { circle, twin, by: as_twin });
			Ok(())
		}

		/// `as_twin` leaves the circle, or withdraws its request to join. The owner cannot.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::leave())]
		pub fn leave(origin: OriginFor<T>, circle: CircleId, as_twin: TwinId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::ensure_acts_for(&who, as_twin)?;
			let membership = Members::<T>::get(circle, as_twin).ok_or(Error::<T>::NotInCircle)?;
			ensure!(membership.standing != Standing::Member(Role::Owner), Error::<T>::OwnerStays);
			Self::drop_entry(circle, as_twin, membership)?;
			Self::deposit_event(Event::Left { circle, twin: as_twin });
			Ok(())
		}

		/// Changes a member's role. `as_twin` needs the `Manage` right and a role at least both
		/// the member's old and new role; the owner's role does not change.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::set_role())]
		pub fn set_role(
			origin: OriginFor<T>,
			circle: CircleId,
			as_twin: TwinId,
			twin: TwinId,
			role: Role,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::ensure_acts_for(&who, as_twin)?;
			Self::ensure_holds(circle, as_twin, Right::Manage)?;
			ensure!(role != Role::Owner, Error::<T>::CannotGrantOwner);
			let mut membership = Members::<T>::get(circle, twin).ok_or(Error::<T>::NotInCircle)?;
			let Standing::Member(old) = membership.standing else {
				return Err(Error::<T>::NotAMember.into());
			};
			ensure!(old != Role::Owner, Error::<T>::OwnerStays);
			let own = Self::role_of(circle, as_twin);
			ensure!(old <= own && role <= own, Error::<T>::RoleTooHigh);
			membership.standing = Standing::Member(role);
			Members::<T>::insert(circle, twin, membership);
			Self::deposit_event(Event::RoleChanged { circle, twin, role });
			Ok(())
		}

		/// Offers the circle to another twin (`Some`), or withdraws the offer (`None`). Only
		/// the owner's controllers may; only a circle with no parent and no sub-circles moves.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::offer_ownership())]
		pub fn offer_ownership(
			origin: OriginFor<T>,
			circle: CircleId,
			to: Option<TwinId>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let record = Circles::<T>::get(circle).ok_or(Error::<T>::CircleNotFound)?;
			Self::ensure_acts_for(&who, record.owner)?;
			match to {
				Some(twin) => {
					ensure!(twin != record.owner, Error::<T>::AlreadyOwner);
					ensure!(T::Twins::exists(twin), Error::<T>::TwinNotFound);
					ensure!(
						record.parent.is_none() && record.children == 0,
						Error::<T>::CircleInTree
					);
					OwnershipOffers::<T>::insert(circle, twin);
				},
				None => {
					OwnershipOffers::<T>::take(circle).ok_or(Error::<T>::NoOwnershipOffer)?;
				},
			}
			Self::deposit_event(Event::OwnershipOffered { circle, to });
			Ok(())
		}

		/// `as_twin` takes the circle offered to it: it becomes the owner, the circle becomes
		/// its record, the deposit moves to the caller, and the old owner stays as an admin.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::accept_ownership())]
		pub fn accept_ownership(
			origin: OriginFor<T>,
			circle: CircleId,
			as_twin: TwinId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::ensure_acts_for(&who, as_twin)?;
			let offered = OwnershipOffers::<T>::get(circle).ok_or(Error::<T>::NoOwnershipOffer)?;
			ensure!(offered == as_twin, Error::<T>::NotOfferedToTwin);
			let mut record = Circles::<T>::get(circle).ok_or(Error::<T>::CircleNotFound)?;
			ensure!(record.parent.is_none() && record.children == 0, Error::<T>::CircleInTree);
			ensure!(!CircleByName::<T>::contains_key(as_twin, &record.name), Error::<T>::NameTaken);
			let from = record.owner;

			// The circle leaves the old owner's records; the old owner stays as an admin.
			T::Twins::remove_record(from, record.record)?;
			let admin_record = T::Twins::add_record(from, RecordKind::Membership, circle)?;
			let admin =
				Membership { standing: Standing::Member(Role::Admin), record: admin_record };
			Members::<T>::insert(circle, from, admin);
			CircleByName::<T>::remove(from, &record.name);

			// The new owner: its own entry (if any) gives way to the owner's.
			record.record = T::Twins::add_record(as_twin, RecordKind::Circle, circle)?;
			let owner =
				Membership { standing: Standing::Member(Role::Owner), record: record.record };
			match Members::<T>::get(circle, as_twin) {
				Some(previous) => {
					T::Twins::remove_record(as_twin, previous.record)?;
					if !matches!(previous.standing, Standing::Member(_)) {
						ensure!(record.members < T::MaxMembers::get(), Error::<T>::CircleFull);
						record.pending.saturating_dec();
						record.members.saturating_inc();
					}
					Members::<T>::insert(circle, as_twin, owner);
				},
				None => {
					ensure!(record.members < T::MaxMembers::get(), Error::<T>::CircleFull);
					record.members.saturating_inc();
					Self::enter(circle, as_twin, owner)?;
				},
			}
			CircleByName::<T>::insert(as_twin, &record.name, circle);

			let reason = HoldReason::CircleDeposit.into();
			T::Currency::hold(&reason, &who, record.deposit)
				.map_err(|_| Error::<T>::CannotHoldDeposit)?;
			T::Currency::release(
				&reason,
				&record.depositor,
				record.deposit,
				Precision::BestEffort,
			)?;
			record.depositor = who;
			record.owner = as_twin;
			Circles::<T>::insert(circle, record);
			OwnershipOffers::<T>::remove(circle);
			Self::deposit_event(Event::OwnershipTransferred { circle, from, to: as_twin });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		fn ensure_acts_for(who: &T::AccountId, twin: TwinId) -> DispatchResult {
			ensure!(T::Twins::exists(twin), Error::<T>::TwinNotFound);
			ensure!(T::Twins::can_act_for(who, twin), Error::<T>::NotTwinController);
			Ok(())
		}

		/// Refuses unless `circle` exists and `twin` holds `right` in it.
		fn ensure_holds(circle: CircleId, twin: TwinId, right: Right) -> DispatchResult {
			ensure!(Circles::<T>::contains_key(circle), Error::<T>::CircleNotFound);
			ensure!(Self::has_right(circle, twin, right), Error::<T>::NoRight);
			Ok(())
		}

		/// Refuses unless `granter` may give `role` in `circle`: it holds `Invite` there and a
		/// role at least `role`, which is not the owner's.
		fn ensure_may_grant(circle: CircleId, granter: TwinId, role: Role) -> DispatchResult {
			ensure!(Circles::<T>::contains_key(circle), Error::<T>::CircleNotFound);
			ensure!(role != Role::Owner, Error::<T>::CannotGrantOwner);
			ensure!(Self::has_right(circle, granter, Right::Invite), Error::<T>::NoRight);
			ensure!(role <= Self::role_of(circle, granter), Error::<T>::RoleTooHigh);
			Ok(())
		}

		/// The circles from `circle` up to its top-level ancestor, with their records.
		fn lineage(circle: CircleId) -> impl Iterator<Item = (CircleId, CircleOf<T>)> {
			let mut next = Some(circle);
			core::iter::from_fn(move || {
				let id = next?;
				let record = Circles::<T>::get(id)?;
				next = record.parent;
				Some((id, record))
			})
		}

		/// The highest role `twin` holds in `circle` or an ancestor, `Viewer` if none.
		pub(crate) fn role_of(circle: CircleId, twin: TwinId) -> Role {
			Self::lineage(circle)
				.filter_map(|(id, _)| match Members::<T>::get(id, twin)?.standing {
					Standing::Member(role) => Some(role),
					_ => None,
				})
				.max()
				.unwrap_or(Role::Viewer)
		}

		/// Whether `twin` holds `right` in `circle`: its role there, or in an ancestor circle,
		/// grants it.
		pub fn has_right(circle: CircleId, twin: TwinId, right: Right) -> bool {
			Self::lineage(circle).any(|(id, record)| {
				matches!(
					Members::<T>::get(id, twin).map(|m| m.standing),
					Some(Standing::Member(role)) if record.rights.of(role).contains(right)
				)
			})
		}

		/// A page of the public circles `twin` is in or on its way into, by circle id, with its
		/// entry in each: for the runtime API. Private circles are left out: listings do not
		/// show who is in them. At most `MaxCirclesPerTwin` circles are read.
		pub fn twin_circles_page(
			twin: TwinId,
			after: Option<CircleId>,
			limit: u32,
		) -> Vec<(CircleId, Membership)> {
			let public = |circle: &CircleId| {
				Circles::<T>::get(circle).is_some_and(|c| c.visibility == CircleVisibility::Public)
			};
			let circles = TwinCircles::<T>::iter_key_prefix(twin)
				.filter(public)
				.map(|circle| (circle, ()));
			paging::page(circles, after, limit)
				.into_iter()
				.filter_map(|(circle, ())| Some((circle, Members::<T>::get(circle, twin)?)))
				.collect()
		}

		/// A page of a public circle's entries — members, invitations, requests — by twin id:
		/// for the runtime API. A private circle lists nobody. At most `MaxMembers +
		/// MaxPending` entries are read.
		pub fn members_page(
			circle: CircleId,
			after: Option<TwinId>,
			limit: u32,
		) -> Vec<(TwinId, Membership)> {
			match Circles::<T>::get(circle) {
				Some(c) if c.visibility == CircleVisibility::Public => {
					paging::page(Members::<T>::iter_prefix(circle), after, limit)
				},
				_ => Vec::new(),
			}
		}

		/// Records an entry of `twin` in `circle`, both ways, within the twin's bound.
		fn enter(circle: CircleId, twin: TwinId, membership: Membership) -> DispatchResult {
			let count = TwinCircleCount::<T>::get(twin);
			ensure!(count < T::MaxCirclesPerTwin::get(), Error::<T>::TooManyCircles);
			TwinCircleCount::<T>::insert(twin, count.saturating_add(1));
			TwinCircles::<T>::insert(twin, circle, ());
			Members::<T>::insert(circle, twin, membership);
			Ok(())
		}

		/// Removes the reverse index of `twin`'s entry in `circle`.
		fn forget(circle: CircleId, twin: TwinId) {
			TwinCircles::<T>::remove(twin, circle);
			TwinCircleCount::<T>::mutate_exists(twin, |count| {
				*count = count.map(|c| c.saturating_sub(1)).filter(|c| *c > 0);
			});
		}

		/// Adds an invitation or a request of `twin` to `circle`, as a record of the twin.
		fn add_pending(circle: CircleId, twin: TwinId, standing: Standing) -> DispatchResult {
			let mut record = Circles::<T>::get(circle).ok_or(Error::<T>::CircleNotFound)?;
			ensure!(!Members::<T>::contains_key(circle, twin), Error::<T>::AlreadyInCircle);
			ensure!(record.pending < T::MaxPending::get(), Error::<T>::TooManyPending);
			let number = T::Twins::add_record(twin, RecordKind::Membership, circle)?;
			Self::enter(circle, twin, Membership { standing, record: number })?;
			record.pending.saturating_inc();
			Circles::<T>::insert(circle, record);
			Ok(())
		}

		/// Turns an invitation or request of `twin` into membership with `role`.
		fn admit(
			circle: CircleId,
			twin: TwinId,
			mut membership: Membership,
			role: Role,
		) -> DispatchResult {
			let mut record = Circles::<T>::get(circle).ok_or(Error::<T>::CircleNotFound)?;
			ensure!(record.members < T::MaxMembers::get(), Error::<T>::CircleFull);
			record.members.saturating_inc();
			record.pending.saturating_dec();
			membership.standing = Standing::Member(role);
			Members::<T>::insert(circle, twin, membership);
			Circles::<T>::insert(circle, record);
			Ok(())
		}

		/// Removes a non-owner entry of `twin` from `circle`, giving back its record number.
		fn drop_entry(circle: CircleId, twin: TwinId, membership: Membership) -> DispatchResult {
			let mut record = Circles::<T>::get(circle).ok_or(Error::<T>::CircleNotFound)?;
			match membership.standing {
				Standing::Member(_) => record.members.saturating_dec(),
				Standing::Invited(_) | Standing::Requested => record.pending.saturating_dec(),
			}
			T::Twins::remove_record(twin, membership.record)?;
			Members::<T>::remove(circle, twin);
			Self::forget(circle, twin);
			Circles::<T>::insert(circle, record);
			Ok(())
		}
	}

	impl<T: Config> CircleRights for Pallet<T> {
		fn has_right(circle: CircleId, twin: TwinId, right: Right) -> bool {
			Pallet::<T>::has_right(circle, twin, right)
		}
	}
}
