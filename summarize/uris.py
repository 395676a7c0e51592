"""Inputs and ``--out`` folders named by URIs (``s3://…``, ``gs://…``, ``file://…``), for ``--executor ray``.

pyarrow's file systems (installed with ``summarize[ray]``) do the reading, listing and writing; S3
and GCS need pyarrow's support for them and credentials wherever they are read or written. The
driver lists input URIs (:func:`discover_uris`); actors copy each file into a temporary folder
(:func:`fetch`) and read it as a local file; the driver writes the outputs (:class:`UriOutputs`).
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Sequence
from pathlib import Path, PurePosixPath
from typing import Any

from . import atomic
from .discover import InputItem, discover, output_paths
from .errors import OutputError, UsageError
from .render import render
from .text.suffixes import DEFAULT_SUFFIXES

_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
# Sizes of the files found by discover_uris, by URI: windows group documents by length, and a
# second listing of a bucket just for them would cost as much as the first.
_SIZES: dict[str, int] = {}


def is_uri(raw: str | None) -> bool:
    """Whether ``raw`` is ``scheme://…`` (read through pyarrow's file systems)."""
    return bool(raw and _URI.match(raw))


def _pafs() -> Any:
    try:
        from pyarrow import fs
    except ImportError:
        raise UsageError("URIs need pyarrow, which is not installed", hint="pip install 'summarize[ray]'") from None
    return fs


def _open(uri: str) -> tuple[Any, str]:
    """(file system, path inside it) of ``uri``; a usage error naming the URI when it cannot be opened."""
    try:
        return _pafs().FileSystem.from_uri(uri)
    except (OSError, ValueError, ImportError) as exc:  # pyarrow's errors subclass these
        raise UsageError(
            f"cannot open {uri}: {str(exc).splitlines()[0]}",
            hint="check the URI; s3:// and gs:// need pyarrow's support for them and credentials",
        ) from None


def _wanted(relative: str, include: Sequence[str], exclude: Sequence[str]) -> bool:
    parts = relative.split("/")
    if any(part.startswith(".") for part in parts):
        return False  # hidden files and folders, as in local folders
    names = {parts[-1], relative, *parts[:-1]}
    if exclude and any(fnmatch.fnmatchcase(n, p.rstrip("/")) for n in names for p in exclude):
        return False
    if include:
        return any(fnmatch.fnmatchcase(n, p) for n in (parts[-1], relative) for p in include)
    return relative.lower().endswith(DEFAULT_SUFFIXES)


def discover_uris(uris: Sequence[str], include: Sequence[str] = (), exclude: Sequence[str] = ()) -> list[InputItem]:
    """The files that ``uris`` name: a file, or every article below a folder (the local rules).

    Their ``path`` is None (they are not on this machine); ``source`` is each file's URI.
    """
    fs = _pafs()
    items: list[InputItem] = []
    for uri in uris:
        scheme = uri.split("://", 1)[0]
        filesystem, root = _open(uri)
        try:
            info = filesystem.get_file_info(root)
            is_folder = info.type == fs.FileType.Directory
            found = filesystem.get_file_info(fs.FileSelector(root, recursive=True)) if is_folder else [info]
        except (OSError, ValueError) as exc:
            raise UsageError(f"cannot list {uri}: {str(exc).splitlines()[0]}", hint="check the URI") from None
        if info.type == fs.FileType.NotFound:
            raise UsageError(f"{uri}: no such file or folder", hint="check the URI")
        for f in sorted((f for f in found if f.type == fs.FileType.File), key=lambda f: f.path):
            relative = PurePosixPath(f.path).relative_to(root) if is_folder else PurePosixPath(f.base_name)
            if not is_folder or _wanted(relative.as_posix(), include, exclude):
                items.append(InputItem(f"{scheme}://{f.path}", None, relative))
                _SIZES[items[-1].source] = f.size or 0
    return items


def discover_inputs(
    inputs: Sequence[str], include: Sequence[str] = (), exclude: Sequence[str] = (), skip_dir: Path | None = None
) -> list[InputItem]:
    """Local inputs as :func:`summarize.discover.discover` finds them, then the URIs' files."""
    local = [raw for raw in inputs if not is_uri(raw)]
    found = discover(local, include=include, exclude=exclude, skip_dir=skip_dir) if local else []
    return found + discover_uris([raw for raw in inputs if is_uri(raw)], include, exclude)


def uri_sizes(items: Sequence[InputItem]) -> dict[InputItem, int]:
    """The listed sizes of the URI items among ``items``."""
    return {item: _SIZES.get(item.source, 0) for item in items if item.path is None and is_uri(item.source)}


def fetch(uri: str, folder: Path) -> Path:
    """A copy of ``uri`` in ``folder`` under its own name (its suffix tells Markdown, HTML, PDF)."""
    filesystem, path = _pafs().FileSystem.from_uri(uri)
    folder.mkdir(parents=True, exist_ok=True)  # one folder per row: two URIs may share a name
    target = folder / (PurePosixPath(path).name or "input")
    with filesystem.open_input_stream(path) as stream:
        target.write_bytes(stream.read())
    return target


class UriOutputs:
    """The ``--out`` sink for a URI folder: the local executor's file names and contents.

    ``file://`` is written atomically like a local folder; object stores (S3, GCS) make an object
    visible only once its upload is complete, so an output that exists is complete there too.
    """

    def __init__(self, items: Sequence[InputItem], out: str, fmt: str, *, translation_only: bool = False):
        self.filesystem, root = _open(out)
        self.root = root.rstrip("/")
        self.local = out.startswith("file://")
        relative = output_paths(items, Path("/"), fmt)  # relative to "/": the names a local --out gets
        self.targets = {item: f"{self.root}/{p.relative_to('/').as_posix()}" for item, p in relative.items()}
        self.fmt = "json" if fmt in ("json", "jsonl") else "markdown"
        self.translation_only = translation_only
        self._existing: set[str] | None = None

    def exists(self, target: str) -> bool:
        """Whether ``target`` is there (one listing of the folder, not one request per file)."""
        if self._existing is None:
            fs = _pafs()
            try:
                found = self.filesystem.get_file_info(fs.FileSelector(self.root, recursive=True, allow_not_found=True))
            except (OSError, ValueError):
                found = []
            self._existing = {f.path for f in found if f.type == fs.FileType.File}
        return target in self._existing

    def __call__(self, outcome: Any) -> str:
        """Write ``outcome.result`` to the target of ``outcome.item``; raises :class:`OutputError`."""
        target = self.targets[outcome.item]
        data = render([outcome.result], self.fmt, translation_only=self.translation_only).encode("utf-8")
        try:
            if self.local:
                atomic.write_bytes(target, data)
            else:
                self.filesystem.create_dir(str(PurePosixPath(target).parent), recursive=True)
                with self.filesystem.open_output_stream(target) as stream:
                    stream.write(data)
        except (OSError, ValueError) as exc:
            raise OutputError(f"cannot write {target}: {str(exc).splitlines()[0]}", hint="check --out") from None
        return target


def output_sink(
    items: Sequence[InputItem], out: str | None, fmt: str, *, translation_only: bool = False
) -> tuple[dict[InputItem, Any] | None, Any, Any]:
    """(targets, write, exists) for ``--out``: a local folder or a URI; all None without ``--out``."""
    if not out:
        return None, None, None
    if is_uri(out):
        sink = UriOutputs(items, out, fmt, translation_only=translation_only)
        return dict(sink.targets), sink, sink.exists
    from .render import OutputFiles

    targets: dict[InputItem, Any] = dict(output_paths(items, Path(out), fmt))
    return targets, OutputFiles(targets, fmt, translation_only=translation_only), None
