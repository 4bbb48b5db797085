//! The runtime interface is generated from `metadata/zerochain.scale` by subxt's macro, which
//! cargo does not see reading it: a new metadata file must rebuild the crate.

fn main() {
	println!("cargo:rerun-if-changed=metadata/zerochain.scale");
}
