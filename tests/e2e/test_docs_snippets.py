"""The client snippets of docs/clients.md run as written — only the node's port differs —
each against a fresh dev chain of its own (each registers Alice's twin), so that the docs
cannot drift from the chain or from the clients' APIs."""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from conftest import Node, ROOT, docs_code

JS = ROOT / "tests" / "js"
DOC_URL = "ws://127.0.0.1:9944"


@pytest.fixture
def fresh_node():
    with tempfile.TemporaryDirectory(prefix="zerochain-snippet-") as log_dir:
        node = Node(["--dev", "--tmp"], Path(log_dir), name="dev")
        try:
            node.wait_ready()
            yield node
        finally:
            node.stop()


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
