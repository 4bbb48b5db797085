"""The committed chain specs are exactly what the current runtime generates."""

import json
import subprocess
import tempfile
from pathlib import Path

import pytest

from conftest import BINARY, ROOT


@pytest.mark.parametrize("raw", [False, True], ids=["plain", "raw"])
def test_committed_local_chain_spec_matches_the_runtime(raw):
    committed = ROOT / "chain-specs" / ("local-raw.json" if raw else "local.json")
    with tempfile.TemporaryDirectory() as directory:
        generated = Path(directory) / "spec.json"
        command = [str(BINARY), "export-chain-spec", "--chain", "local", "--output", str(generated)]
        subprocess.run(command + (["--raw"] if raw else []), check=True, capture_output=True)
        assert json.loads(committed.read_text()) == json.loads(generated.read_text()), (
            f"{committed.relative_to(ROOT)} is stale: run scripts/generate-chain-specs.sh"
        )


def test_the_local_spec_names_the_testnets_validators_for_light_clients():
    """chain-specs/local-raw.json is all a light client needs to find the local testnet: its
    bootnodes are the four validators' WebSocket addresses at scripts/local-testnet.sh's
    default ports, with the peer ids of the script's fixed network keys."""
    boot_nodes = json.loads((ROOT / "chain-specs" / "local-raw.json").read_text())["bootNodes"]
    with tempfile.TemporaryDirectory() as directory:
        expected = []
        for i in range(4):
            key = Path(directory) / f"node-key-{i}"
            key.write_text(f"{i + 1:064x}")  # as scripts/local-testnet.sh writes it
            peer_id = subprocess.run([str(BINARY), "key", "inspect-node-key", "--file", str(key)],
                                     check=True, capture_output=True, text=True).stdout.strip()
            expected.append(f"/ip4/127.0.0.1/tcp/{30433 + i}/ws/p2p/{peer_id}")
    assert boot_nodes == expected
