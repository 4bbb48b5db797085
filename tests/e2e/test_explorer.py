"""The phonebook explorer (explorer/, scripts/explorer.sh) in a real browser: Debian's
headless Chromium, driven by Playwright, against a dev chain this module fills with twins, an
entity, circles, a farm and nodes. Each page must show the chain's data; unknown searches,
wrong endpoints and a node that goes away must say so. `ZEROCHAIN_SCREENSHOTS=1` writes the
screenshots shown in docs/explorer.md to docs/explorer/ (explorer_page.py)."""

import re

import pytest
from playwright.sync_api import expect

from conftest import Node, free_port, register_twin, running_dev_node, succeeded_call as ok
from explorer_page import WAIT_MS, content, screenshot, search, section


@pytest.fixture
def page(open_tab, site, dev_node, book):
    """A browser tab on the explorer, pointed at the filled dev chain."""
    tab = open_tab()
    tab.explorer = lambda route="": tab.goto(f"{site}?rpc=ws://127.0.0.1:{dev_node.rpc_port}#/{route}")
    return tab


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
    content(page)
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
