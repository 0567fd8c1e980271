"""Bytes read from a file, as text: UTF-8, or an error at the line of the first bad byte."""
from __future__ import annotations

from pathlib import Path

from .errors import ContentError


def decode(raw: bytes, name: str | Path, hint: str) -> str:
    """UTF-8 text with a byte order mark dropped; otherwise a ContentError at the line of
    the first byte that is not UTF-8, with ``hint`` saying how to convert the file."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise ContentError(name, line, f"not valid UTF-8 (byte {exc.start})", hint) from None
