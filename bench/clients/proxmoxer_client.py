#!/usr/bin/env python3
"""proxmoxer side of bench ClientSideBySide: GETs BENCH_PATH with BENCH_THREADS threads
(one ProxmoxAPI per thread, keep-alive session), BENCH_WARMUP untimed then BENCH_REQUESTS timed;
prints {"seconds": s, "requests": n}. Needs the Debian package python3-proxmoxer."""
import json
import os
import threading
import time

from proxmoxer import ProxmoxAPI

host = os.environ["PVE_HOST"]
port = int(os.environ["PVE_PORT"])
user, token = os.environ["PVE_TOKEN_ID"].split("!", 1)
secret = os.environ["PVE_TOKEN_SECRET"]
ca = os.environ["PVE_CA_FILE"]
path = os.environ["BENCH_PATH"]
threads = int(os.environ["BENCH_THREADS"])
warmup = int(os.environ["BENCH_WARMUP"])
requests = int(os.environ["BENCH_REQUESTS"])

apis = [ProxmoxAPI(host, port=port, user=user, token_name=token, token_value=secret, verify_ssl=ca)
        for _ in range(threads)]


def call(api):
    result = api.get(path.lstrip("/"))
    if result is None:
        raise RuntimeError("no result")


def drive(n):
    left = [n]
    lock = threading.Lock()

    def work(api):
        while True:
            with lock:
                if left[0] <= 0:
                    return
                left[0] -= 1
            call(api)

    ts = [threading.Thread(target=work, args=(a,)) for a in apis]
    t0 = time.perf_counter()
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return time.perf_counter() - t0


drive(warmup)
print(json.dumps({"seconds": drive(requests), "requests": requests}))
