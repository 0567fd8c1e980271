"""The link checker against real HTTP servers on loopback addresses (aiohttp.web, random
ports). No test sends anything beyond loopback: names resolve through a fake resolver, and
the ``connects`` fixture records every connection and refuses any to another address."""
from __future__ import annotations

import asyncio
import contextlib
import errno
import importlib.util
import ipaddress
import json
import socket
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import AsyncIterator

import pytest
from aiohttp import web
from aiohttp.abc import AbstractResolver, ResolveResult
from click.testing import CliRunner

from policydocs.core.errors import ContentError
from policydocs.linkcheck import config as settings
from policydocs.linkcheck import report
from policydocs.linkcheck.addresses import AddressPolicy, AddressRefused
from policydocs.linkcheck.cache import Cache
from policydocs.linkcheck.checker import Checker, retry_after, run_coroutine
from policydocs.linkcheck.config import LinkCheckConfig

ROOT = Path(__file__).resolve().parent.parent
FAST = dict(timeout=0.5, retries=2, backoff=0.05, per_host_limit=4, global_limit=16)
LOOPBACK = AddressPolicy(allow_loopback=True)  # the test servers are all on loopback


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
            await asyncio.sleep(1)  # past the 0.5 s timeout; the server waits for it on exit
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
        policy: AddressPolicy = LOOPBACK, **settings) -> tuple[dict, Server, Checker]:
    server = Server()

    async def go():
        runner = web.AppRunner(server.app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", port)
        await site.start()
        bound = site._server.sockets[0].getsockname()[1]
        base = f"http://127.0.0.1:{bound}/"
        checker = Checker(LinkCheckConfig(**{**FAST, **settings}), cache, policy=policy)
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
        "too-busy": ("rate-limited", 429), "down": ("transient", 503), "loop": ("broken", None)}
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
    run(["ok", "missing", "slow", "down"], first, port)
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
    checker = Checker(LinkCheckConfig(**FAST), policy=LOOPBACK)
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


# --- address policy -----------------------------------------------------------------------

class FakeResolver(AbstractResolver):
    """Resolves the names of ``names`` only; records what it was asked."""

    def __init__(self, names: dict[str, list[str]]) -> None:
        self.names = names
        self.asked: list[str] = []

    async def resolve(self, host: str, port: int = 0,
                      family: socket.AddressFamily = socket.AF_INET) -> list[ResolveResult]:
        self.asked.append(host)
        if host not in self.names:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return [ResolveResult(hostname=host, host=address, port=port,
                              family=socket.AF_INET6 if ":" in address else socket.AF_INET,
                              proto=0, flags=socket.AI_NUMERICHOST | socket.AI_NUMERICSERV)
                for address in self.names[host]]

    async def close(self) -> None:
        pass


@dataclass(frozen=True)
class PublicLoopback(AddressPolicy):
    """127.0.0.1 stands for a public server; the rest of 127/8 stays loopback."""

    def refusal(self, address: str) -> str | None:
        return None if address == "127.0.0.1" else super().refusal(address)


@pytest.fixture
def connects(monkeypatch: pytest.MonkeyPatch) -> list[tuple]:
    """Every address a socket is connected to. Only loopback is really connected; any other
    attempt is recorded and fails as refused, so that nothing is ever sent there."""
    seen: list[tuple] = []
    loop_class = asyncio.selector_events.BaseSelectorEventLoop
    original = loop_class.sock_connect

    async def spy(loop, sock, address):
        seen.append(tuple(address[:2]))
        if not ipaddress.ip_address(address[0]).is_loopback:
            raise ConnectionRefusedError(errno.ECONNREFUSED, "refused by the test")
        return await original(loop, sock, address)

    monkeypatch.setattr(loop_class, "sock_connect", spy)
    return seen


@contextlib.asynccontextmanager
async def serving(host: str, redirects: dict[str, str] | None = None
                  ) -> AsyncIterator[tuple[int, Counter]]:
    """A server on ``host``: /ok answers 200, /<name> redirects to ``redirects[name]``.
    Yields its port and the paths it was asked for."""
    hits: Counter[str] = Counter()

    async def handle(request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        hits[name] += 1
        if name in (redirects or {}):
            raise web.HTTPFound(redirects[name])
        return web.Response(text="ok") if name == "ok" else web.Response(status=404)

    app = web.Application()
    app.router.add_route("*", "/{name}", handle)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, host, 0)
    await site.start()
    try:
        yield site._server.sockets[0].getsockname()[1], hits
    finally:
        await runner.cleanup()


def check(urls: list[str], policy: AddressPolicy = AddressPolicy(),
          names: dict[str, list[str]] | None = None, **config) -> dict:
    checker = Checker(LinkCheckConfig(**{**FAST, **config}), policy=policy,
                      resolver=FakeResolver(names or {}))
    return run_coroutine(checker.check_async(urls))


def test_loopback_is_excluded_by_default_and_checked_when_allowed(connects) -> None:
    cache = Cache(None, 3600)
    results, server, checker = run(["ok"], cache, policy=AddressPolicy())
    result = results["ok"]
    assert result.outcome == "excluded" and not result.cached
    assert "is a loopback address (127.0.0.1)" in result.detail
    assert "--allow-loopback" in result.detail
    assert sum(server.hits.values()) == 0 and checker.requests == 0 and connects == []
    assert cache.entries == {}  # excluded is not an answer about the link
    assert report.exit_code(results, ["broken"]) == 0
    results, server, _ = run(["ok"], policy=AddressPolicy(allow_loopback=True))
    assert results["ok"].outcome == "ok" and server.hits["HEAD ok"] == 1


def test_redirect_to_a_refused_address_is_excluded_after_the_hop(connects) -> None:
    async def go():
        async with serving("127.0.0.2") as (inside_port, inside_hits):
            inside = f"127.0.0.2:{inside_port}"
            redirects = {"to-loopback": f"http://{inside}/ok",
                         "to-name": f"http://inside.test:{inside_port}/ok",
                         "to-mapped": f"http://[::ffff:127.0.0.2]:{inside_port}/ok",
                         "to-metadata": "http://169.254.169.254/latest/meta-data/",
                         "to-public": "/ok"}
            async with serving("127.0.0.1", redirects) as (port, hits):
                urls = [f"http://public.test:{port}/{name}" for name in redirects]
                names = {"public.test": ["127.0.0.1"], "inside.test": ["127.0.0.2"]}
                checker = Checker(LinkCheckConfig(**FAST), policy=PublicLoopback(),
                                  resolver=FakeResolver(names))
                results = await checker.check_async(urls)
        return {u.rsplit("/", 1)[1]: r for u, r in results.items()}, hits, inside_hits, port

    results, hits, inside_hits, port = run_coroutine(go())
    assert results["to-public"].outcome == "redirected"
    for name, kind in [("to-loopback", "loopback"), ("to-name", "loopback"),
                       ("to-mapped", "loopback"), ("to-metadata", "link-local")]:
        result = results[name]
        assert result.outcome == "excluded", (name, result)
        assert result.detail.startswith("after a redirect to ") and f"a {kind} address" in \
            result.detail, result.detail
        assert result.redirects == [result.final_url]
    assert "resolves to a loopback address (127.0.0.2)" in results["to-name"].detail
    assert "(169.254.169.254)" in results["to-metadata"].detail
    assert sum(inside_hits.values()) == 0 and hits["to-loopback"] == 1
    assert {address for address, _ in connects} == {"127.0.0.1"}


def test_names_resolving_to_refused_addresses_are_never_connected_to(connects) -> None:
    names = {"intranet.test": ["10.0.0.1"], "metadata.test": ["169.254.169.254"],
             "v6.test": ["fd00::1", "fe80::1"], "cgnat.test": ["100.64.0.1"]}
    results = check([f"http://{name}/x" for name in names], names=names)
    details = {url: r.detail for url, r in results.items() if r.outcome == "excluded"}
    assert details == {
        "http://intranet.test/x": "resolves to a private address (10.0.0.1); "
                                  "--allow-private checks it",
        "http://metadata.test/x": "resolves to a link-local address (169.254.169.254); "
                                  "--allow-private checks it",
        "http://v6.test/x": "resolves to a private address (fd00::1); --allow-private checks it",
        "http://cgnat.test/x": "resolves to a non-global address (100.64.0.1); "
                               "--allow-private checks it"}
    assert connects == []


def test_only_allowed_addresses_of_a_name_are_connected_to(connects) -> None:
    async def go():
        async with serving("127.0.0.1") as (port, hits):
            names = {"mixed.test": ["10.0.0.1", "169.254.169.254", "127.0.0.1"]}
            checker = Checker(LinkCheckConfig(**FAST), policy=PublicLoopback(),
                              resolver=FakeResolver(names))
            return await checker.check_async([f"http://mixed.test:{port}/ok"]), hits

    results, hits = run_coroutine(go())
    assert [r.outcome for r in results.values()] == ["ok"] and hits["ok"] == 1
    assert {address for address, _ in connects} == {"127.0.0.1"}


@pytest.mark.parametrize("url, reason", [
    ("http://127.0.0.1:9/", "is a loopback address (127.0.0.1)"),
    ("http://127.7.7.7/", "is a loopback address (127.7.7.7)"),
    ("http://[::1]:9/", "is a loopback address (::1)"),
    ("http://[::ffff:127.0.0.1]/", "is a loopback address (::ffff:7f00:1 = 127.0.0.1)"),
    ("http://0x7f.1/", "is a loopback address (127.0.0.1)"),
    ("http://0x7f000001/", "is a loopback address (127.0.0.1)"),
    ("http://2130706433/", "is a loopback address (127.0.0.1)"),
    ("http://017700000001/", "is a loopback address (127.0.0.1)"),
    ("http://127.1/", "is a loopback address (127.0.0.1)"),
    ("http://0/", "is an unspecified address (0.0.0.0)"),
    ("http://0.0.0.0:9/", "is an unspecified address (0.0.0.0)"),
    ("http://[::]/", "is an unspecified address (::)"),
    ("http://10.1.2.3/", "is a private address (10.1.2.3)"),
    ("http://192.168.0.1/", "is a private address (192.168.0.1)"),
    ("http://172.16.0.1/", "is a private address (172.16.0.1)"),
    ("http://[fc00::1]/", "is a private address (fc00::1)"),
    ("http://169.254.169.254/latest/meta-data/", "is a link-local address (169.254.169.254)"),
    ("http://[fe80::1]/", "is a link-local address (fe80::1)"),
    ("http://[fe80::1%25eth0]/", "is a link-local address"),
    ("http://[64:ff9b::a9fe:a9fe]/", "is a link-local address (64:ff9b::a9fe:a9fe = 169.254."),
    ("http://224.0.0.1/", "is a multicast address (224.0.0.1)"),
    ("http://[ff02::1]/", "is a multicast address (ff02::1)"),
    ("http://100.64.0.1/", "is a non-global address (100.64.0.1)"),
    ("http://240.0.0.1/", "is a reserved address (240.0.0.1)"),
])
def test_ip_literals_in_every_form_are_excluded(connects, url: str, reason: str) -> None:
    result = check([url])[url]
    assert result.outcome == "excluded" and reason in result.detail, result
    assert connects == []


def test_flags_allow_only_their_own_kinds() -> None:
    private = AddressPolicy(allow_private=True)
    loopback = AddressPolicy(allow_loopback=True)
    for address in ["10.0.0.1", "169.254.169.254", "fc00::1", "fe80::1", "100.64.0.1"]:
        assert private.refusal(address) is None and loopback.refusal(address), address
    for address in ["127.0.0.1", "::1", "::ffff:127.0.0.1"]:
        assert loopback.refusal(address) is None and private.refusal(address), address
    everything = AddressPolicy(allow_loopback=True, allow_private=True)
    for address in ["0.0.0.0", "::", "224.0.0.1", "ff02::1", "not-an-address"]:
        assert everything.refusal(address), address  # never useful, never allowed
    for address in ["93.184.215.14", "2606:4700::1111"]:
        assert AddressPolicy().refusal(address) is None
    assert AddressPolicy().literal_refusal("example.org") is None  # names: the resolver's


def test_every_socket_goes_through_the_policy() -> None:
    policy = AddressPolicy()
    with pytest.raises(AddressRefused, match="link-local"):
        policy.socket_factory((socket.AF_INET, socket.SOCK_STREAM, 6, "",
                               ("169.254.169.254", 80)))
    with policy.socket_factory((socket.AF_INET, socket.SOCK_STREAM, 6, "",
                                ("93.184.215.14", 80))) as sock:
        assert sock.family == socket.AF_INET  # created, never connected


# --- transient failures -------------------------------------------------------------------

def test_dropped_connections_are_retried_reported_transient_and_never_cached(
        tmp_path: Path) -> None:
    async def go():
        connections = 0

        async def drop(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            nonlocal connections
            connections += 1
            await reader.readuntil(b"\r\n\r\n")
            writer.write(b"HTTP/1.1 200 OK\r\nContent-")  # cut off in the middle of headers
            await writer.drain()
            writer.close()

        server = await asyncio.start_server(drop, "127.0.0.1", 0)
        url = f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}/page"
        cache = Cache(tmp_path / "cache.json", 3600)
        checker = Checker(LinkCheckConfig(**{**FAST, "backoff": 0.01}), cache, policy=LOOPBACK)
        async with server:
            results = await checker.check_async([url])
        cache.save()
        return results[url], connections, cache

    result, connections, cache = run_coroutine(go())
    assert result.outcome == "transient" and "ServerDisconnectedError" in result.detail
    # aiohttp itself resends an idempotent request once on a dropped connection
    assert result.attempts == 3 and 3 <= connections <= 6
    assert cache.entries == {} and Cache(cache.path, 3600).entries == {}


# --- settings file and command line -------------------------------------------------------

@pytest.mark.parametrize("key", ["allow_private", "allow_loopback", "exclude_link_local",
                                 "address_policy"])
def test_the_settings_file_cannot_turn_the_policy_off(tmp_path: Path, key: str) -> None:
    path = tmp_path / "linkcheck.yml"
    path.write_text(f"retries: 1\ntimeout: 5\n{key}: true\n", encoding="utf-8")
    with pytest.raises(ContentError) as error:
        settings.load(path)
    assert str(error.value).startswith(f"{path}:3: unknown setting '{key}'")
    assert "--allow-private" in str(error.value)


@pytest.mark.parametrize("text, message", [
    ("excluded: []\n", ":1: unknown setting 'excluded'"),  # a method, not a setting
    ("fail_on: [broken]\nretries: 1000\n", ":2: retries must be between 0 and 5, not 1000"),
    ("timeout: fast\n", ":1: timeout must be a number, not str"),
    ("retries: true\n", ":1: retries must be a whole number, not bool"),
    ("exclude: example\n", ":1: exclude must be a list of texts, not str"),
    ("- retries\n", ":1: the file must be a mapping of settings, not list"),
])
def test_the_settings_file_is_validated_with_lines(tmp_path: Path, text: str,
                                                   message: str) -> None:
    path = tmp_path / "linkcheck.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError, match=message):
        settings.load(path)


def test_the_real_settings_file_loads_and_holds_no_policy() -> None:
    config = settings.load(ROOT / "data" / "linkcheck.yml")
    assert not any(settings.POLICY_KEY.search(name) for name in vars(config))


def cli():
    spec = importlib.util.spec_from_file_location("check_links",
                                                  ROOT / "scripts" / "check_links.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.main


@pytest.mark.parametrize("flags, url, outcome", [
    ([], "http://127.0.0.1:9/x", "excluded"),
    (["--allow-loopback"], "http://127.0.0.1:9/x", "unchecked"),
    (["--allow-private"], "http://127.0.0.1:9/x", "excluded"),
    ([], "http://10.0.0.1:9/x", "excluded"),
    (["--allow-private"], "http://10.0.0.1:9/x", "unchecked"),  # refused by the spy
    (["--allow-loopback"], "http://169.254.169.254/x", "excluded"),
])
def test_command_line_flags(connects, flags: list[str], url: str, outcome: str) -> None:
    result = CliRunner().invoke(cli(), ["--no-cache", "--format", "json", "--url", url, *flags])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)[0]["outcome"] == outcome
    assert bool(connects) == (outcome == "unchecked")


def test_command_line_refuses_a_settings_file_that_allows_private(tmp_path: Path) -> None:
    path = tmp_path / "linkcheck.yml"
    path.write_text("allow_private: true\n", encoding="utf-8")
    result = CliRunner().invoke(cli(), ["--config", str(path), "--url", "http://10.0.0.1/"])
    assert result.exit_code == 2 and f"error: {path}:1: unknown setting" in result.stderr
