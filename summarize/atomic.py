"""Atomic file writes: a reader (or a crash, or Ctrl-C) sees the old file or the new one, never half of one.

The data goes to a temporary file in the target's own folder (``os.replace`` is only atomic within
one file system), is flushed and fsynced, then renamed over the target. An existing target keeps
its permission bits, so a hook rewriting a user's file does not change its mode.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

TEMP_PREFIX = ".summarize-"
TEMP_SUFFIX = ".tmp"


def write_bytes(path: str | os.PathLike[str], data: bytes, *, make_dirs: bool = True) -> Path:
    """Write ``data`` to ``path`` atomically; returns the path written."""
    target = Path(path)
    if make_dirs:
        target.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode: int | None = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = None
    # tempfile (with shutil, bz2 and lzma behind it) costs ~20 ms to import: only when writing.
    import tempfile

    fd, tmp_name = tempfile.mkstemp(prefix=TEMP_PREFIX + target.name + ".", suffix=TEMP_SUFFIX, dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp_name, mode)
        else:
            # mkstemp creates 0600; a new output file should get the usual umask-based mode.
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp_name, 0o666 & ~umask)
        os.replace(tmp_name, target)
    except BaseException:
        # BaseException: Ctrl-C in the middle of a write must not leave the temporary file behind.
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    _fsync_dir(target.parent)
    return target


def write_text(path: str | os.PathLike[str], text: str, *, encoding: str = "utf-8", make_dirs: bool = True) -> Path:
    """Write ``text`` atomically, byte for byte as given (no newline translation)."""
    return write_bytes(path, text.encode(encoding), make_dirs=make_dirs)


def _fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable; not possible on every platform (Windows), so best effort.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
