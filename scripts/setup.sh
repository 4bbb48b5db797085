#!/usr/bin/env bash
# Installs what a fresh machine lacks to build, run and test Zero Chain, and nothing more:
# on a machine that has it all, it changes nothing.
#   - Debian packages: clang (the C and C++ compiler of the builds, scripts/env.sh) and
#     libclang (RocksDB's bindings), protoc (libp2p), pkg-config,
#     OpenSSL headers, make, rsync (the build copy), and chromium (the explorer's browser tests);
#   - the Rust toolchain of rust-toolchain.toml with its WASM target;
#   - a Python virtual environment with the clients the end-to-end tests use, and Playwright;
#   - Node.js with @polkadot/api and polkadot-api (tests/js, from its package-lock.json), the
#     JavaScript clients; the explorer's own packages are installed by scripts/explorer.sh.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

say() { echo "setup: $*"; }

packages=(clang libclang-dev protobuf-compiler pkg-config libssl-dev make curl rsync python3-venv chromium)
# Node.js and npm from Debian, unless the machine has them already from elsewhere.
command -v node >/dev/null && command -v npm >/dev/null || packages+=(nodejs npm)
missing=()
for pkg in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
# python3-venv is only needed where the system Python lacks the venv module.
if python3 -c "import venv, ensurepip" 2>/dev/null; then
	missing=("${missing[@]/python3-venv/}")
fi
missing=($(printf '%s\n' "${missing[@]}" | sed '/^$/d'))
if [ ${#missing[@]} -gt 0 ]; then
	say "installing Debian packages: ${missing[*]}"
	sudo_cmd=""
	[ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
	$sudo_cmd apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! command -v rustup >/dev/null; then
	echo "setup: rustup is missing; install it from your distribution or rustup.rs first" >&2
	exit 1
fi
# The pinned toolchain, installed explicitly: recent rustup no longer installs it on `rustup
# show`, and not every rustup reads the components and targets of rust-toolchain.toml.
toolchain="$ZEROCHAIN_TOOLCHAIN"
if ! rustup toolchain list | grep -q "^$toolchain-"; then
	say "installing the Rust $toolchain toolchain"
	rustup toolchain install "$toolchain" --profile minimal --component rustfmt,clippy
fi
if ! rustup target list --installed --toolchain "$toolchain" | grep -qx wasm32v1-none; then
	say "adding the wasm32v1-none target to $toolchain"
	rustup target add wasm32v1-none --toolchain "$toolchain"
fi

requirements="$ZEROCHAIN_ROOT/tests/e2e/requirements.txt"
stamp="$ZEROCHAIN_VENV/.requirements"
if [ ! -x "$ZEROCHAIN_VENV/bin/python" ] || ! cmp -s "$requirements" "$stamp"; then
	say "creating the test clients' Python environment in $ZEROCHAIN_VENV"
	python3 -m venv "$ZEROCHAIN_VENV"
	"$ZEROCHAIN_VENV/bin/pip" install -q --disable-pip-version-check -r "$requirements"
	cp "$requirements" "$stamp"
fi

js="$ZEROCHAIN_ROOT/tests/js"
if ! cmp -s "$js/package-lock.json" "$js/node_modules/.package-lock.json.installed"; then
	say "installing the JavaScript clients (@polkadot/api, polkadot-api, the smoldot light client) in tests/js"
	(cd "$js" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
	cp "$js/package-lock.json" "$js/node_modules/.package-lock.json.installed"
fi
mkdir -p "$CARGO_TARGET_DIR"
