//! A runtime with System, Timestamp, Balances, the real twins pallet and this pallet, for the
//! unit tests. Accounts 1 to 9 each control a top-level twin of the same number; [`NODE_KEY`]
//! is funded for a node's twin to be handed to; the clock
//! reads [`NOW`] seconds.

use crate::{self as pallet_grid, net::*, *};
use frame_support::{
	derive_impl,
	traits::{ConstU32, ConstU64, ConstantStoragePrice},
	BoundedVec,
};
use frame_system::EnsureRoot;
use zerochain_primitives::TwinId;

zerochain_test_utils::test_runtime! {
	Test {
		accounts: u64,
		balance: u64,
		system: {
			/// Real database weights, so that the idle hook's charges can be told apart.
			type DbWeight = frame_support::weights::constants::RocksDbWeight;
		},
		pallets: {
			Timestamp: pallet_timestamp,
			Balances: pallet_balances,
			TwinsPallet: pallet_twins,
			Grid: pallet_grid,
		},
	}
}

/// The chain's time in the tests, in seconds since the Unix epoch.
pub const NOW: u64 = 1_764_000_000;

#[derive_impl(pallet_timestamp::config_preludes::TestDefaultConfig)]
impl pallet_timestamp::Config for Test {}

/// Twins cheap to hold, with room for farms' nodes and their records.
#[derive_impl(pallet_twins::config_preludes::TestDefaultConfig)]
impl pallet_twins::Config for Test {
	type Currency = Balances;
	type TwinDeposit = ConstantStoragePrice<ConstU64<1>, Balance>;
	type MaxChildren = ConstU32<8>;
	type MaxRecords = ConstU32<20>;
}

/// The deposit of a farm in the tests (the pallet's test configuration).
pub const FARM_DEPOSIT: Balance = 50;
/// The deposit of a node in the tests (the pallet's test configuration).
pub const NODE_DEPOSIT: Balance = 20;
/// The most public IPs a farm offers in the tests (the pallet's test configuration).
pub const MAX_FARM_IPS: u32 = 4;
/// The most nodes a farm has in the tests (the pallet's test configuration).
pub const MAX_NODES_PER_FARM: u32 = 3;

#[derive_impl(pallet_grid::config_preludes::TestDefaultConfig)]
impl pallet_grid::Config for Test {
	type Currency = Balances;
	type Twins = TwinsPallet;
	type Time = Timestamp;
	type GovernanceOrigin = EnsureRoot<AccountId>;
}

/// What each of the endowed accounts 1 to 9 holds at genesis.
pub const ENDOWMENT: Balance = 1_000;
/// A node's own account, funded but with no twin at genesis: the key a node's twin is handed
/// to.
pub const NODE_KEY: AccountId = 20;

/// State where accounts 1 to 9 each control the twin of the same number, at [`NOW`].
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut ext = at_block_one(endowed((1..=9).chain([NODE_KEY]).map(|a| (a, ENDOWMENT))));
	ext.execute_with(|| {
		Timestamp::set_timestamp(NOW * 1_000);
		for account in 1..=9 {
			TwinsPallet::create_twin(RuntimeOrigin::signed(account), None, None).unwrap();
		}
	});
	ext
}

/// Runs `test` on fresh state, then checks every invariant of the pallet.
pub fn run(test: impl FnOnce()) {
	checked(new_test_ext(), test, Grid::do_try_state);
}

/// A public IPv4 address in 185.69.166.0/24 with gateway .1.
pub fn public_ip(host: u8) -> Ipv4Input {
	Ipv4Input { ip: [185, 69, 166, host], prefix: 24, gateway: [185, 69, 166, 1] }
}

/// Creates a farm of `account`'s twin with `ips`, and returns its id.
pub fn farm_of(account: AccountId, name: &str, ips: Vec<Ipv4Input>) -> FarmId {
	Grid::create_farm(
		RuntimeOrigin::signed(account),
		account as TwinId,
		BoundedVec::truncate_from(name.as_bytes().to_vec()),
		false,
		BoundedVec::truncate_from(ips),
	)
	.expect("the farm is created");
	LastFarmId::<Test>::get()
}

/// A child twin of `account`'s twin, controlled by `account`: a node's twin before it is
/// handed to the node.
pub fn child_twin(account: AccountId) -> TwinId {
	TwinsPallet::create_child_twin(RuntimeOrigin::signed(account), account as TwinId, None, None)
		.expect("the child twin is created");
	pallet_twins::LastTwinId::<Test>::get()
}

/// Hands `twin` to `to`, which then controls it directly and takes it where it is: the
/// controllers of its parent keep acting for it.
pub fn hand_over(from: AccountId, twin: TwinId, to: AccountId) {
	TwinsPallet::request_transfer(RuntimeOrigin::signed(from), twin, to).unwrap();
	let parent = pallet_twins::Twins::<Test>::get(twin).and_then(|t| t.parent).map(|l| l.twin);
	TwinsPallet::accept_transfer(RuntimeOrigin::signed(to), twin, parent).unwrap();
}

/// One gibibyte.
pub const GIB: u64 = 1 << 30;

/// A valid description of a node in Ghent, with one interface.
pub fn spec() -> NodeSpec {
	NodeSpec {
		resources: Resources { cores: 8, memory: 32 * GIB, ssd: 1_000 * GIB, hdd: 4_000 * GIB },
		location: LocationInput {
			city: BoundedVec::truncate_from(b"Ghent".to_vec()),
			country: *b"BE",
			latitude: 51_054_342,
			longitude: 3_717_424,
		},
		interfaces: BoundedVec::truncate_from(vec![InterfaceInput {
			name: BoundedVec::truncate_from(b"eth0".to_vec()),
			mac: [0x02, 0x42, 0xac, 0x11, 0, 2],
			ips: BoundedVec::truncate_from(vec![IpAddress::V4([10, 0, 0, 2])]),
		}]),
		secure_boot: true,
		virtualised: false,
		serial: Some(BoundedVec::truncate_from(b"SN-0001".to_vec())),
	}
}

/// Registers a node of `farm` for a new child twin of `account`, and returns its id.
pub fn node_in(account: AccountId, farm: FarmId) -> NodeId {
	let twin = child_twin(account);
	Grid::create_node(RuntimeOrigin::signed(account), farm, twin, spec())
		.expect("the node is created");
	LastNodeId::<Test>::get()
}

/// Registers a node of `farm` the usual way: the farmer `account` creates a child twin for the
/// machine, hands it to the machine's key [`NODE_KEY`], and registers the node for it. Returns
/// the node and its twin.
pub fn node_of_key(account: AccountId, farm: FarmId) -> (NodeId, TwinId) {
	let twin = child_twin(account);
	hand_over(account, twin, NODE_KEY);
	Grid::create_node(RuntimeOrigin::signed(account), farm, twin, spec())
		.expect("the node is created");
	(LastNodeId::<Test>::get(), twin)
}
