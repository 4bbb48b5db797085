#!/usr/bin/env python3
"""Fills a fresh dev chain with a small phonebook, calls every `phonebook_*` method, and writes
each request and response into docs/rpc.md between the "examples" markers, so that the
examples there come from a real run. With `--check` it writes nothing and fails if the
docs differ from what the node answers (but for the nodes' registration times): the test
suite runs it so.

    zerochain --dev --tmp --rpc-port 9944 &    # a fresh dev chain
    scripts/rpc-examples.py ws://127.0.0.1:9944 [--check]

Uses the Python client of the end-to-end tests (the venv scripts/setup.sh makes).
"""

import difflib
import json
import re
import sys
import urllib.request
from pathlib import Path

from substrateinterface import Keypair, SubstrateInterface

GIB = 1 << 30
DOCS = Path(__file__).resolve().parents[1] / "docs" / "rpc.md"


def comparable(text: str) -> str:
    """The examples without what differs from run to run: when the node registered."""
    return re.sub(r'"created": \d+', '"created": 0', text)


def main(url: str, check: bool):
    chain = SubstrateInterface(url=url)
    http = url.replace("ws://", "http://")
    alice, bob = Keypair.create_from_uri("//Alice"), Keypair.create_from_uri("//Bob")

    def submit(signer, module, function, params):
        call = chain.compose_call(module, function, params)
        receipt = chain.submit_extrinsic(
            chain.create_signed_extrinsic(call=call, keypair=signer), wait_for_inclusion=True)
        assert receipt.is_success, receipt.error_message
        return receipt

    submit(alice, "Twins", "create_twin", {"relay": "relay.example.org", "name": "alice"})
    submit(bob, "Twins", "create_twin", {"relay": None, "name": "bob"})
    # Alice's twin's key is her account's key, proven by its signature of the key message
    # (docs/phonebook.md): the context, the genesis hash, the twin id, the account.
    genesis = bytes.fromhex(chain.get_block_hash(0)[2:])
    message = b"zerochain:twin-public-key" + genesis + (1).to_bytes(4, "little") + alice.public_key
    submit(alice, "Twins", "set_public_key", {
        "twin": 1, "public_key": {"Sr25519": "0x" + alice.public_key.hex()},
        "proof": {"Sr25519": "0x" + alice.sign(message).hex()}})
    submit(alice, "Circles", "create_circle", {
        "owner": 1, "name": "friends", "description": "people I trust", "parent": None,
        "visibility": "Public", "rights": {"admin": 15, "member": 3, "viewer": 1}})
    submit(alice, "Circles", "invite", {"circle": 1, "as_twin": 1, "twin": 2, "role": "Member"})
    submit(bob, "Circles", "accept_invitation", {"circle": 1, "as_twin": 2})
    submit(alice, "Grid", "create_farm", {
        "owner": 1, "name": "Freefarm", "dedicated": False,
        "ips": [[{"ip": [185, 69, 166, 10], "prefix": 24, "gateway": [185, 69, 166, 1]}]]})
    submit(alice, "Twins", "create_child_twin", {"parent": 1, "relay": None, "name": None})
    submit(alice, "Grid", "create_node", {"farm": 1, "twin": 3, "spec": {
        "resources": {"cores": 8, "memory": 32 * GIB, "ssd": 1000 * GIB, "hdd": 4000 * GIB},
        "location": {"city": "Ghent", "country": list(b"BE"), "latitude": 51054342,
                     "longitude": 3717424},
        "interfaces": [[{"name": "eth0", "mac": [2, 0x42, 0xac, 0x11, 0, 2],
                         "ips": [[{"V4": [10, 0, 0, 2]}]]}]],
        "secure_boot": True, "virtualised": False, "serial": "SN-0001"}})

    calls = [
        ("phonebook_twin", [1]),
        ("phonebook_twins", [None, 2]),
        ("phonebook_twinByAccount", [alice.ss58_address]),
        ("phonebook_twinByName", ["bob"]),
        ("phonebook_twinByKey", ["sr25519", "0x" + alice.public_key.hex()]),
        ("phonebook_resolve", [1, 2]),
        ("phonebook_circle", [1]),
        ("phonebook_circles", []),
        ("phonebook_twinCircles", [2]),
        ("phonebook_circleMembers", [1, None, 1]),
        ("phonebook_hasRight", [1, 2, "write"]),
        ("phonebook_farm", [1]),
        ("phonebook_farmByName", ["freefarm"]),
        ("phonebook_farms", [{"country": "BE"}]),
        ("phonebook_node", [1]),
        ("phonebook_nodeByTwin", [3]),
        ("phonebook_farmNodes", [1]),
        ("phonebook_searchNodes", [{"country": "BE", "minFree": {"cores": 4}}, None, 10]),
        ("phonebook_totals", []),
        ("phonebook_twin", [99]),
        ("phonebook_twinByName", ["Alice"]),
        ("phonebook_farmNodes", [1, None, 1000]),
    ]
    sections = []
    for method, params in calls:
        request = {"jsonrpc": "2.0", "id": 1, "method": method, "params": params}
        body = json.dumps(request).encode()
        answer = urllib.request.urlopen(urllib.request.Request(
            http, data=body, headers={"Content-Type": "application/json"}), timeout=10)
        response = json.load(answer)
        sections.append(
            f"#### `{method}`\n```json\n{json.dumps(request)}\n```\n"
            f"```json\n{json.dumps(response, indent=1)}\n```\n")
    text = DOCS.read_text()
    examples = "\n".join(sections)
    updated = re.sub(r"(<!-- examples -->\n).*(<!-- /examples -->)",
                     lambda m: m.group(1) + examples + m.group(2), text, flags=re.S)
    if check:
        if comparable(updated) != comparable(text):
            sys.stdout.writelines(difflib.unified_diff(
                comparable(text).splitlines(True), comparable(updated).splitlines(True),
                "docs/rpc.md", "what the node answers"))
            sys.exit(f"docs/rpc.md's examples are not what the node answers: rerun {sys.argv[0]}")
        print(f"{len(calls)} examples in {DOCS} are what the node answers")
        return
    DOCS.write_text(updated)
    print(f"{len(calls)} examples written to {DOCS}")


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if a != "--check"]
    main(arguments[0] if arguments else "ws://127.0.0.1:9944", "--check" in sys.argv[1:])
