"""The development chain authors and finalises blocks, and serves the standard RPC methods."""

import re

from conftest import Node, best_number, finalized_number, wait_until


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


def test_a_restarted_node_loads_its_runtime_from_the_wasmtime_cache(tmp_path):
    """`--wasmtime-cache-dir`: the first start leaves the runtime's compiled code in the
    directory's folder `wasmtime`; a restart of the node (its database kept, so no genesis to
    build) loads that entry instead of compiling anew."""
    cache = tmp_path / "cache"
    args = ["--dev", "--base-path", str(tmp_path / "base"), "--wasmtime-cache-dir", str(cache)]

    def modules():  # entries are named by hash; `.stats` and work files have an extension
        return [path for path in cache.glob("wasmtime/modules/*/*") if "." not in path.name]

    def usages(entry):
        stats = entry.with_name(entry.name + ".stats")
        found = stats.is_file() and re.search(r"usages = (\d+)", stats.read_text())
        return int(found.group(1)) if found else 0

    for start in ("first", "restart"):
        node = Node(args, tmp_path, name=start)
        try:
            node.wait_ready()
            wait_until(lambda: best_number(node.rpc_port) >= 1, 60, what=f"a block after the {start}")
            if start == "first":
                compiled = modules()
                assert len(compiled) == 1, f"the first start cached {compiled}"
                (entry,) = compiled
                used = usages(entry)
            else:  # wasmtime counts each load of an entry in its `.stats` file
                wait_until(lambda: usages(entry) > used, 30, what="the restart to load the entry")
        finally:
            node.stop()
