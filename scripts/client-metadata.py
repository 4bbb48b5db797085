#!/usr/bin/env python3
"""Writes the runtime's V15 metadata, as the node on RPC port PORT answers
`Metadata_metadata_at_version(15)`, to PATH: the file the Rust client is typed from
(client/metadata/zerochain.scale). scripts/generate-chain-specs.sh runs it against a
development node; tests/e2e/test_client.py checks the committed file with it.

    scripts/client-metadata.py PORT PATH
"""

import json
import sys
import time
import urllib.request

port, path = sys.argv[1:]
request = {"jsonrpc": "2.0", "id": 1, "method": "state_call",
           "params": ["Metadata_metadata_at_version", "0x0f000000"]}
for _ in range(120):
    try:
        answer = urllib.request.urlopen(urllib.request.Request(
            f"http://127.0.0.1:{port}", json.dumps(request).encode(),
            {"Content-Type": "application/json"}), timeout=5)
        break
    except OSError:
        time.sleep(0.5)
else:
    sys.exit("the node did not answer")
option = bytes.fromhex(json.load(answer)["result"][2:])
# Some(metadata): 0x01, the length as a SCALE compact, the bytes.
if option[0] != 1:
    sys.exit("the runtime has no V15 metadata")
width = {0: 1, 1: 2, 2: 4}[option[1] & 3]
length = int.from_bytes(option[1:1 + width], "little") >> 2
metadata = option[1 + width:]
if len(metadata) != length or metadata[:4] != b"meta":
    sys.exit("the node's answer is not SCALE-encoded metadata")
with open(path, "wb") as out:
    out.write(metadata)
