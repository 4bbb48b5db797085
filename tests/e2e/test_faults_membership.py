"""The validator set changed by the council, on the four-validator local testnet (drills.py):
a fifth validator admitted by docs/validators.md's walkthrough as written, who then authors,
and removed again, who then stops. The tests run in order on one network; the last checks
that no finalised block was ever reverted.
"""

import subprocess
import sys
import time

import pytest

from conftest import ROOT, docs_code, finalized_number, rpc, wait_until
from drills import (
    EVE,
    SESSION_SECONDS,
    advances,
    check_no_finalised_block_was_reverted,
    figure,
)

pytestmark = pytest.mark.testnet  # a multi-validator network: `net` (conftest.py)


def test_the_council_admits_a_fifth_validator_who_then_authors(net):
    """Runs docs/validators.md's walkthrough as written: Eve starts a node, registers her
    session keys from it, and three councillors admit her."""
    eve_rpc = net.eve_port
    walkthrough = docs_code("validators.md", "fifth-validator")
    started = time.monotonic()
    done = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", walkthrough],
        cwd=ROOT,
        env=dict(
            net.testnet.env,
            EVE_DIR=str(net.eve_dir),
            EVE_RPC_PORT=str(eve_rpc),
            EVE_P2P_PORT=str(eve_rpc + 1),
            EVE_PROMETHEUS_PORT=str(eve_rpc + 2),
            ALICE_RPC=f"ws://127.0.0.1:{net.testnet.port('Alice')}",
            ALICE_P2P_PORT=net.testnet.env["P2P_PORT_BASE"],
            PYTHON=sys.executable,
        ),
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    net.recorder.watch("Eve", eve_rpc)
    assert '"result": {"Ok": []}' in done.stdout, done.stdout
    assert EVE.ss58_address in net.query("ValidatorSet", "Validators")
    wait_until(lambda: EVE.ss58_address in net.authors(), SESSION_SECONDS * 3 + 30, interval=1,
               what="Eve authoring a block")
    figure(f"walkthrough start to Eve's first block: {time.monotonic() - started:.0f} s "
           f"(sessions of {SESSION_SECONDS} s; admission applies at the second boundary)")
    assert EVE.ss58_address in net.active()
    # Five validators, Eve among the GRANDPA voters: finality goes on.
    advances(net.testnet.port("Alice"), finalized_number, 3, 60, "finality with five")


def test_a_removed_validator_stops_authoring(net):
    started = time.monotonic()
    passed = net.motion(3, "ValidatorSet", "remove_validator", {"who": EVE.ss58_address},
                        "//Alice", "//Bob", "//Charlie")
    assert passed["result"] == {"Ok": []}
    wait_until(lambda: EVE.ss58_address not in net.active(), SESSION_SECONDS * 3 + 30,
               interval=1, what="Eve out of the active set")
    figure(f"removal to out of the set: {time.monotonic() - started:.0f} s")
    # A whole session later, Eve (whose node still runs) has authored nothing in it.
    first_without = net.session() + 1
    net.wait_for_session(first_without + 1, "a whole session without Eve")
    # SessionAuthors lists the ongoing session; check the one that just ended at its last block.
    number = net.query("System", "Number")
    ended = rpc(net.testnet.port("Alice"), "chain_getBlockHash", [number - number % 10 - 1])
    authors = net.alice.query("ValidatorSet", "SessionAuthors", block_hash=ended).value
    assert EVE.ss58_address not in authors
    assert len(authors) >= 3, authors
    advances(net.testnet.port("Alice"), finalized_number, 3, 60, "finality with four again")


def test_no_finalised_block_was_ever_reverted(net):
    check_no_finalised_block_was_reverted(net)
