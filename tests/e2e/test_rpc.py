"""The phonebook's JSON-RPC methods on the dev chain, called with py-substrate-interface
(`rpc_request`) and raw HTTP: every method's answer, `null` for unknown ids, typed errors for
bad parameters, pages with cursors, reads at a past block, and a node that keeps answering
whatever a caller sends."""

import json
import socket
import threading
import urllib.request

import pytest
import websocket
from substrateinterface import Keypair
from substrateinterface.exceptions import SubstrateRequestException

from conftest import (
    GIB,
    RpcError,
    event,
    genesis_hash,
    included_call,
    key_message,
    register_farm,
    rpc,
    succeeded_call as ok,
)

# Alice's twin's public key is her account's own sr25519 key.
ALICE_KEY = "0x" + Keypair.create_from_uri("//Alice").public_key.hex()
INVALID_PARAMS = -32602


@pytest.fixture(scope="module")
def book(chain, alice, bob):
    """A phonebook with two twins, a public circle and a private one with the same member, a
    farm and two nodes; returns the ids, and the block hash before the farm existed."""
    ok(chain, alice, "Twins", "create_twin", {"relay": "relay.example.org", "name": "alice"})
    ok(chain, bob, "Twins", "create_twin", {"relay": None, "name": "bob"})
    alice_twin = chain.query("Twins", "TwinByAccount", [alice.ss58_address]).value
    bob_twin = chain.query("Twins", "TwinByAccount", [bob.ss58_address]).value
    proof = alice.sign(key_message(genesis_hash(chain), alice_twin, alice.public_key))
    ok(chain, alice, "Twins", "set_public_key", {
        "twin": alice_twin, "public_key": {"Sr25519": ALICE_KEY},
        "proof": {"Sr25519": "0x" + proof.hex()}})
    circles = []
    for name, visibility in [("friends", "Public"), ("secret", "Private")]:
        created = ok(chain, alice, "Circles", "create_circle", {
            "owner": alice_twin, "name": name, "description": "people I trust", "parent": None,
            "visibility": visibility, "rights": {"admin": 15, "member": 3, "viewer": 1}})
        circle = event(created, "Circles", "CircleCreated")["circle"]
        ok(chain, alice, "Circles", "invite",
           {"circle": circle, "as_twin": alice_twin, "twin": bob_twin, "role": "Member"})
        ok(chain, bob, "Circles", "accept_invitation", {"circle": circle, "as_twin": bob_twin})
        circles.append(circle)
    circle, private = circles
    before_farm = chain.get_chain_head()
    farm_created, nodes = register_farm(chain, alice, alice_twin)
    farm = event(farm_created, "Grid", "FarmCreated")["farm"]
    return {"alice": alice_twin, "bob": bob_twin, "circle": circle, "private": private,
            "farm": farm, "nodes": nodes, "before_farm": before_farm}


def call(chain, method, params):
    """A phonebook method through py-substrate-interface; raises RpcError on an error."""
    try:
        return chain.rpc_request(method, params)["result"]
    except SubstrateRequestException as error:
        raise RpcError(error.args[0]) from error


def refused(chain, method, params, code=INVALID_PARAMS):
    with pytest.raises(RpcError) as error:
        call(chain, method, params)
    assert error.value.code == code, error.value
    assert error.value.message
    return error.value.message


def test_twins_by_id_account_name_and_key(chain, alice, book):
    twin = call(chain, "phonebook_twin", [book["alice"]])
    assert twin["account"] == alice.ss58_address
    assert twin["name"] == "alice" and twin["relay"] == "relay.example.org"
    assert twin["publicKey"] == {"scheme": "sr25519", "hex": ALICE_KEY}
    assert isinstance(twin["deposit"], str) and int(twin["deposit"]) > 0
    assert call(chain, "phonebook_twinByAccount", [alice.ss58_address]) == twin
    assert call(chain, "phonebook_twinByName", ["alice"]) == twin
    assert call(chain, "phonebook_twinByKey", ["sr25519", ALICE_KEY]) == twin
    # Unknown is null, not an error.
    assert call(chain, "phonebook_twin", [9999]) is None
    assert call(chain, "phonebook_twinByName", ["nobody"]) is None
    # Bad parameters are errors that say what is wrong.
    assert "SS58" in refused(chain, "phonebook_twinByAccount", ["not-an-address"])
    assert "[a-z0-9_-]" in refused(chain, "phonebook_twinByName", ["Alice"])
    assert "scheme" in refused(chain, "phonebook_twinByKey", ["rsa", ALICE_KEY])
    # X25519 keys prove nothing and may be shared: they name no twin.
    assert "x25519" in refused(chain, "phonebook_twinByKey", ["x25519", ALICE_KEY])
    refused(chain, "phonebook_twinByKey", ["sr25519", "0x1234"])
    refused(chain, "phonebook_twin", [-1])
    refused(chain, "phonebook_twin", ["one"])


def test_a_two_number_address_resolves_whatever_its_kind(chain, book):
    circle = call(chain, "phonebook_circle", [book["circle"]])
    resolved = call(chain, "phonebook_resolve", [book["alice"], circle["record"]])
    assert resolved == {"kind": "circle", "id": book["circle"], "record": circle}
    farm = call(chain, "phonebook_farm", [book["farm"]])
    assert call(chain, "phonebook_resolve", [book["alice"], farm["record"]])["record"] == farm
    (node, node_twin) = book["nodes"][0]
    record = call(chain, "phonebook_node", [node])["record"]
    assert call(chain, "phonebook_resolve", [node_twin, record])["kind"] == "node"
    child = call(chain, "phonebook_twin", [node_twin])["parent"]
    assert call(chain, "phonebook_resolve", [child["twin"], child["record"]])["kind"] == "twin"
    (entry,) = call(chain, "phonebook_twinCircles", [book["bob"]])["items"]
    membership = call(chain, "phonebook_resolve", [book["bob"], entry["record"]])
    assert membership["kind"] == "membership" and membership["record"]["role"] == "member"
    assert call(chain, "phonebook_resolve", [book["alice"], 999]) is None


def test_no_method_shows_who_is_in_a_private_circle(chain, book):
    """Bob is a member of Alice's private circle: the membership is a record of his twin,
    but neither a listing nor his two-number address shows it."""
    records = chain.query_map("Twins", "Records", [book["bob"]])
    addresses = {value.value["key"]: key.value for key, value in records}
    private_address = addresses[book["private"]]
    assert call(chain, "phonebook_resolve", [book["bob"], private_address]) is None
    assert call(chain, "phonebook_resolve", [book["bob"], addresses[book["circle"]]]) is not None
    listed = call(chain, "phonebook_twinCircles", [book["bob"]])["items"]
    assert [entry["circle"] for entry in listed] == [book["circle"]]
    assert call(chain, "phonebook_circleMembers", [book["private"]])["items"] == []
    # Nor does asking for rights, twin after twin: a private circle's answer is null.
    assert call(chain, "phonebook_hasRight", [book["private"], book["bob"], "write"]) is None
    # The circle itself is on chain like all state.
    assert call(chain, "phonebook_circle", [book["private"]])["name"] == "secret"


def u32(number: int) -> bytes:
    return number.to_bytes(4, "little")


def state_call(chain, function: str, arguments: bytes) -> str:
    """A runtime API function called through `state_call`, as any client can: its SCALE
    answer in hex."""
    return chain.rpc_request("state_call", [function, "0x" + arguments.hex()])["result"]


def test_a_private_membership_is_hidden_on_every_path(chain, alice, book):
    """What the phonebook's methods hide, the runtime API behind them (called directly with
    `state_call`) hides too; a public sub-circle answers no right that comes down from its
    private parent; a twin's record count does not count its memberships."""
    records = chain.query_map("Twins", "Records", [book["bob"]])
    addresses = {value.value["key"]: key.value for key, value in records}
    NONE = "0x00"
    hidden, shown = (u32(book["bob"]) + u32(addresses[c]) for c in (book["private"], book["circle"]))
    assert state_call(chain, "TwinsApi_record", hidden) == NONE
    assert state_call(chain, "TwinsApi_record", shown) != NONE

    inner = event(ok(chain, alice, "Circles", "create_circle", {
        "owner": book["alice"], "name": "inner", "description": "under the secret one",
        "parent": book["private"], "visibility": "Public",
        "rights": {"admin": 15, "member": 3, "viewer": 1}}), "Circles", "CircleCreated")["circle"]
    # Bob writes there, as a member of the private parent: the chain knows, the phonebook
    # does not say, or asking twin after twin would list the private circle.
    assert call(chain, "phonebook_hasRight", [inner, book["bob"], "write"]) is None
    assert call(chain, "phonebook_hasRight", [inner, book["alice"], "write"]) is None
    write = bytes([1])  # Right::Write
    assert state_call(chain, "CirclesApi_has_right", u32(inner) + u32(book["bob"]) + write) == NONE
    answer = state_call(chain, "CirclesApi_has_right", u32(book["circle"]) + u32(book["bob"]) + write)
    assert answer == "0x0101"  # Some(true)

    # Bob holds nothing of his own: two memberships (one private) are not counted.
    assert len(addresses) == 2
    assert call(chain, "phonebook_twin", [book["bob"]])["records"] == 0


def test_circles_members_and_rights(chain, book):
    circle = call(chain, "phonebook_circle", [book["circle"]])
    assert circle["name"] == "friends" and circle["description"] == "people I trust"
    assert circle["rights"]["member"] == ["read", "write"]
    listed = call(chain, "phonebook_twinCircles", [book["bob"]])
    assert listed["next"] is None
    assert [(e["circle"], e["standing"], e["role"]) for e in listed["items"]] == [
        (book["circle"], "member", "member")]
    first = call(chain, "phonebook_circleMembers", [book["circle"], None, 1])
    assert [m["twin"] for m in first["items"]] == [book["alice"]] and first["next"] == book["alice"]
    second = call(chain, "phonebook_circleMembers", [book["circle"], first["next"], 1])
    assert [(m["twin"], m["role"]) for m in second["items"]] == [(book["bob"], "member")]
    assert call(chain, "phonebook_hasRight", [book["circle"], book["bob"], "write"]) is True
    assert call(chain, "phonebook_hasRight", [book["circle"], book["bob"], "manage"]) is False
    assert call(chain, "phonebook_circle", [777]) is None
    assert "read, write" in refused(chain, "phonebook_hasRight", [book["circle"], book["bob"], "own"])
    assert "limit" in refused(chain, "phonebook_circleMembers", [book["circle"], None, 0])
    assert "limit" in refused(chain, "phonebook_circleMembers", [book["circle"], None, 10**6])


def test_farms_nodes_and_the_search_for_capacity(chain, book):
    farm = call(chain, "phonebook_farm", [book["farm"]])
    assert farm["name"] == "Freefarm" and farm["nodes"] == 2
    assert farm["publicIps"] == [{"ip": "185.69.166.10/24", "gateway": "185.69.166.1"}]
    assert call(chain, "phonebook_farmByName", ["FREEFARM"]) == farm
    (ghent, ghent_twin), (cairo, _) = book["nodes"]
    node = call(chain, "phonebook_node", [ghent])
    assert node["location"] == {"city": "Ghent", "country": "BE", "latitude": 51.054342,
                                "longitude": 3.717424}
    assert node["interfaces"] == [{"name": "eth0", "mac": "02:00:00:00:00:01", "ips": ["10.0.0.2"]}]
    assert node["free"] == node["resources"] and node["certification"] == "diy"
    assert call(chain, "phonebook_nodeByTwin", [ghent_twin]) == node
    listed = call(chain, "phonebook_farmNodes", [book["farm"], None, 1])
    assert [n["id"] for n in listed["items"]] == [ghent] and listed["next"] == ghent
    rest = call(chain, "phonebook_farmNodes", [book["farm"], ghent, 1])
    assert [n["id"] for n in rest["items"]] == [cairo]

    def search(flt, cursor=None, limit=None):
        return call(chain, "phonebook_searchNodes", [flt, cursor, limit])

    assert [n["id"] for n in search({})["items"]] == [ghent, cairo]
    assert [n["id"] for n in search({"country": "EG"})["items"]] == [cairo]
    assert search({"certification": "certified"})["items"] == []
    assert search({"minFree": {"cores": 9}})["items"] == []
    assert [n["id"] for n in search({"minFree": {"cores": 8, "ssd": GIB}})["items"]] == [ghent, cairo]
    page = search({}, None, 1)
    assert [n["id"] for n in page["items"]] == [ghent] and page["next"] == ghent
    assert [n["id"] for n in search({}, page["next"], 1)["items"]] == [cairo]
    assert "ISO 3166-1" in refused(chain, "phonebook_searchNodes", [{"country": "XX"}])
    refused(chain, "phonebook_searchNodes", [{"colour": "red"}])
    assert call(chain, "phonebook_node", [424242]) is None


def test_reads_at_a_past_block_and_unknown_blocks(chain, book):
    assert call(chain, "phonebook_farm", [book["farm"], book["before_farm"]]) is None
    assert call(chain, "phonebook_farm", [book["farm"], None]) is not None
    unknown = "0x" + "ab" * 32
    assert "unknown block" in refused(chain, "phonebook_farm", [book["farm"], unknown], code=4001)
    refused(chain, "phonebook_farm", [book["farm"], "0x12"])


def test_custom_methods_are_listed(chain):
    methods = call(chain, "rpc_methods", [])["methods"]
    for method in ["phonebook_twin", "phonebook_resolve", "phonebook_hasRight",
                   "phonebook_searchNodes"]:
        assert method in methods


def test_metadata_carries_the_pallets_docs(chain):
    create_farm = chain.get_metadata_call_function("Grid", "create_farm").value
    assert any("farm" in line for line in create_farm["docs"])
    errors = {e.name: e.docs for e in chain.get_metadata_module("Grid").errors}
    assert any("public unicast" in line for line in errors["IpNotPublic"])
    by_name = chain.get_metadata_storage_function("Twins", "TwinByName")
    assert "name" in " ".join(by_name.docs)


def raw_http(port, body: bytes, timeout=10):
    request = urllib.request.Request(f"http://127.0.0.1:{port}", data=body,
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_whatever_a_caller_sends_the_node_answers_the_next_request(dev_node, book):
    port = dev_node.rpc_port
    status, body = raw_http(port, b'{"jsonrpc": "2.0", "id": 1, "method": ')
    assert json.loads(body)["error"]["code"] == -32700  # parse error
    status, body = raw_http(port, json.dumps(
        {"jsonrpc": "2.0", "id": 2, "method": "phonebook_nope", "params": []}).encode())
    assert json.loads(body)["error"]["code"] == -32601  # method not found
    # A request over the server's size limit (15 MiB by default) is turned away whole: HTTP
    # 413, or the connection closed before the body is read.
    huge = json.dumps({"jsonrpc": "2.0", "id": 3, "method": "phonebook_twinByName",
                       "params": ["a" * (16 * 1024 * 1024)]}).encode()
    try:
        status, _ = raw_http(port, huge, timeout=60)
        assert status == 413
    except (urllib.error.URLError, ConnectionError):
        pass
    # A long name below that limit is a typed error, not a stall.
    with pytest.raises(RpcError) as error:
        rpc(port, "phonebook_twinByName", ["a" * 100_000])
    assert error.value.code == INVALID_PARAMS
    assert rpc(port, "phonebook_twin", [book["alice"]])["name"] == "alice"


def test_many_concurrent_connections_are_served_or_turned_away(dev_node, book):
    """More WebSocket clients than the server admits (100 by default) at once: each is served
    or refused, none hangs, and the node answers afterwards."""
    url = f"ws://127.0.0.1:{dev_node.rpc_port}"
    outcomes, lock = [], threading.Lock()

    def client(index):
        try:
            ws = websocket.create_connection(url, timeout=20)
            try:
                ws.send(json.dumps({"jsonrpc": "2.0", "id": index, "method": "phonebook_twin",
                                    "params": [book["alice"]]}))
                answer = json.loads(ws.recv())
                outcome = "served" if answer["result"]["name"] == "alice" else "wrong"
            finally:
                ws.close()
        except (websocket.WebSocketException, socket.error) as error:
            outcome = f"refused: {type(error).__name__}"
        with lock:
            outcomes.append(outcome)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(150)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(outcomes) == 150, "a client hung"
    assert "wrong" not in outcomes
    assert outcomes.count("served") >= 50, outcomes
    assert rpc(dev_node.rpc_port, "phonebook_twin", [book["alice"]])["name"] == "alice"
