"""A phonebook you need not trust: a light client (npm smoldot 3.4.1 through polkadot-api's
provider, tests/js/light-client.mjs) starts from a raw chain spec alone, whose bootnode is a
development node listening for libp2p over WebSocket, follows GRANDPA's finality over the
peer-to-peer network, and answers the phonebook's runtime APIs and storage at a finalised
block — each answer checked by the light client against that block's state root, and equal
byte for byte to what the full node answers at the same block (the runtime API calls are the
ones the node's `phonebook_*` methods serve); the twin it read from storage, decoded with the
chain's metadata, is the one `phonebook_twin` shows at that block.

The explorer's verified mode runs the same light client in the page (a Web Worker, in
Debian's Chromium): it shows the chain's records and names every answer of a lying RPC node
(lying_rpc.py) that differs from them, where the plain page believes the lie; against an
honest node every page agrees with the light client. The tests share one node and one
phonebook (explorer_page.py's `book`)."""

import json
import subprocess
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect
from scalecodec.base import ScaleBytes
from substrateinterface import Keypair

from conftest import BINARY, Node, finalized_number, free_port, wait_until
from explorer_page import WAIT_MS, content, screenshot
from lying_rpc import LyingRpc

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


def test_a_light_client_answers_the_phonebook_as_the_full_node_does(served, chain, book, alice):
    node, spec = served
    twin, circle, farm = book["alice"], book["friends"], book["farm"]
    registered = int(node.rpc("chain_getHeader")["number"], 16)
    # Final on the full node first, so that the light client's time is its own: syncing from
    # the spec and answering, not waiting for the chain.
    wait_until(lambda: finalized_number(node.rpc_port) >= registered, 60,
               what="the registrations to be final")
    name = b"alice"
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
        (alice.ss58_address, "relay.example.org", "alice")
    for field in ["account", "relay", "name", "depth", "parent"]:
        assert stored[field] == shown[field], field
    assert str(stored["deposit"]) == shown["deposit"]


# What the lying node swaps in Alice's twin: its relay, and its public key for Mallory's.
TRUE_RELAY, LYING_RELAY = b"relay.example.org", b"relay.mallory.net"
MALLORY = Keypair.create_from_uri("//Mallory")
# The light client syncs from the spec and catches up before the page shows anything.
START_MS = 120_000


def verified_tab(open_tab, spec):
    """A browser tab that fetches `/light-spec.json` as the raw spec: the page is given a chain
    spec by URL, as a reader would give it."""
    tab = open_tab()
    text = spec.read_text()
    tab.context.route(lambda url: urlparse(url).path == "/light-spec.json",
                      lambda route: route.fulfill(body=text, content_type="application/json"))
    return tab


def test_the_verified_explorer_shows_the_chain_where_a_lying_rpc_node_lies(
        served, book, alice, site, open_tab):
    node, spec = served
    swaps = {TRUE_RELAY: LYING_RELAY, alice.public_key: MALLORY.public_key}
    twin = book["alice"]
    with LyingRpc(f"ws://127.0.0.1:{node.rpc_port}", swaps) as liar:
        plain = open_tab()
        plain.goto(f"{site}?rpc={liar.url}#/twin/{twin}")
        shown = content(plain)
        expect(shown).to_contain_text(LYING_RELAY.decode(), timeout=WAIT_MS)
        expect(shown).to_contain_text("0x" + MALLORY.public_key.hex())
        assert plain.locator("#verified").count() == 0
        screenshot(plain, "lying-rpc-plain")

        tab = verified_tab(open_tab, spec)
        tab.goto(f"{site}?rpc={liar.url}&spec={site}light-spec.json#/twin/{twin}")
        expect(tab.locator("#verified")).to_contain_text("finalised block #", timeout=START_MS)
        shown = content(tab)
        expect(shown).to_contain_text(TRUE_RELAY.decode())
        expect(shown).to_contain_text("0x" + alice.public_key.hex())
        mismatch = tab.locator("#mismatch")
        expect(mismatch).to_contain_text(f"phonebook_twin({twin}): relay")
        expect(mismatch).to_contain_text(f'the node said "{LYING_RELAY.decode()}"')
        expect(mismatch).to_contain_text("publicKey.hex")
        # The twin's facts are the chain's: only the mismatch notice quotes the lie.
        facts = tab.locator("#content section").first
        expect(facts).to_contain_text(TRUE_RELAY.decode())
        expect(facts).not_to_contain_text(LYING_RELAY.decode())
        expect(facts).not_to_contain_text(MALLORY.public_key.hex())
        screenshot(tab, "lying-rpc-verified")

        # A search the node answers with its lie goes nowhere silently: the page stays to say so.
        tab.evaluate("() => { location.hash = '#/search/alice'; }")
        expect(tab.locator("#found")).to_contain_text(f"#/twin/{twin}", timeout=WAIT_MS)
        expect(tab.locator("#mismatch")).to_contain_text('phonebook_twinByName("alice"): relay')


def test_the_verified_explorer_reads_the_chain_without_a_reachable_node(served, book, site, open_tab):
    _, spec = served
    tab = verified_tab(open_tab, spec)
    gone = f"ws://127.0.0.1:{free_port()}"
    tab.goto(f"{site}?rpc={gone}&spec={site}light-spec.json#/twin/{book['alice']}")
    expect(tab.locator("#verified")).to_contain_text("finalised block #", timeout=START_MS)
    expect(tab.locator("#status")).to_contain_text("could not be reached, so no answer of it is compared")
    expect(content(tab)).to_contain_text(TRUE_RELAY.decode())
    expect(tab.locator("#unanswered")).to_contain_text(f"phonebook_twin({book['alice']})")
    assert tab.locator("#mismatch").count() == 0


def test_the_verified_explorer_agrees_with_an_honest_node_on_every_page(served, book, site, open_tab):
    """Every page computes its records from the light client's runtime calls and storage, and
    finds the node's `phonebook_*` and storage answers equal at the same block: the page's JSON
    is the node's, field for field."""
    node, spec = served
    tab = verified_tab(open_tab, spec)
    rpc = f"ws://127.0.0.1:{node.rpc_port}"
    started = time.monotonic()
    tab.goto(f"{site}?rpc={rpc}&spec={site}light-spec.json#/")
    expect(tab.locator("#verified")).to_contain_text("finalised block #", timeout=START_MS)
    print(f"the explorer's first verified page {time.monotonic() - started:.1f} s after opening it,"
          f" {tab.locator('#verified b').inner_text()}")
    expect(tab.locator("#status")).to_contain_text("Verified mode: a light client follows")
    routes = [
        "", f"twin/{book['alice']}", f"twin/{book['bob']}", f"circle/{book['friends']}",
        f"circle/{book['secret']}", f"farm/{book['farm']}", *[f"node/{n}" for n in book["nodes"]],
        f"address/{book['alice']}/{book['farm_record']}",
        f"address/{book['bob']}/{book['memberships'][book['friends']]}",
        "twins", "circles", "farms?country=BE", "nodes?country=EG", "search/alice",
    ]
    title = tab.locator("#title")
    for route in routes:
        before = title.inner_text()
        tab.evaluate("route => { location.hash = '#/' + route; }", route)
        if route:
            expect(title).not_to_have_text(before, timeout=WAIT_MS)
        expect(tab.locator("#verified")).to_contain_text("finalised block #", timeout=WAIT_MS)
        content(tab)
        assert tab.locator("#mismatch").count() == 0, \
            f"#/{route}: {tab.locator('#mismatch').inner_text()}"
        assert tab.locator("#unanswered").count() == 0, \
            f"#/{route}: {tab.locator('#unanswered').inner_text()}"
    expect(tab.locator("#title")).to_have_text(f"Twin {book['alice']} · alice")
    # The IPv6 address as the page wrote it from the runtime's bytes, equal to the node's.
    tab.evaluate("node => { location.hash = '#/node/' + node; }", book["nodes"][1])
    expect(content(tab)).to_contain_text("2a02:1802:5e::20/64", timeout=WAIT_MS)
    assert tab.locator("#mismatch").count() == 0
    tab.evaluate("twin => { location.hash = '#/twin/' + twin; }", book["alice"])
    expect(content(tab)).to_contain_text(TRUE_RELAY.decode())
    screenshot(tab, "verified")
