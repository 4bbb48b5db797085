"""The grid on the dev chain over RPC with a real client: a farm with a public IP, a node in it
registered with its farmer's consent, an uptime report by the node's own key, a private IP
refused, and certifications that fall with the farm they vouched for and with their
certifier."""

from conftest import event, included_call, node_spec, register_twin, succeeded_call as ok, wait_until

PUBLIC_IP = {"ip": [185, 69, 166, 10], "prefix": 24, "gateway": [185, 69, 166, 1]}


def test_farm_node_uptime_and_a_refused_private_ip(chain, alice, bob, charlie):
    # Alice farms; Bob's key is the node's. The node's twin is a child of Alice's twin, handed
    # to Bob and kept under Alice's twin: Alice consents to the node, Bob's key acts for it.
    farmer = register_twin(chain, alice)
    child = ok(chain, alice, "Twins", "create_child_twin",
               {"parent": farmer, "relay": None, "name": None})
    node_twin = event(child, "Twins", "TwinCreated")["twin"]
    ok(chain, alice, "Twins", "request_transfer", {"twin": node_twin, "to": bob.ss58_address})
    # Bob takes it where it is, under Alice's twin: his choice keeps the farmer acting for it.
    ok(chain, bob, "Twins", "accept_transfer", {"twin": node_twin, "parent": farmer})

    created = ok(chain, alice, "Grid", "create_farm",
                 {"owner": farmer, "name": "Freefarm", "dedicated": False, "ips": [[PUBLIC_IP]]})
    farm = event(created, "Grid", "FarmCreated")["farm"]
    stored = chain.query("Grid", "Farms", [farm]).value
    # Fixed-size byte arrays read back as hex.
    offered = [{"ip": "0xb945a60a", "prefix": 24, "gateway": "0xb945a601"}]
    assert stored["owner"] == farmer and stored["public_ips"] == offered
    assert chain.query("Grid", "IpHolders", [[185, 69, 166, 10]]).value == {"Farm": farm}

    # A private address is refused, and the farm is unchanged.
    refused = included_call(chain, alice, "Grid", "add_farm_ip",
                            {"farm": farm, "ip": {"ip": [192, 168, 1, 10], "prefix": 24,
                                                  "gateway": [192, 168, 1, 1]}})
    assert not refused.is_success and refused.error_message["name"] == "IpNotPublic"
    assert chain.query("Grid", "Farms", [farm]).value["public_ips"] == offered

    registered = ok(chain, alice, "Grid", "create_node",
                    {"farm": farm, "twin": node_twin, "spec": node_spec("BE")})
    node = event(registered, "Grid", "NodeCreated")["node"]
    # A farm's nodes are keyed by their ids in big-endian, so that they list in id order.
    assert chain.query("Grid", "NodesByFarm", [farm, "0x" + node.to_bytes(4, "big").hex()]).value is not None
    assert chain.query("Grid", "NodeByTwin", [node_twin]).value == node

    # The node reports its uptime with its own key and its clock's time; its farmer, who acts
    # for the node's twin as its parent's controller, cannot report for it.
    now = chain.query("Timestamp", "Now").value // 1000
    made_up = included_call(chain, alice, "Grid", "report_uptime",
                            {"node": node, "uptime": 3600, "timestamp_hint": now})
    assert not made_up.is_success and made_up.error_message["name"] == "NotTwinController"
    assert chain.query("Grid", "Nodes", [node]).value["uptime"] is None
    ok(chain, bob, "Grid", "report_uptime", {"node": node, "uptime": 3600, "timestamp_hint": now})
    report = chain.query("Grid", "Nodes", [node]).value["uptime"]
    assert report["uptime"] == 3600 and abs(report["at"] - now) <= 60
    stale = included_call(chain, bob, "Grid", "report_uptime",
                          {"node": node, "uptime": 3700, "timestamp_hint": now - 3600})
    assert not stale.is_success and stale.error_message["name"] == "TimestampHintOutOfRange"

    # Governance (the sudo key on the dev chain) certifies the farm; a signed call cannot.
    certify = chain.compose_call("Grid", "set_farm_certification", {"farm": farm, "certification": "Gold"})
    refused = included_call(chain, bob, "Grid", "set_farm_certification",
                            {"farm": farm, "certification": "Gold"})
    assert not refused.is_success and refused.error_message["name"] == "BadOrigin"
    assert chain.query("Grid", "Farms", [farm]).value["certification"] == "NotCertified"
    certified = ok(chain, alice, "Sudo", "sudo", {"call": certify})
    assert event(certified, "Grid", "FarmCertificationSet") == {"farm": farm, "certification": "Gold"}
    assert chain.query("Grid", "Farms", [farm]).value["certification"] == "Gold"

    # A new public IP makes it another farm than the one governance certified.
    changed = ok(chain, alice, "Grid", "add_farm_ip", {"farm": farm, "ip": {
        "ip": [185, 69, 166, 11], "prefix": 24, "gateway": [185, 69, 166, 1]}})
    assert event(changed, "Grid", "FarmCertificationReset") == {"farm": farm}
    assert chain.query("Grid", "Farms", [farm]).value["certification"] == "NotCertified"

    # A certifier certifies the node; once governance no longer names it, the node is DIY
    # again, in the blocks' idle time.
    def sudo(function, params):
        return ok(chain, alice, "Sudo", "sudo", {"call": chain.compose_call("Grid", function, params)})

    # The list is a BoundedVec, which py-substrate-interface takes as a one-field tuple.
    sudo("set_node_certifiers", {"certifiers": [[charlie.ss58_address]]})
    ok(chain, charlie, "Grid", "set_node_certification", {"node": node, "certification": "Certified"})
    assert chain.query("Grid", "CertifiedBy", [node]).value == charlie.ss58_address
    sudo("set_node_certifiers", {"certifiers": [[]]})
    wait_until(lambda: chain.query("Grid", "Nodes", [node]).value["certification"] == "Diy", 30,
               what="the unnamed certifier's certification to be revoked")
    assert chain.query("Grid", "CertifiedBy", [node]).value is None
