// npm proxmox-api side of bench ClientSideBySide: GETs BENCH_PATH with BENCH_THREADS concurrent
// callers on one event loop, BENCH_WARMUP untimed then BENCH_REQUESTS timed; prints
// {"seconds": s, "requests": n}. Run with the working directory holding node_modules/proxmox-api
// 1.1.1 (bench/side-by-side.sh installs it); TLS trusts the simulator's CA through undici.
'use strict';
const path = require('path');
const fs = require('fs');
const req = (m) => require(path.join(process.cwd(), 'node_modules', m));
const proxmoxApi = req('proxmox-api').default;
const { Agent, fetch } = req('undici');

const env = process.env;
const agent = new Agent({ connect: { ca: fs.readFileSync(env.PVE_CA_FILE) } });
const api = proxmoxApi({
  host: env.PVE_HOST, port: Number(env.PVE_PORT),
  tokenID: env.PVE_TOKEN_ID, tokenSecret: env.PVE_TOKEN_SECRET,
  fetch: (url, init) => fetch(url, { ...init, dispatcher: agent }),
});
const target = env.BENCH_PATH === '/cluster/resources'
  ? () => api.cluster.resources.$get()
  : (() => {
      const [, , node, , vmid] = env.BENCH_PATH.split('/');
      return () => api.nodes.$(node).lxc.$(Number(vmid)).status.current.$get();
    })();

async function drive(n, threads) {
  let left = n;
  const worker = async () => {
    while (left-- > 0) {
      const r = await target();
      if (r === undefined || r === null) throw new Error('no result');
    }
  };
  const t0 = process.hrtime.bigint();
  await Promise.all(Array.from({ length: threads }, worker));
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

(async () => {
  const threads = Number(env.BENCH_THREADS);
  await drive(Number(env.BENCH_WARMUP), threads);
  const seconds = await drive(Number(env.BENCH_REQUESTS), threads);
  console.log(JSON.stringify({ seconds, requests: Number(env.BENCH_REQUESTS) }));
  await agent.close();
})().catch((e) => { console.error(e); process.exit(1); });
