//! Compiles docs/clients.md's Rust snippet (`<!-- snippet: rust-client -->`) as it stands on
//! the page, into the binary `zerochain-client-docs`, so that the suite runs the docs' own code
//! and the page cannot drift from the client's API.

use std::{env, fs, path::Path};

fn main() {
	let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/clients.md");
	println!("cargo:rerun-if-changed={}", docs.display());
	let page = fs::read_to_string(&docs).expect("docs/clients.md is readable");
	let after = page
		.split_once("<!-- snippet: rust-client -->")
		.expect("docs/clients.md has the rust-client snippet")
		.1;
	let code = after
		.split_once("```rust\n")
		.and_then(|(_, rest)| rest.split_once("```"))
		.expect("the rust-client snippet is a ```rust block")
		.0;
	let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("docs_snippet.rs");
	fs::write(out, code).expect("OUT_DIR is writable");
}
