"""The Rust client (client/, the crate zerochain-client on subxt; its programs in
client/programs) against a development chain:
its metadata is the runtime's the node runs; its example program registers a twin with a relay
and a proven key, sees a second twin refused by the error's name, finds the twin by id,
account and name, lists a farm's nodes, and shows its own registration among the events of
the finalised blocks it follows; and docs/clients.md's
Rust snippet, compiled from the page, runs. The light-client run is in test_local_testnet.py."""

import re
import subprocess
import sys

from conftest import BINARY, ROOT, docs_code, event, register_farm, register_twin

EXAMPLE = BINARY.parent / "zerochain-client-example"
DOCS_SNIPPET = BINARY.parent / "zerochain-client-docs"
METADATA = ROOT / "client" / "metadata" / "zerochain.scale"


def run(*args, timeout=180) -> list:
    done = subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{args[0]} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout.splitlines()


def test_the_client_is_typed_from_the_runtime_the_node_runs(dev_node, tmp_path):
    built = tmp_path / "metadata.scale"
    run(sys.executable, ROOT / "scripts" / "client-metadata.py", dev_node.rpc_port, built)
    assert METADATA.read_bytes() == built.read_bytes(), \
        "client/metadata/zerochain.scale is not the built runtime's: run scripts/generate-chain-specs.sh"


def test_the_example_registers_a_twin_and_reads_the_phonebook(dev_node, chain, alice, ferdie):
    farm_created, nodes = register_farm(chain, alice, register_twin(chain, alice))
    farm = event(farm_created, "Grid", "FarmCreated")["farm"]
    url = f"ws://127.0.0.1:{dev_node.rpc_port}"
    lines = run(EXAMPLE, "--rpc", url, "--signer", "//Ferdie", "--name", "rusty",
                "--farm", farm, "--blocks", 2)
    twin = chain.query("Twins", "TwinByAccount", [ferdie.ss58_address]).value
    assert twin is not None, lines
    assert f"registered twin {twin}" in lines
    assert "a second twin: refused: Twins::AccountHasTwin" in lines
    assert f"by account: twin {twin}; by name: twin {twin}" in lines
    assert any(line.startswith(f"twin {twin}: ") and "relay.rusty.example" in line for line in lines)
    assert f"farm {farm}: nodes {[node for node, _ in nodes]}" in lines
    # It followed the blocks from its start: its own registration is among their events.
    assert any(line.strip().startswith(f"Twins(TwinCreated {{ twin: {twin},") for line in lines), lines
    assert sum(line.startswith("finalised block #") for line in lines) >= 3

    stored = chain.query("Twins", "Twins", [twin]).value
    assert stored["relay"] == "relay.rusty.example" and stored["name"] == "rusty"
    assert stored["public_key"] == {"Sr25519": "0x" + ferdie.public_key.hex()}


def test_the_docs_rust_snippet_runs(dev_node, chain, eve):
    code = docs_code("clients.md", "rust-client", "rust")
    # The binary is the page's code (client/build.rs): it holds each of its text literals.
    built = DOCS_SNIPPET.read_bytes()
    literals = re.findall(r'"([^"{}\n]+)"', code)
    assert literals and all(literal.encode() in built for literal in literals), \
        "zerochain-client-docs was not built from docs/clients.md's snippet"
    lines = run(DOCS_SNIPPET, f"ws://127.0.0.1:{dev_node.rpc_port}")
    twin = chain.query("Twins", "TwinByAccount", [eve.ss58_address]).value
    assert any(line.startswith(f"twin {twin}: key Some(") for line in lines), lines
    assert "a second twin: Twins::AccountHasTwin" in lines
