"""Link-checker benchmark: 500 URLs on 10 loopback hosts (127.0.0.1-10, 50 each), every
answer after 100 ms. Times, in one run: this checker with its default politeness (cold
cache, then warm cache), the same checker one URL after another, and ``linkchecker``
from PyPI on one HTML page that links all 500 URLs.

    .venv/bin/pip install -r requirements-bench.txt
    .venv/bin/python benchmarks/linkcheck_bench.py
"""
from __future__ import annotations

import asyncio
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from aiohttp import web

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policydocs.linkcheck import config as settings  # noqa: E402
from policydocs.linkcheck.addresses import AddressPolicy  # noqa: E402
from policydocs.linkcheck.cache import Cache  # noqa: E402
from policydocs.linkcheck.checker import Checker  # noqa: E402

HOSTS = [f"127.0.0.{i}" for i in range(1, 11)]
PER_HOST = 50
DELAY = 0.1


class Servers:
    def __init__(self) -> None:
        self.requests = 0
        self.port = self._free_port()
        self.loop = asyncio.new_event_loop()
        self.ready = threading.Event()
        threading.Thread(target=self._run, daemon=True).start()
        self.ready.wait()

    @staticmethod
    def _free_port() -> int:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            return sock.getsockname()[1]

    async def _handle(self, request: web.Request) -> web.Response:
        self.requests += 1
        if request.path == "/links.html":
            links = "\n".join(f'<a href="{u}">{u}</a>' for u in urls(self.port))
            return web.Response(text=f"<html><body>{links}</body></html>", content_type="text/html")
        await asyncio.sleep(DELAY)
        if request.path == "/robots.txt":
            return web.Response(status=404)
        return web.Response(text="ok", content_type="text/html")

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._handle)
        runner = web.AppRunner(app, access_log=None)
        self.loop.run_until_complete(runner.setup())
        for host in HOSTS:
            self.loop.run_until_complete(web.TCPSite(runner, host, self.port).start())
        self.ready.set()
        self.loop.run_forever()


def urls(port: int) -> list[str]:
    return [f"http://{host}:{port}/page/{n}" for host in HOSTS for n in range(PER_HOST)]


def timed(label: str, servers: Servers, action) -> float:
    before = servers.requests
    start = time.perf_counter()
    detail = action()
    elapsed = time.perf_counter() - start
    print(f"{label:<44} {elapsed:8.2f} s  {servers.requests - before:5d} requests  {detail}")
    return elapsed


def main() -> None:
    servers = Servers()
    targets = urls(servers.port)
    defaults = settings.load(ROOT / "data" / "linkcheck.yml")
    cache_dir = Path(tempfile.mkdtemp())
    cache_path = cache_dir / "linkcheck.json"
    print(f"{len(targets)} URLs on {len(HOSTS)} hosts, each answer after {DELAY * 1000:.0f} ms; "
          f"defaults: per-host {defaults.per_host_limit}, global {defaults.global_limit}")

    def ours(cache: Cache, config=defaults):
        # The servers are on loopback, which the checker refuses unless told (--allow-loopback).
        results = Checker(config, cache, policy=AddressPolicy(allow_loopback=True)).check(targets)
        cache.save()
        ok = sum(r.outcome == "ok" for r in results.values())
        return f"{ok} ok"

    cold = timed("this checker, defaults, cold cache", servers,
                 lambda: ours(Cache(cache_path, defaults.cache_max_age)))
    warm = timed("this checker, defaults, warm cache", servers,
                 lambda: ours(Cache(cache_path, defaults.cache_max_age)))
    one = settings.LinkCheckConfig(global_limit=1, per_host_limit=1)
    serial = timed("this checker, one URL after another", servers,
                   lambda: ours(Cache(None, 0), one))
    exe = shutil.which("linkchecker") or str(Path(sys.executable).parent / "linkchecker")
    other = None
    if Path(exe).exists():
        page = f"http://127.0.0.1:{servers.port}/links.html"
        other = timed("linkchecker 10.6.0 (defaults, --check-extern)", servers, lambda: (
            subprocess.run([exe, "--check-extern", "--no-status", "-o", "none", page],
                           capture_output=True).returncode, "exit code")[1])
    else:
        print("linkchecker is not installed: pip install -r requirements-bench.txt")
    print(f"\ncold: {cold:.2f} s (target < 2 s); warm: {warm:.3f} s (target < 0.2 s, 0 requests)")
    print(f"one after another / cold: {serial / cold:.1f}x (target >= 10x)")
    if other:
        print(f"linkchecker / cold: {other / cold:.1f}x")
    shutil.rmtree(cache_dir)


if __name__ == "__main__":
    main()
