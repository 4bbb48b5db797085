"""Fault drills on the four-validator local testnet, with real processes on loopback: crashes
(`kill -9`), restarts with the database kept, a fifth validator admitted by the council and
one removed, half the set down, and a validator dropped for staying offline. A recorder
polls every node's finalised head throughout; the last test checks that no finalised block
was ever reverted.

The tests run in order on one network (one module-scoped fixture) and each leaves it as the
next expects. The local testnet's sessions last ten blocks (a minute), a set change applies
at the second session boundary after it is made, and a validator is dropped after two
sessions without a block (docs/validators.md). Each drill prints its figure as
`reliability: ...`; `pytest -s tests/e2e/test_faults.py` shows them (docs/reliability.md).
"""

import json
import subprocess
import sys
import threading
import time

import pytest
from substrateinterface import Keypair, SubstrateInterface
from websocket import WebSocketException

from conftest import (
    BINARY,
    ROOT,
    LocalTestnet,
    RpcError,
    best_number,
    consecutive_free_ports,
    docs_code,
    finalized_number,
    rpc,
    wait_until,
)

SESSION_SECONDS = 60
EVE = Keypair.create_from_uri("//Eve")
DAVE = Keypair.create_from_uri("//Dave")


def figure(text: str):
    print(f"reliability: {text}", flush=True)


class FinalityRecorder:
    """Polls each listed node's finalised head every half second, and remembers every
    (number, hash) it saw, per node."""

    def __init__(self):
        self.ports: dict[str, int] = {}
        self.seen: dict[int, dict[str, str]] = {}
        self.conflicts: list[str] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)

    def watch(self, name: str, port: int):
        self.ports[name] = port

    def _poll(self):
        while not self._stop.is_set():
            for name, port in list(self.ports.items()):
                try:
                    head = rpc(port, "chain_getFinalizedHead", timeout=2)
                    number = int(rpc(port, "chain_getHeader", [head], timeout=2)["number"], 16)
                except (OSError, RpcError, ValueError):
                    continue  # down, or restarting: nothing to record
                for other, hash_ in self.seen.setdefault(number, {}).items():
                    if hash_ != head:
                        self.conflicts.append(f"#{number}: {name} {head} vs {other} {hash_}")
                self.seen[number][name] = head
            self._stop.wait(0.5)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *_):
        self._stop.set()
        self._thread.join()


class Network:
    """The testnet, a client on Alice's node, the recorder, and the fifth validator's dir."""

    def __init__(self, testnet: LocalTestnet, recorder: FinalityRecorder):
        self.testnet = testnet
        self.recorder = recorder
        self.alice = SubstrateInterface(url=f"ws://127.0.0.1:{testnet.port('Alice')}")
        self.eve_dir = testnet.directory / "eve"
        self.eve_port = consecutive_free_ports(3)

    def query(self, module, item, params=None):
        try:
            return self.alice.query(module, item, params or []).value
        except (OSError, WebSocketException):
            # The connection dropped while idle (a drill can take minutes): open a new one.
            self.alice.connect_websocket()
            return self.alice.query(module, item, params or []).value

    def session(self) -> int:
        return self.query("Session", "CurrentIndex")

    def active(self) -> list[str]:
        return self.query("Session", "Validators")

    def authors(self) -> list[str]:
        return self.query("ValidatorSet", "SessionAuthors")

    def wait_for_session(self, index: int, what: str):
        wait_until(lambda: self.session() >= index, SESSION_SECONDS * (index - self.session() + 1),
                   interval=1, what=what)

    def motion(self, threshold: int, module: str, call: str, params: dict, *suris: str):
        made = subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "council-motion.py"),
             f"ws://127.0.0.1:{self.testnet.port('Alice')}", str(threshold), module, call,
             json.dumps(params), *suris],
            capture_output=True, text=True, timeout=180,
        )
        assert made.returncode == 0, made.stderr + made.stdout
        return json.loads(made.stdout)


@pytest.fixture(scope="module")
def net():
    with LocalTestnet() as testnet, FinalityRecorder() as recorder:
        for name in LocalTestnet.NAMES:
            recorder.watch(name, testnet.port(name))
        network = Network(testnet, recorder)
        try:
            wait_until(lambda: finalized_number(testnet.port("Alice")) >= 2, 120,
                       what="the testnet finalising")
            yield network
        finally:
            network.alice.close()
            subprocess.run([str(ROOT / "scripts" / "validator.sh"), "stop", str(network.eve_dir)],
                           timeout=60)


def advances(port: int, measure, by: int, timeout: float, what: str) -> float:
    """Waits until `measure(port)` grows by `by`; returns the seconds it took."""
    start_value, started = measure(port), time.monotonic()
    wait_until(lambda: measure(port) >= start_value + by, timeout, interval=1, what=what)
    return time.monotonic() - started


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


def test_half_the_set_down_stalls_finality_and_it_recovers_by_itself(net):
    alice = net.testnet.port("Alice")
    net.testnet.run("kill", "charlie")
    net.testnet.run("kill", "dave")
    time.sleep(6)  # votes in flight land
    stalled_at = finalized_number(alice)
    advances(alice, best_number, 3, 60, "authoring with two of four")
    assert finalized_number(alice) <= stalled_at + 1, "two of four cannot finalise"
    started = time.monotonic()
    net.testnet.run("restart", "charlie")
    advances(alice, finalized_number, 2, 120, "finality back with three of four")
    figure(f"finality after 2-of-4 recovery: {time.monotonic() - started:.1f} s "
           "from restarting one (no manual step)")
    net.testnet.run("restart", "dave")


def test_a_validator_offline_for_the_threshold_is_dropped(net):
    alice = net.testnet.port("Alice")
    wait_until(lambda: DAVE.ss58_address in net.authors(), SESSION_SECONDS * 2, interval=1,
               what="Dave authoring again after his restart")
    started = time.monotonic()
    net.testnet.run("kill", "dave")
    wait_until(lambda: DAVE.ss58_address not in net.query("ValidatorSet", "Validators"),
               SESSION_SECONDS * 4 + 30, interval=2, what="Dave dropped")
    figure(f"offline to dropped: {time.monotonic() - started:.0f} s (threshold: two sessions)")
    wait_until(lambda: DAVE.ss58_address not in net.active(), SESSION_SECONDS * 2 + 30,
               interval=2, what="Dave out of the active set")
    assert len(net.active()) == 3, "never below the minimum of three"
    advances(alice, finalized_number, 3, 60, "finality with the three left")


def test_no_finalised_block_was_ever_reverted(net):
    recorder = net.recorder
    assert not recorder.conflicts, recorder.conflicts
    assert len(recorder.seen) > 20, "the recorder saw the drills"
    alice = net.testnet.port("Alice")
    canonical = {n: rpc(alice, "chain_getBlockHash", [n]) for n in recorder.seen}
    reverted = [
        (n, name, hash_) for n, by_node in recorder.seen.items()
        for name, hash_ in by_node.items() if canonical[n] != hash_
    ]
    figure(f"finalised blocks reverted: {len(reverted)} "
           f"(of {len(recorder.seen)} finalised heights seen on {len(recorder.ports)} nodes)")
    assert reverted == []
