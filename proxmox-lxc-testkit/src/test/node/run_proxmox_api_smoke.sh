#!/usr/bin/env bash
# Starts PveSimulatorMain with a cluster description (pool ci, a restricted privilege-separated
# token), installs the npm client proxmox-api 1.1.1 into target/npm (not saved anywhere), runs
# proxmox_api_smoke.js against it, stops the simulator.
# Needs: a compiled testkit (target/classes), node >= 18 and npm.
# Usage: run_proxmox_api_smoke.sh   (from anywhere; uses mvn to compute the class path)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
module="$(cd "$here/../../.." && pwd)"
root="$(cd "$module/.." && pwd)"
work="$(mktemp -d)"
trap 'exec 3>&- 2>/dev/null || true; [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT

npmdir="$module/target/npm"
if [ ! -f "$npmdir/node_modules/proxmox-api/package.json" ] \
    || ! grep -q '"version": "1.1.1"' "$npmdir/node_modules/proxmox-api/package.json"; then
  mkdir -p "$npmdir"
  (cd "$npmdir" && npm install --no-save --no-audit --no-fund --no-package-lock proxmox-api@1.1.1 >"$work/npm.log" 2>&1) \
    || { cat "$work/npm.log" >&2; exit 1; }
fi

secret=6f0c5b8e-1d2a-4c3b-9e8f-7a6b5c4d3e2f
cat >"$work/cluster.yaml" <<YAML
pools:
  - {id: ci, comment: smoke}
users:
  - {id: limited@pve}
tokens:
  - {id: limited@pve!smoke, secret: $secret, privsep: true}
acl:
  - {path: /, user: limited@pve, role: PVEAdmin}
  - {path: /vms, token: limited@pve!smoke, privileges: [VM.Allocate]}
  - {path: /storage, token: limited@pve!smoke, privileges: [Datastore.AllocateSpace, Datastore.Audit]}
  - {path: /sdn, token: limited@pve!smoke, privileges: [SDN.Use]}
YAML

(cd "$root" && mvn -B -q dependency:build-classpath -pl proxmox-lxc-testkit -Dmdep.outputFile="$work/cp" >"$work/mvn.log" 2>&1) \
  || { cat "$work/mvn.log" >&2; exit 1; }
mkfifo "$work/stdin"
java -cp "$module/target/classes:$(cat "$work/cp")" io.github.proxmoxlxc.testkit.internal.PveSimulatorMain \
  "--config=$work/cluster.yaml" <"$work/stdin" >"$work/sim.json" 2>"$work/sim.err" &
pid=$!
exec 3>"$work/stdin"   # keeps the simulator running until closed
for _ in $(seq 1 600); do
  [ -s "$work/sim.json" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/sim.err" >&2; exit 1; }
  sleep 0.1
done
[ -s "$work/sim.json" ] || { echo "simulator did not start" >&2; exit 1; }
ca="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["caFile"])' "$work/sim.json" 2>/dev/null \
  || sed -n 's/.*"caFile":"\([^"]*\)".*/\1/p' "$work/sim.json")"
# the simulator's CA is trusted like any other: no NODE_TLS_REJECT_UNAUTHORIZED=0
NODE_PATH="$npmdir/node_modules" NODE_EXTRA_CA_CERTS="$ca" RESTRICTED_TOKEN_ID='limited@pve!smoke' \
  RESTRICTED_TOKEN_SECRET="$secret" node "$here/proxmox_api_smoke.js" "$work/sim.json"
exec 3>&-
wait "$pid"
