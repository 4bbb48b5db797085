#!/usr/bin/env python3
"""Carries a call through the council: a member proposes it, members vote aye, and once
the threshold is met the motion is closed and the call dispatched with the council's origin.

    scripts/council-motion.py URL THRESHOLD MODULE CALL 'JSON PARAMS' PROPOSER_SURI [VOTER_SURI...]

    # Admit a validator (three fifths of the local testnet's five councillors):
    scripts/council-motion.py ws://127.0.0.1:9944 3 ValidatorSet add_validator \\
        '{"who": "5HGjWAeFDfFCWPsjFQdVV2Msvz2XtMktvgocEZcCj68kUMaw"}' //Alice //Bob //Charlie

The proposer votes too; every voter must be a councillor. What governance may do with
three fifths (the validator set, the grid's certifications) and what needs four fifths (the
council's membership; `Governance.dispatch_as_root`: a runtime upgrade, GRANDPA's
`note_stalled`) is in docs/validators.md. Prints the motion's hash and its result; exits
non-zero if the dispatched call failed. Each voter signs its own vote: on a real network,
each councillor runs the `vote` step with its own key (polkadot.js apps does the same).
Uses the Python client of the end-to-end tests (the venv scripts/setup.sh makes).
"""

import json
import sys

from substrateinterface import Keypair, SubstrateInterface


def submit(chain, signer, function, params):
    call = chain.compose_call("Council", function, params)
    receipt = chain.submit_extrinsic(
        chain.create_signed_extrinsic(call=call, keypair=signer), wait_for_inclusion=True
    )
    if not receipt.is_success:
        raise SystemExit(f"council-motion: Council.{function} failed: {receipt.error_message}")
    return receipt


def executed_result(receipt):
    """The motion's hash and the dispatched call's result, if the receipt dispatched one."""
    for e in receipt.triggered_events:
        if e.value["module_id"] == "Council" and e.value["event_id"] == "Executed":
            attributes = e.value["attributes"]
            return attributes["proposal_hash"], attributes["result"]
    return None


def council_motion(url, threshold, module, function, params, proposer, voters):
    """Proposes, votes and closes; returns the motion's hash and the dispatched call's result."""
    chain = SubstrateInterface(url=url)
    try:
        call = chain.compose_call(module, function, params)
        length = len(call.data)
        index = chain.query("Council", "ProposalCount").value
        proposed = submit(
            chain,
            proposer,
            "propose",
            {"threshold": threshold, "proposal": call, "length_bound": length},
        )
        executed = executed_result(proposed)
        if executed is not None:
            # A threshold of one: the proposer's motion is dispatched at once.
            return executed
        (motion_hash,) = [
            e.value["attributes"]["proposal_hash"]
            for e in proposed.triggered_events
            if e.value["event_id"] == "Proposed"
        ]
        for voter in [proposer, *voters]:
            submit(chain, voter, "vote", {"proposal": motion_hash, "index": index, "approve": True})
        weight = chain.get_payment_info(call, proposer)["weight"]
        closed = submit(
            chain,
            proposer,
            "close",
            {
                "proposal_hash": motion_hash,
                "index": index,
                "proposal_weight_bound": weight,
                "length_bound": length,
            },
        )
        executed = executed_result(closed)
        if executed is None:
            raise SystemExit("council-motion: the motion closed without passing")
        return executed
    finally:
        chain.close()


if __name__ == "__main__":
    if len(sys.argv) < 7:
        sys.exit(__doc__)
    url, threshold, module, function, params, proposer, *voters = sys.argv[1:]
    motion_hash, result = council_motion(
        url,
        int(threshold),
        module,
        function,
        json.loads(params),
        Keypair.create_from_uri(proposer),
        [Keypair.create_from_uri(v) for v in voters],
    )
    print(json.dumps({"motion": motion_hash, "result": result}))
    if isinstance(result, dict) and "Err" in result:
        sys.exit(1)
