#!/usr/bin/env python3
"""Drives the PVE simulator with Debian's unmodified proxmoxer (1.2.0) to prove a third-party
client cannot tell it from a node: token login, nodes, create from a template, task polling,
start, status, stop, destroy; then the ticket (user/password) flow with CSRF on writes.

Usage: proxmoxer_smoke.py SIMULATOR_JSON   (the line PveSimulatorMain prints)
"""
import json
import sys
import time

import requests
from proxmoxer import ProxmoxAPI
from proxmoxer.core import ResourceException

TEMPLATE = "local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst"


def wait_task(api, node, upid, timeout=60.0):
    """Polls the task status until it stopped (proxmoxer 1.2.0 has no task helper)."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        status = api.nodes(node).tasks(upid).status.get()
        if status["status"] == "stopped":
            return status
        time.sleep(0.02)
    raise AssertionError("task did not stop in time: " + upid)


def expect_ok(status):
    exit_status = status.get("exitstatus")
    if exit_status != "OK":
        raise AssertionError("task failed: %r" % (status,))


def check(cond, what):
    if not cond:
        raise AssertionError(what)
    print("ok   " + what)


def main():
    sim = json.loads(open(sys.argv[1]).read() if len(sys.argv) > 1 else sys.stdin.readline())
    host = "%s:%d" % (sim["host"], sim["port"])
    node = sim["node"]
    user, token_name = sim["tokenId"].split("!", 1)

    # --- API token
    api = ProxmoxAPI(host, user=user, token_name=token_name, token_value=sim["tokenSecret"],
                     verify_ssl=sim["caFile"], backend="https")
    check(api.version.get()["release"] == "9.1", "token: GET /version")
    nodes = [n["node"] for n in api.nodes.get()]
    check(node in nodes, "token: GET /nodes lists %s" % node)
    vmid = int(api.cluster.nextid.get())
    check(vmid >= 100, "token: nextid %d" % vmid)
    templates = [c["volid"] for c in api.nodes(node).storage("local").content.get(content="vztmpl")]
    check(TEMPLATE in templates, "token: template present in local storage")
    # pveproxy gzips a body over 1024 bytes for a client that accepts gzip, as requests does
    appliances = api.nodes(node).aplinfo.get()
    raw = requests.get("https://%s/api2/json/nodes/%s/aplinfo" % (host, node), verify=sim["caFile"], timeout=30,
                       headers={"Authorization": "PVEAPIToken=%s=%s" % (sim["tokenId"], sim["tokenSecret"])})
    check(raw.headers.get("Content-Encoding") == "gzip" and raw.json()["data"] == appliances,
          "token: GET aplinfo (over 1 KiB) arrives gzipped and decodes")

    upid = api.nodes(node).lxc.post(vmid=vmid, ostemplate=TEMPLATE, hostname="smoke", storage="local-lvm",
                                    rootfs="local-lvm:8", memory=512, net0="name=eth0,bridge=vmbr0,ip=dhcp",
                                    unprivileged=1, features="nesting=1")
    check(upid.startswith("UPID:%s:" % node), "token: create returned a UPID")
    expect_ok(wait_task(api, node, upid))
    check(api.nodes(node).lxc(vmid).config.get()["hostname"] == "smoke", "token: config readable")

    try:
        api.nodes(node).lxc(vmid).config.put(dev0="/dev/dri/renderD128,gid=104")
        raise AssertionError("token must not set dev0")
    except ResourceException as e:
        check(e.status_code == 403, "token: dev0 refused with 403 (%s)" % e.status_message)

    expect_ok(wait_task(api, node, api.nodes(node).lxc(vmid).status.start.post()))
    current = api.nodes(node).lxc(vmid).status.current.get()
    check(current["status"] == "running", "token: container running")
    expect_ok(wait_task(api, node, api.nodes(node).lxc(vmid).status.stop.post()))
    check(api.nodes(node).lxc(vmid).status.current.get()["status"] == "stopped", "token: container stopped")
    expect_ok(wait_task(api, node, api.nodes(node).lxc(vmid).delete(purge=1)))
    check(all(c["vmid"] != vmid for c in api.nodes(node).lxc.get()), "token: container destroyed")

    # --- ticket (user/password) with CSRF on writes
    tapi = ProxmoxAPI(host, user="root@pam", password=sim["rootPassword"], verify_ssl=sim["caFile"],
                      backend="https")
    check(node in [n["node"] for n in tapi.nodes.get()], "ticket: GET /nodes")
    vmid2 = int(tapi.cluster.nextid.get())
    upid = tapi.nodes(node).lxc.post(vmid=vmid2, ostemplate=TEMPLATE, storage="local-lvm",
                                     dev0="/dev/dri/renderD128,gid=104")
    expect_ok(wait_task(tapi, node, upid))
    check(tapi.nodes(node).lxc(vmid2).config.get()["dev0"].startswith("/dev/dri/renderD128"),
          "ticket: root@pam may set dev0")
    expect_ok(wait_task(tapi, node, tapi.nodes(node).lxc(vmid2).delete()))

    try:
        ProxmoxAPI(host, user="root@pam", password="wrong-password", verify_ssl=False, backend="https")
        raise AssertionError("bad password must fail")
    except Exception as e:  # proxmoxer 1.2.0 raises AuthenticationError
        check(type(e).__name__ == "AuthenticationError", "ticket: bad password refused (%s)" % type(e).__name__)

    print("proxmoxer smoke OK")


if __name__ == "__main__":
    main()
