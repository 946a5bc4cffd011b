#!/usr/bin/env bash
# Starts PveSimulatorMain, runs proxmoxer_smoke.py against it, stops the simulator.
# Needs: a compiled testkit (target/classes) and Debian's python3-proxmoxer.
# Usage: run_proxmoxer_smoke.sh   (from anywhere; uses mvn to compute the class path)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
module="$(cd "$here/../../.." && pwd)"
root="$(cd "$module/.." && pwd)"
work="$(mktemp -d)"
trap 'exec 3>&- 2>/dev/null || true; [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT

py=/usr/bin/python3
if ! "$py" -c 'import proxmoxer' 2>/dev/null; then py=python3; fi

(cd "$root" && mvn -B -q dependency:build-classpath -pl proxmox-lxc-testkit -Dmdep.outputFile="$work/cp" >"$work/mvn.log" 2>&1) \
  || { cat "$work/mvn.log" >&2; exit 1; }
mkfifo "$work/stdin"
java -cp "$module/target/classes:$(cat "$work/cp")" io.github.proxmoxlxc.testkit.internal.PveSimulatorMain \
  <"$work/stdin" >"$work/sim.json" 2>"$work/sim.err" &
pid=$!
exec 3>"$work/stdin"   # keeps the simulator running until closed
for _ in $(seq 1 600); do
  [ -s "$work/sim.json" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/sim.err" >&2; exit 1; }
  sleep 0.1
done
[ -s "$work/sim.json" ] || { echo "simulator did not start" >&2; exit 1; }
"$py" "$here/proxmoxer_smoke.py" "$work/sim.json"
exec 3>&-
wait "$pid"
