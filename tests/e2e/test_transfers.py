"""Token transfers over RPC with a real client: fees, and the refusals users rely on."""

import pytest
from substrateinterface.exceptions import SubstrateRequestException

from conftest import UNITS


def free_balance(chain, who, block_hash=None) -> int:
    account = chain.query("System", "Account", [who.ss58_address], block_hash=block_hash)
    return account.value["data"]["free"]


def events_named(receipt, module, event):
    return [
        e.value["attributes"]
        for e in receipt.triggered_events
        if e.value["module_id"] == module and e.value["event_id"] == event
    ]


def fee_paid(receipt, payer) -> int:
    (paid,) = events_named(receipt, "TransactionPayment", "TransactionFeePaid")
    assert paid["who"] == payer.ss58_address
    return paid["actual_fee"]


def included(chain, extrinsic):
    receipt = chain.submit_extrinsic(extrinsic, wait_for_inclusion=True)
    parent = chain.get_block_header(receipt.block_hash)["header"]["parentHash"]
    return receipt, parent


def transfer(chain, alice, bob, amount, **kwargs):
    call = chain.compose_call(
        "Balances", "transfer_allow_death", {"dest": bob.ss58_address, "value": amount}
    )
    return chain.create_signed_extrinsic(call=call, keypair=alice, **kwargs)


def test_transfer_moves_the_amount_and_charges_the_estimated_fee(chain, alice, bob):
    amount = 10 * UNITS
    extrinsic = transfer(chain, alice, bob, amount)
    estimate = chain.rpc_request("payment_queryInfo", [str(extrinsic.data)])["result"]

    receipt, parent = included(chain, extrinsic)

    assert receipt.is_success, receipt.error_message
    fee = fee_paid(receipt, alice)
    assert fee > 0
    assert fee == int(estimate["partialFee"])
    assert events_named(receipt, "Balances", "Transfer") == [
        {"from": alice.ss58_address, "to": bob.ss58_address, "amount": amount}
    ]
    block = receipt.block_hash
    assert free_balance(chain, bob, block) - free_balance(chain, bob, parent) == amount
    assert free_balance(chain, alice, parent) - free_balance(chain, alice, block) == amount + fee


def test_bad_signature_is_refused_by_the_pool_and_changes_nothing(chain, alice, bob):
    before = (free_balance(chain, alice), free_balance(chain, bob))
    forged = transfer(chain, alice, bob, UNITS, signature=alice.sign(b"not this transfer"))

    with pytest.raises(SubstrateRequestException) as refusal:
        chain.submit_extrinsic(forged)

    assert "bad signature" in str(refusal.value).lower()
    chain.rpc_request("chain_getHeader", [])  # the node still answers
    assert (free_balance(chain, alice), free_balance(chain, bob)) == before


def test_stale_nonce_is_refused_by_the_pool_and_changes_nothing(chain, alice, bob):
    first = transfer(chain, alice, bob, UNITS)
    receipt, _ = included(chain, first)
    assert receipt.is_success, receipt.error_message
    used_nonce = first.value["nonce"]
    before = (free_balance(chain, alice), free_balance(chain, bob))

    with pytest.raises(SubstrateRequestException) as refusal:
        chain.submit_extrinsic(transfer(chain, alice, bob, 2 * UNITS, nonce=used_nonce))

    assert "outdated" in str(refusal.value).lower()
    assert (free_balance(chain, alice), free_balance(chain, bob)) == before


def test_transfer_beyond_the_balance_fails_in_its_block_and_costs_only_the_fee(chain, alice, bob):
    too_much = free_balance(chain, alice) + UNITS
    extrinsic = transfer(chain, alice, bob, too_much)

    receipt, parent = included(chain, extrinsic)

    assert not receipt.is_success
    (failure,) = events_named(receipt, "System", "ExtrinsicFailed")
    # pallet-balances refuses a withdrawal beyond the free balance with the fungible
    # traits' `TokenError::FundsUnavailable`.
    assert failure["dispatch_error"] == {"Token": "FundsUnavailable"}
    fee = fee_paid(receipt, alice)
    block = receipt.block_hash
    assert free_balance(chain, bob, block) == free_balance(chain, bob, parent)
    assert free_balance(chain, alice, parent) - free_balance(chain, alice, block) == fee
