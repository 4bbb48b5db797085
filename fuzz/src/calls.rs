//! Every call of the twins, circles and grid pallets, made up at random by accounts that try
//! what they should not: ids that exist, were deleted or never were; others' twins, circles,
//! farms and nodes; proofs and signatures made for another twin, account or nonce.

use crate::mock::*;
use frame_support::BoundedVec;
use pallet_circles::{CircleVisibility, Rights, Role, RoleRights};
use pallet_grid::{
	net::{IpAddress, Ipv4Input, Ipv6Input},
	FarmCertification, InterfaceInput, LocationInput, NodeCertification, NodeSpec, Power,
	PublicConfigInput, Resources,
};
use pallet_twins::{EntityKey, EntityKind, EntitySignature, KeyProof, PublicKey};
use sp_core::{ed25519, Pair};

/// A small, seeded, reproducible source of choices (SplitMix64).
pub struct Rng(u64);

impl Rng {
	/// The choices of seed `seed`.
	pub fn new(seed: u64) -> Self {
		Self(seed)
	}

	/// The next 64 random bits.
	pub fn bits(&mut self) -> u64 {
		self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
		let mut z = self.0;
		z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
		z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
		z ^ (z >> 31)
	}

	/// A number below `n` (`n` > 0).
	pub fn below(&mut self, n: u64) -> u64 {
		self.bits() % n
	}

	/// True `percent` times in a hundred.
	pub fn chance(&mut self, percent: u64) -> bool {
		self.below(100) < percent
	}

	/// One of `items`.
	pub fn pick<T: Clone>(&mut self, items: &[T]) -> T {
		items[self.below(items.len() as u64) as usize].clone()
	}

	/// An id from 1 to two past `last`: mostly one that was handed out (and may be gone), now
	/// and then one that never was.
	pub fn id(&mut self, last: u32) -> u32 {
		1 + self.below(u64::from(last) + 2) as u32
	}
}

/// Who sends a call: an account, or governance (root).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sender {
	/// A signed call of this account.
	Account(AccountId),
	/// Governance.
	Root,
}

impl Sender {
	/// The origin the call is dispatched with.
	pub fn origin(self) -> RuntimeOrigin {
		match self {
			Sender::Account(account) => RuntimeOrigin::signed(account),
			Sender::Root => RuntimeOrigin::root(),
		}
	}
}

/// How many kinds of call there are: every call of the three pallets.
pub const KINDS: u64 = 13 + 13 + 17;

/// The ed25519 pair of seed `seed`: the fuzzer's twins' and entities' keys.
fn pair(seed: u8) -> ed25519::Pair {
	ed25519::Pair::from_seed(&[seed; 32])
}

fn text<S: frame_support::traits::Get<u32>>(bytes: &[u8]) -> BoundedVec<u8, S> {
	BoundedVec::truncate_from(bytes.to_vec())
}

/// Made-up calls, each from a made-up sender.
pub struct Caller<'a> {
	/// Where the choices come from.
	pub rng: &'a mut Rng,
}

impl Caller<'_> {
	fn account(&mut self) -> AccountId {
		self.rng.pick(&ACCOUNTS)
	}

	fn twin(&mut self) -> u32 {
		self.rng.id(pallet_twins::LastTwinId::<Test>::get())
	}

	/// A twin `sender` may act for, most of the time: its own, or one it may not.
	fn twin_of(&mut self, sender: AccountId) -> u32 {
		if self.rng.chance(70) {
			if let Some(twin) = pallet_twins::TwinByAccount::<Test>::get(sender) {
				let children: Vec<u32> = pallet_twins::Twins::<Test>::iter()
					.filter(|(_, t)| t.parent.is_some_and(|p| p.twin == twin))
					.map(|(id, _)| id)
					.collect();
				if !children.is_empty() && self.rng.chance(50) {
					return self.rng.pick(&children);
				}
				return twin;
			}
		}
		self.twin()
	}

	fn circle(&mut self) -> u32 {
		self.rng.id(pallet_circles::LastCircleId::<Test>::get())
	}

	fn farm(&mut self) -> u32 {
		self.rng.id(pallet_grid::LastFarmId::<Test>::get())
	}

	fn node(&mut self) -> u32 {
		self.rng.id(pallet_grid::LastNodeId::<Test>::get())
	}

	fn entity(&mut self) -> u32 {
		self.rng.id(pallet_twins::LastEntityId::<Test>::get())
	}

	fn role(&mut self) -> Role {
		self.rng.pick(&[Role::Viewer, Role::Member, Role::Admin, Role::Owner])
	}

	fn rights(&mut self) -> RoleRights {
		use zerochain_primitives::Right as R;
		let read = Rights::of(&[R::Read]);
		let invite = Rights::of(&[R::Read, R::Invite]);
		self.rng.pick(&[
			RoleRights { admin: Rights::ALL, member: read, viewer: read },
			RoleRights { admin: read, member: read, viewer: read },
			RoleRights { admin: Rights::ALL, member: Rights::ALL, viewer: read },
			// Powers without every right: granting must stay within the rights held.
			RoleRights {
				admin: Rights::of(&[R::Read, R::Write, R::Invite]),
				member: invite,
				viewer: read,
			},
			RoleRights { admin: Rights::of(&[R::Read, R::Manage]), member: read, viewer: read },
			// Not ordered: refused.
			RoleRights { admin: read, member: Rights::ALL, viewer: read },
		])
	}

	fn name(&mut self) -> Vec<u8> {
		self.rng.pick(&[&b"alpha"[..], b"beta", b"gamma", b"Bad Name", b"x"]).to_vec()
	}

	fn public_ip(&mut self) -> Ipv4Input {
		let host = self.rng.pick(&[10u8, 11, 12, 13]);
		let network = self.rng.pick(&[[185u8, 69, 166], [10, 0, 0]]);
		Ipv4Input {
			ip: [network[0], network[1], network[2], host],
			prefix: 24,
			gateway: [network[0], network[1], network[2], 1],
		}
	}

	fn spec(&mut self) -> NodeSpec {
		let cores = self.rng.pick(&[0u32, 4, 8]);
		NodeSpec {
			resources: Resources { cores, memory: 32 * GIB, ssd: 1_000 * GIB, hdd: 0 },
			location: LocationInput {
				city: text(self.rng.pick(&[&b"Ghent"[..], b"Cairo"])),
				country: self.rng.pick(&[*b"BE", *b"EG", *b"ZZ"]),
				latitude: 51_054_342,
				longitude: 3_717_424,
			},
			interfaces: BoundedVec::truncate_from(vec![InterfaceInput {
				name: text(b"eth0"),
				mac: [0x02, 0x42, 0xac, 0x11, 0, self.rng.below(3) as u8],
				ips: BoundedVec::truncate_from(vec![IpAddress::V4([10, 0, 0, 2])]),
			}]),
			secure_boot: self.rng.chance(50),
			virtualised: false,
			serial: self.rng.chance(50).then(|| text(b"SN-0001")),
		}
	}

	fn public_config(&mut self) -> Option<PublicConfigInput> {
		self.rng.chance(80).then(|| {
			let mut ip = [0u8; 16];
			ip[..4].copy_from_slice(&[0x2a, 0x01, 0x04, 0xf8]);
			ip[15] = 2;
			let mut gateway = [0u8; 16];
			gateway[..2].copy_from_slice(&[0xfe, 0x80]);
			gateway[15] = 1;
			PublicConfigInput {
				ipv4: self.public_ip(),
				ipv6: self.rng.chance(50).then_some(Ipv6Input { ip, prefix: 64, gateway }),
				domain: self.rng.chance(50).then(|| text(b"node.grid.example.org")),
			}
		})
	}

	/// A key claim for `twin` by `sender`: proven, or with a proof made for another twin or
	/// account (a stale or copied proof), or none.
	fn key_claim(&mut self, sender: AccountId, twin: u32) -> (Option<PublicKey>, Option<KeyProof>) {
		if self.rng.chance(10) {
			return (None, None);
		}
		let pair = pair(self.rng.below(4) as u8 + 1);
		let (claimed_twin, claimed_by) = match self.rng.below(4) {
			0 => (twin.wrapping_add(1), sender),
			1 => (twin, self.account()),
			_ => (twin, sender),
		};
		let genesis = pallet_twins::Pallet::<Test>::genesis_hash();
		let message = pallet_twins::key_message(&genesis, claimed_twin, &claimed_by);
		let key = PublicKey::Ed25519(pair.public().0);
		let proof = KeyProof::Ed25519(pair.sign(&message).0);
		(Some(key), (!self.rng.chance(5)).then_some(proof))
	}

	/// An entity's signature vouching for `twin`: as things stand, or for an older nonce, or
	/// by another key.
	fn vouching(&mut self, entity: u32, twin: u32) -> EntitySignature {
		let controller = pallet_twins::Twins::<Test>::get(twin).map_or(0, |t| t.account);
		let nonce = pallet_twins::Entities::<Test>::get(entity).map_or(0, |e| e.nonce);
		let stale = self.rng.chance(15) && nonce > 0;
		let nonce = if stale { nonce - 1 } else { nonce };
		let genesis = pallet_twins::Pallet::<Test>::genesis_hash();
		let message = pallet_twins::link_message(&genesis, entity, twin, &controller, nonce);
		// Entity `e` holds key seed `10 + e % 4`; now and then another key signs.
		let seed = if self.rng.chance(10) { 30 } else { 10 + (entity % 4) as u8 };
		EntitySignature::Ed25519(pair(seed).sign(&message).0)
	}

	/// A call of kind `kind` (below [`KINDS`]), with its sender.
	pub fn make(&mut self, kind: u64) -> (Sender, RuntimeCall) {
		let sender = self.account();
		let signed = Sender::Account(sender);
		let governance = if self.rng.chance(80) { Sender::Root } else { signed };
		use pallet_circles::Call as C;
		use pallet_grid::Call as G;
		use pallet_twins::Call as T;
		let call = match kind {
			0 => T::create_twin {
				relay: None,
				name: self.rng.chance(50).then(|| text(&self.name())),
			}
			.into(),
			1 => T::create_child_twin { parent: self.twin_of(sender), relay: None, name: None }
				.into(),
			2 => T::set_relay {
				twin: self.twin_of(sender),
				relay: self.rng.chance(80).then(|| text(b"relay.example.org")),
			}
			.into(),
			3 => {
				let twin = self.twin_of(sender);
				let (public_key, proof) = self.key_claim(sender, twin);
				T::set_public_key { twin, public_key, proof }.into()
			},
			4 => T::set_name { twin: self.twin_of(sender), name: Some(text(&self.name())) }.into(),
			5 => T::delete_twin { twin: self.twin_of(sender) }.into(),
			6 => T::request_transfer { twin: self.twin_of(sender), to: self.account() }.into(),
			7 => {
				// Out of the sender's tree (as its own or under a twin of its own), or kept
				// where it is.
				let twin = self.twin();
				let parent = match self.rng.pick(&[0u8, 1, 2]) {
					0 => None,
					1 => pallet_twins::Twins::<Test>::get(twin)
						.and_then(|t| t.parent)
						.map(|l| l.twin),
					_ => Some(self.twin_of(sender)),
				};
				T::accept_transfer { twin, parent }.into()
			},
			8 => T::cancel_transfer { twin: self.twin_of(sender) }.into(),
			9 => {
				let seed =
					10 + (pallet_twins::LastEntityId::<Test>::get().wrapping_add(1) % 4) as u8;
				T::create_entity {
					kind: EntityKind::Company,
					name: text(b"ThreeFold NV"),
					country: self.rng.pick(&[*b"BE", *b"ZZ"]),
					city: text(b"Lochristi"),
					key: EntityKey::Ed25519(pair(seed).public().0),
				}
				.into()
			},
			10 => T::delete_entity { entity: self.entity() }.into(),
			11 => {
				let (twin, entity) = (self.twin_of(sender), self.entity());
				T::link_entity { twin, entity, signature: self.vouching(entity, twin) }.into()
			},
			12 => T::unlink_entity { twin: self.twin_of(sender), entity: self.entity() }.into(),
			13 => C::create_circle {
				owner: self.twin_of(sender),
				name: text(&self.name()),
				description: text(b"friends"),
				parent: self.rng.chance(40).then(|| self.circle()),
				visibility: self.visibility(),
				rights: self.rights(),
			}
			.into(),
			14 => C::update_circle {
				circle: self.circle(),
				as_twin: self.twin_of(sender),
				description: text(b"updated"),
				visibility: self.visibility(),
				rights: self.rights(),
			}
			.into(),
			15 => C::delete_circle { circle: self.circle() }.into(),
			16 => C::invite {
				circle: self.circle(),
				as_twin: self.twin_of(sender),
				twin: self.twin(),
				role: self.role(),
			}
			.into(),
			17 => {
				C::accept_invitation { circle: self.circle(), as_twin: self.twin_of(sender) }.into()
			},
			18 => C::decline_invitation { circle: self.circle(), as_twin: self.twin_of(sender) }
				.into(),
			19 => C::request_join { circle: self.circle(), as_twin: self.twin_of(sender) }.into(),
			20 => C::approve_join {
				circle: self.circle(),
				as_twin: self.twin_of(sender),
				twin: self.twin(),
				role: self.role(),
			}
			.into(),
			21 => C::remove {
				circle: self.circle(),
				as_twin: self.twin_of(sender),
				twin: self.twin(),
			}
			.into(),
			22 => C::leave { circle: self.circle(), as_twin: self.twin_of(sender) }.into(),
			23 => C::set_role {
				circle: self.circle(),
				as_twin: self.twin_of(sender),
				twin: self.twin(),
				role: self.role(),
			}
			.into(),
			24 => C::offer_ownership {
				circle: self.circle(),
				to: self.rng.chance(80).then(|| self.twin()),
			}
			.into(),
			25 => {
				C::accept_ownership { circle: self.circle(), as_twin: self.twin_of(sender) }.into()
			},
			26 => G::create_farm {
				owner: self.twin_of(sender),
				name: text(&self.name()),
				dedicated: self.rng.chance(20),
				ips: BoundedVec::truncate_from(
					(0..self.rng.below(3)).map(|_| self.public_ip()).collect(),
				),
			}
			.into(),
			27 => G::rename_farm { farm: self.farm(), name: text(&self.name()) }.into(),
			28 => G::add_farm_ip { farm: self.farm(), ip: self.public_ip() }.into(),
			29 => G::remove_farm_ip { farm: self.farm(), ip: self.public_ip().ip }.into(),
			30 => {
				let certification =
					self.rng.pick(&[FarmCertification::Gold, FarmCertification::NotCertified]);
				return (
					governance,
					G::set_farm_certification { farm: self.farm(), certification }.into(),
				);
			},
			31 => {
				G::set_farm_dedicated { farm: self.farm(), dedicated: self.rng.chance(50) }.into()
			},
			32 => G::delete_farm { farm: self.farm() }.into(),
			33 => {
				G::create_node { farm: self.farm(), twin: self.twin_of(sender), spec: self.spec() }
					.into()
			},
			34 => G::update_node { node: self.node(), farm: self.farm(), spec: self.spec() }.into(),
			35 => {
				G::set_node_public_config { node: self.node(), public_config: self.public_config() }
					.into()
			},
			36 => G::delete_node { node: self.node() }.into(),
			37 => {
				let now = pallet_timestamp::Now::<Test>::get() / 1_000;
				let hint = self.rng.pick(&[now, now + 30, now.saturating_sub(3_600)]);
				G::report_uptime {
					node: self.node(),
					uptime: self.rng.below(1 << 20),
					timestamp_hint: hint,
				}
				.into()
			},
			38 => G::set_power_target { node: self.node(), target: self.power() }.into(),
			39 => G::set_power_state { node: self.node(), state: self.power() }.into(),
			40 => G::report_used_resources {
				node: self.node(),
				used: Resources { cores: self.rng.below(10) as u32, ..Default::default() },
			}
			.into(),
			41 => {
				let certification =
					self.rng.pick(&[NodeCertification::Certified, NodeCertification::Diy]);
				let sender = if self.rng.chance(30) { Sender::Root } else { signed };
				return (
					sender,
					G::set_node_certification { node: self.node(), certification }.into(),
				);
			},
			_ => {
				let count = self.rng.below(3);
				let certifiers = (0..count).map(|_| self.account()).collect();
				return (
					governance,
					G::set_node_certifiers { certifiers: BoundedVec::truncate_from(certifiers) }
						.into(),
				);
			},
		};
		(signed, call)
	}

	fn visibility(&mut self) -> CircleVisibility {
		self.rng.pick(&[CircleVisibility::Public, CircleVisibility::Private])
	}

	fn power(&mut self) -> Power {
		self.rng.pick(&[Power::Up, Power::Down])
	}
}
