"""Fixtures that run the built `zerochain` binary as child processes on free loopback ports.

Every node a test starts is stopped by the fixture that started it, whether the test passed
or failed: SIGINT first (a clean shutdown), SIGKILL if it does not stop in time.
"""

import contextlib
import json
import os
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
from substrateinterface import Keypair, SubstrateInterface

# The explorer's browser fixtures (`site`, `browser`, `open_tab`) and its phonebook (`book`),
# for the modules that open the explorer.
pytest_plugins = ["explorer_page"]

ROOT = Path(__file__).resolve().parents[2]
BINARY = Path(
    os.environ.get(
        "ZEROCHAIN_BIN",
        Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target")) / "release" / "zerochain",
    )
)

# The runtime's code as wasmtime compiled it, shared by the suite's nodes (scripts/env.sh).
WASMTIME_CACHE = os.environ.get("ZEROCHAIN_WASMTIME_CACHE_DIR")

# The smallest unit per ZERO (12 decimals).
UNITS = 10**12
GIB = 1 << 30


# Each pytest-xdist worker hands out ports from a range of its own, below the kernel's
# ephemeral range (32768 and up), so that two workers never pick the same port between one
# choosing it and its node binding it, and no outgoing connection takes one meanwhile.
PORTS_PER_WORKER = 1500
_PORT_RANGE_START = (
    12000 + int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")) * PORTS_PER_WORKER
)
_offset = 0  # where this worker's next search for a port starts, within its range


def consecutive_free_ports(count: int) -> int:
    """The first of `count` consecutive loopback ports that nothing listens on right now, from
    this worker's range; the next search starts after them."""
    global _offset
    for _ in range(PORTS_PER_WORKER):
        if _offset + count > PORTS_PER_WORKER:
            _offset = 0
        base = _PORT_RANGE_START + _offset
        if all(free_port_is(base + i) for i in range(count)):
            _offset += count
            return base
        _offset += 1
    pytest.fail(f"no run of {count} free ports left in this worker's range")


def free_port() -> int:
    """A TCP port on loopback that nothing listens on right now, from this worker's range."""
    return consecutive_free_ports(1)


def free_port_is(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False


class RpcError(Exception):
    """A JSON-RPC error answer: its code and message."""

    def __init__(self, error: dict):
        super().__init__(f"{error.get('code')}: {error.get('message')} {error.get('data', '')}")
        self.code = error.get("code")
        self.message = error.get("message")
        self.data = error.get("data")


def rpc(port: int, method: str, params=None, timeout: float = 10):
    """One JSON-RPC call over HTTP; returns the result or raises RpcError."""
    body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": method, "params": params or []})
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}",
        data=body.encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        answer = json.load(response)
    if "error" in answer:
        raise RpcError(answer["error"])
    return answer["result"]


def wait_until(condition, timeout: float, interval: float = 0.5, what: str = "condition"):
    """Polls `condition` until it returns a truthy value, which it returns; fails on timeout."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout}s waiting for {what}")
        time.sleep(interval)


class Node:
    """A `zerochain` child process with its own ports and log file."""

    def __init__(self, args, log_dir: Path, name: str = "node", rpc_port: int = None):
        if not BINARY.exists():
            pytest.fail(f"no node binary at {BINARY}: build it first (scripts/test.sh does)")
        self.rpc_port = rpc_port or free_port()
        self.prometheus_port = free_port()
        self.log_path = log_dir / f"{name}.log"
        # Its own peer-to-peer port, unless `args` says where to listen (`--listen-addr`,
        # which the node will not take with `--port`).
        p2p = [] if "--listen-addr" in args else ["--port", str(free_port())]
        self.args = [
            str(BINARY),
            *args,
            "--rpc-port", str(self.rpc_port),
            *p2p,
            "--prometheus-port", str(self.prometheus_port),
            "--no-telemetry",
            "--no-mdns",
        ]
        if WASMTIME_CACHE and "--wasmtime-cache-dir" not in args:  # as the scripts' nodes
            self.args += ["--wasmtime-cache-dir", WASMTIME_CACHE]
        self._log = open(self.log_path, "wb")
        self.process = subprocess.Popen(self.args, stdout=self._log, stderr=subprocess.STDOUT)

    def rpc(self, method, params=None):
        return rpc(self.rpc_port, method, params)

    def answers(self) -> bool:
        if self.process.poll() is not None:
            pytest.fail(f"the node exited with {self.process.returncode}; log:\n{self.log_tail()}")
        return answers(self.rpc_port)

    def wait_ready(self, timeout: float = 120):
        """Waits for the node's RPC. A node starting beside a dozen others on two cores (the
        suite's workers start networks at once) can take a minute: it compiles its runtime
        first. On a timeout the failure shows what the node logged."""
        try:
            wait_until(self.answers, timeout, what=f"the node's RPC on port {self.rpc_port}")
        except pytest.fail.Exception as timeout_error:
            if self.process.poll() is not None:
                raise  # it exited: `answers` showed its log already
            pytest.fail(f"{timeout_error}; the node's log:\n{self.log_tail()}")

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()

    def client(self) -> SubstrateInterface:
        return SubstrateInterface(url=f"ws://127.0.0.1:{self.rpc_port}")


@contextlib.contextmanager
def running_dev_node():
    """A fresh development chain (`--dev --tmp`), stopped when the block ends."""
    with tempfile.TemporaryDirectory(prefix="zerochain-dev-") as log_dir:
        node = Node(["--dev", "--tmp"], Path(log_dir), name="dev")
        try:
            node.wait_ready()
            yield node
        finally:
            node.stop()


@pytest.fixture(scope="module")
def dev_node():
    """A fresh development chain, for the tests of one module."""
    with running_dev_node() as node:
        yield node


@pytest.fixture(scope="module")
def chain(dev_node):
    """A polkadot-sdk client (py-substrate-interface) connected to the development chain."""
    client = dev_node.client()
    try:
        yield client
    finally:
        client.close()


def _development_account(name: str):
    """A session fixture: the well-known development account `//Name`, funded on the dev
    chain."""

    @pytest.fixture(scope="session", name=name.lower())
    def account():
        return Keypair.create_from_uri(f"//{name}")

    return account


alice, bob, charlie, dave, eve, ferdie = (
    _development_account(name) for name in ["Alice", "Bob", "Charlie", "Dave", "Eve", "Ferdie"]
)


@pytest.fixture(scope="module")
def net():
    """A fault drills' network (drills.py), for the tests of one module, in order."""
    from drills import drill_network  # drills.py imports this module

    with drill_network() as network:
        yield network


def isolated_local_spec(directory: Path) -> Path:
    """The local testnet's raw spec without its bootnodes, for a test's testnet on ports of its
    own: the spec names the default ports' validators (for light clients), and a testnet the
    developer runs there has the same genesis, keys and peer ids, which a test's nodes must not
    join."""
    exported = subprocess.run([str(BINARY), "export-chain-spec", "--chain", "local", "--raw"],
                              check=True, capture_output=True, text=True)
    spec = json.loads(exported.stdout)
    spec["bootNodes"] = []
    path = directory / "local-raw.json"
    path.write_text(json.dumps(spec))
    return path


class LocalTestnet:
    """The four-validator local testnet of scripts/local-testnet.sh in a temporary directory,
    on free ports; stopped (and its directory deleted) on exit. `run` drives the script
    (`restart bob`, `kill dave`, ...)."""

    SCRIPT = ROOT / "scripts" / "local-testnet.sh"
    NAMES = ["Alice", "Bob", "Charlie", "Dave"]

    def __enter__(self):
        self._directory = tempfile.TemporaryDirectory(prefix="zerochain-testnet-")
        self.directory = Path(self._directory.name)
        # The spec beside the testnet's directory, which `reset` deletes.
        self._spec_directory = tempfile.TemporaryDirectory(prefix="zerochain-testnet-spec-")
        self.env = dict(
            os.environ,
            TESTNET_DIR=str(self.directory),
            CHAIN=str(isolated_local_spec(Path(self._spec_directory.name))),
            P2P_PORT_BASE=str(consecutive_free_ports(4)),
            WS_PORT_BASE=str(consecutive_free_ports(4)),
            RPC_PORT_BASE=str(consecutive_free_ports(4)),
            PROMETHEUS_PORT_BASE=str(consecutive_free_ports(4)),
        )
        self.ports = [int(self.env["RPC_PORT_BASE"]) + i for i in range(4)]
        try:
            self.run("start", timeout=180)
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def run(self, *args, timeout=120):
        subprocess.run([str(self.SCRIPT), *args], env=self.env, check=True, timeout=timeout)

    def port(self, name: str) -> int:
        return self.ports[self.NAMES.index(name)]

    def bootnode(self) -> str:
        peer_id = subprocess.run(
            [str(BINARY), "key", "inspect-node-key", "--file",
             str(self.directory / "alice" / "node-key")],
            check=True, capture_output=True, text=True,
        ).stdout.strip()
        return f"/ip4/127.0.0.1/tcp/{self.env['P2P_PORT_BASE']}/p2p/{peer_id}"

    def __exit__(self, *_):
        try:
            subprocess.run([str(self.SCRIPT), "stop"], env=self.env, timeout=120)
        finally:
            self._directory.cleanup()
            self._spec_directory.cleanup()


def finalized_number(port: int) -> int:
    head = rpc(port, "chain_getFinalizedHead")
    return int(rpc(port, "chain_getHeader", [head])["number"], 16)


def best_number(port: int) -> int:
    return int(rpc(port, "chain_getHeader")["number"], 16)


def included_call(chain, signer, module: str, function: str, params: dict):
    """Signs a call, submits it and waits until it is in a block; returns the receipt."""
    call = chain.compose_call(module, function, params)
    extrinsic = chain.create_signed_extrinsic(call=call, keypair=signer)
    return chain.submit_extrinsic(extrinsic, wait_for_inclusion=True)


def succeeded_call(chain, signer, module: str, function: str, params: dict):
    """`included_call` for a call that must succeed; fails the test with its error if not."""
    receipt = included_call(chain, signer, module, function, params)
    assert receipt.is_success, receipt.error_message
    return receipt


def event(receipt, module: str, name: str) -> dict:
    """The attributes of the one `module.name` event a receipt holds."""
    (found,) = [
        e.value["attributes"]
        for e in receipt.triggered_events
        if e.value["module_id"] == module and e.value["event_id"] == name
    ]
    return found


def held(chain, account, pallet: str, reason: str) -> int:
    """What `account` holds for `pallet`'s hold `reason`."""
    holds = chain.query("Balances", "Holds", [account.ss58_address]).value
    return sum(h["amount"] for h in holds if h["id"] == {pallet: reason})


def register_twin(chain, signer, name=None, relay=None) -> int:
    """Creates `signer`'s top-level twin; returns its id."""
    succeeded_call(chain, signer, "Twins", "create_twin", {"relay": relay, "name": name})
    return chain.query("Twins", "TwinByAccount", [signer.ss58_address]).value


def genesis_hash(chain) -> bytes:
    return bytes.fromhex(chain.get_block_hash(0)[2:])


def doc_path(doc: str) -> Path:
    """`README.md` at the root, any other name under docs/."""
    return ROOT / doc if doc == "README.md" else ROOT / "docs" / doc


def docs_code(doc: str, name: str, language: str = "sh") -> str:
    """The code block (```language) of `docs/<doc>` (or README.md) that follows
    `<!-- snippet: name -->`, for a test to run as the docs tell a reader to."""
    text = doc_path(doc).read_text()
    after = text.split(f"<!-- snippet: {name} -->", 1)[1]
    return after.split(f"```{language}\n", 1)[1].split("```", 1)[0]


def docs_commands(doc: str, name: str) -> list:
    """The commands of a shell snippet, one per line, without their comments."""
    lines = docs_code(doc, name).replace("\\\n", " ").splitlines()
    return [line.split("  #", 1)[0].strip() for line in lines if line.strip()]


def docs_snippet(doc: str, name: str) -> dict:
    """Runs the code block of `docs/<doc>` that follows `<!-- snippet: name -->` and returns
    what it defines, so that the tests use the docs' own code and the docs cannot drift."""
    code = docs_code(doc, name, "python")
    scope: dict = {}
    exec(compile(code, f"docs/{doc}#{name}", "exec"), scope)
    return scope


SIGNED_MESSAGES = docs_snippet("phonebook.md", "signed-messages")
key_message = SIGNED_MESSAGES["key_message"]
link_message = SIGNED_MESSAGES["link_message"]


def node_spec(country: str) -> dict:
    """A grid node's description in `country`, as `Grid.create_node` takes it. The client takes
    a BoundedVec of structs wrapped in one more list."""
    return {
        "resources": {"cores": 8, "memory": 32 * GIB, "ssd": 1000 * GIB, "hdd": 0},
        "location": {"city": "Ghent", "country": list(country.encode()), "latitude": 51054342,
                     "longitude": 3717424},
        "interfaces": [[{"name": "eth0", "mac": [2, 0, 0, 0, 0, 1], "ips": [[{"V4": [10, 0, 0, 2]}]]}]],
        "secure_boot": True, "virtualised": False, "serial": None,
    }


def register_farm(chain, owner, owner_twin: int, countries=("BE", "EG")):
    """Farm "Freefarm" of `owner`'s twin, with one public IPv4 address, and a node in each of
    `countries`, each on a new child twin of the owner's: the farm's creation receipt and the
    nodes as (node, its twin)."""
    farm_created = succeeded_call(chain, owner, "Grid", "create_farm", {
        "owner": owner_twin, "name": "Freefarm", "dedicated": False,
        "ips": [[{"ip": [185, 69, 166, 10], "prefix": 24, "gateway": [185, 69, 166, 1]}]]})
    farm = event(farm_created, "Grid", "FarmCreated")["farm"]
    nodes = []
    for country in countries:
        child = succeeded_call(chain, owner, "Twins", "create_child_twin",
                               {"parent": owner_twin, "relay": None, "name": None})
        twin = event(child, "Twins", "TwinCreated")["twin"]
        created = succeeded_call(chain, owner, "Grid", "create_node",
                                 {"farm": farm, "twin": twin, "spec": node_spec(country)})
        nodes.append((event(created, "Grid", "NodeCreated")["node"], twin))
    return farm_created, nodes


# The order in which pytest-xdist hands out the test files (`--dist loadfile
# --no-loadscope-reorder`, scripts/test.sh): one file to each worker at the start, the next
# whenever a worker is down to its last test (pytest_xdist_make_scheduler). Longest first, so
# that no long file starts late and the workers run dry together (scripts/test.sh prints the
# timeline that shows it): the two drills' networks, which wait for minute-long sessions,
# then the longest of the rest; the other networks a minute or so in, once the first have
# started, since a node starting on a loaded machine is slow to answer. The files not named
# follow, in collection order.
FIRST = [
    "test_faults_membership.py",
    "test_faults_crashes.py",
    "test_explorer.py",
    "test_trust.py",
    "test_docs_snippets.py",
    "test_loadgen.py",
    # when the first of those run dry
    "test_local_testnet.py",
    "test_light_client.py",
    "test_client.py",
    "test_upgrade.py",
    "test_rpc.py",
    "test_papi.py",
    "test_grid.py",
    "test_dev_chain.py",
    "test_circles.py",
]


def pytest_xdist_make_scheduler(config, log):
    """pytest-xdist's `loadfile` scheduler, handing a worker its next file only when it is down
    to its last test (which it cannot start before it knows the test after it), not its last
    two: a drill's long second-to-last test must not hold a file that an idle worker could run.
    """
    from xdist.scheduler import LoadFileScheduling

    class NextFileAtTheLastTest(LoadFileScheduling):
        def _reschedule(self, node):
            if node.shutting_down:
                return
            if not self.workqueue:
                node.shutdown()
            elif self._pending_of(self.assigned_work[node]) <= 1:
                self._assign_work_unit(node)

    return NextFileAtTheLastTest(config, log) if config.getvalue("dist") == "loadfile" else None


# Handed out after every other file.
LAST = ["test_readme.py"]


def pytest_collection_modifyitems(items):
    def rank(item):
        name = item.path.name
        if name in LAST:
            return len(FIRST) + 1 + LAST.index(name)
        return FIRST.index(name) if name in FIRST else len(FIRST)

    items.sort(key=rank)  # stable: the tests of a file keep their order


# Where the end-to-end time went, file by file: each worker notes when it started and ended
# each file, and scripts/test.sh prints the timeline (`ZEROCHAIN_E2E_TIMELINE`, a file that
# the workers append to) to show which file held the run up.
_file_spans = {}


def pytest_runtest_logstart(nodeid, location):
    _file_spans.setdefault(location[0], [time.time(), time.time()])


def pytest_runtest_logfinish(nodeid, location):
    _file_spans[location[0]][1] = time.time()


def pytest_sessionfinish(session):
    timeline = os.environ.get("ZEROCHAIN_E2E_TIMELINE")
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not timeline or not worker:  # the controller only hears of what the workers ran
        return
    with open(timeline, "a") as out:
        out.writelines(f"{worker}\t{path}\t{start:.0f}\t{end:.0f}\n"
                       for path, (start, end) in _file_spans.items())


def answers(port: int) -> bool:
    """Whether a node's RPC answers on `port` (`urllib.error.URLError` is an `OSError`)."""
    try:
        rpc(port, "system_health")
        return True
    except (OSError, RpcError):
        return False
