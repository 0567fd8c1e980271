"""The link checker against a real HTTP server on 127.0.0.1 (aiohttp.web, random port)."""
from __future__ import annotations

import asyncio
import time
from collections import Counter
from pathlib import Path

from aiohttp import web

from policydocs.linkcheck import report
from policydocs.linkcheck.cache import Cache
from policydocs.linkcheck.checker import Checker, retry_after, run_coroutine
from policydocs.linkcheck.config import LinkCheckConfig

FAST = dict(timeout=0.5, retries=2, backoff=0.05, per_host_limit=4, global_limit=16)


class Server:
    """Routes for every answer the checker must understand; counts requests per path."""

    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.in_flight = 0
        self.max_in_flight = 0
        app = web.Application()
        app.router.add_route("*", "/{name}", self.handle)
        self.app = app

    async def handle(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        self.hits[f"{request.method} {name}"] += 1
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            return await self.answer(name, request)
        finally:
            self.in_flight -= 1

    async def answer(self, name: str, request: web.Request) -> web.StreamResponse:
        count = self.hits[f"{request.method} {name}"]
        if name == "ok":
            return web.Response(text="ok")
        if name == "moved1":
            raise web.HTTPMovedPermanently("/moved2")
        if name == "moved2":
            raise web.HTTPFound("/ok")
        if name == "loop":
            raise web.HTTPFound("/loop")
        if name == "gone":
            raise web.HTTPGone()
        if name == "missing":
            raise web.HTTPNotFound()
        if name == "busy":  # 429 once with Retry-After, then fine
            if self.hits["HEAD busy"] + self.hits["GET busy"] == 1:
                return web.Response(status=429, headers={"Retry-After": "1"})
            return web.Response(text="ok")
        if name == "always-busy":
            return web.Response(status=429, headers={"Retry-After": "1"})
        if name == "too-busy":
            return web.Response(status=429, headers={"Retry-After": "3600"})
        if name == "flaky":  # 503 then 200
            return web.Response(status=503) if count == 1 else web.Response(text="ok")
        if name == "down":
            return web.Response(status=503)
        if name == "no-head":
            return web.Response(status=405) if request.method == "HEAD" else web.Response(text="ok")
        if name == "slow":
            await asyncio.sleep(2)
            return web.Response(text="late")
        if name.startswith("wait"):
            await asyncio.sleep(0.1)
            return web.Response(text="ok")
        raise web.HTTPNotFound()


def free_port() -> int:
    import socket
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(paths: list[str], cache: Cache | None = None, port: int = 0,
        **settings) -> tuple[dict, Server, Checker]:
    server = Server()

    async def go():
        runner = web.AppRunner(server.app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", port)
        await site.start()
        bound = site._server.sockets[0].getsockname()[1]
        base = f"http://127.0.0.1:{bound}/"
        checker = Checker(LinkCheckConfig(**{**FAST, **settings}), cache)
        try:
            results = await checker.check_async([base + p for p in paths])
        finally:
            await runner.cleanup()
        return {url.removeprefix(base): r for url, r in results.items()}, checker

    results, checker = run_coroutine(go())
    return results, server, checker


def test_outcomes_for_every_kind_of_answer() -> None:
    results, server, _ = run(["ok", "moved1", "gone", "missing", "flaky", "no-head", "slow",
                              "busy", "always-busy", "too-busy", "down", "loop"])
    got = {p: (r.outcome, r.status) for p, r in results.items()}
    assert got == {
        "ok": ("ok", 200), "moved1": ("redirected", 200), "gone": ("broken", 410),
        "missing": ("broken", 404), "flaky": ("ok", 200), "no-head": ("ok", 200),
        "slow": ("timeout", None), "busy": ("ok", 200), "always-busy": ("rate-limited", 429),
        "too-busy": ("rate-limited", 429), "down": ("broken", 503), "loop": ("broken", None)}
    assert results["moved1"].redirects[-1].endswith("/ok") and len(results["moved1"].redirects) == 2
    assert server.hits["HEAD no-head"] == 1 and server.hits["GET no-head"] == 1
    assert server.hits["HEAD too-busy"] == 1  # a Retry-After past the limit is not waited for
    assert server.hits["HEAD slow"] == 3  # retried after timeouts
    assert "Retry-After 3600 s is too long" in results["too-busy"].detail


def test_retry_after_is_honoured() -> None:
    start = time.monotonic()
    results, server, _ = run(["busy"])
    assert results["busy"].outcome == "ok" and time.monotonic() - start >= 1.0
    assert server.hits["HEAD busy"] == 2


def test_per_host_limit_is_kept() -> None:
    results, server, _ = run([f"wait{i}" for i in range(20)], per_host_limit=3)
    assert all(r.outcome == "ok" for r in results.values())
    assert server.max_in_flight == 3


def test_cache_answers_within_max_age_and_never_keeps_transient_failures(tmp_path: Path) -> None:
    path = tmp_path / "cache.json"
    port = free_port()
    first = Cache(path, max_age=3600)
    run(["ok", "missing", "slow"], first, port)
    first.save()
    second = Cache(path, max_age=3600)
    assert set(second.entries) == {u for u in second.entries if u.endswith(("/ok", "/missing"))}
    results, server, checker = run(["ok", "missing"], second, port)
    assert checker.requests == 0 and sum(server.hits.values()) == 0
    assert results["missing"].outcome == "broken" and results["missing"].cached
    expired = Cache(path, max_age=0.0)
    _, server, checker = run(["ok"], expired, port)
    assert checker.requests == 1


def test_no_network_is_unchecked_not_broken() -> None:
    checker = Checker(LinkCheckConfig(**FAST))
    results = checker.check(["http://127.0.0.1:9/closed"])  # nothing listens on port 9
    result = results["http://127.0.0.1:9/closed"]
    assert result.outcome == "unchecked" and "could not connect" in result.detail
    assert report.exit_code(results, ["broken"]) == 0
    assert "network looks unavailable" in report.summary(results)


def test_exclusions_send_no_request() -> None:
    results, server, _ = run(["ok", "missing"], exclude=[r"/missing$"])
    assert results["missing"].outcome == "excluded" and server.hits["HEAD missing"] == 0


def test_reports_table_json_and_github_annotations() -> None:
    from policydocs.linkcheck.collect import Place
    from policydocs.linkcheck.results import Result
    results = {"https://a.example/x": Result("https://a.example/x", "broken", 404, detail="HTTP 404"),
               "https://b.example/": Result("https://b.example/", "ok", 200)}
    places = {"https://a.example/x": [Place("docs/ja/a.md", 12)], "https://b.example/": []}
    assert report.github(results, places).splitlines()[0] == \
        "::error file=docs/ja/a.md,line=12::broken: https://a.example/x HTTP 404"
    assert "used at docs/ja/a.md:12" in report.table(results, places, verbose=False)
    assert '"outcome": "broken"' in report.as_json(results, places)
    assert report.exit_code(results, ["broken"]) == 1 and report.exit_code(results, ["timeout"]) == 0


def test_retry_after_header_forms() -> None:
    assert retry_after("3") == 3.0 and retry_after(None) is None and retry_after("soon") is None
    assert 0 <= retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0
