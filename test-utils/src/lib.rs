//! # Zero Chain's test scaffold
//!
//! Every mock runtime of the workspace — the twins, circles, grid and validator-set pallets'
//! unit tests, the bench state's and the fuzzer's — stands on the same base: System and
//! Balances configured for tests, accounts and balances of a chosen type, and the pallets under
//! test beside them. [`test_runtime!`] declares that base once, so a mock states only what
//! differs: which pallets, and each pallet's configuration (derived from the pallet's own
//! `config_preludes::TestDefaultConfig` where it has one).

/// Declares a test runtime: `AccountId` and `Balance` (public aliases), the `Block`, the
/// runtime itself with System first and then `pallets` in the order given (their indices and
/// their hooks' order), and System's and Balances' configurations, from FRAME's test
/// defaults. `system` adds items to System's configuration (real database weights, say).
/// Beside them, the state every mock starts from: `endowed` (genesis with balances),
/// `at_block_one` and `checked` (a test, then the pallet's invariants).
///
/// The caller writes each listed pallet's `Config` but Balances', and has
/// `use frame_support::derive_impl;` in scope, as FRAME's default configurations expand to it.
///
/// ```ignore
/// zerochain_test_utils::test_runtime! {
///     Test {
///         accounts: u64,
///         balance: u64,
///         pallets: { Balances: pallet_balances, TwinsPallet: pallet_twins },
///     }
/// }
/// ```
#[macro_export]
macro_rules! test_runtime {
	(
		$runtime:ident {
			accounts: $account:ty,
			balance: $balance:ty,
			$(system: { $($system:tt)* },)?
			pallets: { $($name:ident: $pallet:ident),* $(,)? } $(,)?
		}
	) => {
		/// An account of the test runtime.
		pub type AccountId = $account;
		/// An amount of the test runtime's token.
		pub type Balance = $balance;
		type Block = frame_system::mocking::MockBlock<$runtime>;

		frame_support::construct_runtime!(
			pub enum $runtime {
				System: frame_system,
				$($name: $pallet,)*
			}
		);

		#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
		impl frame_system::Config for $runtime {
			type Block = Block;
			type AccountId = AccountId;
			type Lookup = sp_runtime::traits::IdentityLookup<AccountId>;
			type AccountData = pallet_balances::AccountData<Balance>;
			$($($system)*)?
		}

		#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
		impl pallet_balances::Config for $runtime {
			type AccountStore = System;
			type Balance = Balance;
		}

		/// Genesis storage with System's defaults and `balances` endowed; a mock adds its
		/// pallets' genesis to it, then starts from it with [`at_block_one`].
		#[allow(dead_code)]
		pub fn endowed(
			balances: impl IntoIterator<Item = (AccountId, Balance)>,
		) -> sp_runtime::Storage {
			use sp_runtime::BuildStorage;
			let mut storage = frame_system::GenesisConfig::<$runtime>::default()
				.build_storage()
				.expect("System's genesis builds");
			pallet_balances::GenesisConfig::<$runtime> {
				balances: balances.into_iter().collect(),
				..Default::default()
			}
			.assimilate_storage(&mut storage)
			.expect("Balances' genesis builds");
			storage
		}

		/// State from `storage` at block 1, the first block whose events are kept.
		#[allow(dead_code)]
		pub fn at_block_one(storage: sp_runtime::Storage) -> sp_io::TestExternalities {
			let mut ext = sp_io::TestExternalities::new(storage);
			ext.execute_with(|| System::set_block_number(1));
			ext
		}

		/// Runs `test` in `ext`, then `invariants` (a pallet's `do_try_state`): every test
		/// ends with the state checked.
		#[allow(dead_code)]
		pub fn checked(
			mut ext: sp_io::TestExternalities,
			test: impl FnOnce(),
			invariants: impl FnOnce() -> Result<(), sp_runtime::TryRuntimeError>,
		) {
			ext.execute_with(|| {
				test();
				invariants().expect("the invariants hold after the test");
			});
		}
	};
}

/// Applies a property test's step and evaluates to its result, asserting that a step the
/// pallet refused changed nothing: the storage root is what it was before. `$step` names the
/// step in the failure message (it is `Debug`).
///
/// ```ignore
/// let applied = zerochain_test_utils::refused_changes_nothing!(step, apply(step.clone()));
/// ```
#[macro_export]
macro_rules! refused_changes_nothing {
	($step:expr, $apply:expr) => {{
		let before = sp_io::storage::root(sp_runtime::StateVersion::V1);
		let applied = $apply;
		if applied.is_err() {
			assert_eq!(
				sp_io::storage::root(sp_runtime::StateVersion::V1),
				before,
				"{:?} was refused but changed the state",
				$step
			);
		}
		applied
	}};
}
