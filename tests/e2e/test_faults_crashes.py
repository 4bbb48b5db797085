"""Fault drills on the four-validator local testnet (drills.py), with real processes on
loopback: a crash (`kill -9`), a restart with the database kept, half the set down, and a
validator dropped for staying offline. The tests run in order on one network and each leaves
it as the next expects; the last checks that no finalised block was ever reverted.
"""

import time

import pytest

from conftest import best_number, finalized_number, rpc, wait_until
from drills import (
    DAVE,
    SESSION_SECONDS,
    advances,
    check_no_finalised_block_was_reverted,
    figure,
)

pytestmark = pytest.mark.testnet  # a multi-validator network: `net` (conftest.py)


def test_a_crashed_validator_leaves_authoring_and_finality_going(net):
    alice = net.testnet.port("Alice")
    net.before_crash = finalized_number(net.testnet.port("Dave"))
    net.testnet.run("kill", "dave")
    advances(alice, best_number, 3, 40, "blocks without Dave")
    advances(alice, finalized_number, 3, 40, "finality without Dave (3 of 4 vote)")


def test_a_restarted_validator_catches_up_with_its_database(net):
    alice, dave = net.testnet.port("Alice"), net.testnet.port("Dave")
    target = finalized_number(alice)
    started = time.monotonic()
    net.testnet.run("restart", "dave")
    assert finalized_number(dave) >= net.before_crash, "Dave restarted from its own database"
    wait_until(lambda: best_number(dave) >= target, 60, interval=0.5, what="Dave catching up")
    figure(f"catch-up after a restart: {time.monotonic() - started:.1f} s "
           f"(to finalised #{target}, from #{net.before_crash})")
    wait_until(lambda: rpc(dave, "chain_getFinalizedHead") == rpc(alice, "chain_getFinalizedHead")
               or finalized_number(dave) > target, 60, what="Dave on the common finalised head")
    # And he is a validator again, not only a follower: he authors in his Aura slots.
    wait_until(lambda: DAVE.ss58_address in net.authors(), SESSION_SECONDS * 2, interval=1,
               what="Dave authoring again after his restart")


def test_half_the_set_down_stalls_finality_and_it_recovers_by_itself(net):
    alice = net.testnet.port("Alice")
    net.testnet.run("kill", "charlie")
    net.testnet.run("kill", "dave")
    net.dave_down_since = time.monotonic()  # for good: the next drill waits for his drop
    advances(alice, best_number, 2, 60, "two blocks after the kills (votes in flight land)")
    stalled_at = finalized_number(alice)
    advances(alice, best_number, 3, 60, "authoring with two of four")
    assert finalized_number(alice) <= stalled_at + 1, "two of four cannot finalise"
    started = time.monotonic()
    net.testnet.run("restart", "charlie")
    advances(alice, finalized_number, 2, 120, "finality back with three of four")
    figure(f"finality after 2-of-4 recovery: {time.monotonic() - started:.1f} s "
           "from restarting one (no manual step)")


def test_a_validator_offline_for_the_threshold_is_dropped(net):
    """Dave has been down since the drill above killed him with Charlie (and authored after
    his earlier restart); run alone, this test kills him itself."""
    alice = net.testnet.port("Alice")
    if not hasattr(net, "dave_down_since"):
        net.testnet.run("kill", "dave")
        net.dave_down_since = time.monotonic()
    allowed = SESSION_SECONDS * 4 + 30 - (time.monotonic() - net.dave_down_since)
    wait_until(lambda: DAVE.ss58_address not in net.query("ValidatorSet", "Validators"),
               max(allowed, 1), interval=2, what="Dave dropped, four sessions after his kill")
    figure(f"offline to dropped: {time.monotonic() - net.dave_down_since:.0f} s "
           "(threshold: two sessions)")
    wait_until(lambda: DAVE.ss58_address not in net.active(), SESSION_SECONDS * 2 + 30,
               interval=2, what="Dave out of the active set")
    assert len(net.active()) == 3, "never below the minimum of three"
    advances(alice, finalized_number, 3, 60, "finality with the three left")


def test_no_finalised_block_was_ever_reverted(net):
    check_no_finalised_block_was_reverted(net)
