"""A live network's chain spec, made from a network file by scripts/live-chain-spec.py,
boots a chain with exactly the validators, council and balances the file names, and no sudo
key unless it names one."""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from substrateinterface.utils.ss58 import ss58_decode

from conftest import BINARY, ROOT, Node, finalized_number, wait_until

EXAMPLE = ROOT / "chain-specs" / "live.example.json"
SCRIPT = ROOT / "scripts" / "live-chain-spec.py"


def make_spec(network: dict, out_dir: Path) -> subprocess.CompletedProcess:
    network_file = out_dir / "network.json"
    network_file.write_text(json.dumps(network))
    return subprocess.run(
        [sys.executable, str(SCRIPT), str(network_file), str(out_dir)],
        env={**os.environ, "ZEROCHAIN_BIN": str(BINARY)},
        capture_output=True,
        text=True,
    )


def test_example_network_boots_with_its_own_genesis():
    network = json.loads(EXAMPLE.read_text())
    with tempfile.TemporaryDirectory(prefix="zerochain-live-") as directory:
        out_dir = Path(directory)
        made = make_spec(network, out_dir)
        assert made.returncode == 0, made.stderr
        raw = out_dir / f"{network['id']}-raw.json"
        spec = json.loads(raw.read_text())
        assert spec["chainType"] == "Live"
        assert spec["properties"] == {"ss58Format": 42, "tokenDecimals": 12, "tokenSymbol": "ZERO"}

        # A validator of a live chain brings its own network key, as docs/chain.md says.
        node_key = out_dir / "node-key"
        subprocess.run(
            [str(BINARY), "key", "generate-node-key", "--file", str(node_key)],
            check=True,
            capture_output=True,
        )
        # The file's one validator is //Alice: `--alice` puts her keys in the keystore.
        node = Node(
            ["--chain", str(raw), "--alice", "--tmp", "--node-key-file", str(node_key)],
            out_dir,
            name="live",
        )
        try:
            node.wait_ready()
            assert node.rpc("system_chain") == network["name"]
            wait_until(lambda: finalized_number(node.rpc_port) >= 2, 60, what="finality")
            client = node.client()
            try:
                for account, amount in network["balances"]:
                    info = client.query("System", "Account", [account])
                    assert info.value["data"]["free"] == amount
                assert client.query("Sudo", "Key").value is None, "governed by its council"
                members = client.query("Council", "Members").value
                assert sorted(members) == sorted(network["council"])
                aura = client.query("Aura", "Authorities").value
                assert aura == ["0x" + ss58_decode(v["aura"]) for v in network["validators"]]
                accounts = client.query("ValidatorSet", "Validators").value
                assert accounts == [v["account"] for v in network["validators"]]
                assert client.query("ValidatorSet", "SessionBlocks").value == 600
            finally:
                client.close()
        finally:
            node.stop()


@pytest.mark.parametrize(
    "change, complaint",
    [
        (lambda n: n.pop("council"), "lacks council"),
        (lambda n: n.update(council=n["council"][:2]), "a council of at least 3 distinct"),
        (lambda n: n.update(validators=[]), "at least one validator"),
        (lambda n: n.update(minValidators=2), "more than the 1 validators"),
        (lambda n: n["validators"][0].update(grandpa="not-an-address"), "refused the genesis"),
        (lambda n: n.update(balances=[["5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY", -1]]),
         "non-negative integer"),
    ],
    ids=["no-council", "council-of-two", "no-validator", "minimum-too-high", "bad-key",
         "negative-balance"],
)
def test_a_bad_network_file_is_refused_with_a_reason(change, complaint):
    network = json.loads(EXAMPLE.read_text())
    change(network)
    with tempfile.TemporaryDirectory(prefix="zerochain-live-") as directory:
        made = make_spec(network, Path(directory))
        assert made.returncode != 0
        assert complaint in made.stderr
        assert not (Path(directory) / f"{network['id']}-raw.json").exists()
