"""The benchmark chain as docs/benchmarks.md documents it, made small: the `bench` spec
exported with a few thousand twins instead of a million, the node started on it as
documented registers the whole state at genesis (every twin, farm, node and circle counted by
the phonebook) once — a restart finds the chain in its database and builds nothing again —
and the documented lookups, run as a smoke run, find every record they ask for."""

import json
import shlex
import subprocess

from conftest import BINARY, Node, docs_commands
from test_loadgen import LOADGEN, run_loadgen

SMALL = {"twins": 3000, "farms": 20, "nodesPerFarm": 5, "circles": 300,
         "membersPerCircle": 3}
BUILT = "registered 3000 twins (2900 top-level), 20 farms of 5 nodes, 300 circles of 3 members"
SMOKE_REQUESTS = 200


def small_bench_spec(path):
    """The built-in `bench` spec with SMALL's counts: the spec's `benchState`, which the node
    registers on top of the runtime's genesis (the runtime itself has no benchmark pallet)."""
    exported = subprocess.run([str(BINARY), "export-chain-spec", "--chain", "bench"],
                              capture_output=True, text=True, check=True).stdout
    spec = json.loads(exported)
    counts = spec["benchState"]
    assert counts == {"twins": 1_000_000, "farms": 10_000, "nodesPerFarm": 10,
                      "circles": 100_000, "membersPerCircle": 5}
    counts.update(SMALL)
    path.write_text(json.dumps(spec))
    return path


def documented_node(tmp_path, spec, name) -> Node:
    build, start = docs_commands("benchmarks.md", "bench-node")
    assert build == "source scripts/env.sh && build_node"  # the suite has built both
    program, *args = shlex.split(start.replace("/tmp/zerochain-bench", str(tmp_path / "chain")))
    assert program == "$ZEROCHAIN_BIN"
    args[args.index("--chain") + 1] = str(spec)
    return Node(args, tmp_path, name=name)


def test_the_bench_chain_is_built_once_and_answers_every_documented_lookup(tmp_path):
    spec = small_bench_spec(tmp_path / "bench-small.json")
    node = documented_node(tmp_path, spec, "bench")
    try:
        node.wait_ready(timeout=120)
        totals = node.rpc("phonebook_totals", [])
        assert (totals["twins"], totals["farms"], totals["nodes"], totals["circles"]) == (
            3000, 20, 100, 300)
        assert BUILT in node.log_path.read_text(errors="replace")
        reports = []
        for command in docs_commands("benchmarks.md", "bench-run"):
            if not command.startswith('"$CARGO_TARGET_DIR'):
                continue
            args = shlex.split(command.replace('"$CARGO_TARGET_DIR/release/zerochain-loadgen"',
                                               str(LOADGEN)))
            args[args.index("--count") + 1] = str(SMOKE_REQUESTS)
            args[args.index("--node-pid") + 1] = str(node.process.pid)
            report = tmp_path / f"lookups-{len(reports)}.json"
            run_loadgen([*args, "--url", f"ws://127.0.0.1:{node.rpc_port}", "--json",
                         str(report)])
            reports.append(json.loads(report.read_text()))
    finally:
        node.stop()

    assert len(reports) >= 1
    for report in reports:
        assert report["twins"] == 3000 and report["circles"] == 300
        methods = {m["method"]: m for m in report["methods"]}
        assert "phonebook_searchNodes" in methods and "phonebook_twinByKey" in methods
        for method, measured in methods.items():
            # Every record asked for is in the state the genesis built, and found.
            assert measured["requests"] == SMOKE_REQUESTS, method
            assert measured["errors"] == 0 and measured["empty"] == 0, (method, measured)
            assert 0 < measured["p50_us"] <= measured["p99_us"] <= measured["max_us"], method
        assert report["node"]["rss_peak_mib"] > 0

    # Restarted on its database, the node finds its chain and does not build the genesis
    # state again.
    again = documented_node(tmp_path, spec, "bench-again")
    try:
        again.wait_ready(timeout=120)
        assert again.rpc("phonebook_totals", [])["twins"] == 3000
    finally:
        again.stop()
    assert BUILT not in again.log_path.read_text(errors="replace")
