//! Helpers shared by the runtime's integration tests.

use sp_genesis_builder::PresetId;
use sp_runtime::BuildStorage;
use zerochain_runtime::{genesis_config_presets::get_preset, RuntimeGenesisConfig};

/// Applies a JSON patch the way the node does: objects merge key by key, anything else
/// replaces.
fn merge(base: &mut serde_json::Value, patch: serde_json::Value) {
	match (base, patch) {
		(serde_json::Value::Object(base), serde_json::Value::Object(patch)) => {
			for (key, value) in patch {
				merge(base.entry(key).or_insert(serde_json::Value::Null), value);
			}
		},
		(base, patch) => *base = patch,
	}
}

/// The full genesis config a preset describes, decoded strictly (unknown fields are errors).
pub fn preset_config(name: &str) -> RuntimeGenesisConfig {
	let patch = get_preset(&PresetId::from(name)).expect("the preset exists");
	let patch: serde_json::Value = serde_json::from_slice(&patch).expect("a preset is JSON");
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).unwrap();
	merge(&mut config, patch);
	serde_json::from_value(config).expect("the preset decodes into the runtime's genesis config")
}

/// The state a preset builds.
pub fn preset_state(name: &str) -> sp_io::TestExternalities {
	preset_config(name).build_storage().expect("the preset's genesis builds").into()
}
