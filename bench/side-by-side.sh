#!/usr/bin/env bash
# Side-by-side client benchmark (issue 13): this client, plain OkHttp + Jackson, proxmoxer and the npm
# proxmox-api client against one simulator; sequential and 8-way; small (status/current) and large
# (/cluster/resources with 1,000 guests) responses. Writes bench/results/side-by-side.json and prints
# a table, then a paired comparison (pairs=100: short blocks of this client and plain OkHttp in
# alternating order, the median of per-pair ratios; pairs=0 skips it). Extra arguments go to
# ClientSideBySide (e.g. rounds=3 requests=1000 clients=ours,okhttp pairs=200).
#
# Needs Java 17+, Maven, python3 with proxmoxer (Debian: apt-get install python3-proxmoxer) and
# Node.js 18+ with npm. The npm client is installed into bench/target/npm-clients, never globally.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

python="${PYTHON:-python3}"
if ! "$python" -c 'import proxmoxer' 2>/dev/null; then
  # Debian's python3-proxmoxer lives in the system interpreter's dist-packages
  if /usr/bin/python3 -c 'import proxmoxer' 2>/dev/null; then
    python=/usr/bin/python3
  else
    echo "side-by-side: proxmoxer missing; install it (Debian: apt-get install -y python3-proxmoxer)" >&2
    exit 1
  fi
fi
command -v node >/dev/null || { echo "side-by-side: node (Node.js 18+) missing" >&2; exit 1; }

npm_dir="$here/bench/target/npm-clients"
if [ ! -f "$npm_dir/node_modules/proxmox-api/package.json" ]; then
  mkdir -p "$npm_dir"
  (cd "$npm_dir" && npm install --no-audit --no-fund --no-save proxmox-api@1.1.1 >&2)
fi

if [ ! -f bench/target/benchmarks.jar ] || [ -n "$(find pom.xml bench/src proxmox-lxc-core/src/main \
    proxmox-lxc-testkit/src/main -newer bench/target/benchmarks.jar -type f -print -quit)" ]; then
  mvn -B -q -Dstyle.color=never -Pbench -pl bench -am package -DskipTests >&2
fi

mkdir -p bench/results
exec java -cp bench/target/benchmarks.jar io.github.proxmoxlxc.bench.client.ClientSideBySide \
    python="$python" npmDir="$npm_dir" scripts="$here/bench/clients" out=bench/results/side-by-side.json \
    pairs=100 "$@"
