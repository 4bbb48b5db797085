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
//! a public circle and someone with the `Invite` right approves; a private circle is
//! invite-only. Members leave, are removed by someone with the `Manage` right, or have their
//! role changed by one. Nobody grants, changes or removes a role above the one the right
//! they use comes with ([`Pallet::authority`]): a role counts in the circles whose rights
//! table gives it that right, not in every circle above. The owner can be neither
//! removed nor demoted, and hands the circle over in two steps (offer, accept by the
//! receiving twin's controller). The owner alone changes what the circle is: the rights its
//! roles grant and its visibility (a manager could otherwise publish a private circle's
//! members, to every archive node for ever); a manager changes its description.
//!
//! Until it is answered, an invitation or a request is the circle's alone
//! ([`PendingEntries`]): it costs the twin it concerns nothing — no record, no place among
//! its circles, no bound of its own — so that nobody can fill another twin's circles or keep
//! it from being deleted by inviting it. Invitations and requests have separate bounds per
//! circle ([`Config::MaxInvitations`], [`Config::MaxRequests`]), so that requests from
//! throwaway twins never block a circle's invitations; one account's requests to a circle are
//! bounded too ([`Config::MaxRequestsPerAccount`]), whichever of its twins they are for, so
//! that one account's throwaway child twins cannot fill the queue. Whoever makes one holds
//! [`Config::PendingDeposit`] until it is answered, withdrawn or the circle deleted. An
//! invitation carries its inviter's authority as it stands when it is accepted: one whose
//! inviter has lost the right to make it since lapses, and its deposit goes back. An inviter
//! may withdraw its own invitation without the `Manage` right.
//!
//! ## Rights
//! [`CircleRights::has_right`]`(circle, twin, right)` is what other pallets (and the RPC) ask:
//! a twin holds a right in a circle if its role there grants it, **or if its role in any
//! ancestor circle grants it there** — a member of a parent circle holds its rights in the
//! sub-circles too. The walk up is bounded by [`Config::MaxDepth`].
//!
//! ## Private circles on every path
//! Nothing the phonebook answers — runtime API, RPC, and so the explorer — says who is in a
//! private circle: not its member list, not a twin's circles, not a membership's two-number
//! address ([`Pallet::shows_record`]), and not a right in a public circle under a private one,
//! which comes down from the private circle's members ([`Pallet::shown_right`]). (Storage
//! itself is public, as all chain state: a private circle is unlisted, not secret.)
//!
//! ## A twin that goes away
//! Every circle is a record of its owner twin, and every membership a record of its member
//! twin (both through [`TwinRegistry`]). The twins pallet refuses to delete a
//! twin that owns records, so a twin must delete or hand over its circles and leave every
//! other circle before it can be deleted. What concerns a twin without its consent —
//! invitations, its requests, offers of circles — is indexed by twin ([`Inbox`]); when the twin
//! is deleted ([`OnTwinDeleted`]) it is queued ([`Departed`]) and cleared in the
//! blocks' idle time, deposits released, so nothing outlives the twin it refers to. A twin keeps its memberships when it
//! changes hands (they belong to the twin, not to the account); a twin that owns circles does
//! not change hands, since their deposits are held on its controller's account.
//!
//! ## Deposits
//! Each circle holds [`Config::CircleDeposit`] on the account that created it, released when
//! the circle is deleted and moved to the new owner's account on a handover. Each invitation
//! and request holds [`Config::PendingDeposit`] on the account that made it, released when it
//! is answered or withdrawn. Memberships hold no deposit: they are bounded per circle
//! ([`Config::MaxMembers`]) and per twin ([`Config::MaxCirclesPerTwin`]), and each is the
//! member's own choice. Each deposit is a ticket in its record (FRAME's `HoldConsideration`),
//! priced by the runtime: see [`zerochain_primitives::deposit`].

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;
use zerochain_primitives::{
	paging, CircleId, CircleRights, NameInput, OnTwinDeleted, RecordKind, RecordRef, Right, TwinId,
	TwinName, TwinRegistry,
};

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
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
			fungible::{HoldConsideration, Inspect, Mutate, MutateHold},
			Consideration, Footprint,
		},
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::{Convert, Saturating};
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
	/// The ticket of a circle's deposit: [`Config::CircleDeposit`] held on its depositor.
	pub type CircleTicket<T> = Ticket<T, CircleHold, <T as Config>::CircleDeposit>;
	/// The ticket of an invitation's or request's deposit: [`Config::PendingDeposit`] held on
	/// whoever made it.
	pub type PendingTicket<T> = Ticket<T, PendingHold, <T as Config>::PendingDeposit>;
	/// A circle as stored.
	pub type CircleOf<T> = Circle<<T as frame_system::Config>::AccountId, CircleTicket<T>>;
	/// An invitation or request as stored.
	pub type PendingEntryOf<T> =
		PendingEntry<<T as frame_system::Config>::AccountId, PendingTicket<T>>;

	frame_support::parameter_types! {
		/// What a circle's deposit is held under.
		pub const CircleHold: HoldReason = HoldReason::CircleDeposit;
		/// What an invitation's or request's deposit is held under.
		pub const PendingHold: HoldReason = HoldReason::PendingDeposit;
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

		/// The phonebook: who may act for a twin, and the twins' record numbers.
		#[pallet::no_default]
		type Twins: TwinRegistry<Self::AccountId>;

		/// What a circle holds on the account that created it, priced from its record's
		/// footprint (`ConstantStoragePrice` for a flat deposit).
		#[pallet::no_default_bounds]
		type CircleDeposit: Convert<Footprint, BalanceOf<Self>>;

		/// How deep circles may nest: a top-level circle has depth 0.
		#[pallet::constant]
		type MaxDepth: Get<u32>;

		/// How many members one circle may have, its owner included.
		#[pallet::constant]
		type MaxMembers: Get<u32>;

		/// What the account that invites a twin or asks to join holds until the invitation or
		/// request is answered or withdrawn, priced like [`Config::CircleDeposit`].
		#[pallet::no_default_bounds]
		type PendingDeposit: Convert<Footprint, BalanceOf<Self>>;

		/// How many invitations one circle may have awaiting an answer.
		#[pallet::constant]
		type MaxInvitations: Get<u32>;

		/// How many requests to join one circle may have awaiting an answer.
		#[pallet::constant]
		type MaxRequests: Get<u32>;

		/// How many of one circle's requests to join one account may have made, for whichever
		/// twins: one account's throwaway child twins cannot fill the circle's queue.
		#[pallet::constant]
		type MaxRequestsPerAccount: Get<u32>;

		/// In how many circles one twin may be a member, its own included.
		#[pallet::constant]
		type MaxCirclesPerTwin: Get<u32>;

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
			type CircleDeposit = ConstantStoragePrice<ConstU64<30>, u64>;
			type MaxDepth = ConstU32<2>;
			type MaxMembers = ConstU32<4>;
			type PendingDeposit = ConstantStoragePrice<ConstU64<3>, u64>;
			type MaxInvitations = ConstU32<3>;
			type MaxRequests = ConstU32<2>;
			type MaxRequestsPerAccount = ConstU32<1>;
			type MaxCirclesPerTwin = ConstU32<5>;
			type WeightInfo = ();
		}
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of a circle.
		#[codec(index = 0)]
		CircleDeposit,
		/// The deposit of an invitation or a request to join.
		#[codec(index = 1)]
		PendingDeposit,
	}

	/// The last circle id handed out; ids are never reused.
	#[pallet::storage]
	pub type LastCircleId<T> = StorageValue<_, CircleId, ValueQuery>;

	/// The circles, by id.
	#[pallet::storage]
	pub type Circles<T: Config> = CountedStorageMap<_, Twox64Concat, CircleId, CircleOf<T>>;

	/// Each owner's circles by name.
	#[pallet::storage]
	pub type CircleByName<T> =
		StorageDoubleMap<_, Twox64Concat, TwinId, Blake2_128Concat, TwinName, CircleId>;

	/// The members of every circle, with their roles.
	#[pallet::storage]
	pub type Members<T> =
		StorageDoubleMap<_, Twox64Concat, CircleId, Twox64Concat, TwinId, Membership>;

	/// The invitations and requests to join awaiting an answer, by circle and twin.
	#[pallet::storage]
	pub type PendingEntries<T: Config> =
		StorageDoubleMap<_, Twox64Concat, CircleId, Twox64Concat, TwinId, PendingEntryOf<T>>;

	/// How many requests to join awaiting an answer each account made in each circle (it holds
	/// their deposits), within [`Config::MaxRequestsPerAccount`].
	#[pallet::storage]
	pub type RequestsByAccount<T: Config> =
		StorageDoubleMap<_, Twox64Concat, CircleId, Blake2_128Concat, T::AccountId, u32>;

	/// [`Members`] the other way round: the circles each twin is a member of.
	#[pallet::storage]
	pub type TwinCircles<T> = StorageDoubleMap<_, Twox64Concat, TwinId, Twox64Concat, CircleId, ()>;

	/// How many entries each twin has in [`TwinCircles`].
	#[pallet::storage]
	pub type TwinCircleCount<T> = StorageMap<_, Twox64Concat, TwinId, u32, ValueQuery>;

	/// Handovers offered and not yet accepted: the circle and the twin it goes to.
	#[pallet::storage]
	pub type OwnershipOffers<T> = StorageMap<_, Twox64Concat, CircleId, TwinId>;

	/// What concerns each twin without its consent yet — an invitation to it, its request to
	/// join, an offer of a circle to it — by twin and circle: [`PendingEntries`] and
	/// [`OwnershipOffers`] the other way round, so that a deleted twin's are found.
	#[pallet::storage]
	pub type Inbox<T> = StorageDoubleMap<_, Twox64Concat, TwinId, Twox64Concat, CircleId, ()>;

	/// Deleted twins whose inbox is still being cleared, a few entries per block in
	/// `on_idle`: no invitation, request or offer outlives its twin for longer than that.
	#[pallet::storage]
	pub type Departed<T> = StorageMap<_, Twox64Concat, TwinId, ()>;

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
		/// A member, invitation or request was removed by someone with the `Manage` right, or
		/// an invitation withdrawn by its inviter.
		Removed { circle: CircleId, twin: TwinId, by: TwinId },
		/// A twin left, withdrew its request, or declined its invitation by leaving.
		Left { circle: CircleId, twin: TwinId },
		/// A member's role changed.
		RoleChanged { circle: CircleId, twin: TwinId, role: Role },
		/// The owner offered the circle to another twin, or withdrew the offer (`to: None`).
		OwnershipOffered { circle: CircleId, to: Option<TwinId> },
		/// A circle changed owner; the old owner stays as an admin.
		OwnershipTransferred { circle: CircleId, from: TwinId, to: TwinId },
		/// What concerned a deleted twin in a circle — an invitation, a request, an offer —
		/// was cleared, and its deposit released.
		DepartedTwinCleared { circle: CircleId, twin: TwinId },
		/// A twin answered an invitation whose inviter had lost the right to make it since:
		/// the invitation is void, and its deposit went back to whoever paid it.
		InvitationLapsed { circle: CircleId, twin: TwinId, by: TwinId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The name is not 3 to 32 characters of `[a-z0-9_-]`: send it in lower case.
		InvalidName,
		/// The owner already has a circle of this name: choose another.
		NameTaken,
		/// The description is not UTF-8, is longer than 256 bytes, or holds control characters
		/// other than line breaks: send plain text.
		InvalidDescription,
		/// A role's rights hold bits that are no right: send only Read (1), Write (2), Invite
		/// (4) and Manage (8).
		UnknownRights,
		/// A role lacks a right of the role below it: give admins every right of members, and
		/// members every right of viewers.
		RightsNotOrdered,
		/// Only the circle's owner changes the rights its roles grant: send the rights the
		/// circle has now.
		OwnerSetsRights,
		/// No circle has this id: it was never created, or was deleted.
		CircleNotFound,
		/// The parent circle belongs to another twin: a sub-circle has its parent's owner.
		ParentOfAnotherOwner,
		/// The circle would nest deeper than `MaxDepth` levels: create it higher up.
		TooDeep,
		/// The twin is a member of `MaxCirclesPerTwin` circles already: it must leave one first.
		TooManyCircles,
		/// Every circle id is used: the chain cannot create more circles.
		IdsExhausted,
		/// The deposit could not be held: the account's free balance is too low. Fund it with
		/// the deposit (see the pallet's constants) and the fee.
		CannotHoldDeposit,
		/// The circle has sub-circles: delete them first.
		HasSubCircles,
		/// The twin acting lacks the Invite right in the circle (or an ancestor circle), which
		/// inviting and approving requests need.
		NoInviteRight,
		/// The twin acting lacks the Manage right in the circle (or an ancestor circle), which
		/// changing the circle, its members' roles and removing members need.
		NoManageRight,
		/// The role is above the acting twin's own where the right it uses comes from: nobody
		/// grants, changes or removes a role above theirs in a circle whose rights give them
		/// that right. Ask a twin with a higher role.
		RoleTooHigh,
		/// The owner role is only handed over (`offer_ownership`), never granted: grant
		/// `Admin` at most.
		CannotGrantOwner,
		/// The twin is in the circle already, or invited, or has asked to join: answer or
		/// withdraw that first.
		AlreadyInCircle,
		/// The circle has `MaxInvitations` invitations awaiting an answer: wait for answers or
		/// withdraw some.
		TooManyInvitations,
		/// The circle has `MaxRequests` requests to join awaiting an answer: try again once
		/// its managers have answered some.
		TooManyRequests,
		/// The circle is private: it takes members by invitation only.
		InviteOnly,
		/// The circle has `MaxMembers` members: one must leave or be removed first.
		CircleFull,
		/// The twin has no invitation to this circle to answer.
		NotInvited,
		/// The twin has not asked to join this circle: there is no request to approve.
		NoRequest,
		/// The twin is not in this circle, nor invited, nor asking: nothing to remove or leave.
		NotInCircle,
		/// The twin is invited or asking, not a member: it has no role to change yet.
		NotAMember,
		/// The owner cannot be removed, demoted or leave; it hands the circle over instead.
		OwnerStays,
		/// No handover of this circle is on offer: its owner must offer it first.
		NoOwnershipOffer,
		/// The handover is offered to another twin: only that twin may accept it.
		NotOfferedToTwin,
		/// A circle is handed over alone, not one with a parent or sub-circles: move or delete
		/// its sub-circles first.
		CircleInTree,
		/// The circle already belongs to this twin: offer it to another.
		AlreadyOwner,
		/// Only the circle's owner changes its visibility: send the visibility the circle has
		/// now.
		OwnerSetsVisibility,
		/// The account has `MaxRequestsPerAccount` requests to join this circle awaiting an
		/// answer, for its twins: wait for answers or withdraw one (`leave`).
		TooManyRequestsFromAccount,
		/// The role gives rights in this circle that the acting twin does not hold here:
		/// nobody grants, changes or removes a role that can do more than it can. Ask a twin
		/// that holds them.
		RightsTooHigh,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxMembers::get() >= 1, "MaxMembers must leave room for the owner");
			assert!(
				T::MaxRequestsPerAccount::get() >= 1,
				"MaxRequestsPerAccount must be at least 1"
			);
			assert!(T::MaxCirclesPerTwin::get() >= 1, "MaxCirclesPerTwin must be at least 1");
		}

		/// Clears the inboxes of deleted twins, one entry at a time, while the block has room.
		fn on_idle(_: BlockNumberFor<T>, remaining: Weight) -> Weight {
			let step = Self::clear_step_weight();
			let mut used = Weight::zero();
			while used.saturating_add(step).all_lte(remaining) {
				used.saturating_accrue(step);
				if !Self::clear_one_departed() {
					break;
				}
			}
			used
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	/// The deposits as the runtime prices them today, for wallets to show before a call.
	#[pallet::extra_constants]
	impl<T: Config> Pallet<T> {
		/// What a new circle holds on its creator.
		#[pallet::constant_name(CircleDeposit)]
		pub fn circle_deposit() -> BalanceOf<T> {
			T::CircleDeposit::convert(Footprint::from_mel::<CircleOf<T>>())
		}

		/// What an invitation or a request to join holds on whoever makes it.
		#[pallet::constant_name(PendingDeposit)]
		pub fn pending_deposit() -> BalanceOf<T> {
			T::PendingDeposit::convert(Footprint::from_mel::<PendingEntryOf<T>>())
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
			T::Twins::ensure_acts_for(&who, owner)?;
			let name = TwinName::try_from(name).map_err(|_| Error::<T>::InvalidName)?;
			let description =
				Description::try_from(description).map_err(|_| Error::<T>::InvalidDescription)?;
			let rights = rights.checked().map_err(Error::<T>::from)?;
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
			let deposit = Self::circle_ticket(&who)?;
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
					invitations: 0,
					requests: 0,
					children: 0,
					depositor: who,
					deposit,
				},
			);
			// The owner's membership shares the circle's record number.
			Self::enter(circle, owner, Membership { role: Role::Owner, record })?;
			Self::deposit_event(Event::CircleCreated { circle, owner, parent });
			Ok(())
		}

		/// Changes a circle's description (needs `Manage`) and, for its owner only, its
		/// visibility and the rights each role grants: a manager who may not choose who sees
		/// the members must not be able to publish them (on a public chain, for ever).
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
			T::Twins::ensure_acts_for(&who, as_twin)?;
			let mut record = Circles::<T>::get(circle).ok_or(Error::<T>::CircleNotFound)?;
			Self::ensure_manages(circle, as_twin)?;
			let rights = rights.checked().map_err(Error::<T>::from)?;
			if as_twin != record.owner {
				ensure!(rights == record.rights, Error::<T>::OwnerSetsRights);
				ensure!(visibility == record.visibility, Error::<T>::OwnerSetsVisibility);
			}
			record.description =
				Description::try_from(description).map_err(|_| Error::<T>::InvalidDescription)?;
			record.visibility = visibility;
			record.rights = rights;
			Circles::<T>::insert(circle, record);
			Self::deposit_event(Event::CircleUpdated { circle });
			Ok(())
		}

		/// Deletes a circle without sub-circles, with every membership, invitation and request,
		/// releasing its deposit and those of the invitations and requests. Only its owner's
		/// controllers may.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::delete_circle(
			T::MaxMembers::get()
				.saturating_add(T::MaxInvitations::get())
				.saturating_add(T::MaxRequests::get())
		))]
		pub fn delete_circle(origin: OriginFor<T>, circle: CircleId) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let record = Circles::<T>::get(circle).ok_or(Error::<T>::CircleNotFound)?;
			T::Twins::ensure_acts_for(&who, record.owner)?;
			ensure!(record.children == 0, Error::<T>::HasSubCircles);
			let mut entries = 0u32;
			for (twin, membership) in Members::<T>::drain_prefix(circle) {
				entries.saturating_inc();
				if twin != record.owner {
					T::Twins::remove_record(twin, membership.record)?;
				}
				Self::forget(circle, twin);
			}
			for (twin, pending) in PendingEntries::<T>::drain_prefix(circle) {
				entries.saturating_inc();
				Inbox::<T>::remove(twin, circle);
				Self::uncount_request(circle, &pending);
				pending.deposit.drop(&pending.depositor)?;
			}
			T::Twins::remove_record(record.owner, record.record)?;
			CircleByName::<T>::remove(record.owner, &record.name);
			if let Some(to) = OwnershipOffers::<T>::take(circle) {
				Inbox::<T>::remove(to, circle);
			}
			if let Some(parent) = record.parent {
				Circles::<T>::mutate(parent, |p| {
					if let Some(p) = p {
						p.children.saturating_dec();
					}
				});
			}
			record.deposit.drop(&record.depositor)?;
			Circles::<T>::remove(circle);
			Self::deposit_event(Event::CircleDeleted { circle });
			Ok(Some(T::WeightInfo::delete_circle(entries)).into())
		}

		/// Invites `twin` with `role`. `as_twin` needs the `Invite` right and a role at least
		/// `role`. The invitation lives with the circle and costs the invited twin nothing; the
		/// caller holds [`Config::PendingDeposit`] until it is answered or withdrawn.
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
			T::Twins::ensure_acts_for(&who, as_twin)?;
			Self::ensure_may_grant(circle, as_twin, role)?;
			T::Twins::ensure_exists(twin)?;
			Self::add_pending(&who, circle, twin, PendingKind::Invited { role, by: as_twin })?;
			Self::deposit_event(Event::Invited { circle, twin, role, by: as_twin });
			Ok(())
		}

		/// `as_twin` accepts its invitation and becomes a member with the role it was offered.
		/// The membership becomes a record of the twin and takes one of its places among
		/// circles ([`Config::MaxCirclesPerTwin`]); the inviter's deposit is released.
		///
		/// An invitation is worth the inviter's authority at acceptance, not when it was made:
		/// if the inviter has lost the right to make it since (left, demoted or removed, the
		/// circle's rights changed, its twin no longer the paying account's), it lapses
		/// ([`Event::InvitationLapsed`]): no membership, and the deposit goes back to whoever
		/// paid it. Its measured weight includes the checks made again.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::accept_invitation())]
		pub fn accept_invitation(
			origin: OriginFor<T>,
			circle: CircleId,
			as_twin: TwinId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			T::Twins::ensure_acts_for(&who, as_twin)?;
			let pending =
				PendingEntries::<T>::get(circle, as_twin).ok_or(Error::<T>::NotInvited)?;
			let PendingKind::Invited { role, by } = pending.kind else {
				return Err(Error::<T>::NotInvited.into());
			};
			let inviter_may = T::Twins::can_act_for(&pending.depositor, by)
				&& Self::ensure_may_grant(circle, by, role).is_ok();
			if !inviter_may {
				Self::drop_pending(circle, as_twin, pending)?;
				Self::deposit_event(Event::InvitationLapsed { circle, twin: as_twin, by });
				return Ok(());
			}
			Self::admit(circle, as_twin, pending, role)?;
			Self::deposit_event(Event::InvitationAccepted { circle, twin: as_twin, role });
			Ok(())
		}

		/// `as_twin` declines its invitation; the inviter's deposit is released.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::decline_invitation())]
		pub fn decline_invitation(
			origin: OriginFor<T>,
			circle: CircleId,
			as_twin: TwinId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			T::Twins::ensure_acts_for(&who, as_twin)?;
			let pending =
				PendingEntries::<T>::get(circle, as_twin).ok_or(Error::<T>::NotInvited)?;
			ensure!(matches!(pending.kind, PendingKind::Invited { .. }), Error::<T>::NotInvited);
			Self::drop_pending(circle, as_twin, pending)?;
			Self::deposit_event(Event::InvitationDeclined { circle, twin: as_twin });
			Ok(())
		}

		/// `as_twin` asks to join a public circle; someone with the `Invite` right approves
		/// it. A private circle is invite-only. The caller holds [`Config::PendingDeposit`]
		/// until the request is answered or withdrawn.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::request_join())]
		pub fn request_join(
			origin: OriginFor<T>,
			circle: CircleId,
			as_twin: TwinId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			T::Twins::ensure_acts_for(&who, as_twin)?;
			let record = Circles::<T>::get(circle).ok_or(Error::<T>::CircleNotFound)?;
			ensure!(record.visibility == CircleVisibility::Public, Error::<T>::InviteOnly);
			Self::add_pending(&who, circle, as_twin, PendingKind::Requested)?;
			Self::deposit_event(Event::JoinRequested { circle, twin: as_twin });
			Ok(())
		}

		/// Approves `twin`'s request to join, with `role`. `as_twin` needs the `Invite` right
		/// and a role at least `role`. The requester's deposit is released.
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
			T::Twins::ensure_acts_for(&who, as_twin)?;
			Self::ensure_may_grant(circle, as_twin, role)?;
			let pending = PendingEntries::<T>::get(circle, twin).ok_or(Error::<T>::NoRequest)?;
			ensure!(pending.kind == PendingKind::Requested, Error::<T>::NoRequest);
			// A circle made private since takes no requests: its managers turn them down.
			ensure!(Self::shows_entries(circle), Error::<T>::InviteOnly);
			Self::admit(circle, twin, pending, role)?;
			Self::deposit_event(Event::JoinApproved { circle, twin, role, by: as_twin });
			Ok(())
		}

		/// Removes a member, withdraws an invitation or turns down a request. `as_twin` needs
		/// the `Manage` right and a role at least that of the twin removed; the owner stays.
		/// An inviter withdraws its own invitation without `Manage`: it made it, and the
		/// deposit it holds for it comes back.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::remove())]
		pub fn remove(
			origin: OriginFor<T>,
			circle: CircleId,
			as_twin: TwinId,
			twin: TwinId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			T::Twins::ensure_acts_for(&who, as_twin)?;
			let own_invitation = PendingEntries::<T>::get(circle, twin).filter(
				|pending| matches!(pending.kind, PendingKind::Invited { by, .. } if by == as_twin),
			);
			if let Some(pending) = own_invitation {
				Self::drop_pending(circle, twin, pending)?;
				Self::deposit_event(Event::Removed { circle, twin, by: as_twin });
				return Ok(());
			}
			let reach = Self::ensure_manages(circle, as_twin)?;
			if let Some(membership) = Members::<T>::get(circle, twin) {
				ensure!(membership.role != Role::Owner, Error::<T>::OwnerStays);
				reach.covers::<T>(membership.role)?;
				Self::drop_member(circle, twin, membership)?;
			} else {
				let pending =
					PendingEntries::<T>::get(circle, twin).ok_or(Error::<T>::NotInCircle)?;
				if let PendingKind::Invited { role, .. } = pending.kind {
					reach.covers::<T>(role)?;
				}
				Self::drop_pending(circle, twin, pending)?;
			}
			Self::deposit_event(Event::Removed { circle, twin, by: as_twin });
			Ok(())
		}

		/// `as_twin` leaves the circle, withdraws its request to join or declines its
		/// invitation. The owner cannot leave.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::leave())]
		pub fn leave(origin: OriginFor<T>, circle: CircleId, as_twin: TwinId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			T::Twins::ensure_acts_for(&who, as_twin)?;
			if let Some(membership) = Members::<T>::get(circle, as_twin) {
				ensure!(membership.role != Role::Owner, Error::<T>::OwnerStays);
				Self::drop_member(circle, as_twin, membership)?;
			} else {
				let pending =
					PendingEntries::<T>::get(circle, as_twin).ok_or(Error::<T>::NotInCircle)?;
				Self::drop_pending(circle, as_twin, pending)?;
			}
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
			T::Twins::ensure_acts_for(&who, as_twin)?;
			let reach = Self::ensure_manages(circle, as_twin)?;
			ensure!(role != Role::Owner, Error::<T>::CannotGrantOwner);
			let Some(mut membership) = Members::<T>::get(circle, twin) else {
				let pending = PendingEntries::<T>::contains_key(circle, twin);
				return Err(
					if pending { Error::<T>::NotAMember } else { Error::<T>::NotInCircle }.into()
				);
			};
			ensure!(membership.role != Role::Owner, Error::<T>::OwnerStays);
			reach.covers::<T>(membership.role)?;
			reach.covers::<T>(role)?;
			membership.role = role;
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
			T::Twins::ensure_acts_for(&who, record.owner)?;
			match to {
				Some(twin) => {
					ensure!(twin != record.owner, Error::<T>::AlreadyOwner);
					T::Twins::ensure_exists(twin)?;
					ensure!(
						record.parent.is_none() && record.children == 0,
						Error::<T>::CircleInTree
					);
					if let Some(previous) = OwnershipOffers::<T>::take(circle) {
						Self::unindex(circle, previous);
					}
					OwnershipOffers::<T>::insert(circle, twin);
					Inbox::<T>::insert(twin, circle, ());
				},
				None => {
					let to =
						OwnershipOffers::<T>::take(circle).ok_or(Error::<T>::NoOwnershipOffer)?;
					Self::unindex(circle, to);
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
			T::Twins::ensure_acts_for(&who, as_twin)?;
			let offered = OwnershipOffers::<T>::get(circle).ok_or(Error::<T>::NoOwnershipOffer)?;
			ensure!(offered == as_twin, Error::<T>::NotOfferedToTwin);
			let mut record = Circles::<T>::get(circle).ok_or(Error::<T>::CircleNotFound)?;
			ensure!(record.parent.is_none() && record.children == 0, Error::<T>::CircleInTree);
			ensure!(!CircleByName::<T>::contains_key(as_twin, &record.name), Error::<T>::NameTaken);
			let from = record.owner;

			// The circle leaves the old owner's records; the old owner stays as an admin.
			T::Twins::remove_record(from, record.record)?;
			let admin_record = T::Twins::add_record(from, RecordKind::Membership, circle)?;
			Members::<T>::insert(
				circle,
				from,
				Membership { role: Role::Admin, record: admin_record },
			);
			CircleByName::<T>::remove(from, &record.name);

			// The new owner: its own entry (if any) gives way to the owner's.
			record.record = T::Twins::add_record(as_twin, RecordKind::Circle, circle)?;
			let owner = Membership { role: Role::Owner, record: record.record };
			if let Some(pending) = PendingEntries::<T>::take(circle, as_twin) {
				Self::uncount_request(circle, &pending);
				pending.deposit.drop(&pending.depositor)?;
				match pending.kind {
					PendingKind::Invited { .. } => record.invitations.saturating_dec(),
					PendingKind::Requested => record.requests.saturating_dec(),
				}
			}
			match Members::<T>::get(circle, as_twin) {
				Some(previous) => {
					T::Twins::remove_record(as_twin, previous.record)?;
					Members::<T>::insert(circle, as_twin, owner);
				},
				None => {
					ensure!(record.members < T::MaxMembers::get(), Error::<T>::CircleFull);
					record.members.saturating_inc();
					Self::enter(circle, as_twin, owner)?;
				},
			}
			CircleByName::<T>::insert(as_twin, &record.name, circle);

			let deposit = Self::circle_ticket(&who)?;
			core::mem::replace(&mut record.deposit, deposit).drop(&record.depositor)?;
			record.depositor = who;
			record.owner = as_twin;
			Circles::<T>::insert(circle, record);
			OwnershipOffers::<T>::remove(circle);
			Inbox::<T>::remove(as_twin, circle);
			Self::deposit_event(Event::OwnershipTransferred { circle, from, to: as_twin });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// Holds a circle's deposit on `who`, at [`Config::CircleDeposit`]'s price.
		fn circle_ticket(who: &T::AccountId) -> Result<CircleTicket<T>, DispatchError> {
			CircleTicket::<T>::new(who, Footprint::from_mel::<CircleOf<T>>())
				.map_err(|_| Error::<T>::CannotHoldDeposit.into())
		}

		/// Refuses unless `circle` exists and `twin` holds the Manage right in it; what it
		/// manages with, the bound of the roles it may change or remove.
		fn ensure_manages(circle: CircleId, twin: TwinId) -> Result<Reach, DispatchError> {
			Self::reach(circle, twin, Right::Manage).ok_or(Error::<T>::NoManageRight)?
		}

		/// Refuses unless `granter` may give `role` in `circle`: it holds `Invite` there, and
		/// `role` is within its reach ([`Reach::covers`]) and not the owner's.
		fn ensure_may_grant(circle: CircleId, granter: TwinId, role: Role) -> DispatchResult {
			ensure!(role != Role::Owner, Error::<T>::CannotGrantOwner);
			let reach =
				Self::reach(circle, granter, Right::Invite).ok_or(Error::<T>::NoInviteRight)??;
			reach.covers::<T>(role)
		}

		/// What `twin` uses `right` in `circle` with ([`Reach`]): `None` if it does not hold
		/// `right` there; an error if the circle does not exist.
		fn reach(
			circle: CircleId,
			twin: TwinId,
			right: Right,
		) -> Option<Result<Reach, DispatchError>> {
			let Some(record) = Circles::<T>::get(circle) else {
				return Some(Err(Error::<T>::CircleNotFound.into()));
			};
			let role = Self::authority(circle, twin, right)?;
			Some(Ok(Reach { role, held: Self::rights_of(circle, twin), table: record.rights }))
		}

		/// Every right `twin` holds in `circle`: what its role in each circle from `circle` up
		/// gives it.
		pub fn rights_of(circle: CircleId, twin: TwinId) -> Rights {
			Self::lineage(circle)
				.filter_map(|(id, record)| {
					Some(record.rights.of(Members::<T>::get(id, twin)?.role))
				})
				.fold(Rights::of(&[]), Rights::union)
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

		/// The role `twin` uses `right` in `circle` with: its highest role among the circles from
		/// `circle` up whose own rights table grants that role `right`; none if no circle does.
		///
		/// A role counts only where it carries the right: an admin of a parent whose admins
		/// may not invite there, who is also a member with `Invite` in the sub-circle, invites
		/// as a member, not as an admin (else it could make its own twin admin of the
		/// sub-circle, and take it over).
		pub fn authority(circle: CircleId, twin: TwinId, right: Right) -> Option<Role> {
			Self::lineage(circle)
				.filter_map(|(id, record)| {
					let role = Members::<T>::get(id, twin)?.role;
					record.rights.of(role).contains(right).then_some(role)
				})
				.max()
		}

		/// Whether `twin` holds `right` in `circle`: its role there, or in an ancestor circle,
		/// grants it.
		pub fn has_right(circle: CircleId, twin: TwinId, right: Right) -> bool {
			Self::authority(circle, twin, right).is_some()
		}

		/// `twin`'s entry in `circle`: a membership, an invitation or a request.
		pub fn entry(circle: CircleId, twin: TwinId) -> Option<CircleEntry> {
			Members::<T>::get(circle, twin).map(CircleEntry::from).or_else(|| {
				let pending = PendingEntries::<T>::get(circle, twin)?;
				Some(CircleEntry { standing: pending.standing(), record: None })
			})
		}

		/// The phonebook's one rule about who is in a circle: the entries of a public circle
		/// are shown, those of a private circle never — by no query, listing or address. (A
		/// private circle's record itself, and all state, is public on chain like any other;
		/// the queries only do not point at who is in it.)
		pub fn shows_entries(circle: CircleId) -> bool {
			Circles::<T>::get(circle).is_some_and(|c| c.visibility == CircleVisibility::Public)
		}

		/// The circle with this id: for the runtime API.
		pub fn circle(circle: CircleId) -> Option<CircleOf<T>> {
			Circles::<T>::get(circle)
		}

		/// How many circles there are: for the runtime API.
		pub fn circle_count() -> u32 {
			Circles::<T>::count()
		}

		/// `twin`'s entry in `circle` as the phonebook's queries show it: none in a private
		/// circle ([`Pallet::shows_entries`]).
		pub fn shown_entry(circle: CircleId, twin: TwinId) -> Option<CircleEntry> {
			Self::shows_entries(circle).then(|| Self::entry(circle, twin)).flatten()
		}

		/// Whether `twin` holds `right` in `circle`, as the phonebook's queries show it: no
		/// answer for a private circle, or a public one under a private one, whose answers,
		/// twin after twin, would list who is in the private circle, since rights come down
		/// from it ([`Pallet::shows_entries`]). Pallets that gate actions on circles ask
		/// [`CircleRights::has_right`], which answers for every circle.
		pub fn shown_right(circle: CircleId, twin: TwinId, right: Right) -> Option<bool> {
			let shown = Self::shows_entries(circle)
				&& Self::lineage(circle).all(|(_, c)| c.visibility == CircleVisibility::Public);
			shown.then(|| Self::has_right(circle, twin, right))
		}

		/// Whether the phonebook's queries show a twin's record: any but a membership of a
		/// circle that is not public, whose address would say who is in it.
		pub fn shows_record(record: &RecordRef) -> bool {
			record.kind != RecordKind::Membership || Self::shows_entries(record.key)
		}

		/// A page of the public circles `twin` is a member of, by circle id, with its
		/// membership in each: for the runtime API. Private circles are left out
		/// ([`Pallet::shows_entries`]). At most `MaxCirclesPerTwin` circles are read.
		pub fn twin_circles_page(
			twin: TwinId,
			after: Option<CircleId>,
			limit: u32,
		) -> Vec<(CircleId, CircleEntry)> {
			let circles = TwinCircles::<T>::iter_key_prefix(twin)
				.filter(|circle| Self::shows_entries(*circle))
				.map(|circle| (circle, ()));
			paging::page(circles, after, limit)
				.into_iter()
				.filter_map(|(circle, ())| Some((circle, Self::entry(circle, twin)?)))
				.collect()
		}

		/// A page of all circles, private ones included (their records are public; their
		/// members are not listed), by id: for the runtime API. At most `limit` (capped at a
		/// page) are returned and [`paging::SCAN_LIMIT`] ids looked at.
		pub fn circles_page(after: Option<CircleId>, limit: u32) -> paging::ScanPage<CircleOf<T>> {
			paging::scan(after, LastCircleId::<T>::get(), limit, Circles::<T>::get)
		}

		/// A page of a public circle's entries — members, invitations, requests — by twin id:
		/// for the runtime API. A private circle lists nobody. At most `MaxMembers +
		/// MaxInvitations + MaxRequests` entries are read.
		pub fn members_page(
			circle: CircleId,
			after: Option<TwinId>,
			limit: u32,
		) -> Vec<(TwinId, CircleEntry)> {
			if !Self::shows_entries(circle) {
				return Vec::new();
			}
			let members = Members::<T>::iter_prefix(circle).map(|(twin, m)| (twin, m.into()));
			let pending = PendingEntries::<T>::iter_prefix(circle)
				.map(|(twin, p)| (twin, CircleEntry { standing: p.standing(), record: None }));
			paging::page(members.chain(pending), after, limit)
		}

		/// Records `twin`'s membership of `circle`, both ways, within the twin's bound.
		fn enter(circle: CircleId, twin: TwinId, membership: Membership) -> DispatchResult {
			let count = TwinCircleCount::<T>::get(twin);
			ensure!(count < T::MaxCirclesPerTwin::get(), Error::<T>::TooManyCircles);
			TwinCircleCount::<T>::insert(twin, count.saturating_add(1));
			TwinCircles::<T>::insert(twin, circle, ());
			Members::<T>::insert(circle, twin, membership);
			Ok(())
		}

		/// Removes the reverse index of `twin`'s membership of `circle`.
		fn forget(circle: CircleId, twin: TwinId) {
			TwinCircles::<T>::remove(twin, circle);
			TwinCircleCount::<T>::mutate_exists(twin, |count| {
				*count = count.map(|c| c.saturating_sub(1)).filter(|c| *c > 0);
			});
		}

		/// Adds an invitation of, or a request by, `twin` to `circle`, within the circle's
		/// bound of its kind, holding the pending deposit on `depositor`.
		fn add_pending(
			depositor: &T::AccountId,
			circle: CircleId,
			twin: TwinId,
			kind: PendingKind,
		) -> DispatchResult {
			let mut record = Circles::<T>::get(circle).ok_or(Error::<T>::CircleNotFound)?;
			ensure!(
				!Members::<T>::contains_key(circle, twin)
					&& !PendingEntries::<T>::contains_key(circle, twin),
				Error::<T>::AlreadyInCircle
			);
			match kind {
				PendingKind::Invited { .. } => {
					ensure!(
						record.invitations < T::MaxInvitations::get(),
						Error::<T>::TooManyInvitations
					);
					record.invitations.saturating_inc();
				},
				PendingKind::Requested => {
					ensure!(record.requests < T::MaxRequests::get(), Error::<T>::TooManyRequests);
					record.requests.saturating_inc();
					let made = RequestsByAccount::<T>::get(circle, depositor).unwrap_or_default();
					ensure!(
						made < T::MaxRequestsPerAccount::get(),
						Error::<T>::TooManyRequestsFromAccount
					);
					RequestsByAccount::<T>::insert(circle, depositor, made.saturating_add(1));
				},
			}
			let deposit =
				PendingTicket::<T>::new(depositor, Footprint::from_mel::<PendingEntryOf<T>>())
					.map_err(|_| Error::<T>::CannotHoldDeposit)?;
			PendingEntries::<T>::insert(
				circle,
				twin,
				PendingEntry { kind, depositor: depositor.clone(), deposit },
			);
			Inbox::<T>::insert(twin, circle, ());
			Circles::<T>::insert(circle, record);
			Ok(())
		}

		/// Turns an invitation or request of `twin` into membership with `role`: a record of
		/// the twin, within the circle's and the twin's bounds; the pending deposit goes back.
		fn admit(
			circle: CircleId,
			twin: TwinId,
			pending: PendingEntryOf<T>,
			role: Role,
		) -> DispatchResult {
			let mut record = Circles::<T>::get(circle).ok_or(Error::<T>::CircleNotFound)?;
			ensure!(record.members < T::MaxMembers::get(), Error::<T>::CircleFull);
			record.members.saturating_inc();
			Circles::<T>::insert(circle, record);
			Self::drop_pending(circle, twin, pending)?;
			let number = T::Twins::add_record(twin, RecordKind::Membership, circle)?;
			Self::enter(circle, twin, Membership { role, record: number })
		}

		/// Removes a non-owner member of `circle`, giving back its record number.
		fn drop_member(circle: CircleId, twin: TwinId, membership: Membership) -> DispatchResult {
			Circles::<T>::try_mutate(circle, |record| -> DispatchResult {
				record.as_mut().ok_or(Error::<T>::CircleNotFound)?.members.saturating_dec();
				Ok(())
			})?;
			T::Twins::remove_record(twin, membership.record)?;
			Members::<T>::remove(circle, twin);
			Self::forget(circle, twin);
			Ok(())
		}

		/// Removes an invitation or request of `twin` from `circle`, releasing its deposit.
		fn drop_pending(
			circle: CircleId,
			twin: TwinId,
			pending: PendingEntryOf<T>,
		) -> DispatchResult {
			Circles::<T>::try_mutate(circle, |record| -> DispatchResult {
				let record = record.as_mut().ok_or(Error::<T>::CircleNotFound)?;
				match pending.kind {
					PendingKind::Invited { .. } => record.invitations.saturating_dec(),
					PendingKind::Requested => record.requests.saturating_dec(),
				}
				Ok(())
			})?;
			PendingEntries::<T>::remove(circle, twin);
			Self::unindex(circle, twin);
			Self::uncount_request(circle, &pending);
			pending.deposit.drop(&pending.depositor)
		}

		/// Takes a request that is answered, withdrawn or dropped off its account's count.
		fn uncount_request(circle: CircleId, pending: &PendingEntryOf<T>) {
			if pending.kind == PendingKind::Requested {
				RequestsByAccount::<T>::mutate_exists(circle, &pending.depositor, |made| {
					*made = made.map(|m| m.saturating_sub(1)).filter(|m| *m > 0);
				});
			}
		}

		/// Removes `circle` from `twin`'s inbox unless an entry or an offer still concerns it.
		fn unindex(circle: CircleId, twin: TwinId) {
			let pending = PendingEntries::<T>::contains_key(circle, twin);
			if !pending && OwnershipOffers::<T>::get(circle) != Some(twin) {
				Inbox::<T>::remove(twin, circle);
			}
		}

		/// The most one step of clearing a departed twin's inbox weighs: dropping a pending
		/// entry (as a declined invitation does, whose measured weight also pays for the
		/// permission check this step does not make) and an offer.
		fn clear_step_weight() -> Weight {
			T::WeightInfo::decline_invitation()
				.saturating_add(T::DbWeight::get().reads_writes(2, 2))
		}

		/// Clears one entry of a departed twin's inbox — its pending entry in the circle, with
		/// the deposit released, and an offer to it — or forgets a departed twin whose inbox is
		/// empty. Whether there was anything to do.
		fn clear_one_departed() -> bool {
			let Some(twin) = Departed::<T>::iter_keys().next() else { return false };
			let Some(circle) = Inbox::<T>::iter_key_prefix(twin).next() else {
				Departed::<T>::remove(twin);
				return true;
			};
			let mut cleared = true;
			if let Some(pending) = PendingEntries::<T>::get(circle, twin) {
				// A circle exists while it has entries, so this cannot fail; should it, the step
				// is undone and the orphaned entry left for `try_state` to report.
				let dropped = frame_support::storage::with_storage_layer(|| {
					Self::drop_pending(circle, twin, pending)
				});
				if let Err(error) = dropped {
					frame_support::defensive!("a departed twin's pending entry stays", error);
					cleared = false;
				}
			}
			if OwnershipOffers::<T>::get(circle) == Some(twin) {
				OwnershipOffers::<T>::remove(circle);
			}
			Inbox::<T>::remove(twin, circle);
			// An indexer hears of a clearing only when the entry is gone.
			if cleared {
				Self::deposit_event(Event::DepartedTwinCleared { circle, twin });
			}
			true
		}
	}

	/// What a twin acts with when it uses a right in a circle: its role where that right comes
	/// from ([`Pallet::authority`]), every right it holds in the circle
	/// ([`Pallet::rights_of`]), and the circle's own rights table.
	pub struct Reach {
		role: Role,
		held: Rights,
		table: RoleRights,
	}

	impl Reach {
		/// Refuses a role beyond this reach: above the acting role (`RoleTooHigh`), or giving
		/// in the circle a right the acting twin does not hold there (`RightsTooHigh`). An
		/// admin of a parent whose admins may invite but not manage cannot make anyone admin of
		/// a sub-circle whose admins manage.
		fn covers<T: Config>(&self, role: Role) -> DispatchResult {
			ensure!(role <= self.role, Error::<T>::RoleTooHigh);
			ensure!(self.held.includes(self.table.of(role)), Error::<T>::RightsTooHigh);
			Ok(())
		}
	}

	impl<T> From<InvalidRights> for Error<T> {
		fn from(invalid: InvalidRights) -> Self {
			match invalid {
				InvalidRights::UnknownBits => Error::UnknownRights,
				InvalidRights::NotOrdered => Error::RightsNotOrdered,
			}
		}
	}

	impl<T: Config> OnTwinDeleted for Pallet<T> {
		/// Queues the twin: `on_idle` clears its inbox, however full, a step at a time.
		fn on_twin_deleted(twin: TwinId) {
			if Inbox::<T>::iter_key_prefix(twin).next().is_some() {
				Departed::<T>::insert(twin, ());
			}
		}

		fn weight() -> Weight {
			T::DbWeight::get().reads_writes(1, 1)
		}
	}

	impl<T: Config> CircleRights for Pallet<T> {
		fn has_right(circle: CircleId, twin: TwinId, right: Right) -> bool {
			Pallet::<T>::has_right(circle, twin, right)
		}
	}
}
