"""The four-validator local testnet, started by scripts/local-testnet.sh: keys inserted as a
validator would, RocksDB, and all four agreeing on an advancing finalised head."""

import json
import subprocess

import pytest

from conftest import BINARY, LocalTestnet, rpc, wait_until

VALIDATORS = ["Alice", "Bob", "Charlie", "Dave"]


@pytest.fixture
def testnet():
    with LocalTestnet() as net:
        yield net.directory, net.ports


def common_finalized_head(ports):
    """The finalised head all validators report, with its number, or None while they differ."""
    heads = {rpc(port, "chain_getFinalizedHead") for port in ports}
    if len(heads) != 1:
        return None
    (head,) = heads
    return head, int(rpc(ports[0], "chain_getHeader", [head])["number"], 16)


def test_four_validators_report_the_same_advancing_finalized_head(testnet):
    _, testnet = testnet
    wait_until(
        lambda: all(rpc(port, "system_health")["peers"] == 3 for port in testnet),
        timeout=60,
        what="every validator connected to the three others",
    )
    first = wait_until(
        lambda: (agreed := common_finalized_head(testnet)) and agreed[1] >= 2 and agreed,
        timeout=120,
        what="all four validators on one finalised head past block 2",
    )
    later = wait_until(
        lambda: (agreed := common_finalized_head(testnet)) and agreed[1] > first[1] and agreed,
        timeout=90,
        what="the common finalised head to advance",
    )
    assert later[0] != first[0]


def public_key(name: str, scheme: str) -> str:
    """The public key the node derives from `//name` in `scheme`, as hex."""
    inspected = subprocess.run(
        [str(BINARY), "key", "inspect", "--scheme", scheme, "--output-type", "json", f"//{name}"],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(inspected.stdout)["publicKey"]


def test_each_validator_has_its_keys_and_a_rocksdb_database(testnet):
    directory, ports = testnet
    for name, port in zip(VALIDATORS, ports):
        aura, grandpa = public_key(name, "sr25519"), public_key(name, "ed25519")
        assert rpc(port, "author_hasKey", [aura, "aura"]), name
        assert rpc(port, "author_hasKey", [grandpa, "gran"]), name
        # Keys of the wrong scheme are not there.
        assert not rpc(port, "author_hasKey", [grandpa, "aura"]), name
        database = directory / name.lower() / "chains" / "zerochain_local" / "db" / "full"
        assert (database / "CURRENT").is_file(), f"{name} has no RocksDB database at {database}"
        assert list(database.glob("OPTIONS-*")), f"{name}'s database is not RocksDB"
