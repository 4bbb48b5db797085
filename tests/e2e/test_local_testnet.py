"""The four-validator local testnet, started by scripts/local-testnet.sh: keys inserted as a
validator would, RocksDB, and all four agreeing on an advancing finalised head."""

import json
import os
import signal
import subprocess

import pytest

from conftest import (
    BINARY,
    ROOT,
    LocalTestnet,
    answers,
    docs_commands,
    finalized_number,
    free_port,
    isolated_local_spec,
    rpc,
    wait_until,
)

pytestmark = pytest.mark.testnet  # a multi-validator network

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
        # It serves light clients: libp2p over WebSocket too, under the peer id of its fixed
        # network key, which chain-specs/local.json names (test_chain_specs.py).
        assert any("/ws/p2p/" in address
                   for address in rpc(port, "system_localListenAddresses")), name
        key = directory / name.lower() / "node-key"
        assert key.read_text() == f"{VALIDATORS.index(name) + 1:064x}", name
        peer_id = subprocess.run([str(BINARY), "key", "inspect-node-key", "--file", str(key)],
                                 check=True, capture_output=True, text=True).stdout.strip()
        assert rpc(port, "system_localPeerId") == peer_id, name
        database = directory / name.lower() / "chains" / "zerochain_local" / "db" / "full"
        assert (database / "CURRENT").is_file(), f"{name} has no RocksDB database at {database}"
        assert list(database.glob("OPTIONS-*")), f"{name}'s database is not RocksDB"


def test_the_rust_client_works_through_a_light_client_of_the_testnet(testnet, tmp_path):
    """zerochain-client's example program through subxt's light client alone, given the
    testnet's raw spec with its validators' WebSocket addresses as the bootnodes
    (chain-specs/local-raw.json names those of the default ports): it registers Ferdie's twin
    and proves its key (transactions through the light client), sees a second one refused by
    name, and reads the twin back through the runtime APIs at finalised blocks, checked
    against their state roots; the validators agree."""
    _, ports = testnet
    wait_until(lambda: finalized_number(ports[0]) >= 1, 120, what="a first finalised block")
    spec_path = isolated_local_spec(tmp_path)
    spec = json.loads(spec_path.read_text())
    spec["bootNodes"] = [address for port in ports for address in rpc(port, "system_localListenAddresses")
                         if "/ws/p2p/" in address and address.startswith("/ip4/127.0.0.1/")]
    assert len(spec["bootNodes"]) == 4
    spec_path.write_text(json.dumps(spec))
    example = BINARY.parent / "zerochain-client-example"
    done = subprocess.run([str(example), "--chain-spec", str(spec_path), "--signer", "//Ferdie",
                           "--name", "lighty", "--blocks", "1"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"{done.stdout}\n{done.stderr}"
    lines = done.stdout.splitlines()
    assert f"connected: genesis {rpc(ports[0], 'chain_getBlockHash', [0])}" in lines
    (twin,) = [int(line.split()[-1]) for line in lines if line.startswith("registered twin ")]
    assert "a second twin: refused: Twins::AccountHasTwin" in lines
    assert f"by account: twin {twin}; by name: twin {twin}" in lines
    assert any(line.startswith(f"twin {twin}: ") and "name lighty, relay relay.rusty.example" in line
               for line in lines), lines
    assert any(line.strip().startswith(f"Twins(TwinCreated {{ twin: {twin},") for line in lines), lines
    # What the light client wrote, the validators hold.
    found = rpc(ports[1], "phonebook_twinByName", ["lighty"])
    assert found["id"] == twin and found["relay"] == "relay.rusty.example" and found["publicKey"]


def test_a_validator_started_by_the_script_serves_light_clients(tmp_path):
    """`scripts/validator.sh start` without listening arguments listens for peers on TCP and
    for light clients on WebSocket, on P2P_PORT and WS_PORT, under the network key it made."""
    ports = {"P2P_PORT": free_port(), "WS_PORT": free_port()}
    rpc_port = free_port()
    script = ROOT / "scripts" / "validator.sh"
    directory = tmp_path / "validator"
    env = {**os.environ, **{name: str(port) for name, port in ports.items()}}
    subprocess.run([str(script), "start", str(directory), str(isolated_local_spec(tmp_path)),
                    "--rpc-port", str(rpc_port), "--no-mdns", "--no-prometheus"],
                   env=env, check=True, capture_output=True, timeout=30)
    try:
        wait_until(lambda: answers(rpc_port), 60, what="the validator's RPC")
        addresses = rpc(rpc_port, "system_localListenAddresses")
        peer_id = rpc(rpc_port, "system_localPeerId")
        assert any(f"/tcp/{ports['P2P_PORT']}/p2p/{peer_id}" in a for a in addresses), addresses
        assert any(f"/tcp/{ports['WS_PORT']}/ws/p2p/{peer_id}" in a for a in addresses), addresses
    finally:
        subprocess.run([str(script), "stop", str(directory)], check=True, capture_output=True,
                       timeout=30)


def answering(ports) -> list:
    """The ports whose node answers."""
    return [port for port in ports if answers(port)]


def test_the_documented_commands_drive_the_testnet():
    """README.md's and docs/validators.md's local-testnet commands, run as written (the
    testnet in a temporary directory, on free ports, through the script's settings)."""
    with LocalTestnet() as net:  # started, as `scripts/local-testnet.sh start` does
        net.run("stop")
        ports = net.ports
        alice, bob, dave = ports[0], net.port("Bob"), net.port("Dave")
        expected = {
            "scripts/local-testnet.sh": ports,  # runs until Ctrl-C: checked before it
            "scripts/local-testnet.sh start": ports,
            "scripts/local-testnet.sh stop": [],
            "scripts/local-testnet.sh restart bob": [bob],
            "scripts/local-testnet.sh kill bob": [],
            "scripts/local-testnet.sh kill dave": [alice, bob, net.port("Charlie")],
            "scripts/local-testnet.sh restart dave": ports,
            "scripts/local-testnet.sh reset": [],
        }
        commands = (docs_commands("README.md", "local-testnet")
                    + docs_commands("validators.md", "drill-ground"))
        assert set(commands) <= set(expected), commands
        for command in commands:
            if command == "scripts/local-testnet.sh":
                # As at a terminal: SIGINT delivered, whatever the test runner inherited (a
                # runner started in the background has it ignored, and so would the script).
                foreground = subprocess.Popen(
                    command.split(), cwd=ROOT, env=net.env, stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
                wait_until(lambda: answering(ports) == ports, 120, what="all four, in the foreground")
                foreground.send_signal(signal.SIGINT)  # Ctrl-C
                assert foreground.wait(timeout=120) == 0
                assert answering(ports) == [], "Ctrl-C stopped them all"
                continue
            subprocess.run(command.split(), cwd=ROOT, env=net.env, check=True, timeout=180)
            wait_until(lambda: answering(ports) == expected[command], 60, what=command)
            if command.endswith("reset"):
                assert not net.directory.exists(), "reset deleted every database"
                net.directory.mkdir()  # for the next command, and for the fixture's clean-up
            if command.endswith("restart dave"):
                wait_until(lambda: finalized_number(dave) > 0, 60, what="Dave back with the chain")
