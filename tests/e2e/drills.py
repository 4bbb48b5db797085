"""What the fault drills share (test_faults_crashes.py, test_faults_membership.py): a
four-validator local testnet with a client on Alice's node, and a recorder that polls every
node's finalised head throughout, so that each drill file ends by checking that no finalised
block was ever reverted.

The drills run on the local testnet's own parameters, as a live network would: sessions of
ten 6-second blocks (a minute), a set change applied at the second session boundary after it
is made, and a validator dropped after two sessions without a block (docs/validators.md). The
two files take a network each, so that they can run side by side. Each drill prints its figure
as `reliability: ...`; `pytest -s` shows them (docs/reliability.md).
"""

import contextlib
import json
import subprocess
import sys
import threading
import time

from substrateinterface import Keypair, SubstrateInterface
from websocket import WebSocketException

from conftest import (
    ROOT,
    LocalTestnet,
    RpcError,
    consecutive_free_ports,
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
        self._lock = threading.Lock()  # the poller writes while a test reads
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
                with self._lock:
                    for other, hash_ in self.seen.setdefault(number, {}).items():
                        if hash_ != head:
                            self.conflicts.append(f"#{number}: {name} {head} vs {other} {hash_}")
                    self.seen[number][name] = head
            self._stop.wait(0.5)

    def snapshot(self) -> tuple[dict[int, dict[str, str]], list[str]]:
        """What it saw so far (each height's hash per node) and the conflicts among them."""
        with self._lock:
            seen = {number: dict(by_node) for number, by_node in self.seen.items()}
            return seen, list(self.conflicts)

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


@contextlib.contextmanager
def drill_network():
    """The testnet, finalising, with its recorder watching the four validators; all of it
    stopped on exit, a fifth validator's node (Eve's) included."""
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
            if network.eve_dir.exists():  # the membership drills started her node
                subprocess.run(
                    [str(ROOT / "scripts" / "validator.sh"), "stop", str(network.eve_dir)],
                    timeout=60)


def advances(port: int, measure, by: int, timeout: float, what: str) -> float:
    """Waits until `measure(port)` grows by `by`; returns the seconds it took."""
    start_value, started = measure(port), time.monotonic()
    wait_until(lambda: measure(port) >= start_value + by, timeout, interval=1, what=what)
    return time.monotonic() - started


def check_no_finalised_block_was_reverted(net: Network):
    """Every node saw one chain of finalised blocks, and it is Alice's now."""
    recorder = net.recorder
    seen, conflicts = recorder.snapshot()
    assert not conflicts, conflicts
    assert len(seen) > 20, "the recorder saw the drills"
    alice = net.testnet.port("Alice")
    canonical = {n: rpc(alice, "chain_getBlockHash", [n]) for n in seen}
    reverted = [
        (n, name, hash_) for n, by_node in seen.items()
        for name, hash_ in by_node.items() if canonical[n] != hash_
    ]
    figure(f"finalised blocks reverted: {len(reverted)} "
           f"(of {len(seen)} finalised heights seen on {len(recorder.ports)} nodes)")
    assert reverted == []
