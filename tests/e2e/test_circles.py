"""Circles on the dev chain over RPC with a real client: two twins, an invitation, an
acceptance, a right checked, a removal; then authority that ends where it came from."""

from conftest import event, held, included_call, register_twin, succeeded_call as ok

# Bits of the pallet's `Rights`: Read, Write, Invite, Manage.
READ, WRITE, INVITE, MANAGE = 1, 2, 4, 8
# Admins hold every right, members read and write, viewers read.
RIGHTS = {"admin": READ | WRITE | INVITE | MANAGE, "member": READ | WRITE, "viewer": READ}


def private_circle(chain, signer, owner: int, name: str) -> int:
    """Creates `owner`'s private circle `name` with RIGHTS; returns its id."""
    created = ok(chain, signer, "Circles", "create_circle", {
        "owner": owner, "name": name, "description": f"the {name}",
        "parent": None, "visibility": "Private", "rights": RIGHTS,
    })
    return event(created, "Circles", "CircleCreated")["circle"]


def test_invite_accept_right_and_removal(chain, alice, bob):
    owner, guest = register_twin(chain, alice), register_twin(chain, bob)
    circle = private_circle(chain, alice, owner, "family")

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


def test_authority_ends_where_it_came_from(chain, charlie, dave, eve):
    """A manager cannot publish a private circle's members, and an invitation is worth its
    inviter's right at acceptance, not when it was made."""
    owner, admin, guest = (register_twin(chain, who) for who in (charlie, dave, eve))
    circle = private_circle(chain, charlie, owner, "board")
    ok(chain, charlie, "Circles", "invite",
       {"circle": circle, "as_twin": owner, "twin": admin, "role": "Admin"})
    ok(chain, dave, "Circles", "accept_invitation", {"circle": circle, "as_twin": admin})

    # The admin manages the circle, but only its owner makes it public.
    exposed = included_call(chain, dave, "Circles", "update_circle", {
        "circle": circle, "as_twin": admin, "description": "open to all",
        "visibility": "Public", "rights": RIGHTS,
    })
    assert not exposed.is_success and exposed.error_message["name"] == "OwnerSetsVisibility"
    assert chain.query("Circles", "Circles", [circle]).value["visibility"] == "Private"

    # The admin invites, then is demoted below the role it offered: the invitation lapses at
    # acceptance, and the deposit goes back to the admin's account.
    ok(chain, dave, "Circles", "invite",
       {"circle": circle, "as_twin": admin, "twin": guest, "role": "Admin"})
    assert held(chain, dave, "Circles", "PendingDeposit") > 0, "the inviter holds the invitation's deposit"
    ok(chain, charlie, "Circles", "set_role",
       {"circle": circle, "as_twin": owner, "twin": admin, "role": "Member"})
    answered = ok(chain, eve, "Circles", "accept_invitation", {"circle": circle, "as_twin": guest})
    assert event(answered, "Circles", "InvitationLapsed") == {"circle": circle, "twin": guest, "by": admin}
    assert chain.query("Circles", "Members", [circle, guest]).value is None
    assert chain.query("Circles", "PendingEntries", [circle, guest]).value is None
    assert held(chain, dave, "Circles", "PendingDeposit") == 0


def test_a_role_counts_where_its_right_comes_from(chain, ferdie):
    """An admin of a parent whose admins hold no powers, who is a member with every right in
    the sub-circle, grants there what a member may, not what an admin may; and one account's
    throwaway twins take two of a circle's request slots, not all of them."""
    owner = register_twin(chain, ferdie)
    children = [
        event(ok(chain, ferdie, "Twins", "create_child_twin",
                 {"parent": owner, "relay": None, "name": None}), "Twins", "TwinCreated")["twin"]
        for _ in range(5)
    ]

    def circle(name, parent, rights):
        created = ok(chain, ferdie, "Circles", "create_circle", {
            "owner": owner, "name": name, "description": "", "parent": parent,
            "visibility": "Public", "rights": rights})
        return event(created, "Circles", "CircleCreated")["circle"]

    def join(circle, twin, role):
        ok(chain, ferdie, "Circles", "invite",
           {"circle": circle, "as_twin": owner, "twin": twin, "role": role})
        ok(chain, ferdie, "Circles", "accept_invitation", {"circle": circle, "as_twin": twin})

    council = circle("council", None, {"admin": READ, "member": READ, "viewer": READ})
    group = circle("group", council, {"admin": 15, "member": 15, "viewer": READ})
    insider = children[0]
    join(council, insider, "Admin")
    join(group, insider, "Member")
    takeover = included_call(chain, ferdie, "Circles", "invite",
                             {"circle": group, "as_twin": insider, "twin": children[1], "role": "Admin"})
    assert not takeover.is_success and takeover.error_message["name"] == "RoleTooHigh"
    ok(chain, ferdie, "Circles", "invite",
       {"circle": group, "as_twin": insider, "twin": children[1], "role": "Member"})

    for twin in children[2:4]:
        ok(chain, ferdie, "Circles", "request_join", {"circle": group, "as_twin": twin})
    jam = included_call(chain, ferdie, "Circles", "request_join", {"circle": group, "as_twin": children[4]})
    assert not jam.is_success and jam.error_message["name"] == "TooManyRequestsFromAccount"
    assert chain.query("Circles", "Circles", [group]).value["requests"] == 2
