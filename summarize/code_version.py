"""The fingerprint of the code that runs: a cached result is reused only by the code that made it.

The tool's version alone does not say that: a checkout or an editable install changes its engines
between releases, and a summary cached by yesterday's code would be served as today's. The
fingerprint is a hash of the package's own files (sources and data such as the common-word list),
read once per process: about 4 ms for the 900 KB of the package.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def tree_hash(root: Path) -> str:
    """SHA-256 (16 hex digits) of every file under ``root`` but compiled bytecode, names included."""
    digest = hashlib.sha256()
    files = sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc")
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:  # an unreadable file still counts by its name
            digest.update(b"\0unreadable")
        digest.update(b"\0")
    return digest.hexdigest()[:16]


@functools.cache
def code_fingerprint() -> str:
    """The fingerprint of this installation of ``summarize`` (computed once per process)."""
    return tree_hash(_PACKAGE)
