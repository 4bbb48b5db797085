/// Holds the lock on the runtime's WASM project for as long as it lives.
///
/// The runtime's build script and the upgrade rehearsal's (runtime/upgrade-rehearsal) both
/// build the runtime crate to WASM in one cargo project, `wbuild/zerochain-runtime` under
/// the target directory, each writing that project's manifest with its own features before
/// it runs cargo there. Cargo runs two packages' build scripts at once (`cargo build
/// --workspace` after a change to the runtime): without this lock one build could compile
/// the other's features and embed the rehearsal in the node.
fn lock_wasm_project() -> std::fs::File {
	let out_dir = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
	// OUT_DIR is `<target>/<profile>/build/<package>-<hash>/out`; the WASM projects are in
	// `<target>/<profile>/wbuild`, where substrate-wasm-builder puts them.
	let profile_dir = out_dir
		.ancestors()
		.find(|dir| dir.ends_with("build"))
		.and_then(|build| build.parent())
		.expect("OUT_DIR is inside cargo's build folder");
	let wbuild = profile_dir.join("wbuild");
	std::fs::create_dir_all(&wbuild).expect("the target directory is writable");
	let lock = std::fs::File::create(wbuild.join("zerochain-runtime.lock"))
		.expect("the target directory is writable");
	lock.lock().expect("the WASM project's lock can be taken");
	lock
}
