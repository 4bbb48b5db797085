//! A runtime with System, Balances, the real session pallet and this pallet, for the unit tests. Accounts 1 to 4 validate from genesis with a minimum of
//! two; 5 and 6 have registered session keys and wait to be admitted; 7 has no keys.
//! Validators are dropped after [`MAX_IDLE`] idle sessions.

use crate::{self as pallet_validator_set, *};
use frame_support::{derive_impl, traits::ConstU32};
use frame_system::EnsureRoot;
use pallet_session::PeriodicSessions;
use sp_runtime::{testing::UintAuthorityId, traits::ConvertInto, BuildStorage};

zerochain_test_utils::test_runtime! {
	Test {
		accounts: u64,
		balance: u64,
		system: {
			/// Real database weights, so that the hooks' charges can be told apart.
			type DbWeight = frame_support::weights::constants::RocksDbWeight;
		},
		pallets: {
			Balances: pallet_balances,
			ValidatorSet: pallet_validator_set,
			Session: pallet_session,
		},
	}
}

/// What registering session keys holds.
pub const KEY_DEPOSIT: Balance = 10;

impl pallet_session::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = EndedByValidatorSet;
	type NextSessionRotation =
		PeriodicSessions<SessionLength<Test>, frame_support::traits::ConstU64<0>>;
	type SessionManager = ValidatorSet;
	type SessionHandler = pallet_session::TestSessionHandler;
	type Keys = UintAuthorityId;
	type DisablingStrategy = pallet_session::disabling::UpToLimitDisablingStrategy;
	type WeightInfo = ();
	type Currency = Balances;
	/// As in the runtime, storing keys holds a deposit.
	type KeyDeposit = frame_support::traits::ConstU64<KEY_DEPOSIT>;
}

/// The most validators in the tests.
pub const MAX_VALIDATORS: u32 = 6;
/// Past sessions kept for equivocation proofs in the tests.
pub const HISTORY_DEPTH: u32 = 3;

impl pallet_validator_set::Config for Test {
	type GovernanceOrigin = EnsureRoot<AccountId>;
	/// The test keys are their account's number.
	type Session = SessionAdapter<Test, UintAuthorityId>;
	type MaxValidators = ConstU32<MAX_VALIDATORS>;
	type HistoryDepth = ConstU32<HISTORY_DEPTH>;
	type WeightInfo = ();
}

/// The genesis validators.
pub const GENESIS_SET: [AccountId; 4] = [1, 2, 3, 4];
/// Accounts with session keys, not in the genesis set.
pub const CANDIDATES: [AccountId; 2] = [5, 6];
/// An account without session keys.
pub const KEYLESS: AccountId = 7;
/// The fewest validators in the tests.
pub const MIN_VALIDATORS: u32 = 2;
/// Idle sessions before a validator is dropped in the tests.
pub const MAX_IDLE: u32 = 2;

/// Genesis: accounts 1 to 9 funded; 1 to 4 validating; 5 and 6 with keys.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = endowed((1..=9).map(|account| (account, 1_000)));
	pallet_validator_set::GenesisConfig::<Test> {
		validators: GENESIS_SET.to_vec(),
		min_validators: MIN_VALIDATORS,
		max_idle_sessions: MAX_IDLE,
		session_blocks: 5,
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let keys = |account: AccountId| (account, account, UintAuthorityId(account));
	pallet_session::GenesisConfig::<Test> {
		keys: GENESIS_SET.into_iter().map(keys).collect(),
		non_authority_keys: CANDIDATES.into_iter().map(keys).collect(),
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	at_block_one(storage)
}

/// Runs `test` on fresh state, then checks every invariant of the pallet.
pub fn run(test: impl FnOnce()) {
	checked(new_test_ext(), test, ValidatorSet::do_try_state);
}

/// Ends the ongoing session with `authors` having authored in it, and starts the next.
pub fn end_session_authored_by(authors: &[AccountId]) {
	for &author in authors {
		<ValidatorSet as pallet_authorship::EventHandler<_, _>>::note_author(author);
	}
	Session::rotate_session();
}

/// The validators of the ongoing session.
pub fn active() -> Vec<AccountId> {
	Session::validators()
}
