//! Unit tests: every call's success and each of its errors, on the mock runtime, with the
//! bugs of the chain's predecessors each shown impossible (tfchain #520, #869, #911, and the
//! farm→nodes index drift of #431, #432, #480, #496). Every test ends by checking the
//! pallet's invariants (`mock::run`).

use crate::{mock::*, net::*, Error, Event as GridEvent, *};
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold, BoundedVec};
use sp_runtime::DispatchError;
use zerochain_primitives::TwinId;

fn signed(account: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(account)
}

fn text<S: frame_support::traits::Get<u32>>(text: &str) -> BoundedVec<u8, S> {
	BoundedVec::truncate_from(text.as_bytes().to_vec())
}

fn held(account: AccountId, reason: HoldReason) -> Balance {
	Balances::balance_on_hold(&reason.into(), &account)
}

fn last_event() -> GridEvent<Test> {
	System::events()
		.into_iter()
		.rev()
		.find_map(|record| match record.event {
			RuntimeEvent::Grid(event) => Some(event),
			_ => None,
		})
		.expect("the grid pallet emitted an event")
}

fn ips(list: &[Ipv4Input]) -> BoundedVec<Ipv4Input, frame_support::traits::ConstU32<MAX_FARM_IPS>> {
	BoundedVec::truncate_from(list.to_vec())
}

fn ipv4(ip: Ipv4Addr, prefix: u8, gateway: Ipv4Addr) -> Ipv4Input {
	Ipv4Input { ip, prefix, gateway }
}

fn create_farm(account: AccountId, name: &str, list: &[Ipv4Input]) -> Result<(), DispatchError> {
	Grid::create_farm(signed(account), account as TwinId, text(name), false, ips(list))
}

fn public_config() -> PublicConfigInput {
	let mut ip = [0u8; 16];
	ip[..8].copy_from_slice(&[0x2a, 0x01, 0x04, 0xf8, 0x01, 0x0a, 0x07, 0x10]);
	ip[15] = 2;
	let mut link_local = [0u8; 16];
	link_local[..2].copy_from_slice(&[0xfe, 0x80]);
	link_local[15] = 1;
	PublicConfigInput {
		ipv4: ipv4([185, 69, 167, 20], 24, [185, 69, 167, 1]),
		ipv6: Some(Ipv6Input { ip, prefix: 64, gateway: link_local }),
		domain: Some(text("node1.grid.example.org")),
	}
}

/// A farm named "farm" of `account`'s twin, with no public IPs, and a new child twin of that
/// twin, not yet a node's: what the farmer has in hand before registering a node.
fn farm_and_twin(account: AccountId) -> (FarmId, TwinId) {
	let farm = farm_of(account, "farm", vec![]);
	let twin = child_twin(account);
	(farm, twin)
}

/// A farm named "farm" of `account`'s twin, with no public IPs, and `N` nodes of it, registered
/// in order by `account` for new child twins of its twin (see [`node_in`]).
fn farm_with_nodes<const N: usize>(account: AccountId) -> (FarmId, [NodeId; N]) {
	let farm = farm_of(account, "farm", vec![]);
	(farm, [(); N].map(|_| node_in(account, farm)))
}

/// A farm named "farm" of `account`'s twin, with no public IPs, and a node of it registered
/// the usual way, for a twin handed to [`NODE_KEY`] (see [`node_of_key`]).
fn farm_with_node_of_key(account: AccountId) -> (FarmId, NodeId) {
	let farm = farm_of(account, "farm", vec![]);
	let (node, _) = node_of_key(account, farm);
	(farm, node)
}

/// Farms of `account`'s twin with no public IPs, one for each of `names`, created in order.
fn farms_of<const N: usize>(account: AccountId, names: [&str; N]) -> [FarmId; N] {
	names.map(|name| farm_of(account, name, vec![]))
}

/// Has governance certify `node`, and checks that it did.
fn governance_certifies(node: NodeId) {
	assert_ok!(Grid::set_node_certification(
		RuntimeOrigin::root(),
		node,
		NodeCertification::Certified
	));
}

mod farms;

mod nodes;

mod queries;

mod certification;
