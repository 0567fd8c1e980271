"""What a check found out about one URL."""
from __future__ import annotations

import time
from dataclasses import dataclass, field


@dataclass
class Result:
    url: str
    outcome: str  # one of config.OUTCOMES
    status: int | None = None
    final_url: str | None = None
    redirects: list[str] = field(default_factory=list)
    detail: str = ""
    attempts: int = 0
    requests: int = 0
    checked_at: float = field(default_factory=time.time)
    cached: bool = False

    def to_dict(self) -> dict:
        return {"outcome": self.outcome, "status": self.status, "final_url": self.final_url,
                "redirects": self.redirects, "detail": self.detail,
                "checked_at": round(self.checked_at, 3)}

    @classmethod
    def from_dict(cls, url: str, data: dict, cached: bool = False) -> "Result":
        return cls(url, data["outcome"], data.get("status"), data.get("final_url"),
                   list(data.get("redirects") or []), data.get("detail", ""),
                   checked_at=data.get("checked_at", 0.0), cached=cached)
