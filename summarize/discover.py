"""Finding the inputs of a run: files, folders, globs, ``-``; and where ``--out`` writes each one.

Folders are walked recursively (hidden files and folders skipped) for the default article types;
globs are expanded here too, so a quoted ``'notes/**/*.md'`` works; ``--include``/``--exclude``
patterns are shell-style and match a file's path below its input folder or its bare name.
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from .errors import UsageError
from .text.fetch import is_url
from .text.inputs import STDIN
from .text.suffixes import DEFAULT_SUFFIXES

# The article types a folder is searched for: text, and the names inputs reads as Markdown, reStructuredText
# or a page.
_MAGIC = re.compile(r"[*?[]")


@dataclass(frozen=True)
class InputItem:
    """One input file (or stdin when ``path`` is None) and where it sits below its input root."""

    source: str  # as shown in messages and in the JSON "source" field
    path: Path | None
    relative: PurePosixPath  # below the folder or glob base it was found in; mirrored by --out
    url: str | None = None  # a web page, PDF or feed to fetch (path is None)
    # Other names of the same file or page given or found in this run (a link, a second path to it):
    # it is read and summarized once, under ``source``, and the run says so.
    aliases: tuple[str, ...] = ()

    @property
    def size(self) -> int:
        if self.url is not None:
            return 0  # not known before fetching
        try:
            return self.path.stat().st_size if self.path is not None else 0
        except OSError:
            return 0


def _matches(relative: str, patterns: Iterable[str], folders: bool = False) -> bool:
    """Whether the path below its input folder or its file name matches; with ``folders``, also a
    folder it is in, so ``--exclude drafts`` (or ``drafts/``) leaves out everything in ``drafts``.
    """
    parts = relative.split("/")
    names = set(parts) if folders else {parts[-1]}
    paths = {"/".join(parts[: i + 1]) for i in range(len(parts))} if folders else {relative}
    for pattern in patterns:
        pattern = pattern.rstrip("/") or pattern
        if any(fnmatch.fnmatchcase(n, pattern) for n in names | paths):
            return True
    return False


def _wanted(relative: str, include: Sequence[str], exclude: Sequence[str]) -> bool:
    if exclude and _matches(relative, exclude, folders=True):
        return False
    if include:
        return _matches(relative, include)
    return relative.lower().endswith(DEFAULT_SUFFIXES)


def _real(path: Path) -> Path:
    # os.path.realpath, unlike Path.resolve() on Python 3.11, does not raise on a symlink loop.
    return Path(os.path.realpath(path))


def _is_candidate(path: Path) -> bool:
    """A regular file (or a link to one), or a broken link, which is then reported as a bad input.

    FIFOs, sockets and devices found in a folder are not articles: reading a FIFO blocks forever.
    """
    return path.is_file() or (path.is_symlink() and not path.exists())


def _walk(root: Path) -> list[Path]:
    found: list[Path] = []
    # os.walk does not follow links to folders, so a link back up the tree cannot loop.
    for folder, dirs, files in os.walk(root):
        # Hidden folders are tool state (.git, .venv, .cache), never articles.
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(p for p in (Path(folder) / f for f in sorted(files) if not f.startswith(".")) if _is_candidate(p))
    return found


def _glob_base(pattern: str) -> Path:
    parts = Path(pattern).parts
    base: list[str] = []
    for part in parts:
        if _MAGIC.search(part):
            break
        base.append(part)
    return Path(*base) if base else Path(".")


def _glob(raw: str, base: Path) -> list[Path]:
    """Matches of ``raw`` below ``base``, hidden names skipped unless the pattern names them.

    pathlib's ``**`` does not follow links to folders; glob.glob's does, and two links back up
    the tree (``a -> ..``, ``b -> ..``) make it run for ever.
    """
    # "**" inside a name ("a**.md") is "*" to glob.glob and an error to pathlib: keep glob's meaning.
    rest = [part if part == "**" else re.sub(r"\*{2,}", "*", part) for part in Path(raw).parts[len(base.parts) :]]
    hits = sorted(base.glob(str(PurePosixPath(*rest))))
    if any(part.startswith(".") for part in rest):
        return hits
    return [h for h in hits if not any(part.startswith(".") for part in h.relative_to(base).parts)]


def _output_name(name: str) -> bool:
    return name.endswith((".summary.md", ".summary.json"))


def discover(
    inputs: Sequence[str],
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    skip_dir: Path | None = None,
) -> list[InputItem]:
    """The input files named by ``inputs`` (files, folders, globs, ``-``), in a stable order.

    A file named explicitly is always taken (a missing one becomes an input error later, so the
    run goes on); files found in folders or by globs are filtered by ``include``/``exclude`` and,
    without ``include``, by the default types (:data:`DEFAULT_SUFFIXES`). Files found below
    ``skip_dir`` (the ``--out`` folder) are left out, so outputs never become inputs; where that
    folder is the input folder itself, only the outputs' names (``*.summary.md``, ``*.summary.json``).
    FIFOs, sockets and devices in folders are skipped; a broken link is kept and reported later.
    """
    items: list[InputItem] = []
    seen: dict[str, int] = {}  # the file's real path (or URL) -> its item's index
    skip = _real(skip_dir) if skip_dir is not None else None

    def is_output(path: Path, root: Path) -> bool:
        # Outputs never become inputs. Where --out is the input folder itself (or above it),
        # summaries sit beside the articles, so only the output names are left out there.
        if skip is None or not _real(path).is_relative_to(skip):
            return False
        return _output_name(path.name) or not _real(root).is_relative_to(skip)

    def add(source: str, path: Path | None, relative: PurePosixPath, url: str | None = None) -> None:
        key = url or (str(_real(path)) if path is not None else STDIN)
        if key not in seen:
            seen[key] = len(items)
            items.append(InputItem(source, path, relative, url))
        elif source != items[seen[key]].source and source not in items[seen[key]].aliases:
            first = items[seen[key]]
            items[seen[key]] = replace(first, aliases=(*first.aliases, source))

    def below(root: Path, f: Path) -> PurePosixPath:
        return PurePosixPath(f.relative_to(root).as_posix()) if f.is_relative_to(root) else PurePosixPath(f.name)

    def add_found(root: Path, files: Iterable[Path]) -> None:
        for f in files:
            rel = below(root, f)
            if _wanted(rel.as_posix(), include, exclude) and not is_output(f, root):
                add(str(f), f, rel)

    for raw in inputs:
        if raw == STDIN:
            add("<stdin>", None, PurePosixPath("stdin"))
            continue
        if is_url(raw):
            add(raw, None, PurePosixPath(url_slug(raw)), raw.strip())
            continue
        path = Path(raw).expanduser()
        if path.is_dir():
            add_found(path, _walk(path))
        elif path.exists() or path.is_symlink() or not _MAGIC.search(raw):
            add(raw, path, PurePosixPath(path.name))
        else:
            # The shell expands neither ~ nor the pattern when it is quoted: '~/notes/*.md'.
            base = _glob_base(str(path))
            hits = _glob(str(path), base)
            if not hits:
                raise UsageError(f"no files match {raw!r}", hint="check the pattern; quote it to stop the shell")
            for hit in hits:
                if hit.is_dir():
                    # A folder the pattern matched is searched like a folder given by name.
                    add_found(base, _walk(hit))
                    continue
                rel = below(base, hit)
                # A glob names its file types itself, so only --exclude (and --include) filter it.
                if (
                    _is_candidate(hit)
                    and not (exclude and _matches(rel.as_posix(), exclude, folders=True))
                    and (not include or _matches(rel.as_posix(), include))
                    and not is_output(hit, base)
                ):
                    add(str(hit), hit, rel)
    return items


def url_slug(url: str) -> str:
    """A file name for ``url``'s ``--out`` output: its host and path, other characters as ``-``
    (no dots, so that no part of it reads as a suffix): ``example-org-news-budget``."""
    parts = urlsplit(url.strip())
    slug = re.sub(r"[^A-Za-z0-9_]+", "-", f"{parts.hostname or ''}{parts.path}").strip("-")
    return slug[:120].rstrip("-") or "page"


def _targets(
    items: Sequence[InputItem], relative: Callable[[InputItem], PurePosixPath], ext: str
) -> dict[InputItem, PurePosixPath]:
    stems: dict[PurePosixPath, list[InputItem]] = {}
    for item in items:
        rel = relative(item)
        stems.setdefault(rel.parent / f"{PurePosixPath(rel.name).stem}.summary{ext}", []).append(item)
    out: dict[InputItem, PurePosixPath] = {}
    for target, group in stems.items():
        for item in group:
            rel = relative(item)
            out[item] = target if len(group) == 1 else rel.parent / f"{rel.name}.summary{ext}"
    return out


def output_paths(items: Sequence[InputItem], out_dir: Path, fmt: str) -> dict[InputItem, Path]:
    """``--out`` targets: the input tree mirrored, ``NAME.summary.md`` (or ``.json`` for json/jsonl).

    NAME is the file's stem; where two inputs would share one target (``a.md`` and ``a.html``),
    both keep their full file name instead (``a.md.summary.md``). Where inputs from different
    folders still share one (``2023/index.md`` and ``2024/index.md`` given as two folders), every
    input is mirrored from the folder that holds them all (``2023/index.summary.md``).
    """
    ext = ".json" if fmt in ("json", "jsonl") else ".md"
    out = _targets(items, lambda item: item.relative, ext)
    if len(set(out.values())) != len(out):
        files = [Path(os.path.abspath(item.path)) for item in items if item.path is not None]
        common = Path(os.path.commonpath(files)) if files else Path.cwd()

        def from_common(item: InputItem) -> PurePosixPath:
            if item.path is None:
                return item.relative
            return PurePosixPath(Path(os.path.abspath(item.path)).relative_to(common).as_posix())

        out = _targets(items, from_common, ext)
    targets = list(out.values())
    if len(set(targets)) != len(targets):
        clash = sorted(str(p) for p in targets if targets.count(p) > 1)[0]
        raise UsageError(f"two inputs would write the same output {clash}", hint="summarize them in separate runs")
    return {item: out_dir / rel for item, rel in out.items()}
