"""A phonebook you need not trust: a light client (npm smoldot 3.4.1 through polkadot-api's
provider, tests/js/light-client.mjs) starts from a raw chain spec alone, whose bootnode is a
development node listening for libp2p over WebSocket, follows GRANDPA's finality over the
peer-to-peer network, and answers the phonebook's runtime APIs and storage at a finalised
block — each answer checked by the light client against that block's state root, and equal
byte for byte to what the full node answers at the same block (the runtime API calls are the
ones the node's `phonebook_*` methods serve); the twin it read from storage, decoded with the
chain's metadata, is the one `phonebook_twin` shows at that block."""

import json
import subprocess
import tempfile
from pathlib import Path

import pytest
from scalecodec.base import ScaleBytes

from conftest import (
    BINARY,
    Node,
    event,
    finalized_number,
    free_port,
    register_farm,
    register_twin,
    succeeded_call,
    wait_until,
)

JS = Path(__file__).resolve().parents[1] / "js"
# A fixed libp2p key, so that the spec names the node by a peer id known in advance (the local
# testnet's validators have fixed keys for the same reason; a live network's are its own).
NODE_KEY = "0000000000000000000000000000000000000000000000000000000000000001"


def peer_id(key_file: Path) -> str:
    return subprocess.run([str(BINARY), "key", "inspect-node-key", "--file", str(key_file)],
                          capture_output=True, text=True, check=True).stdout.strip()


@pytest.fixture(scope="module")
def served():
    """A development node that serves light clients (`--listen-addr …/ws`), and its raw chain
    spec with that node as the bootnode: what a light client is given."""
    with tempfile.TemporaryDirectory(prefix="zerochain-light-") as directory:
        directory = Path(directory)
        key = directory / "node-key"
        key.write_text(NODE_KEY)
        ws_port = free_port()
        node = Node(["--dev", "--tmp", "--node-key-file", str(key),
                     "--listen-addr", f"/ip4/127.0.0.1/tcp/{free_port()}",
                     "--listen-addr", f"/ip4/127.0.0.1/tcp/{ws_port}/ws"], directory, name="dev")
        try:
            node.wait_ready()
            spec = json.loads(subprocess.run(
                [str(BINARY), "export-chain-spec", "--chain", "dev", "--raw"],
                capture_output=True, text=True, check=True).stdout)
            spec["bootNodes"] = [f"/ip4/127.0.0.1/tcp/{ws_port}/ws/p2p/{peer_id(key)}"]
            spec_path = directory / "dev-raw.json"
            spec_path.write_text(json.dumps(spec))
            yield node, spec_path
        finally:
            node.stop()


@pytest.fixture(scope="module")
def dev_node(served):
    return served[0]


def u32(value: int) -> str:
    return value.to_bytes(4, "little").hex()


def test_a_light_client_answers_the_phonebook_as_the_full_node_does(served, chain, alice):
    node, spec = served
    twin = register_twin(chain, alice, name="light", relay="relay.light.example")
    created = succeeded_call(chain, alice, "Circles", "create_circle", {
        "owner": twin, "name": "team", "description": "", "parent": None,
        "visibility": "Public", "rights": {"admin": 15, "member": 3, "viewer": 1}})
    circle = event(created, "Circles", "CircleCreated")["circle"]
    farm_created, _ = register_farm(chain, alice, twin)
    farm = event(farm_created, "Grid", "FarmCreated")["farm"]
    registered = int(node.rpc("chain_getHeader")["number"], 16)
    # Final on the full node first, so that the light client's time is its own: syncing from
    # the spec and answering, not waiting for the chain.
    wait_until(lambda: finalized_number(node.rpc_port) >= registered, 60,
               what="the registrations to be final")
    name = b"light"
    requests = [
        {"call": "TwinsApi_twin", "params": "0x" + u32(twin)},
        {"call": "TwinsApi_twin_by_name", "params": "0x" + bytes([len(name) * 4]).hex() + name.hex()},
        {"call": "CirclesApi_members", "params": "0x" + u32(circle) + "00" + u32(16)},
        {"call": "GridApi_farm_nodes", "params": "0x" + u32(farm) + "00" + u32(16)},
        {"storage": chain.create_storage_key("Twins", "Twins", [twin]).to_hex()},
    ]
    with tempfile.NamedTemporaryFile("w", suffix=".json") as asked:
        json.dump(requests, asked)
        asked.flush()
        done = subprocess.run(["node", "light-client.mjs", str(spec), str(registered),
                               asked.name], cwd=JS, capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["number"] >= registered
    assert node.rpc("chain_getHeader", [seen["hash"]])["number"] == hex(seen["number"]), \
        "the light client's finalised block is the full node's"
    print(f"first verified answer {seen['seconds']:.1f} s after start, at block #{seen['number']}")

    for asked, answer in zip(requests, seen["answers"]):
        if "call" in asked:
            expected = node.rpc("state_call", [asked["call"], asked["params"], seen["hash"]])
        else:
            expected = node.rpc("state_getStorage", [asked["storage"], seen["hash"]])
        assert answer == expected, f"{asked}: the light client and the full node differ"
    # The answers are the records asked for, not empty ones.
    assert seen["answers"][0].startswith("0x01") and seen["answers"][1].startswith("0x01")
    assert name.hex() in seen["answers"][0]
    assert seen["answers"][2] != "0x00" and seen["answers"][3] != "0x00"
    assert seen["answers"][4] is not None

    # What the light client read is what the phonebook RPC shows: the twin in its storage,
    # decoded with the chain's metadata, against `phonebook_twin` at the same block.
    value_type = chain.get_metadata_storage_function("Twins", "Twins").get_value_type_string()
    stored = chain.runtime_config.create_scale_object(
        value_type, data=ScaleBytes(seen["answers"][4])).decode()
    shown = node.rpc("phonebook_twin", [twin, seen["hash"]])
    assert (stored["account"], stored["relay"], stored["name"]) == \
        (alice.ss58_address, "relay.light.example", "light")
    for field in ["account", "relay", "name", "depth", "parent"]:
        assert stored[field] == shown[field], field
    assert str(stored["deposit"]) == shown["deposit"]
