//! The runtime's migrations move a chain's old storage to the new layout: each is run on a
//! state built as an older runtime left it, and the state checked after.

use frame_support::traits::OnRuntimeUpgrade;
use sp_io::hashing::twox_128;
use sp_runtime::BuildStorage;
use zerochain_runtime::{Migrations, RuntimeGenesisConfig};

/// The storage version key a pallet named `pallet` writes at genesis.
fn storage_version_key(pallet: &str) -> Vec<u8> {
	[twox_128(pallet.as_bytes()), twox_128(b":__STORAGE_VERSION__:")].concat()
}

#[test]
fn the_removed_benchmark_pallet_leaves_nothing_behind() {
	let genesis = RuntimeGenesisConfig::default().build_storage().unwrap();
	sp_io::TestExternalities::new(genesis).execute_with(|| {
		// What specs 105 to 110 left: the bench-state pallet's storage version.
		sp_io::storage::set(&storage_version_key("BenchState"), &0u16.to_le_bytes());
		let twins = storage_version_key("Twins");
		let twins_version = sp_io::storage::get(&twins).expect("the twins pallet's version");

		Migrations::on_runtime_upgrade();

		assert_eq!(sp_io::storage::get(&storage_version_key("BenchState")), None);
		assert_eq!(sp_io::storage::get(&twins), Some(twins_version), "other pallets keep theirs");
	});
}
