"""A runtime upgrade through governance, on the four-validator local testnet with state on it:
four fifths of the council authorise the new code's hash (`Governance.dispatch_as_root` of
`System.authorize_upgrade`), anyone then applies the code (`System.apply_authorized_upgrade`),
every validator switches to the new spec_version, blocks go on being finalised, and the
phonebook and balances are as they were.

The new code is this runtime one spec_version ahead, which runtime/upgrade-rehearsal builds
(the `upgrade-rehearsal` feature): what a real upgrade is, without a change of behaviour
to test at the same time. docs/validators.md walks through the same steps.
"""

import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from substrateinterface import Keypair, SubstrateInterface

from conftest import (
    ROOT,
    LocalTestnet,
    finalized_number,
    register_twin,
    rpc,
    succeeded_call,
    wait_until,
)

pytestmark = pytest.mark.testnet  # a multi-validator network

TARGET = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
REHEARSAL_WASM = (
    TARGET / "release" / "wbuild" / "zerochain-runtime"
    / "wasm_binary_upgrade_rehearsal.rs.compact.compressed.wasm"
)


def rehearsal_code() -> bytes:
    """The rehearsal runtime of this checkout. scripts/test.sh builds it beside the end-to-end
    tests and writes the build's status to `ZEROCHAIN_REHEARSAL_BUILT` when it is done; run
    on its own, the test builds it (nothing to do when it is up to date)."""
    status_file = os.environ.get("ZEROCHAIN_REHEARSAL_BUILT")
    if status_file:
        status = Path(status_file)
        wait_until(status.exists, 30 * 60, interval=5, what="the rehearsal runtime's build")
        assert status.read_text().strip() == "0", "the rehearsal runtime did not build: see its log"
    else:
        build = "source scripts/env.sh && build_node -p zerochain-upgrade-rehearsal"
        subprocess.run(["bash", "-c", build], cwd=ROOT, check=True)
    assert REHEARSAL_WASM.is_file(), f"no rehearsal runtime at {REHEARSAL_WASM}"
    return REHEARSAL_WASM.read_bytes()


def spec_version(port: int) -> int:
    return rpc(port, "state_getRuntimeVersion")["specVersion"]


def test_the_council_upgrades_the_runtime_and_the_chain_keeps_its_state():
    code = rehearsal_code()
    code_hash = "0x" + hashlib.blake2b(code, digest_size=32).hexdigest()
    with LocalTestnet() as testnet:
        alice_port = testnet.port("Alice")
        chain = SubstrateInterface(url=f"ws://127.0.0.1:{alice_port}")
        try:
            wait_until(lambda: finalized_number(alice_port) >= 1, 120, what="finality")
            before = spec_version(alice_port)
            bob = Keypair.create_from_uri("//Bob")
            twin = register_twin(chain, bob, name="upgrade-witness")
            balance = chain.query("System", "Account", [bob.ss58_address]).value["data"]["free"]

            authorise = {
                "call": {
                    "call_module": "System",
                    "call_function": "authorize_upgrade",
                    "call_args": {"code_hash": code_hash},
                }
            }
            # Three fifths is not enough to act as root.
            three = council_motion(alice_port, 3, authorise, "//Alice", "//Bob", "//Charlie")
            assert "Err" in three["result"], three
            assert chain.query("System", "AuthorizedUpgrade").value is None
            four = council_motion(alice_port, 4, authorise,
                                  "//Alice", "//Bob", "//Charlie", "//Dave")
            assert four["result"] == {"Ok": []}, four
            assert chain.query("System", "AuthorizedUpgrade").value["code_hash"] == code_hash

            started = time.monotonic()
            applied = succeeded_call(chain, Keypair.create_from_uri("//Ferdie"), "System",
                                     "apply_authorized_upgrade", {"code": "0x" + code.hex()})
            assert any(e.value["event_id"] == "CodeUpdated" for e in applied.triggered_events)
            for port in testnet.ports:
                wait_until(lambda: spec_version(port) == before + 1, 60,
                           what=f"the validator on {port} running spec {before + 1}")
            upgraded_at = finalized_number(alice_port)
            wait_until(lambda: finalized_number(alice_port) >= upgraded_at + 3, 90,
                       what="finality on the new runtime")
            print(f"reliability: runtime upgrade applied to finalised on the new code: "
                  f"{time.monotonic() - started:.1f} s", flush=True)

            chain.close()
            chain = SubstrateInterface(url=f"ws://127.0.0.1:{alice_port}")
            assert chain.query("Twins", "TwinByAccount", [bob.ss58_address]).value == twin
            assert rpc(alice_port, "phonebook_twinByName", ["upgrade-witness"])["id"] == twin
            after = chain.query("System", "Account", [bob.ss58_address]).value["data"]["free"]
            assert after == balance
            # The new runtime takes transactions like the old one.
            register_twin(chain, Keypair.create_from_uri("//Eve"), name="after-upgrade")
        finally:
            chain.close()


def council_motion(port: int, threshold: int, params: dict, *suris: str) -> dict:
    made = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "council-motion.py"), f"ws://127.0.0.1:{port}",
         str(threshold), "Governance", "dispatch_as_root", json.dumps(params), *suris],
        capture_output=True, text=True, timeout=180,
    )
    if made.returncode not in (0, 1):
        pytest.fail(made.stderr)
    return json.loads(made.stdout)
