#!/usr/bin/env python3
"""Makes the chain spec of a live Zero Chain network from a network file.

    scripts/live-chain-spec.py NETWORK.json OUT_DIR

NETWORK.json names the network's own validators, council and endowed accounts (see
`chain-specs/live.example.json` and docs/validators.md):

    {
      "name": "Zero Chain", "id": "zerochain", "protocolId": "zero",
      "bootNodes": ["/dns/boot.example/tcp/30333/p2p/12D3Koo..."],
      "validators": [{"account": "<SS58>", "aura": "<sr25519 SS58>", "grandpa": "<ed25519 SS58>"}],
      "minValidators": 3, "sessionBlocks": 600, "maxIdleSessions": 6,
      "council": ["<SS58>", "<SS58>", "<SS58>", ...],
      "balances": [["<SS58>", <amount in the smallest unit>]]
    }

`minValidators` (default: three, or fewer if the genesis set is smaller), `sessionBlocks`
(default 600: an hour of six-second blocks) and `maxIdleSessions` (default 6; 0 never drops
an idle validator) are optional. So is "sudo": a live network is governed by its council and
is launched without a sudo key unless the file names one.

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

REQUIRED = ("name", "id", "validators", "council", "balances")
VALIDATOR_KEYS = {"account", "aura", "grandpa"}
DEFAULT_SESSION_BLOCKS = 600
DEFAULT_MAX_IDLE_SESSIONS = 6
DEFAULT_MIN_VALIDATORS = 3
MIN_COUNCIL = 3


def fail(message):
    sys.exit(f"live-chain-spec: {message}")


def count(network, key, default, least):
    value = network.get(key, default)
    if not isinstance(value, int) or value < least:
        fail(f"{key} is an integer of at least {least}: {value!r}")
    return value


def genesis_patch(network):
    validators = network["validators"]
    if not validators:
        fail("a network needs at least one validator")
    for validator in validators:
        if set(validator) != VALIDATOR_KEYS:
            fail(f"a validator has exactly the keys 'account', 'aura' and 'grandpa': {validator}")
    accounts = [v["account"] for v in validators]
    if len(set(accounts)) != len(accounts):
        fail("a validator account is listed twice")
    minimum = count(network, "minValidators", min(DEFAULT_MIN_VALIDATORS, len(validators)), 1)
    if minimum > len(validators):
        fail(f"minValidators ({minimum}) is more than the {len(validators)} validators listed")
    council = network["council"]
    if len(council) < MIN_COUNCIL or len(set(council)) != len(council):
        fail(f"a network needs a council of at least {MIN_COUNCIL} distinct members: "
             "a council of one is a sudo key by another name")
    for entry in network["balances"]:
        if len(entry) != 2 or not isinstance(entry[1], int) or entry[1] < 0:
            fail(f"a balance is [account, non-negative integer amount]: {entry}")
    patch = {
        "balances": {"balances": network["balances"]},
        "validatorSet": {
            "validators": accounts,
            "minValidators": minimum,
            "maxIdleSessions": count(network, "maxIdleSessions", DEFAULT_MAX_IDLE_SESSIONS, 0),
            "sessionBlocks": count(network, "sessionBlocks", DEFAULT_SESSION_BLOCKS, 1),
        },
        "session": {
            "keys": [
                [v["account"], v["account"], {"aura": v["aura"], "grandpa": v["grandpa"]}]
                for v in validators
            ]
        },
        "councilMembership": {"members": network["council"]},
    }
    if "sudo" in network:
        patch["sudo"] = {"key": network["sudo"]}
    return patch


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
