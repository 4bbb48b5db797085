//! The benchmark chain's genesis: the node registers the phonebook its spec's counts describe
//! on top of the runtime's own genesis, and registers nothing for a spec without counts.

use sc_service::ChainSpec as _;
use sp_runtime::BuildStorage;
use sp_state_machine::BasicExternalities;
use zerochain_bench_state::BenchCounts;
use zerochain_node::{chain_spec::development_chain_spec, genesis::GenesisStorage};
use zerochain_runtime::Runtime;

#[test]
fn counts_register_their_phonebook_on_top_of_the_runtimes_genesis() {
	let spec = development_chain_spec().unwrap();
	let counts =
		BenchCounts { twins: 30, farms: 2, nodes_per_farm: 3, circles: 5, members_per_circle: 3 };
	let plain = GenesisStorage::new(spec.as_storage_builder(), None).build_storage().unwrap();
	let mut bench = GenesisStorage::new(spec.as_storage_builder(), Some(counts))
		.build_storage()
		.unwrap();
	BasicExternalities::execute_with_storage(&mut bench, || {
		assert_eq!(pallet_twins::Twins::<Runtime>::count(), 30);
		assert_eq!(pallet_grid::LastNodeId::<Runtime>::get(), 6);
		assert_eq!(pallet_circles::Circles::<Runtime>::count(), 5);
		assert_eq!(pallet_circles::Members::<Runtime>::iter_prefix(5).count(), 4);
	});
	let code = sp_core::storage::well_known_keys::CODE;
	assert_eq!(bench.top.get(code), plain.top.get(code), "the runtime is the network's own");
	BasicExternalities::execute_with_storage(&mut plain.clone(), || {
		assert_eq!(pallet_twins::Twins::<Runtime>::count(), 0, "no counts, no phonebook");
	});
}
