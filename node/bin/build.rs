//! Stamps the binary with its version and git commit, for `zerochain --version`. The scripts
//! build from a copy of the checkout without `.git`, and pass the commit in
//! `SUBSTRATE_CLI_GIT_COMMIT_HASH` (see scripts/env.sh).
use substrate_build_script_utils::generate_cargo_keys;

fn main() {
	generate_cargo_keys();
	println!("cargo:rerun-if-env-changed=SUBSTRATE_CLI_GIT_COMMIT_HASH");
}
