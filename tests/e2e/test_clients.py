"""@polkadot/api 16.5.6, unmodified, against the dev chain: it registers a twin, links an
entity to it with a wallet-style (`<Bytes>`-wrapped) signature of the documented link message,
transfers tokens and reads them back with nothing but the node's metadata, and calls the
phonebook RPC (tests/js/client.mjs; installed by scripts/setup.sh)."""

import json
import subprocess
from pathlib import Path

JS = Path(__file__).resolve().parents[1] / "js"


def test_polkadot_js_registers_a_twin_and_transfers(dev_node, alice):
    done = subprocess.run(
        ["node", "client.mjs", f"ws://127.0.0.1:{dev_node.rpc_port}"],
        cwd=JS, capture_output=True, text=True, timeout=180,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["ss58"] == 42
    assert seen["twinName"] == "js-client" and seen["twinRelay"] == "js.example.org"
    assert seen["twinAccount"] == alice.ss58_address == seen["alice"]
    assert seen["entityLinked"] is True
    assert seen["received"] == seen["sent"]
    assert seen["rpcTwin"]["id"] == seen["twinId"] and seen["rpcTwin"]["name"] == "js-client"
    # The pallets' doc comments reach the client through the metadata.
    assert "farm" in seen["createFarmDocs"]
    assert "farms" in seen["gridDocs"]
