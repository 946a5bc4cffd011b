#!/usr/bin/env node
// Drives the PVE simulator with the unmodified npm client proxmox-api (pinned 1.1.1) to prove a
// third-party client cannot tell it from a node: token login, nodes, create from a template, task
// polling, start, status, stop, destroy, the per-option 403 of a restricted privilege-separated
// token, pools; then the ticket (user/password) flow with CSRF on writes.
//
// Usage: NODE_PATH=<dir with node_modules> NODE_EXTRA_CA_CERTS=<caFile> node proxmox_api_smoke.js SIMULATOR_JSON
//        (SIMULATOR_JSON: the line PveSimulatorMain prints); RESTRICTED_TOKEN_ID / RESTRICTED_TOKEN_SECRET
//        name the limited token of the cluster description the runner started it with.
'use strict';
const fs = require('fs');
const proxmoxApi = require('proxmox-api').default;

const TEMPLATE = 'local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst';

function check(cond, what) {
  if (!cond) {
    throw new Error('FAILED: ' + what);
  }
  console.log('ok   ' + what);
}

async function waitTask(api, node, upid, timeoutMs = 60000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const status = await api.nodes.$(node).tasks.$(upid).status.$get();
    if (status.status === 'stopped') {
      return status;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('task did not stop in time: ' + upid);
}

async function expectOk(api, node, upid) {
  const status = await waitTask(api, node, upid);
  if (status.exitstatus !== 'OK') {
    throw new Error('task failed: ' + JSON.stringify(status));
  }
}

async function expectError(promise, pattern, what) {
  try {
    await promise;
  } catch (e) {
    check(pattern.test(e.message), what + ' (' + e.message.split(': {')[0] + ')');
    return e;
  }
  throw new Error('FAILED: ' + what + ': no error');
}

async function main() {
  const sim = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const node = sim.node;
  const host = sim.host;
  const port = sim.port;

  // --- API token (the primary token holds every privilege)
  const api = proxmoxApi({ host, port, tokenID: sim.tokenId, tokenSecret: sim.tokenSecret });
  check((await api.version.$get()).release === '9.1', 'token: GET /version');
  check((await api.nodes.$get()).some((n) => n.node === node), 'token: GET /nodes lists ' + node);
  const vmid = Number(await api.cluster.nextid.$get());
  check(vmid >= 100, 'token: nextid ' + vmid);
  const content = await api.nodes.$(node).storage.$('local').content.$get({ content: 'vztmpl' });
  check(content.some((c) => c.volid === TEMPLATE), 'token: template present in local storage');
  // pveproxy gzips a body over 1024 bytes for a client that accepts gzip, as undici's fetch does
  const appliances = await api.nodes.$(node).aplinfo.$get();
  const raw = await require('undici').fetch(`https://${host}:${port}/api2/json/nodes/${node}/aplinfo`,
    { headers: { Authorization: `PVEAPIToken=${sim.tokenId}=${sim.tokenSecret}` } });
  const rawBody = await raw.json();
  check(raw.headers.get('content-encoding') === 'gzip' && JSON.stringify(rawBody.data) === JSON.stringify(appliances),
    'token: GET aplinfo (over 1 KiB) arrives gzipped and decodes');

  const upid = await api.nodes.$(node).lxc.$post({ vmid, ostemplate: TEMPLATE, hostname: 'smoke', storage: 'local-lvm',
    rootfs: 'local-lvm:8', memory: 512, net0: 'name=eth0,bridge=vmbr0,ip=dhcp', unprivileged: true,
    features: 'nesting=1', pool: 'ci' });
  check(upid.startsWith('UPID:' + node + ':'), 'token: create returned a UPID');
  await expectOk(api, node, upid);
  check((await api.nodes.$(node).lxc.$(vmid).config.$get()).hostname === 'smoke', 'token: config readable');
  const pool = await api.pools.$('ci').$get();
  check(pool.members.some((m) => m.vmid === vmid), 'token: the container joined pool ci');
  await expectError(api.nodes.$(node).lxc.$(vmid).config.$put({ dev0: '/dev/dri/renderD128,gid=104' }),
    /403 Permission check failed \(configuring device passthrough is only allowed for root@pam\)/,
    'token: dev0 refused with 403');
  await expectError(api.nodes.$(node).lxc.$post({ vmid: vmid + 1, ostemplate: TEMPLATE, rootfs: '8' }),
    /500 Only root can pass arbitrary filesystem paths\. at \/usr\/share\/perl5\/PVE\/Storage\.pm line 651\./,
    'token: a bare-number rootfs refused with 500');

  await expectOk(api, node, await api.nodes.$(node).lxc.$(vmid).status.start.$post());
  check((await api.nodes.$(node).lxc.$(vmid).status.current.$get()).status === 'running', 'token: container running');
  await expectOk(api, node, await api.nodes.$(node).lxc.$(vmid).status.stop.$post());
  check((await api.nodes.$(node).lxc.$(vmid).status.current.$get()).status === 'stopped', 'token: container stopped');

  // --- a privilege-separated token with VM.Allocate, Datastore.AllocateSpace and SDN.Use only
  if (process.env.RESTRICTED_TOKEN_ID) {
    const limited = proxmoxApi({ host, port, tokenID: process.env.RESTRICTED_TOKEN_ID,
      tokenSecret: process.env.RESTRICTED_TOKEN_SECRET });
    await expectError(limited.nodes.$(node).lxc.$post({ vmid: vmid + 2, ostemplate: TEMPLATE, storage: 'local-lvm',
      memory: 1024 }), new RegExp('403 Permission check failed \\(/vms/' + (vmid + 2) + ', VM.Config.Memory\\)'),
      'restricted token: per-option privilege VM.Config.Memory demanded');
    await expectError(limited.nodes.$(node).lxc.$(vmid).status.start.$post(),
      new RegExp('403 Permission check failed \\(/vms/' + vmid + ', VM.PowerMgmt\\)'),
      'restricted token: start needs VM.PowerMgmt');
  }

  await expectOk(api, node, await api.nodes.$(node).lxc.$(vmid).$delete({ purge: 1 }));
  check((await api.nodes.$(node).lxc.$get()).every((c) => c.vmid !== vmid), 'token: container destroyed');

  // --- ticket (user/password) with CSRF on writes
  const tapi = proxmoxApi({ host, port, username: 'root@pam', password: sim.rootPassword });
  check((await tapi.nodes.$get()).some((n) => n.node === node), 'ticket: GET /nodes');
  const vmid2 = Number(await tapi.cluster.nextid.$get());
  await expectOk(tapi, node, await tapi.nodes.$(node).lxc.$post({ vmid: vmid2, ostemplate: TEMPLATE,
    storage: 'local-lvm', dev0: '/dev/dri/renderD128,gid=104' }));
  check((await tapi.nodes.$(node).lxc.$(vmid2).config.$get()).dev0.startsWith('/dev/dri/renderD128'),
    'ticket: root@pam may set dev0');
  await expectOk(tapi, node, await tapi.nodes.$(node).lxc.$(vmid2).$delete());
  await expectError(proxmoxApi({ host, port, username: 'root@pam', password: 'wrong-password' }).nodes.$get(),
    /401|authentication failure|Auth .*access\/ticket Failed/, 'ticket: bad password refused');

  console.log('proxmox-api smoke OK');
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(1);
});
