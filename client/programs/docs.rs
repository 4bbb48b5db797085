//! docs/clients.md's Rust snippet, as the page has it (build.rs copies it here).
include!(concat!(env!("OUT_DIR"), "/docs_snippet.rs"));
