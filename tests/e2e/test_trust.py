"""The attacks of the trust issue, tried on the dev chain with a real client
(py-substrate-interface), each refused with the pallet's error and the state unchanged: a
squatted public key, a replayed entity vouching, invitations that would jam another twin, and
a twin transfer that would leave control and deposits behind. The signed messages are built
by the code block of docs/phonebook.md (conftest.key_message, conftest.link_message)."""

from substrateinterface import Keypair

from conftest import (
    UNITS,
    event,
    genesis_hash,
    held,
    included_call,
    key_message,
    link_message,
    register_twin,
    succeeded_call as ok,
)


def plain(scale):
    """A value the client decoded, or a tuple of them (a double map's keys), as plain data."""
    if isinstance(scale, tuple):
        return tuple(plain(part) for part in scale)
    return scale.value


def snapshot(chain, items):
    """Every entry of the storage maps `items` ((pallet, map) pairs), as plain data."""
    return [[(plain(key), plain(value)) for key, value in chain.query_map(module, item, max_results=1000)]
            for module, item in items]


def unchanged(chain, items, attack):
    """Runs `attack` and checks that the storage maps `items` are as they were."""
    before = snapshot(chain, items)
    attack()
    assert snapshot(chain, items) == before


def test_a_squatter_cannot_claim_a_published_key(chain, alice, bob):
    owner, squatter = register_twin(chain, alice), register_twin(chain, bob)
    key = Keypair.create_from_uri("//AliceTwinKey")
    proof = key.sign(key_message(genesis_hash(chain), owner, alice.public_key))
    claim = {"public_key": {"Sr25519": "0x" + key.public_key.hex()},
             "proof": {"Sr25519": "0x" + proof.hex()}}

    # The squatter saw the key and its proof and submits them first, for its own twin.
    def squat():
        receipt = included_call(chain, bob, "Twins", "set_public_key", {"twin": squatter, **claim})
        assert not receipt.is_success and receipt.error_message["name"] == "BadKeyProof"
    unchanged(chain, [("Twins", "Twins"), ("Twins", "TwinByKey")], squat)

    ok(chain, alice, "Twins", "set_public_key", {"twin": owner, **claim})
    assert chain.query("Twins", "TwinByKey", [{"Sr25519": "0x" + key.public_key.hex()}]).value == owner
    found = chain.rpc_request("phonebook_twinByKey", ["sr25519", "0x" + key.public_key.hex()])
    assert found["result"]["id"] == owner


def test_a_withdrawn_entity_link_cannot_be_replayed(chain, charlie, dave):
    twin = register_twin(chain, charlie)
    entity_key = Keypair.create_from_uri("//ZeroEntityKey")
    created = ok(chain, dave, "Twins", "create_entity", {
        "kind": "Company", "name": "ThreeFold NV", "country": list(b"BE"), "city": "Lochristi",
        "key": {"Sr25519": "0x" + entity_key.public_key.hex()}})
    entity = event(created, "Twins", "EntityCreated")["entity"]
    nonce = chain.query("Twins", "Entities", [entity]).value["nonce"]
    message = link_message(genesis_hash(chain), entity, twin, charlie.public_key, nonce)
    signature = {"Sr25519": "0x" + entity_key.sign(message).hex()}
    link = {"twin": twin, "entity": entity, "signature": signature}
    linked = ok(chain, charlie, "Twins", "link_entity", link)
    assert event(linked, "Twins", "EntityLinked") == {"entity": entity, "twin": twin}

    # The entity withdraws its vouching; the twin's controller replays the old signature.
    ok(chain, dave, "Twins", "unlink_entity", {"twin": twin, "entity": entity})
    assert chain.query("Twins", "Entities", [entity]).value["nonce"] == nonce + 1

    def replay():
        receipt = included_call(chain, charlie, "Twins", "link_entity", link)
        assert not receipt.is_success and receipt.error_message["name"] == "BadSignature"
    unchanged(chain, [("Twins", "TwinEntities"), ("Twins", "Entities")], replay)


def test_invitations_cost_the_invited_twin_nothing(chain, eve, ferdie):
    owner, guest = register_twin(chain, eve), register_twin(chain, ferdie)
    rights = {"admin": 15, "member": 3, "viewer": 1}
    circles = []
    for name, visibility in [("open-door", "Public"), ("board", "Private")]:
        created = ok(chain, eve, "Circles", "create_circle", {
            "owner": owner, "name": name, "description": "", "parent": None,
            "visibility": visibility, "rights": rights})
        circles.append(event(created, "Circles", "CircleCreated")["circle"])
    public, private = circles

    ok(chain, eve, "Circles", "invite",
       {"circle": private, "as_twin": owner, "twin": guest, "role": "Member"})
    assert chain.query("Circles", "PendingEntries", [private, guest]).value["depositor"] == eve.ss58_address
    assert held(chain, eve, "Circles", "PendingDeposit") == UNITS // 100
    # Nothing landed on the guest's twin: no record, no place among its circles.
    assert chain.query("Twins", "Twins", [guest]).value["records"] == 0
    assert chain.query("Circles", "TwinCircleCount", [guest]).value == 0

    # A private circle takes no requests to join, and the refusal changes nothing.
    def request():
        receipt = included_call(chain, ferdie, "Circles", "request_join",
                                {"circle": private, "as_twin": guest})
        assert not receipt.is_success and receipt.error_message["name"] == "InviteOnly"
    unchanged(chain, [("Circles", "PendingEntries"), ("Circles", "Circles")], request)
    ok(chain, ferdie, "Circles", "request_join", {"circle": public, "as_twin": guest})
    assert held(chain, ferdie, "Circles", "PendingDeposit") == UNITS // 100

    # Invited and requesting, the guest's twin can still go, and its deposit comes back.
    ok(chain, ferdie, "Circles", "leave", {"circle": public, "as_twin": guest})
    assert held(chain, ferdie, "Circles", "PendingDeposit") == 0
    assert held(chain, ferdie, "Twins", "TwinDeposit") == UNITS
    ok(chain, ferdie, "Twins", "delete_twin", {"twin": guest})
    assert held(chain, ferdie, "Twins", "TwinDeposit") == 0
    # Nothing outlives the twin: the chain clears the invitation in the block's idle time and
    # returns the inviter's deposit.
    assert chain.query("Circles", "PendingEntries", [private, guest]).value is None
    assert chain.query("Circles", "Departed", [guest]).value is None
    assert held(chain, eve, "Circles", "PendingDeposit") == 0


def test_a_transfer_moves_the_deposit_and_never_leaves_holdings_behind(chain, alice, bob):
    owner = chain.query("Twins", "TwinByAccount", [alice.ss58_address]).value or register_twin(chain, alice)
    created = ok(chain, alice, "Circles", "create_circle", {
        "owner": owner, "name": "family", "description": "", "parent": None,
        "visibility": "Private", "rights": {"admin": 15, "member": 3, "viewer": 1}})
    assert event(created, "Circles", "CircleCreated")["owner"] == owner

    # The twin owns a circle whose deposit is held on Alice: it does not change hands.
    def transfer_with_a_circle():
        receipt = included_call(chain, alice, "Twins", "request_transfer",
                                {"twin": owner, "to": bob.ss58_address})
        assert not receipt.is_success and receipt.error_message["name"] == "OwnsRecords"
    unchanged(chain, [("Twins", "PendingTransfers"), ("Twins", "Twins")], transfer_with_a_circle)

    # Nor does a twin with a child: the child would stay Alice's.
    child = event(ok(chain, alice, "Twins", "create_child_twin",
                     {"parent": owner, "relay": None, "name": None}), "Twins", "TwinCreated")["twin"]
    refusal = included_call(chain, alice, "Twins", "request_transfer",
                            {"twin": owner, "to": bob.ss58_address})
    assert not refusal.is_success and refusal.error_message["name"] == "HasChildren"

    # A twin without holdings moves, its deposit with it.
    alice_held = held(chain, alice, "Twins", "TwinDeposit")
    bob_held = held(chain, bob, "Twins", "TwinDeposit")
    ok(chain, alice, "Twins", "request_transfer", {"twin": child, "to": bob.ss58_address})
    # Bob places it under his own twin (or makes it his, with none): it leaves Alice's tree.
    place = chain.query("Twins", "TwinByAccount", [bob.ss58_address]).value
    moved = ok(chain, bob, "Twins", "accept_transfer", {"twin": child, "parent": place})
    transferred = event(moved, "Twins", "TwinTransferred")
    assert transferred["to"] == bob.ss58_address
    assert (transferred["parent"] or {}).get("twin") == place
    assert chain.query("Twins", "Twins", [child]).value["account"] == bob.ss58_address
    # Alice, the seller, no longer acts for it, nor asks for it back.
    for call, params in [("set_relay", {"twin": child, "relay": None}),
                         ("request_transfer", {"twin": child, "to": alice.ss58_address})]:
        refused = included_call(chain, alice, "Twins", call, params)
        assert not refused.is_success and refused.error_message["name"] == "NotTwinController"
    assert held(chain, alice, "Twins", "TwinDeposit") == alice_held - UNITS
    assert held(chain, bob, "Twins", "TwinDeposit") == bob_held + UNITS
    # The record keeps its deposit as a ticket, which clients read as the amount it holds,
    # and the metadata names the price a wallet shows before the call.
    assert chain.query("Twins", "Twins", [child]).value["deposit"] == UNITS
    assert chain.get_constant("Twins", "TwinDeposit").value == UNITS
