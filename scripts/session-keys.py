#!/usr/bin/env python3
"""Makes a validator's session keys on its own node and registers them on chain.

    scripts/session-keys.py ws://127.0.0.1:9944 "<the validator account's secret URI>"

1. Asks the validator's node (its RPC must be reachable from here: run this on the
   validator's machine, where RPC listens on loopback) for new session keys bound to the
   validator's account: `author_rotateKeysWithOwner`. The node makes an Aura (sr25519) and a
   GRANDPA (ed25519) key in its keystore — the secrets never leave it — and returns the
   public keys with a proof that it holds them, signed over the account.
2. Submits `Session.set_keys(keys, proof)` signed by the account, and waits until it is in a
   block.

It prints the account and the keys as JSON. The keys take effect once the council admits the
account (`ValidatorSet.add_validator`, scripts/council-motion.py) or, for a validator already
in the set, at the second session boundary after this one. The account pays the fee.
Uses the Python client of the end-to-end tests (the venv scripts/setup.sh makes).
"""

import json
import sys

from substrateinterface import Keypair, SubstrateInterface


def register_session_keys(url: str, suri: str) -> dict:
    chain = SubstrateInterface(url=url)
    try:
        account = Keypair.create_from_uri(suri)
        made = chain.rpc_request("author_rotateKeysWithOwner", ["0x" + account.public_key.hex()])
        if "error" in made:
            raise SystemExit(f"session-keys: the node refused: {made['error']}")
        keys = bytes.fromhex(made["result"]["keys"][2:])
        proof = made["result"].get("proof")
        if proof is None:
            raise SystemExit("session-keys: the node returned no proof of possession")
        aura, grandpa = "0x" + keys[:32].hex(), "0x" + keys[32:].hex()
        call = chain.compose_call(
            "Session", "set_keys", {"keys": {"aura": aura, "grandpa": grandpa}, "proof": proof}
        )
        receipt = chain.submit_extrinsic(
            chain.create_signed_extrinsic(call=call, keypair=account), wait_for_inclusion=True
        )
        if not receipt.is_success:
            raise SystemExit(f"session-keys: Session.set_keys failed: {receipt.error_message}")
        return {"account": account.ss58_address, "aura": aura, "grandpa": grandpa}
    finally:
        chain.close()


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    print(json.dumps(register_session_keys(sys.argv[1], sys.argv[2])))
