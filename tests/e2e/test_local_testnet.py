"""The four-validator local testnet, started by scripts/local-testnet.sh, agrees on finality."""

import os
import socket
import subprocess
import tempfile

import pytest

from conftest import ROOT, free_port, rpc, wait_until

SCRIPT = ROOT / "scripts" / "local-testnet.sh"


def consecutive_free_ports(count: int) -> int:
    """The first of `count` consecutive free loopback ports."""
    for _ in range(50):
        base = free_port()
        if base + count < 65536 and all(
            free_port_is(base + offset) for offset in range(count)
        ):
            return base
    pytest.fail("no run of free ports found")


def free_port_is(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False


@pytest.fixture
def testnet():
    with tempfile.TemporaryDirectory(prefix="zerochain-testnet-") as directory:
        env = dict(
            os.environ,
            TESTNET_DIR=directory,
            P2P_PORT_BASE=str(consecutive_free_ports(4)),
            RPC_PORT_BASE=str(consecutive_free_ports(4)),
            PROMETHEUS_PORT_BASE=str(consecutive_free_ports(4)),
        )
        try:
            subprocess.run([str(SCRIPT), "start"], env=env, check=True, timeout=180)
            yield [int(env["RPC_PORT_BASE"]) + i for i in range(4)]
        finally:
            subprocess.run([str(SCRIPT), "stop"], env=env, timeout=120)


def common_finalized_head(ports):
    """The finalised head all validators report, with its number, or None while they differ."""
    heads = {rpc(port, "chain_getFinalizedHead") for port in ports}
    if len(heads) != 1:
        return None
    (head,) = heads
    return head, int(rpc(ports[0], "chain_getHeader", [head])["number"], 16)


def test_four_validators_report_the_same_advancing_finalized_head(testnet):
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
