//! The node's built-in chain specs: the benchmark chain is the development chain with the counts
//! of a phonebook at scale, which a spec file may change and nothing else may carry.

use serde_json::{json, Value};
use zerochain_bench_state::BenchCounts;
use zerochain_node::chain_spec::{
	bench_chain_spec, bench_counts, development_chain_spec, ChainSpec,
};

fn as_json(spec: &ChainSpec) -> Value {
	serde_json::from_str(&spec.as_json(false).expect("a spec exports")).expect("JSON")
}

#[test]
fn the_bench_chain_is_the_development_chain_with_a_phonebook_at_scale() {
	let bench = bench_chain_spec().unwrap();
	let development = development_chain_spec().unwrap();
	assert_eq!(as_json(&bench)["genesis"], as_json(&development)["genesis"]);
	assert_eq!(
		as_json(&bench)["benchState"],
		json!({
			"twins": 1_000_000,
			"farms": 10_000,
			"nodesPerFarm": 10,
			"circles": 100_000,
			"membersPerCircle": 5,
		})
	);
	assert_eq!(bench_counts(&bench), Ok(Some(BenchCounts::MILLION_TWINS)));
	assert_eq!(bench_counts(&development), Ok(None));
	assert_eq!(as_json(&development).get("benchState"), None, "other specs carry none");
}

#[test]
fn a_spec_file_gives_its_counts_unless_it_is_a_live_networks_and_refuses_unknown_ones() {
	let mut spec = as_json(&bench_chain_spec().unwrap());
	spec["benchState"]["twins"] = json!(3_000);
	let read = ChainSpec::from_json_bytes(spec.to_string().into_bytes()).unwrap();
	assert_eq!(bench_counts(&read).unwrap().map(|counts| counts.twins), Some(3_000));
	// A live network's genesis is the runtime's alone.
	spec["chainType"] = json!("Live");
	let live = ChainSpec::from_json_bytes(spec.to_string().into_bytes()).unwrap();
	assert!(bench_counts(&live).unwrap_err().contains("live network"));
	spec["benchState"]["nodes"] = json!(1);
	assert!(ChainSpec::from_json_bytes(spec.to_string().into_bytes()).is_err());
}
