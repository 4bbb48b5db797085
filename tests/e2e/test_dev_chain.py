"""The development chain authors and finalises blocks, and serves the standard RPC methods."""

from conftest import best_number, finalized_number, wait_until


def test_blocks_are_imported_and_finalised_within_60_seconds(dev_node):
    first_head = dev_node.rpc("chain_getFinalizedHead")
    wait_until(
        lambda: best_number(dev_node.rpc_port) >= 3 and finalized_number(dev_node.rpc_port) >= 3,
        timeout=60,
        what="3 blocks imported and finalised",
    )
    assert dev_node.rpc("chain_getFinalizedHead") != first_head


def test_rpc_serves_legacy_and_new_spec_methods(dev_node):
    methods = set(dev_node.rpc("rpc_methods")["methods"])
    expected = {
        "system_health",
        "system_accountNextIndex",
        "chain_getFinalizedHead",
        "state_getMetadata",
        "author_submitExtrinsic",
        "payment_queryInfo",
        "grandpa_roundState",
        "chainHead_v1_follow",
        "transaction_v1_broadcast",
        "chainSpec_v1_properties",
    }
    assert expected <= methods, f"missing: {sorted(expected - methods)}"


def test_chain_announces_token_and_address_format(dev_node):
    properties = dev_node.rpc("system_properties")
    assert properties == {"ss58Format": 42, "tokenDecimals": 12, "tokenSymbol": "ZERO"}
    assert dev_node.rpc("system_chainType") == "Development"


def test_grandpa_round_state_names_the_voter_set(dev_node):
    wait_until(lambda: finalized_number(dev_node.rpc_port) >= 1, timeout=60, what="finality")
    state = dev_node.rpc("grandpa_roundState")
    assert state["setId"] == 0
    assert state["best"]["totalWeight"] == 1
