"""Checking URLs concurrently and politely: a global and a per-host limit, timeouts,
retries with backoff for timeouts, dropped connections, 5xx and 429 (honouring
Retry-After), HEAD with a GET fallback where a server refuses HEAD, and redirects followed
and recorded. No request goes to an address the AddressPolicy refuses, on any hop."""
from __future__ import annotations

import asyncio
import concurrent.futures
import email.utils
import time
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import urljoin, urlsplit

import aiohttp
from aiohttp.abc import AbstractResolver

from .addresses import AddressPolicy, AddressRefused, PolicyResolver, host_of
from .cache import Cache
from .config import LinkCheckConfig
from .results import Result

REDIRECTS = {301, 302, 303, 307, 308}
# Answers and errors that say nothing lasting about the link: retried, then "transient".
TRANSIENT_STATUS = {502, 503, 504}
TRANSIENT_ERRORS = (aiohttp.ServerDisconnectedError, aiohttp.ClientOSError,
                    aiohttp.ClientConnectionResetError, aiohttp.ClientPayloadError)


class Refused(Exception):
    """A hop of ``url``'s redirect chain goes to an address the policy refuses."""

    def __init__(self, url: str, hops: list[str], reason: str) -> None:
        super().__init__(reason)
        self.url, self.hops, self.reason = url, list(hops), reason


@dataclass
class Answer:
    status: int
    final_url: str
    redirects: list[str] = field(default_factory=list)
    retry_after: float | None = None
    requests: int = 0


def retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def run_coroutine(coroutine):
    """asyncio.run, also from a thread whose event loop is already running (a caller that
    uses another async library): then in a worker thread of its own."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


class Checker:
    """``policy`` says which addresses may be connected to (by default global ones only);
    ``resolver`` resolves names before the policy filters them (the system's by default)."""

    def __init__(self, config: LinkCheckConfig, cache: Cache | None = None,
                 on_result: Callable[[Result], None] | None = None,
                 policy: AddressPolicy | None = None,
                 resolver: AbstractResolver | None = None) -> None:
        self.config = config
        self.cache = cache
        self.on_result = on_result or (lambda result: None)
        self.policy = policy or AddressPolicy()
        self.resolver = resolver
        self.requests = 0
        self._hosts: dict[str, asyncio.Semaphore] = {}
        self._global: asyncio.Semaphore | None = None

    def check(self, urls: list[str]) -> dict[str, Result]:
        return run_coroutine(self.check_async(urls))

    async def check_async(self, urls: list[str]) -> dict[str, Result]:
        self._global = asyncio.Semaphore(self.config.global_limit)
        resolver = PolicyResolver(self.policy, self.resolver)
        connector = aiohttp.TCPConnector(limit=self.config.global_limit,
                                         limit_per_host=self.config.per_host_limit,
                                         resolver=resolver,
                                         socket_factory=self.policy.socket_factory)
        headers = {"User-Agent": self.config.user_agent}
        # trust_env=False: a proxy from the environment would resolve names itself,
        # out of the policy's sight.
        try:
            async with aiohttp.ClientSession(connector=connector, headers=headers,
                                             trust_env=False) as session:
                results = await asyncio.gather(*(self._one(session, url) for url in urls))
        finally:
            await resolver.close()
        if self.cache is not None:
            for result in results:
                if not result.cached:
                    self.cache.put(result)
        return {r.url: r for r in results}

    async def _one(self, session: aiohttp.ClientSession, url: str) -> Result:
        result = await self._decide(session, url)
        self.on_result(result)
        return result

    async def _decide(self, session: aiohttp.ClientSession, url: str) -> Result:
        if self.config.excluded(url):
            return Result(url, "excluded", detail="matches an exclusion in data/linkcheck.yml")
        cached = self.cache.get(url) if self.cache is not None else None
        if cached is not None:
            return cached
        last = Result(url, "unchecked")
        for attempt in range(1, self.config.retries + 2):
            wait = self.config.backoff * 2 ** (attempt - 1)
            try:
                answer = await self._fetch(session, url)
            except Refused as refused:
                return excluded(url, refused, attempt)
            except asyncio.TimeoutError:
                last = Result(url, "timeout", detail=f"no answer within {self.config.timeout:g} s",
                              attempts=attempt)
            except aiohttp.ClientConnectorError as exc:  # before TRANSIENT_ERRORS: one of them
                return Result(url, "unchecked", detail=f"could not connect: {exc.os_error}",
                              attempts=attempt)
            except TRANSIENT_ERRORS as exc:
                last = Result(url, "transient", detail=f"{type(exc).__name__}: {exc}",
                              attempts=attempt)
            except aiohttp.ClientError as exc:
                return Result(url, "broken", detail=f"{type(exc).__name__}: {exc}",
                              attempts=attempt)
            else:
                result = self._classify(url, answer, attempt)
                if result is not None:
                    return result
                last = Result(url, failure(answer.status), answer.status, answer.final_url,
                              answer.redirects, f"HTTP {answer.status}", attempt)
                if answer.status == 429 and answer.retry_after is not None:
                    if answer.retry_after > self.config.max_retry_after:
                        last.detail += f", Retry-After {answer.retry_after:g} s is too long"
                        return last
                    wait = answer.retry_after
            if attempt <= self.config.retries:
                await asyncio.sleep(wait)
        return last

    def _classify(self, url: str, answer: Answer, attempt: int) -> Result | None:
        """A final result, or None when the answer is worth another attempt."""
        if answer.status == 429 or answer.status >= 500:
            return None
        if 200 <= answer.status < 300:
            outcome = "redirected" if answer.redirects else "ok"
            detail = f"→ {answer.final_url}" if answer.redirects else ""
            return Result(url, outcome, answer.status, answer.final_url, answer.redirects,
                          detail, attempt)
        return Result(url, "broken", answer.status, answer.final_url, answer.redirects,
                      f"HTTP {answer.status}", attempt)

    async def _fetch(self, session: aiohttp.ClientSession, url: str) -> Answer:
        answer = await self._follow(session, "HEAD", url)
        if answer.status >= 400 and answer.status != 429:
            # Many servers refuse or mishandle HEAD (405, 501, even 403/404): ask with GET.
            requests = answer.requests
            answer = await self._follow(session, "GET", url)
            answer.requests += requests
        return answer

    async def _follow(self, session: aiohttp.ClientSession, method: str, url: str) -> Answer:
        current, hops, requests = url, [], 0
        timeout = aiohttp.ClientTimeout(total=self.config.timeout)
        for _ in range(self.config.max_redirects + 1):
            async with self._slot(current):
                requests += 1
                status, location, wait = await self._send(session, method, current, hops,
                                                          timeout)
            if status in REDIRECTS and location:
                current = urljoin(current, location)
                hops.append(current)
                continue
            return Answer(status, current, hops, wait, requests)
        raise aiohttp.TooManyRedirects(aiohttp.RequestInfo(current, method, {}, current), ())

    async def _send(self, session: aiohttp.ClientSession, method: str, url: str,
                    hops: list[str], timeout: aiohttp.ClientTimeout
                    ) -> tuple[int, str | None, float | None]:
        """One request: status, Location and Retry-After. A refused address (an IP literal
        here, a resolved name or any socket in the connector) raises Refused."""
        reason = self.policy.literal_refusal(host_of(url))
        if reason:
            raise Refused(url, hops, reason)
        self.requests += 1
        try:
            async with session.request(method, url, allow_redirects=False,
                                       timeout=timeout) as response:
                return (response.status, response.headers.get("Location"),
                        retry_after(response.headers.get("Retry-After")))
        except aiohttp.ClientConnectorError as exc:
            if isinstance(exc.os_error, AddressRefused):
                self.requests -= 1  # refused before a socket was connected
                raise Refused(url, hops, exc.os_error.reason) from None
            raise

    def _slot(self, url: str) -> "_Slot":
        host = urlsplit(url).hostname or ""
        if host not in self._hosts:
            self._hosts[host] = asyncio.Semaphore(self.config.per_host_limit)
        # Host first: a request waiting for its busy host must not hold a global place
        # that a request to an idle host could use.
        return _Slot(self._hosts[host], self._global)


def failure(status: int) -> str:
    """The outcome of an answer still unsuccessful after the last retry."""
    if status == 429:
        return "rate-limited"
    return "transient" if status in TRANSIENT_STATUS else "broken"


def excluded(url: str, refused: Refused, attempt: int) -> Result:
    where = f"after a redirect to {refused.url}: " if refused.hops else ""
    return Result(url, "excluded", final_url=refused.url, redirects=refused.hops,
                  detail=f"{where}{refused.reason}", attempts=attempt)


class _Slot:
    """Holds a place under the URL's host limit, then under the global limit."""

    def __init__(self, *semaphores: asyncio.Semaphore | None) -> None:
        self.semaphores = [s for s in semaphores if s is not None]

    async def __aenter__(self) -> None:
        for semaphore in self.semaphores:
            await semaphore.acquire()

    async def __aexit__(self, *exc) -> None:
        for semaphore in reversed(self.semaphores):
            semaphore.release()
