"""Which addresses the checker may connect to.

Links come from pull requests and CI checks every commit, so a link must not make the
runner talk to itself, its own network or a cloud metadata service (169.254.169.254). By
default only global unicast addresses are reached, as with lychee's --exclude-private,
--exclude-link-local and --exclude-loopback. The policy is applied to the addresses that
are actually connected to: what a name resolves to (``PolicyResolver``, so a name cannot
pass a check and then resolve elsewhere), IP literals in any form the OS accepts
(``literal_refusal``), and every socket the connector opens (``socket_factory``). Each
redirect hop is a new request, so it goes through the same three.
"""
from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass

from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.resolver import DefaultResolver
from yarl import URL

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
AddrInfo = tuple  # one getaddrinfo() entry: family, type, proto, canonname, sockaddr

# IPv6 forms that carry an IPv4 address the packets end up at: NAT64's well-known prefix
# (RFC 6052) reaches the IPv4 network behind a NAT64 gateway.
NAT64 = ipaddress.IPv6Network("64:ff9b::/96")

# The flag that allows each kind; kinds missing here are never connected to.
ALLOWED_BY = {"loopback": "--allow-loopback", "private": "--allow-private",
              "link-local": "--allow-private", "reserved": "--allow-private",
              "non-global": "--allow-private"}


class AddressRefused(OSError):
    """Connecting is against the policy. An OSError, so that aiohttp's connector hands it
    on as the ``os_error`` of the ClientConnectorError it raises."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def embedded_ipv4(ip: IPAddress) -> ipaddress.IPv4Address | None:
    if isinstance(ip, ipaddress.IPv4Address):
        return None
    if ip in NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return ip.ipv4_mapped or ip.sixtofour


def kind(ip: IPAddress) -> str | None:
    """The kind of a non-global address ("loopback", "link-local", ...), None for a global
    unicast one. Order matters: 169.254/16 is also private, ::7f00:1 reserved and global."""
    ip = embedded_ipv4(ip) or ip
    for name, test in (("unspecified", ip.is_unspecified), ("multicast", ip.is_multicast),
                       ("loopback", ip.is_loopback), ("link-local", ip.is_link_local),
                       ("reserved", ip.is_reserved), ("private", ip.is_private)):
        if test:
            return name
    return None if ip.is_global else "non-global"  # e.g. shared 100.64/10 (CGNAT)


def host_of(url: str) -> str:
    """The host as aiohttp will connect to it (yarl's parsing, brackets removed)."""
    try:
        return URL(url).raw_host or ""
    except ValueError:
        return ""


@dataclass(frozen=True)
class AddressPolicy:
    allow_loopback: bool = False
    allow_private: bool = False  # also link-local, reserved and other non-global unicast

    def refusal(self, address: str) -> str | None:
        """Why connecting to ``address`` is refused ("a loopback address (::1)"), or None."""
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            return f"an address that is not an IP address ({address})"
        name = kind(ip)
        if name is None:
            return None
        flag = ALLOWED_BY.get(name)
        if {"--allow-loopback": self.allow_loopback,
                "--allow-private": self.allow_private}.get(flag or "", False):
            return None
        article = "an" if name[0] in "aeiou" else "a"
        inner = embedded_ipv4(ip)
        shown = f"{ip} = {inner}" if inner else str(ip)
        hint = f"; {flag} checks it" if flag else ""
        return f"{article} {name} address ({shown}){hint}"

    def literal_refusal(self, host: str) -> str | None:
        """For a host that is an IP address in any form the OS accepts (127.1, 0x7f.1,
        2130706433, ::ffff:127.0.0.1): why it is refused. None for names, which are the
        resolver's business. AI_NUMERICHOST never touches the network."""
        try:
            infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM,
                                       flags=socket.AI_NUMERICHOST)
        except (socket.gaierror, UnicodeError, ValueError):
            return None
        for *_, sockaddr in infos:
            reason = self.refusal(sockaddr[0])
            if reason:
                return f"is {reason}"
        return None

    def socket_factory(self, addr_info: AddrInfo) -> socket.socket:
        """Every socket the connector opens: the last check, which also covers IP literals
        (the connector does not pass them to the resolver)."""
        family, type_, proto, _, sockaddr = addr_info
        reason = self.refusal(str(sockaddr[0]))
        if reason:
            raise AddressRefused(f"is {reason}")
        return socket.socket(family=family, type=type_, proto=proto)


class PolicyResolver(AbstractResolver):
    """Resolves with ``inner`` and returns only the addresses the policy allows. The
    connector connects to exactly what this returns, so there is no window between check
    and connection for a name to start resolving elsewhere (DNS rebinding)."""

    def __init__(self, policy: AddressPolicy, inner: AbstractResolver | None = None) -> None:
        self.policy = policy
        self._owns_inner = inner is None
        self.inner = inner or DefaultResolver()

    async def resolve(self, host: str, port: int = 0,
                      family: socket.AddressFamily = socket.AF_INET) -> list[ResolveResult]:
        results = await self.inner.resolve(host, port, family)
        allowed = [r for r in results if self.policy.refusal(r["host"]) is None]
        if results and not allowed:
            raise AddressRefused(f"resolves to {self.policy.refusal(results[0]['host'])}")
        return allowed

    async def close(self) -> None:
        if self._owns_inner:
            await self.inner.close()
