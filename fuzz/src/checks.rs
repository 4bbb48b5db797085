//! What must hold whatever the calls: after every call, that a refused call changed nothing
//! and that an accepted one used no authority its sender lacked (a sold twin is its buyer's);
//! after every block, each pallet's invariants (`do_try_state`), that no query shows who is
//! in a private circle, and that nothing outlives the authority or the twin it depended on.

use crate::{calls::Sender, mock::*};
use pallet_circles::{CircleVisibility, PendingKind, Role};
use zerochain_primitives::{RecordKind, Right, TwinId};

/// What a call may do, read before it runs: the roles it grants, changes or removes, and
/// whether its acting twin may (`pallet_circles::Pallet::permitted`, the rule written out);
/// for what only a node's own key may report, that key; and for a transfer's acceptance, who
/// had the twin and where.
pub struct Before {
	reach: Option<(Vec<Role>, bool)>,
	machine: Option<Option<AccountId>>,
	members: usize,
	transfer: Option<Transfer>,
}

/// A twin about to be accepted: where its receiver asks it to go and whether the receiver
/// may put it there (its current parent, its own top level, or a twin it acts for), and
/// whether it has a parent that the offer's maker acts for.
struct Transfer {
	twin: TwinId,
	parent: Option<TwinId>,
	asked: Option<TwinId>,
	place_allowed: bool,
	offered_from_above: bool,
}

impl Transfer {
	fn of(receiver: AccountId, twin: TwinId, asked: Option<TwinId>) -> Option<Self> {
		let acts = |who: &AccountId, twin| pallet_twins::Pallet::<Test>::can_act_for(who, twin);
		let record = pallet_twins::Twins::<Test>::get(twin)?;
		let offer = pallet_twins::PendingTransfers::<Test>::get(twin)?;
		let parent = record.parent.map(|link| link.twin);
		let place_allowed = asked == parent || asked.is_none_or(|p| acts(&receiver, p));
		let offered_from_above = parent.is_some_and(|p| acts(&offer.by, p));
		Some(Transfer { twin, parent, asked, place_allowed, offered_from_above })
	}

	/// The twin went where its receiver asked, a place the receiver could choose; and left
	/// its parent, if it did, only on an offer from someone acting for that parent.
	fn check(&self) -> Result<(), String> {
		let now = pallet_twins::Twins::<Test>::get(self.twin).and_then(|t| t.parent);
		let now = now.map(|link| link.twin);
		if now != self.asked || !self.place_allowed {
			return Err(format!(
				"twin {} placed under {now:?}, asked {:?}, allowed {}",
				self.twin, self.asked, self.place_allowed
			));
		}
		if self.parent.is_some() && now != self.parent && !self.offered_from_above {
			return Err(format!("twin {} left its parent on an offer from below", self.twin));
		}
		Ok(())
	}
}

fn role_in(circle: u32, twin: TwinId) -> Option<Role> {
	pallet_circles::Members::<Test>::get(circle, twin).map(|m| m.role)
}

/// The role `twin` holds or is invited to in `circle`, as `remove` by `actor` must reach it:
/// none for an invitation `actor` made itself, which it withdraws without reach.
fn removed_role(circle: u32, actor: TwinId, twin: TwinId) -> Option<Role> {
	role_in(circle, twin).or_else(|| {
		match pallet_circles::PendingEntries::<Test>::get(circle, twin)?.kind {
			PendingKind::Invited { role, by } if by != actor => Some(role),
			_ => None,
		}
	})
}

fn judged(roles: Vec<Role>, circle: u32, actor: TwinId, right: Right) -> Option<(Vec<Role>, bool)> {
	let allowed = roles
		.iter()
		.all(|role| pallet_circles::Pallet::<Test>::permitted(circle, actor, right, *role));
	Some((roles, allowed))
}

impl Before {
	/// Reads what `call` from `sender` may do before it runs.
	pub fn of(sender: Sender, call: &RuntimeCall) -> Self {
		use pallet_circles::Call as C;
		use pallet_grid::Call as G;
		let reach = match *call {
			RuntimeCall::Circles(C::accept_invitation { circle, as_twin }) => {
				match pallet_circles::PendingEntries::<Test>::get(circle, as_twin).map(|p| p.kind) {
					Some(PendingKind::Invited { role, by }) => {
						judged(vec![role], circle, by, Right::Invite)
					},
					_ => None,
				}
			},
			RuntimeCall::Circles(C::approve_join { circle, as_twin, role, .. }) => {
				judged(vec![role], circle, as_twin, Right::Invite)
			},
			RuntimeCall::Circles(C::set_role { circle, as_twin, twin, role }) => judged(
				role_in(circle, twin).into_iter().chain([role]).collect(),
				circle,
				as_twin,
				Right::Manage,
			),
			RuntimeCall::Circles(C::remove { circle, as_twin, twin }) => {
				let roles = removed_role(circle, as_twin, twin).into_iter().collect();
				judged(roles, circle, as_twin, Right::Manage)
			},
			_ => None,
		};
		let machine = match call {
			RuntimeCall::Grid(G::report_uptime { node, .. } | G::set_power_state { node, .. }) => {
				Some(
					pallet_grid::Nodes::<Test>::get(node)
						.and_then(|n| pallet_twins::Twins::<Test>::get(n.twin).map(|t| t.account)),
				)
			},
			_ => None,
		};
		let transfer = match (call, sender) {
			(
				RuntimeCall::Twins(pallet_twins::Call::accept_transfer { twin, parent }),
				Sender::Account(receiver),
			) => Transfer::of(receiver, *twin, *parent),
			_ => None,
		};
		let members = pallet_circles::Members::<Test>::iter().count();
		Before { reach, machine, members, transfer }
	}

	/// Checks what an accepted `call` from `sender` did against what it was allowed.
	pub fn accepted(&self, sender: Sender, call: &RuntimeCall) -> Result<(), String> {
		if let Some((roles, allowed)) = &self.reach {
			// A lapsed invitation admits nobody: it used no authority.
			let lapsed = matches!(
				call,
				RuntimeCall::Circles(pallet_circles::Call::accept_invitation { .. })
			) && pallet_circles::Members::<Test>::iter().count() == self.members;
			if !lapsed && !allowed {
				return Err(format!("reached {roles:?} beyond its reach"));
			}
		}
		if let Some(machine) = self.machine {
			if machine.map(Sender::Account) != Some(sender) {
				return Err(format!(
					"a node's report accepted from {sender:?}, not its key {machine:?}"
				));
			}
		}
		if let Some(transfer) = &self.transfer {
			transfer.check()?;
		}
		Ok(())
	}
}

/// Checks everything that must hold between blocks; returns how many checks it made.
pub fn after_block() -> Result<u64, String> {
	let mut checks = 0;
	let mut check = |ok: bool, what: &dyn Fn() -> String| -> Result<(), String> {
		checks += 1;
		ok.then_some(()).ok_or_else(what)
	};
	pallet_twins::Pallet::<Test>::do_try_state().map_err(|e| format!("twins: {e:?}"))?;
	pallet_circles::Pallet::<Test>::do_try_state().map_err(|e| format!("circles: {e:?}"))?;
	pallet_grid::Pallet::<Test>::do_try_state().map_err(|e| format!("grid: {e:?}"))?;

	// Nothing outlives what it depended on, once the blocks' idle time has run.
	check(pallet_circles::Departed::<Test>::iter_keys().next().is_none(), &|| {
		"a deleted twin's inbox outlived idle time".into()
	})?;
	check(pallet_grid::Unnamed::<Test>::iter_keys().next().is_none(), &|| {
		"an unnamed certifier's certifications outlived idle time".into()
	})?;
	let named = pallet_grid::NodeCertifiers::<Test>::get();
	for (node, certifier) in pallet_grid::CertifiedBy::<Test>::iter() {
		check(named.contains(&certifier), &|| {
			format!("node {node} stays certified by {certifier}, who is no longer named")
		})?;
	}

	// No query shows who is in a circle that is not public.
	let public = |circle: u32| {
		pallet_circles::Circles::<Test>::get(circle)
			.is_some_and(|c| c.visibility == CircleVisibility::Public)
	};
	let twins: Vec<TwinId> = pallet_twins::Twins::<Test>::iter_keys().collect();
	for (circle, record) in pallet_circles::Circles::<Test>::iter() {
		let lineage_public = {
			let mut next = Some(circle);
			let mut all = true;
			while let Some(id) = next {
				all &= public(id);
				next = pallet_circles::Circles::<Test>::get(id).and_then(|c| c.parent);
			}
			all
		};
		if record.visibility != CircleVisibility::Public {
			check(
				pallet_circles::Pallet::<Test>::members_page(circle, None, 100).is_empty(),
				&|| format!("private circle {circle} lists members"),
			)?;
		}
		for &twin in &twins {
			if !lineage_public {
				let answer = pallet_circles::Pallet::<Test>::shown_right(circle, twin, Right::Read);
				check(answer.is_none(), &|| {
					format!("a right in circle {circle}, under a private one, is answered")
				})?;
			}
			if !public(circle) {
				check(
					pallet_circles::Pallet::<Test>::shown_entry(circle, twin).is_none(),
					&|| format!("twin {twin}'s entry in private circle {circle} is shown"),
				)?;
			}
		}
	}
	for &twin in &twins {
		for (circle, _) in pallet_circles::Pallet::<Test>::twin_circles_page(twin, None, 100) {
			check(public(circle), &|| format!("twin {twin}'s circles list private {circle}"))?;
		}
		for record in pallet_twins::Records::<Test>::iter_prefix_values(twin) {
			let hidden = record.kind == RecordKind::Membership && !public(record.key);
			check(pallet_circles::Pallet::<Test>::shows_record(&record) != hidden, &|| {
				format!("twin {twin}'s membership of circle {} is shown: {hidden}", record.key)
			})?;
		}
	}
	// The three pallets' invariants, each a check of its own.
	Ok(checks + 3)
}
