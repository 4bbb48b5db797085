"""What the explorer's browser tests share (a pytest plugin of conftest.py): the explorer built and served as docs/explorer.md
says, Debian's headless Chromium driven by Playwright, tabs that fail a test on any script
error, and the phonebook the pages show (`book`). `ZEROCHAIN_SCREENSHOTS=1` writes the
screenshots shown in docs/explorer.md to docs/explorer/."""

import ipaddress
import os
import re
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright
from substrateinterface import Keypair

from conftest import (
    ROOT,
    docs_commands,
    event,
    free_port,
    genesis_hash,
    key_message,
    link_message,
    register_farm,
    register_twin,
    succeeded_call as ok,
    wait_until,
)

CHROMIUM = "/usr/bin/chromium"
# As the machine notes say: without the background-networking flags Chromium keeps dialling
# out, and this machine refuses every such connection.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
SCREENSHOTS = ROOT / "docs" / "explorer"
WAIT_MS = 20_000


@pytest.fixture(scope="module")
def site():
    """The explorer, built and served by docs/explorer.md's command as written, on a free
    port (`EXPLORER_PORT`)."""
    (command,) = docs_commands("explorer.md", "serve-explorer")
    port = free_port()
    server = subprocess.Popen(command.split(), cwd=ROOT, env={**os.environ, "EXPLORER_PORT": str(port)},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"

    def serving():
        try:
            return urllib.request.urlopen(url + "dist/explorer.js", timeout=2).status == 200
        except OSError:
            return False
    try:
        wait_until(serving, 300, what="scripts/explorer.sh to build and serve the explorer")
        yield url
    finally:
        server.terminate()
        server.wait()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def fill_book(chain, alice, bob, dave):
    """The phonebook the pages show: Alice's twin with a key, an entity that vouches for it,
    a child twin, a public circle with Bob and a sub-circle, a private circle, a farm with a
    public IP and two nodes (one certified and reporting uptime, the other reached at public
    IPv4 and IPv6 addresses and a domain)."""
    alice_twin = register_twin(chain, alice, name="alice", relay="relay.example.org")
    bob_twin = register_twin(chain, bob, name="bob")
    proof = alice.sign(key_message(genesis_hash(chain), alice_twin, alice.public_key))
    ok(chain, alice, "Twins", "set_public_key", {
        "twin": alice_twin, "public_key": {"Sr25519": "0x" + alice.public_key.hex()},
        "proof": {"Sr25519": "0x" + proof.hex()}})
    entity_key = Keypair.create_from_uri("//ExplorerEntity")
    entity = event(ok(chain, dave, "Twins", "create_entity", {
        "kind": "Company", "name": "ThreeFold NV", "country": list(b"BE"), "city": "Lochristi",
        "key": {"Sr25519": "0x" + entity_key.public_key.hex()}}), "Twins", "EntityCreated")["entity"]
    nonce = chain.query("Twins", "Entities", [entity]).value["nonce"]
    message = link_message(genesis_hash(chain), entity, alice_twin, alice.public_key, nonce)
    ok(chain, alice, "Twins", "link_entity", {
        "twin": alice_twin, "entity": entity,
        "signature": {"Sr25519": "0x" + entity_key.sign(message).hex()}})

    def circle(name, visibility, parent=None):
        created = ok(chain, alice, "Circles", "create_circle", {
            "owner": alice_twin, "name": name, "description": f"the {name} circle",
            "parent": parent, "visibility": visibility,
            "rights": {"admin": 15, "member": 3, "viewer": 1}})
        return event(created, "Circles", "CircleCreated")["circle"]

    friends = circle("friends", "Public")
    inner = circle("inner", "Public", parent=friends)
    secret = circle("secret", "Private")
    memberships = {}
    for joined in (friends, secret):
        ok(chain, alice, "Circles", "invite",
           {"circle": joined, "as_twin": alice_twin, "twin": bob_twin, "role": "Member"})
        accepted = ok(chain, bob, "Circles", "accept_invitation",
                      {"circle": joined, "as_twin": bob_twin})
        memberships[joined] = event(accepted, "Twins", "RecordAdded")["record"]
    farm_created, registered = register_farm(chain, alice, alice_twin)
    farm = event(farm_created, "Grid", "FarmCreated")["farm"]
    farm_record = event(farm_created, "Twins", "RecordAdded")["record"]
    nodes = [node for node, _ in registered]
    certify = chain.compose_call("Grid", "set_node_certification",
                                 {"node": nodes[0], "certification": "Certified"})
    ok(chain, alice, "Sudo", "sudo", {"call": certify})
    ok(chain, alice, "Grid", "report_uptime",
       {"node": nodes[0], "uptime": 3 * 86400 + 3600, "timestamp_hint": int(time.time())})
    ipv6 = [list(ipaddress.IPv6Address(a).packed) for a in ("2a02:1802:5e::20", "2a02:1802:5e::1")]
    ok(chain, alice, "Grid", "set_node_public_config", {"node": nodes[1], "public_config": {
        "ipv4": {"ip": [185, 69, 167, 20], "prefix": 24, "gateway": [185, 69, 167, 1]},
        "ipv6": {"ip": ipv6[0], "prefix": 64, "gateway": ipv6[1]},
        "domain": "node2.freefarm.example"}})
    return {"alice": alice_twin, "bob": bob_twin, "entity": entity, "friends": friends,
            "inner": inner, "secret": secret, "farm": farm, "farm_record": farm_record,
            "nodes": nodes, "memberships": memberships}


@pytest.fixture(scope="module")
def book(chain, alice, bob, dave):
    return fill_book(chain, alice, bob, dave)


@pytest.fixture
def open_tab(browser):
    """Opens browser tabs (`open_tab(width, height, is_mobile)`) that record script errors;
    fails the test if any of them had one."""
    contexts, errors = [], []

    def opened(width=1280, height=900, is_mobile=False):
        context = browser.new_context(viewport={"width": width, "height": height},
                                      is_mobile=is_mobile)
        contexts.append(context)
        tab = context.new_page()
        tab.on("pageerror", lambda error: errors.append(str(error)))
        return tab

    yield opened
    for context in contexts:
        context.close()
    assert errors == [], f"script errors in the page: {errors}"


def content(page):
    locator = page.locator("#content")
    expect(locator).not_to_have_attribute("aria-busy", "true", timeout=WAIT_MS)
    return locator


def screenshot(page, name):
    directory = SCREENSHOTS if os.environ.get("ZEROCHAIN_SCREENSHOTS") else Path(tempfile.gettempdir())
    directory.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(directory / f"{name}.png"), full_page=True)


def section(page, title):
    """The section of the page headed `title`."""
    return page.locator("section").filter(
        has=page.locator("h2", has_text=re.compile(f"^{re.escape(title)}$")))


def search(page, text):
    page.fill("#search", text)
    page.click("#search-form button")
