"""The README's two commands: the one that sets a machine up and starts a dev chain, and the
one that runs the whole suite (what CI runs).

A file of its own, handed out last (conftest.py): its build waits for cargo's lock while
scripts/test.sh builds the Rust tests beside the end-to-end tests, minutes on a machine that
never built them, and no other file should wait behind it."""

import os
import re
import signal
import subprocess

from conftest import ROOT, answers, docs_commands, finalized_number, free_port, rpc, wait_until


def test_the_readme_two_commands(tmp_path):
    dev, test = docs_commands("README.md", "two-commands")
    # The test command is what CI runs: .ci/run executes it and nothing else.
    assert test == "scripts/test.sh"
    assert re.search(r"^exec scripts/test\.sh$", (ROOT / ".ci" / "run").read_text(), re.M)
    # The dev command, as written, with the ports of this test (README: "Arguments are
    # passed on to the node"): it sets up, builds, and runs a chain that finalises blocks.
    rpc_port = free_port()
    args = ["--rpc-port", str(rpc_port), "--prometheus-port", str(free_port())]
    # Its peer-to-peer ports, TCP and WebSocket, are the script's settings.
    env = dict(os.environ, P2P_PORT=str(free_port()), WS_PORT=str(free_port()))
    with open(tmp_path / "dev.log", "wb") as log:
        process = subprocess.Popen(["bash", "-c", f"{dev} {' '.join(args)}"], cwd=ROOT, env=env,
                                   stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            # Its build may wait for cargo's lock (scripts/test.sh builds the Rust tests
            # beside this test) and, on a machine that never built, takes half an hour: wait
            # for it to end, then give the chain its minute.
            log_path = tmp_path / "dev.log"
            wait_until(lambda: "Finished `release` profile" in log_path.read_text(errors="replace")
                       or process.poll() is not None, 3600, interval=2,
                       what="scripts/dev.sh's build")
            assert process.poll() is None, log_path.read_text(errors="replace")[-3000:]
            wait_until(lambda: answers(rpc_port) and finalized_number(rpc_port) >= 1, 120,
                       what="scripts/dev.sh's chain to finalise a block")
            # It serves light clients: libp2p over WebSocket on the port it was given.
            listening = rpc(rpc_port, "system_localListenAddresses")
            assert any(f"/tcp/{env['WS_PORT']}/ws/" in address for address in listening), listening
        finally:
            os.killpg(process.pid, signal.SIGINT)
            process.wait(timeout=60)
