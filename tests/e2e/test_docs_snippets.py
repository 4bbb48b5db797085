"""Every code block of README.md and docs/ runs in the suite, as written but for ports and
directories: the client snippets of docs/clients.md each against a fresh dev chain of its
own (each registers Alice's twin), the public RPC node of docs/rpc.md,
and docs/rpc.md's examples, which must be what a fresh node answers. A first test checks
that no block escapes: each is marked `<!-- snippet: NAME -->` and NAME is run by a test
(here, or in the module whose subject it is), so that the docs cannot drift from the chain,
the scripts or the clients' APIs."""

import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from conftest import (
    ROOT,
    docs_code,
    docs_commands,
    finalized_number,
    free_port,
    BINARY,
    Node,
    rpc,
    RpcError,
    answers,
    running_dev_node,
    wait_until,
)

JS = ROOT / "tests" / "js"
DOC_URL = "ws://127.0.0.1:9944"


DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
# The modules that run snippets: the tests, and conftest (the signed messages it imports).
TESTS = sorted((ROOT / "tests" / "e2e").glob("*.py"))


def code_blocks(path: Path):
    """Each fenced code block of a Markdown file: (line, the line before it). Blocks inside
    the generated examples of docs/rpc.md (`<!-- examples -->`) are left out: a test below
    regenerates them."""
    lines = path.read_text().splitlines()
    blocks, inside, generated = [], False, False
    for number, line in enumerate(lines):
        if line.startswith("<!-- examples -->"):
            generated = True
        elif line.startswith("<!-- /examples -->"):
            generated = False
        elif line.startswith("```"):
            if not inside and not generated:
                blocks.append((number + 1, lines[number - 1] if number else ""))
            inside = not inside
    return blocks


def test_every_code_block_of_the_docs_is_run_by_a_test():
    runners = "\n".join(path.read_text() for path in TESTS)
    unmarked, unrun = [], []
    for path in DOCS:
        doc = path.name
        for line, before in code_blocks(path):
            marker = re.fullmatch(r"<!-- snippet: ([\w-]+) -->", before)
            if not marker:
                unmarked.append(f"{doc}:{line}")
                continue
            call = rf'docs_(?:code|commands|snippet)\(\s*"{re.escape(doc)}",\s*"{marker[1]}"'
            if not re.search(call, runners):
                unrun.append(f"{doc}:{line} ({marker[1]})")
    assert unmarked == [], f"code blocks without a snippet marker: {unmarked}"
    assert unrun == [], f"snippets no test runs: {unrun}"


@pytest.fixture
def fresh_node():
    with running_dev_node() as node:
        yield node


def for_node(code: str, node: Node) -> str:
    assert DOC_URL in code or "http://127.0.0.1:9944" in code, "the snippet names the dev chain"
    return (code.replace(DOC_URL, f"ws://127.0.0.1:{node.rpc_port}")
            .replace("http://127.0.0.1:9944", f"http://127.0.0.1:{node.rpc_port}"))


def test_the_polkadot_js_snippet_runs(fresh_node):
    code = for_node(docs_code("clients.md", "polkadot-js", "js"), fresh_node)
    # In tests/js, so that its imports resolve to the installed @polkadot/api.
    with tempfile.NamedTemporaryFile("w", suffix=".mjs", dir=JS, delete=True) as script:
        script.write(code)
        script.flush()
        done = subprocess.run(["node", script.name], cwd=JS, capture_output=True, text=True,
                              timeout=120)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert lines[0] == "alice", "the twin's name, read back"
    assert "relay.example.org" in done.stdout, "the phonebook RPC's answer"


def test_the_substrate_interface_snippet_runs(fresh_node):
    code = for_node(docs_code("clients.md", "substrate-interface", "python"), fresh_node)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert lines[0] == "alice"
    assert "'relay.example.org'" in lines[1] or '"relay.example.org"' in lines[1], lines[1]


def test_the_json_rpc_snippet_runs(fresh_node):
    code = for_node(docs_code("clients.md", "json-rpc"), fresh_node)
    done = subprocess.run(["bash", "-euo", "pipefail", "-c", code], capture_output=True,
                          text=True, timeout=30)
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert "result" in answer, answer


def test_the_readme_finalized_head_request(fresh_node):
    code = for_node(docs_code("README.md", "finalized-head"), fresh_node)
    done = subprocess.run(["bash", "-euo", "pipefail", "-c", code], capture_output=True,
                          text=True, timeout=30)
    assert done.returncode == 0, done.stderr
    assert re.fullmatch(r"0x[0-9a-f]{64}", json.loads(done.stdout)["result"])


def test_the_public_rpc_node_of_rpc_md(tmp_path):
    (command,) = docs_commands("rpc.md", "public-rpc-node")
    with run_documented_node(command, tmp_path / "public.log") as port:
        assert rpc(port, "system_chain") == "Zero Chain Local Testnet"
        with pytest.raises(RpcError, match="unsafe|Method not found"):
            rpc(port, "author_rotateKeys")


@contextlib.contextmanager
def run_documented_node(command: str, log_path: Path):
    """A node started by a documented command, with this test's ports and a temporary base
    path; yields its RPC port."""
    rpc_port = free_port()
    ports = f" --rpc-port {rpc_port} --port {free_port()} --prometheus-port {free_port()}"
    command = command.replace("zerochain ", f"{BINARY} ", 1) + ports + " --tmp"
    log = open(log_path, "wb")
    process = subprocess.Popen(["bash", "-c", f"exec {command}"], cwd=ROOT, stdout=log,
                               stderr=subprocess.STDOUT)
    try:
        wait_until(lambda: answers(rpc_port), 60, what=f"the node of `{command}`")
        yield rpc_port
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=60)
        log.close()


def test_the_archive_node_of_rpc_md_reads_the_genesis_state(tmp_path):
    (command,) = docs_commands("rpc.md", "archive-node")
    with run_documented_node(command, tmp_path / "archive.log") as port:
        genesis = rpc(port, "chain_getBlockHash", [0])
        totals = rpc(port, "phonebook_totals", [genesis])
        assert totals["twins"] == 0 and totals["nodes"] == 0


def test_the_drills_commands_name_the_drills(tmp_path):
    """The drills run in the suite already; their documented commands must work as written,
    which `--collect-only` checks without running the drills a second time."""
    code = docs_code("reliability.md", "drills").replace(
        " -s tests/e2e/", " --collect-only -q -p no:cacheprovider tests/e2e/")
    done = subprocess.run(["bash", "-euo", "pipefail", "-c", code], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    for drills in ("test_faults_crashes.py::", "test_faults_membership.py::", "test_upgrade.py::"):
        assert drills in done.stdout, done.stdout


def test_the_rpc_examples_are_what_a_fresh_node_answers(fresh_node):
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "rpc-examples.py"),
         f"ws://127.0.0.1:{fresh_node.rpc_port}", "--check"],
        capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr


