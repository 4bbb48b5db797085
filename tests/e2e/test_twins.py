"""Registering a twin on the dev chain over RPC with a real client, as a twin would."""

from conftest import included_call


def text(value):
    """A byte string as the client returns it: text when it is UTF-8, else hex."""
    return bytes.fromhex(value[2:]).decode() if value.startswith("0x") else value


def test_register_a_twin_and_read_it_back(chain, alice):
    receipt = included_call(
        chain,
        alice,
        "Twins",
        "create_twin",
        {"relay": "relay.zero.example", "name": "alice"},
    )
    assert receipt.is_success, receipt.error_message
    created = [
        e.value["attributes"]
        for e in receipt.triggered_events
        if e.value["module_id"] == "Twins" and e.value["event_id"] == "TwinCreated"
    ]
    assert len(created) == 1
    twin_id = created[0]["twin"]

    by_account = chain.query("Twins", "TwinByAccount", [alice.ss58_address])
    assert by_account.value == twin_id
    twin = chain.query("Twins", "Twins", [twin_id]).value
    assert twin["account"] == alice.ss58_address
    assert text(twin["relay"]) == "relay.zero.example"
    assert text(twin["name"]) == "alice"
    assert twin["public_key"] is None
    assert chain.query("Twins", "TwinByName", ["alice"]).value == twin_id


def test_a_bad_relay_is_refused_with_the_pallets_error(chain, bob):
    before = chain.query("Twins", "LastTwinId").value
    receipt = included_call(
        chain,
        bob,
        "Twins",
        "create_twin",
        {"relay": "bad..relay", "name": None},
    )
    assert not receipt.is_success
    assert receipt.error_message["name"] == "InvalidRelay"
    assert receipt.error_message["type"] == "Module"
    assert chain.query("Twins", "TwinByAccount", [bob.ss58_address]).value is None
    assert chain.query("Twins", "LastTwinId").value == before


def test_a_name_just_past_the_rule_gets_the_pallets_error(chain, charlie):
    # 33 characters: one more than a name may have. The call still decodes, so the pallet
    # answers with its error instead of the pool refusing input it cannot read.
    receipt = included_call(chain, charlie, "Twins", "create_twin", {"relay": None, "name": "a" * 33})
    assert not receipt.is_success
    assert receipt.error_message["name"] == "InvalidName"
    assert chain.query("Twins", "TwinByAccount", [charlie.ss58_address]).value is None
