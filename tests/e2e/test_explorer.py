"""The phonebook explorer (explorer/, scripts/explorer.sh) in a real browser: Debian's
headless Chromium, driven by Playwright, against a dev chain this module fills with twins, an
entity, circles, a farm and nodes. Each page must show the chain's data; unknown searches,
wrong endpoints and a node that goes away must say so. `ZEROCHAIN_SCREENSHOTS=1` writes the
screenshots shown in docs/explorer.md to docs/explorer/."""

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
    Node,
    docs_commands,
    event,
    free_port,
    genesis_hash,
    key_message,
    link_message,
    register_farm,
    register_twin,
    running_dev_node,
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


@pytest.fixture(scope="module")
def book(chain, alice, bob, dave):
    """The phonebook the pages show: Alice's twin with a key, an entity that vouches for it,
    a child twin, a public circle with Bob and a sub-circle, a private circle, a farm with a
    public IP and two nodes (one certified, one reporting uptime)."""
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
    return {"alice": alice_twin, "bob": bob_twin, "entity": entity, "friends": friends,
            "inner": inner, "secret": secret, "farm": farm, "farm_record": farm_record,
            "nodes": nodes, "memberships": memberships}


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


@pytest.fixture
def page(open_tab, site, dev_node, book):
    """A browser tab on the explorer, pointed at the filled dev chain."""
    tab = open_tab()
    tab.explorer = lambda route="": tab.goto(f"{site}?rpc=ws://127.0.0.1:{dev_node.rpc_port}#/{route}")
    return tab


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


def test_the_overview_shows_the_grid_by_country(page, book):
    page.explorer()
    expect(page.locator("#status")).to_contain_text("Connected to Zero Chain Development", timeout=WAIT_MS)
    totals = content(page).locator("#totals")
    expect(totals).to_contain_text("Farms")
    cards = {label: value for value, label in
             re.findall(r"(\d+)\n?(Twins|Circles|Farms|Nodes|Certified nodes|DIY nodes)",
                        totals.inner_text())}
    assert cards["Farms"] == "1" and cards["Nodes"] == "2"
    assert cards["Certified nodes"] == "1" and cards["DIY nodes"] == "1"
    assert int(cards["Twins"]) >= 4 and int(cards["Circles"]) >= 3
    rows = page.locator("table.list tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text("BE")
    expect(rows.nth(1)).to_contain_text("EG")
    expect(content(page)).to_contain_text("16 cores")
    expect(page.locator("#finalized")).to_have_text(re.compile(r"#\d+"), timeout=WAIT_MS)
    screenshot(page, "overview")


def test_a_twin_is_found_by_name_id_account_and_key(page, book, alice):
    page.explorer()
    content(page)
    for query in ["alice", str(book["alice"]), alice.ss58_address, "0x" + alice.public_key.hex()]:
        search(page, query)
        expect(page.locator("#title")).to_have_text(f"Twin {book['alice']} · alice", timeout=WAIT_MS)
    twin = content(page)
    expect(twin).to_contain_text("relay.example.org")
    expect(twin).to_contain_text("0x" + alice.public_key.hex())
    expect(twin).to_contain_text("ThreeFold NV")
    expect(section(page, "Entities")).to_contain_text("BE")
    expect(section(page, "Circles it owns").locator("a", has_text="circle")).to_have_count(3)
    expect(section(page, "Child twins").locator("tbody tr")).to_have_count(2)
    expect(section(page, "Farms")).to_contain_text(f"farm {book['farm']}")
    screenshot(page, "twin")


def test_a_search_for_what_is_not_there_says_so(page):
    page.explorer()
    content(page)
    search(page, "nobody-here")
    expect(page.locator("#no-match")).to_contain_text("Nothing matches “nobody-here”", timeout=WAIT_MS)
    # Polkadot's address of Alice's key: another network's, which no twin here can have.
    search(page, "15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5")
    expect(page.locator("#no-match")).to_contain_text("Nothing matches", timeout=WAIT_MS)
    page.explorer("twin/4242")
    expect(content(page)).to_contain_text("No twin 4242 on this chain.")


def test_a_circle_shows_its_members_rights_and_sub_circles_but_a_private_one_hides_them(page, book):
    page.explorer(f"circle/{book['friends']}")
    circle = content(page)
    expect(page.locator("#title")).to_have_text(f"Circle {book['friends']} · friends")
    expect(section(page, "Members")).to_contain_text(f"twin {book['bob']}")
    expect(section(page, "Sub-circles")).to_contain_text("inner")
    expect(section(page, "Rights by role")).to_contain_text("read, write, invite, manage")
    screenshot(page, "circle")
    page.explorer(f"circle/{book['secret']}")
    expect(content(page)).to_contain_text("does not list who is in it")
    expect(content(page)).not_to_contain_text(f"twin {book['bob']}")
    # Bob's own page lists the public circle, not the private one.
    page.explorer(f"twin/{book['bob']}")
    circles = section(page, "Public circles it is in")
    expect(circles).to_contain_text(f"circle {book['friends']}")
    expect(circles).not_to_contain_text(f"circle {book['secret']}")


def test_a_farm_and_its_nodes(page, book):
    page.explorer()
    content(page)
    search(page, "freefarm")
    expect(page.locator("#title")).to_have_text(f"Farm {book['farm']} · Freefarm", timeout=WAIT_MS)
    farm = content(page)
    expect(farm).to_contain_text("185.69.166.10/24")
    expect(farm).to_contain_text("BE (1), EG (1)")
    expect(section(page, "Nodes").locator("tbody tr")).to_have_count(2)
    screenshot(page, "farm")
    page.click(f"text=node {book['nodes'][0]}")
    expect(page.locator("#title")).to_have_text(f"Node {book['nodes'][0]}", timeout=WAIT_MS)
    node = content(page)
    expect(node).to_contain_text("8 cores · 32.0 GiB memory · 1000.0 GiB SSD")
    expect(node).to_contain_text("Ghent, BE")
    expect(node).to_contain_text("02:00:00:00:00:01")
    expect(node).to_contain_text("3 d 1 h 0 min")
    expect(node).to_contain_text("certified")
    screenshot(page, "node")
    page.explorer("farms?country=EG")
    expect(content(page).locator("tbody tr")).to_have_count(1)
    page.explorer("farms?country=FR")
    expect(content(page)).to_contain_text("No farm has a node in FR.")


def test_a_two_number_address_resolves(page, book):
    page.explorer()
    content(page)
    search(page, f"{book['alice']}.{book['farm_record']}")
    expect(page.locator("#title")).to_have_text(f"Address {book['alice']}.{book['farm_record']}", timeout=WAIT_MS)
    expect(content(page)).to_contain_text(f"farm {book['farm']}")
    page.explorer(f"address/{book['bob']}/{book['memberships'][book['friends']]}")
    expect(content(page)).to_contain_text(f"membership of circle {book['friends']} (member, member)")
    # Bob's membership of the private circle is not pointed at, as an unknown address.
    page.explorer(f"address/{book['bob']}/{book['memberships'][book['secret']]}")
    expect(content(page)).to_contain_text("Nothing at address")
    page.explorer(f"address/{book['alice']}/999")
    expect(content(page)).to_contain_text(f"Nothing at address {book['alice']}.999")


def test_new_twins_and_blocks_appear_without_reloading(page, chain, charlie):
    page.explorer()
    twins = content(page).locator(".card", has_text="Twins").locator(".value")
    before = int(twins.inner_text())
    first_block = page.locator("#finalized").inner_text()
    register_twin(chain, charlie, name="charlie")
    expect(page.locator("#feed")).to_contain_text("twins.TwinCreated", timeout=WAIT_MS)
    expect(twins).to_have_text(str(before + 1), timeout=WAIT_MS)
    assert page.locator("#finalized").inner_text() != first_block


def test_the_feed_names_nobody_in_a_private_circle(page, chain, alice, ferdie, book):
    page.explorer()
    guest = register_twin(chain, ferdie)
    ok(chain, alice, "Circles", "invite",
       {"circle": book["secret"], "as_twin": book["alice"], "twin": guest, "role": "Member"})
    ok(chain, ferdie, "Circles", "accept_invitation", {"circle": book["secret"], "as_twin": guest})
    feed = page.locator("#feed")
    accepted = feed.locator("li", has_text="circles.InvitationAccepted")
    expect(accepted).to_contain_text(f"circle: {book['secret']}", timeout=WAIT_MS)
    expect(accepted).to_contain_text("twin: (private circle)")
    invited = feed.locator("li", has_text="circles.Invited")
    expect(invited).to_contain_text("by: (private circle)")
    # The membership's record, added to the guest's twin, names no twin either; nor, when the
    # guest leaves, does its removal.
    membership = f'"key":"{book["secret"]}"'
    recorded = feed.locator("li", has_text="twins.RecordAdded").filter(has_text=membership)
    expect(recorded).to_contain_text("twin: (private circle)")
    ok(chain, ferdie, "Circles", "leave", {"circle": book["secret"], "as_twin": guest})
    left = feed.locator("li", has_text="circles.Left")
    expect(left).to_contain_text("twin: (private circle)", timeout=WAIT_MS)
    removed = feed.locator("li", has_text="twins.RecordRemoved")
    expect(removed).to_contain_text("twin: (private circle)")
    for item in (accepted, invited, recorded, left, removed):
        assert f'href="#/twin/{guest}"' not in item.inner_html()
    # The twin's own creation is public: it was no member of anything then.
    expect(feed.locator("li", has_text="twins.TwinCreated").first).to_contain_text(f"twin: {guest}")


def test_the_listings_show_every_kind(page, book):
    page.explorer("twins")
    expect(page.locator("#title")).to_have_text("Twins")
    expect(content(page).locator("tbody tr").first).to_contain_text("alice")
    page.explorer("circles")
    expect(page.locator("#title")).to_have_text("Circles")
    for name in ("friends", "inner", "secret"):
        expect(content(page)).to_contain_text(name)
    page.explorer("farms")
    expect(content(page).locator("tbody tr")).to_have_count(1)
    expect(content(page)).to_contain_text("Freefarm")
    page.explorer("nodes?country=BE")
    expect(page.locator("#title")).to_have_text("Nodes in BE")
    expect(content(page).locator("tbody tr")).to_have_count(1)
    page.explorer("nodes")
    expect(content(page).locator("tbody tr")).to_have_count(2)


def test_a_phone_sized_screen_shows_the_page_without_sideways_scrolling(open_tab, site, dev_node, book):
    phone = open_tab(390, 844, is_mobile=True)
    phone.goto(f"{site}?rpc=ws://127.0.0.1:{dev_node.rpc_port}#/twin/{book['alice']}")
    expect(phone.locator("#title")).to_have_text(f"Twin {book['alice']} · alice", timeout=WAIT_MS)
    content(phone)
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page is {width} px wide on a 390 px screen"
    screenshot(phone, "twin-phone")


def test_a_wrong_endpoint_gives_a_clear_message(open_tab, site):
    tab = open_tab()
    tab.goto(f"{site}?rpc=ws://127.0.0.1:{free_port()}")
    expect(tab.locator("#connect-error")).to_contain_text("Cannot reach a Zero Chain node at ws://127.0.0.1:", timeout=WAIT_MS)
    tab.goto(f"{site}?rpc=localhost:9944")
    expect(tab.locator("#connect-error")).to_contain_text("not a WebSocket address", timeout=WAIT_MS)


def test_a_node_that_goes_down_is_reported_and_found_again(open_tab, site, tmp_path):
    tab = open_tab()
    with running_dev_node() as node:
        port = node.rpc_port
        tab.goto(f"{site}?rpc=ws://127.0.0.1:{port}")
        expect(tab.locator("#status")).to_contain_text("Connected to Zero Chain Development", timeout=WAIT_MS)
        node.stop()
        expect(tab.locator("#status")).to_contain_text("Lost the connection", timeout=WAIT_MS)
    # The node is back on the same port (a new dev chain): the page reconnects by itself.
    again = Node(["--dev", "--tmp"], tmp_path, name="again", rpc_port=port)
    try:
        again.wait_ready()
        expect(tab.locator("#status")).to_contain_text("Connected again", timeout=WAIT_MS)
    finally:
        again.stop()
