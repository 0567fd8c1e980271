"""Settings of the link checker, from data/linkcheck.yml (all optional)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import yamlfile
from ..errors import ContentError

OUTCOMES = ("ok", "redirected", "broken", "timeout", "rate-limited", "excluded", "unchecked")


@dataclass
class LinkCheckConfig:
    exclude: list[str] = field(default_factory=list)  # regular expressions on the URL
    global_limit: int = 64  # requests in flight at once
    per_host_limit: int = 6  # requests in flight to one host
    timeout: float = 15.0  # seconds for one request
    retries: int = 2  # further attempts after a timeout, a 5xx or a 429
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
    config = LinkCheckConfig()
    for key, value in data.items():
        if not hasattr(config, key):
            raise ContentError(path, data.line_of(key), f"unknown setting '{key}'",
                               f"known: {', '.join(sorted(vars(config)))}")
        setattr(config, key, value)
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
