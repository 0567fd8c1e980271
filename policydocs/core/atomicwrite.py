"""Writing several files as one change: all of them, or none.

Every target is checked first (no folder in its place, no file where its folder should
be); then each text is written to a temporary file beside its target; only when all are
written are they renamed over their targets, in order (a rename within one folder does not
fail half-way). On any error the temporary files and the folders made for them go, the
targets are as they were, and the error names the file. New files get the mode the umask
gives (``open`` would, ``mkstemp`` gives 0600); a replaced file keeps its own.
"""
from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from .errors import ContentError


def write_all(files: list[tuple[Path, str]]) -> None:
    """Write each (path, text) as UTF-8 with "\\n" line ends, all or none."""
    for path, _ in files:
        _check(path)
    made: list[Path] = []
    staged: list[tuple[Path, Path]] = []
    try:
        for path, text in files:
            made += _make_parents(path.parent)
            staged.append((_stage(path, text), path))
    except OSError as exc:
        _undo([tmp for tmp, _ in staged], made)
        raise _error(path, exc) from None
    for tmp, path in staged:
        os.replace(tmp, path)


def _check(path: Path) -> None:
    if path.is_dir():
        raise ContentError(path, None, "a folder is where this file should be written",
                           "move or delete the folder, then run again")
    for parent in path.parents:
        if parent.exists():
            if not parent.is_dir():
                raise ContentError(parent, None, f"is a file, but {path.name} needs it to be "
                                   "a folder", "move or delete the file, then run again")
            return


def _make_parents(folder: Path) -> list[Path]:
    """Create ``folder`` and the missing folders above it; the ones created, deepest last."""
    missing = [p for p in (folder, *folder.parents) if not p.exists()][::-1]
    for part in missing:
        part.mkdir()
    return missing


def _stage(path: Path, text: str) -> Path:
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    tmp = Path(name)
    try:
        os.fchmod(fd, _mode(path))
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def _mode(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return 0o666 & ~_umask()


def _umask() -> int:
    """The process's umask (reading it means setting it: set it back at once)."""
    current = os.umask(0o022)
    os.umask(current)
    return current


def _undo(temporary: list[Path], folders: list[Path]) -> None:
    for tmp in temporary:
        tmp.unlink(missing_ok=True)
    for folder in reversed(folders):
        try:
            folder.rmdir()
        except OSError:
            pass  # not empty: something else is in it now


def _error(path: Path, exc: OSError) -> ContentError:
    return ContentError(path, None, f"cannot write: {exc.strerror or exc}",
                        "check the folder's permissions and free space; nothing was changed")
