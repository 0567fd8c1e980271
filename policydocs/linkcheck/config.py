"""Settings of the link checker, from data/linkcheck.yml (all optional).

A pull request can edit that file, so it holds only settings that cannot make the checker
reach further or work longer than allowed: the address policy is not among them (only the
command-line flags change it), unknown keys are refused at their line, and numbers are
kept within bounds.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from ..core import yamlfile
from ..core.errors import ContentError

OUTCOMES = ("ok", "redirected", "broken", "timeout", "rate-limited", "transient", "excluded",
            "unchecked")

# Lowest and highest value of each numeric setting.
BOUNDS: dict[str, tuple[float, float]] = {
    "global_limit": (1, 256), "per_host_limit": (1, 32), "timeout": (0.1, 120),
    "retries": (0, 5), "backoff": (0, 10), "max_retry_after": (0, 300),
    "max_redirects": (0, 20), "cache_max_age": (0, 90 * 24 * 3600)}

POLICY_KEY = re.compile(r"allow|private|loopback|local|address|policy|network", re.I)
POLICY_HINT = ("which addresses may be checked is set only by --allow-loopback and "
               "--allow-private on the command line, since a pull request can edit this file")


@dataclass
class LinkCheckConfig:
    exclude: list[str] = field(default_factory=list)  # regular expressions on the URL
    global_limit: int = 64  # requests in flight at once
    per_host_limit: int = 6  # requests in flight to one host
    timeout: float = 15.0  # seconds for one request
    retries: int = 2  # further attempts after a timeout, a dropped connection, a 5xx or a 429
    backoff: float = 0.5  # first wait before a retry, doubled each time
    max_retry_after: float = 30.0  # a longer Retry-After gives up as rate-limited
    max_redirects: int = 10
    cache_max_age: float = 7 * 24 * 3600  # seconds an answer stays valid
    fail_on: list[str] = field(default_factory=lambda: ["broken"])
    user_agent: str = "policydocs-linkcheck/0.1 (+https://github.com/)"

    def excluded(self, url: str) -> bool:
        return any(re.search(pattern, url) for pattern in self.exclude)


def load(path: Path) -> LinkCheckConfig:
    if not path.exists():
        return LinkCheckConfig()
    data = yamlfile.load(path) or {}
    yamlfile.expect(data, dict, str(path), 1, "the file", "a mapping of settings")
    config = LinkCheckConfig()
    known = {f.name for f in fields(config)}
    for key, value in data.items():
        line = data.line_of(str(key))
        if key not in known:
            hint = POLICY_HINT if POLICY_KEY.search(str(key)) else \
                f"known: {', '.join(sorted(known))}"
            raise ContentError(path, line, f"unknown setting '{key}'", hint)
        setattr(config, key, checked(key, value, getattr(config, key), path, line))
    for pattern in config.exclude:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ContentError(path, data.line_of("exclude"),
                               f"invalid pattern '{pattern}': {exc}") from None
    unknown = set(config.fail_on) - set(OUTCOMES)
    if unknown:
        raise ContentError(path, data.line_of("fail_on"), f"unknown outcome '{sorted(unknown)[0]}'",
                           f"outcomes: {', '.join(OUTCOMES)}")
    return config


def checked(key: str, value: Any, default: Any, path: Path, line: int) -> Any:
    """``value`` if it has the default's type (and, for a number, is within BOUNDS)."""
    where = (str(path), line, key)
    if isinstance(default, list):
        yamlfile.expect(value, list, *where, "a list of texts")
        for item in value:
            yamlfile.expect(item, str, *where, "a list of texts")
        return value
    if isinstance(default, str):
        return yamlfile.expect(value, str, *where, "a text")
    if isinstance(default, int):
        yamlfile.expect(value, int, *where, "a whole number")
    else:
        yamlfile.expect(value, (int, float), *where, "a number")
    low, high = BOUNDS[key]
    if not low <= value <= high:
        raise ContentError(path, line, f"{key} must be between {low:g} and {high:g}, not {value}")
    return value
