"""Circles on the dev chain over RPC with a real client: two twins, an invitation, an
acceptance, a right checked, a removal."""

from conftest import event, included_call, register_twin, succeeded_call as ok

# Bits of the pallet's `Rights`: Read, Write, Invite, Manage.
READ, WRITE, INVITE, MANAGE = 1, 2, 4, 8


def test_invite_accept_right_and_removal(chain, alice, bob):
    owner, guest = register_twin(chain, alice), register_twin(chain, bob)
    rights = {"admin": READ | WRITE | INVITE | MANAGE, "member": READ | WRITE, "viewer": READ}
    created = ok(chain, alice, "Circles", "create_circle", {
        "owner": owner, "name": "family", "description": "the people at home",
        "parent": None, "visibility": "Private", "rights": rights,
    })
    circle = event(created, "Circles", "CircleCreated")["circle"]

    ok(chain, alice, "Circles", "invite",
       {"circle": circle, "as_twin": owner, "twin": guest, "role": "Member"})
    invitation = chain.query("Circles", "PendingEntries", [circle, guest]).value
    assert invitation["kind"] == {"Invited": {"role": "Member", "by": owner}}
    accepted = ok(chain, bob, "Circles", "accept_invitation", {"circle": circle, "as_twin": guest})
    assert event(accepted, "Circles", "InvitationAccepted") == {"circle": circle, "twin": guest, "role": "Member"}

    # The right as the chain decides it: the member's role and what the circle grants it.
    membership = chain.query("Circles", "Members", [circle, guest]).value
    assert membership["role"] == "Member"
    granted = chain.query("Circles", "Circles", [circle]).value["rights"]["member"]
    assert granted & WRITE and not granted & MANAGE
    # The membership is a record of the guest's twin: its two-number address resolves to it.
    record = chain.query("Twins", "Records", [guest, membership["record"]]).value
    assert record == {"kind": "Membership", "key": circle}

    # A member without Manage cannot remove anyone; the owner can.
    refused = included_call(chain, bob, "Circles", "remove",
                            {"circle": circle, "as_twin": guest, "twin": owner})
    assert not refused.is_success and refused.error_message["name"] == "NoManageRight"
    removed = ok(chain, alice, "Circles", "remove", {"circle": circle, "as_twin": owner, "twin": guest})
    assert event(removed, "Circles", "Removed") == {"circle": circle, "twin": guest, "by": owner}
    assert chain.query("Circles", "Members", [circle, guest]).value is None
    assert chain.query("Twins", "Records", [guest, membership["record"]]).value is None
