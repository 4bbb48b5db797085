"""The workspace's crates stack in floors (docs/development.md, "The crates"): the primitives
at the ground, depending on no crate of the workspace; the phonebook's pallets on the
primitives alone, none on another pallet; each runtime API on its own pallet and the
primitives; the Rust client on none. Read from `cargo metadata`, the dependencies cargo builds with. And README.md's
table of parts names every folder of the repository."""

import json
import subprocess

from conftest import ROOT

PRIMITIVES = "zerochain-primitives"
PALLETS = {"pallet-twins", "pallet-circles", "pallet-grid"}
INDEPENDENT = {"pallet-validator-set", "pallet-governance", "zerochain-test-utils"}
# The Rust client knows the chain only through its metadata, as an integrator's program does.
CLIENT = "zerochain-client"


def workspace_dependencies():
    """Each workspace crate's normal (not test) dependencies on other workspace crates."""
    metadata = json.loads(subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--no-deps", "--offline", "--locked"],
        cwd=ROOT, capture_output=True, text=True, check=True).stdout)
    names = {package["name"] for package in metadata["packages"]}
    return {package["name"]: {dependency["name"] for dependency in package["dependencies"]
                               if dependency["name"] in names and dependency["kind"] is None}
            for package in metadata["packages"]}


def test_the_primitives_are_the_ground_and_no_pallet_imports_another():
    depends = workspace_dependencies()
    assert depends[PRIMITIVES] == set()
    for pallet in PALLETS:
        assert depends[pallet] == {PRIMITIVES}, pallet
        api = f"{pallet}-runtime-api"
        assert depends[api] == {pallet, PRIMITIVES}, api
    for crate in INDEPENDENT:
        assert depends[crate] == set(), crate
    assert depends[CLIENT] == set()
    assert depends[f"{CLIENT}-programs"] == {CLIENT}
    assert "zerochain-bench-state" not in depends["zerochain-runtime"]
    # Nothing below the runtime depends on the runtime or the node.
    for crate in {PRIMITIVES, *PALLETS, *INDEPENDENT}:
        assert not depends[crate] & {"zerochain-runtime", "zerochain-node"}, crate


def test_the_readme_names_every_top_level_folder():
    """README.md's table of parts has a row for each folder of the repository."""
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout.split()
    folders = {path.split("/")[0] for path in tracked if "/" in path and path[0] != "."}
    readme = (ROOT / "README.md").read_text()
    assert folders and all(f"`{folder}/`" in readme for folder in folders), sorted(
        folder for folder in folders if f"`{folder}/`" not in readme)
