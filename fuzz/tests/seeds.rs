//! The fuzzer's short run in the test suite: a few seeds, a few thousand calls each. The
//! million-call run is `scripts/fuzz.sh` (docs/security.md).

use zerochain_fuzz::run;

#[test]
fn short_seeds_break_no_rule() {
	for seed in 1..=4 {
		let report = run(seed, 2_500);
		assert_eq!(report.calls, 2_500);
		// Each seed makes calls that succeed and calls that are refused, and checks both.
		assert!(report.refused > 0 && report.refused < report.calls, "{report:?}");
		assert!(report.checks > report.calls, "{report:?}");
	}
}
