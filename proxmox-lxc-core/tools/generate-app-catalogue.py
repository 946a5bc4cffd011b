#!/usr/bin/env python3
"""Regenerates the bundled app catalogue of proxmox-lxc-core from the community-scripts data file.

Usage (from the repository root):

    python3 proxmox-lxc-core/tools/generate-app-catalogue.py PATH/TO/community-scripts-apps.json

It writes proxmox-lxc-core/src/main/resources/io/github/proxmoxlxc/core/apps/community-scripts-apps.json:
the same facts, checked and normalised (OS names in lower case, apps sorted by slug, only the fields
the library reads), one app per line so a refresh gives a readable diff. Commit the result together
with an updated NOTICE if the copyright line in the data file's _source changed.

The data file lists, for each container app of community-scripts/ProxmoxVE (MIT licence), its slug,
name, categories, web port, privileged and updateable flags, config path, default credentials, the
website's resource figures per install method, the ct/ and install/ script names and the var_*
defaults its ct/<slug>.sh applies at the scripts commit (ct_vars_at_head). Only facts are copied;
no script code.

Standard library only; no network access.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "src", "main", "resources", "io", "github", "proxmoxlxc", "core", "apps",
                   "community-scripts-apps.json")
SLUG = re.compile(r"^[a-z0-9][a-z0-9._-]{0,62}$")
VAR = re.compile(r"^var_[a-z0-9_]+$")


def fail(msg):
    sys.exit("generate-app-catalogue: " + msg)


def text(v, what):
    if v is None:
        return None
    if not isinstance(v, str):
        fail(what + ": expected text, got " + repr(v))
    v = v.strip()
    return v or None


def number(v, what):
    if v is None:
        return None
    if isinstance(v, bool) or not isinstance(v, int) or v < 0:
        fail(what + ": expected a non-negative integer, got " + repr(v))
    return v


def method(m, slug):
    where = slug + " install method"
    kind = text(m.get("type"), where + " type")
    if kind is None:
        fail(where + ": no type")
    return {
        "type": kind.lower(),
        "script": text(m.get("script"), where + " script"),
        "cpu": number(m.get("cpu"), where + " cpu"),
        "ram": number(m.get("ram"), where + " ram"),
        "disk": number(m.get("hdd"), where + " hdd"),
        "os": (text(m.get("os"), where + " os") or "").lower() or None,
        "version": text(str(m["version"]) if m.get("version") is not None else None, where + " version"),
    }


def app(a):
    slug = text(a.get("slug"), "slug")
    if slug is None or not SLUG.match(slug):
        fail("bad slug " + repr(a.get("slug")))
    port = a.get("interface_port")
    if port is not None and (isinstance(port, bool) or not isinstance(port, int) or not 0 < port < 65536):
        fail(slug + ": interface_port " + repr(port))
    creds = a.get("default_credentials") or {}
    ct_vars = {}
    for k, v in (a.get("ct_vars_at_head") or {}).items():
        if not VAR.match(k) or not isinstance(v, str):
            fail(slug + ": ct_vars_at_head entry " + repr((k, v)))
        ct_vars[k] = v
    return {
        "slug": slug,
        "name": text(a.get("name"), slug + " name") or slug,
        "categories": [text(c, slug + " category") for c in a.get("categories") or []],
        "port": port,
        "privileged": bool(a.get("privileged")),
        "updateable": bool(a.get("updateable")),
        "config_path": text(a.get("config_path"), slug + " config_path"),
        "website": text(a.get("website"), slug + " website"),
        "documentation": text(a.get("documentation"), slug + " documentation"),
        "username": text(creds.get("username"), slug + " username"),
        "password": text(creds.get("password"), slug + " password"),
        "methods": [method(m, slug) for m in a.get("install_methods") or []],
        "ct_script": text(a.get("ct_script"), slug + " ct_script"),
        "install_script": text(a.get("install_script"), slug + " install_script"),
        "ct_vars": ct_vars,
    }


def main():
    if len(sys.argv) != 2:
        fail("usage: generate-app-catalogue.py community-scripts-apps.json")
    with open(sys.argv[1], encoding="utf-8") as f:
        data = json.load(f)
    source = data.get("_source") or {}
    for key in ("repo", "license", "metadata_commit", "scripts_commit"):
        if not source.get(key):
            fail("_source." + key + " is missing")
    apps = sorted((app(a) for a in data.get("apps") or []), key=lambda a: a["slug"])
    seen = set()
    for a in apps:
        if a["slug"] in seen:
            fail("duplicate slug " + a["slug"])
        seen.add(a["slug"])
    head = {k: source[k] for k in ("repo", "license", "metadata_commit", "scripts_commit")}
    lines = ["{", ' "source": ' + json.dumps(head, ensure_ascii=False, sort_keys=True) + ",", ' "apps": [']
    for i, a in enumerate(apps):
        lines.append("  " + json.dumps(a, ensure_ascii=False) + ("," if i + 1 < len(apps) else ""))
    lines += [" ]", "}"]
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    print("wrote %d apps to %s" % (len(apps), os.path.normpath(OUT)))


if __name__ == "__main__":
    main()
