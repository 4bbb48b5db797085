"""The committed chain specs are exactly what the current runtime generates."""

import json
import subprocess
import tempfile
from pathlib import Path

import pytest

from conftest import BINARY, ROOT


@pytest.mark.parametrize("raw", [False, True], ids=["plain", "raw"])
def test_committed_local_chain_spec_matches_the_runtime(raw):
    committed = ROOT / "chain-specs" / ("local-raw.json" if raw else "local.json")
    with tempfile.TemporaryDirectory() as directory:
        generated = Path(directory) / "spec.json"
        command = [str(BINARY), "export-chain-spec", "--chain", "local", "--output", str(generated)]
        subprocess.run(command + (["--raw"] if raw else []), check=True, capture_output=True)
        assert json.loads(committed.read_text()) == json.loads(generated.read_text()), (
            f"{committed.relative_to(ROOT)} is stale: run scripts/generate-chain-specs.sh"
        )
