#!/usr/bin/env python3
"""Makes the chain spec of a live Zero Chain network from a network file.

    scripts/live-chain-spec.py NETWORK.json OUT_DIR

NETWORK.json names the network's own validators, sudo key and endowed accounts (see
`chain-specs/live.example.json` and docs/chain.md):

    {
      "name": "Zero Chain", "id": "zerochain", "protocolId": "zero",
      "bootNodes": ["/dns/boot.example/tcp/30333/p2p/12D3Koo..."],
      "authorities": [{"aura": "<sr25519 SS58>", "grandpa": "<ed25519 SS58>"}],
      "sudo": "<SS58>",
      "balances": [["<SS58>", <amount in the smallest unit>]]
    }

It writes OUT_DIR/<id>.json (readable: the genesis as a patch of the runtime's defaults)
and OUT_DIR/<id>-raw.json (the storage nodes boot from). Both carry the runtime built in
this checkout, and the token properties of every Zero Chain spec. The node checks the
patch against the runtime's genesis types when it makes the raw form, so a misspelt field
or a bad key fails here, before any validator starts.
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REQUIRED = ("name", "id", "authorities", "sudo", "balances")


def fail(message):
    sys.exit(f"live-chain-spec: {message}")


def genesis_patch(network):
    authorities = network["authorities"]
    if not authorities:
        fail("a network needs at least one authority")
    for authority in authorities:
        if set(authority) != {"aura", "grandpa"}:
            fail(f"an authority has exactly the keys 'aura' and 'grandpa': {authority}")
    for entry in network["balances"]:
        if len(entry) != 2 or not isinstance(entry[1], int) or entry[1] < 0:
            fail(f"a balance is [account, non-negative integer amount]: {entry}")
    return {
        "aura": {"authorities": [a["aura"] for a in authorities]},
        "grandpa": {"authorities": [[a["grandpa"], 1] for a in authorities]},
        "balances": {"balances": network["balances"]},
        "sudo": {"key": network["sudo"]},
    }


def main():
    if len(sys.argv) != 3:
        fail("usage: live-chain-spec.py NETWORK.json OUT_DIR")
    network = json.loads(Path(sys.argv[1]).read_text())
    missing = [key for key in REQUIRED if key not in network]
    if missing:
        fail(f"the network file lacks {', '.join(missing)}")
    binary = os.environ.get("ZEROCHAIN_BIN", "zerochain")
    out_dir = Path(sys.argv[2])
    out_dir.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory() as scratch:
        # The local testnet's spec carries the runtime and the properties; everything that
        # names the network or its genesis is replaced.
        template = Path(scratch) / "template.json"
        subprocess.run(
            [binary, "export-chain-spec", "--chain", "local", "--output", str(template)],
            check=True,
            capture_output=True,
        )
        spec = json.loads(template.read_text())
    spec["name"] = network["name"]
    spec["id"] = network["id"]
    spec["chainType"] = "Live"
    spec["bootNodes"] = network.get("bootNodes", [])
    spec["protocolId"] = network.get("protocolId", network["id"])
    spec["telemetryEndpoints"] = network.get("telemetryEndpoints")
    spec["genesis"]["runtimeGenesis"]["patch"] = genesis_patch(network)

    plain = out_dir / f"{network['id']}.json"
    raw = out_dir / f"{network['id']}-raw.json"
    plain.write_text(json.dumps(spec, indent=2) + "\n")
    result = subprocess.run(
        [binary, "export-chain-spec", "--chain", str(plain), "--raw", "--output", str(raw)],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        plain.unlink()
        fail(f"the node refused the genesis:\n{result.stderr.strip()}")
    print(f"live-chain-spec: wrote {plain} and {raw}")


if __name__ == "__main__":
    main()
