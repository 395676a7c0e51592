"""``summarize-newsletter``: a pre-commit hook that keeps a summary block in Markdown files fresh.

The block sits between two HTML comments, invisible in rendered Markdown::

    <!-- summarize:start -->
    **Summary:** ...
    <!-- summarize:end -->

A file without the markers gets them after its front matter (YAML/TOML ``---``/``+++`` or a
Pelican ``Title:`` header block) and its title line; a file with them gets only the text between
them replaced. Every byte outside the block is kept as it was (BOM, CRLF, trailing newline). The
summary is computed from the text outside the block, so the block never feeds itself, and the
same text gives the same block (the result cache makes the second run instant): running the hook
twice changes nothing the second time.

Options: hook ``args`` > ``SUMMARIZE_*`` environment variables > ``[tool.summarize]`` in the
repository's ``pyproject.toml`` > defaults. Exit codes follow pre-commit: 1 when a file was
changed (or is stale with ``--check``) or could not be processed, 0 when nothing needed changing.
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import os
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import config_files, settings
from .errors import InputError, ModelLoadError, ModelNotAvailableError, SummarizeError, UsageError
from .results import SummaryResult
from .text.inputs import decode, to_document
from .text.languages import block_labels
from .text.markdown import EOL as _EOL
from .text.markdown import as_markdown_text, code_lines, front_matter, lines

PROG = "summarize-newsletter"
START = "<!-- summarize:start -->"
END = "<!-- summarize:end -->"
BOM = "\ufeff"
# The start of a line, whatever its file's line ending: re.M's "^" knows only "\n" (a file with
# old Mac "\r" endings would get a block it could not find again the next time).
_BOL = r"(?:^|(?<=\r))"
# A marker is a line of its own, indented less than a code block (4 spaces) would be.
_START_RE = re.compile(rf"{_BOL} {{0,3}}<!--[ \t]*summarize:start\b.*?-->[ \t]*{_EOL}?", re.M)
_END_RE = re.compile(rf"{_BOL} {{0,3}}<!--[ \t]*summarize:end\b.*?-->[ \t]*{_EOL}?", re.M)
_ANY_MARKER = re.compile(r"<!--[ \t]*summarize:(?:start|end)\b")
_LINE = re.compile(rf"[^\r\n]*(?:{_EOL}|\Z)")
_ATX_TITLE = re.compile(r"^#[ \t]+\S")
_SETEXT_UNDERLINE = re.compile(r"^=+[ \t]*$")


class HookError(SummarizeError):
    """A file the hook cannot safely rewrite (markers out of order, duplicated)."""


# --- the file's layout ------------------------------------------------------------------------
@dataclass
class Layout:
    """A Markdown file cut into the text before the block, the block, and the text after it."""

    bom: str
    before: str
    block: str | None  # the existing block with its markers, or None
    after: str
    eol: str

    @property
    def outside(self) -> str:
        """The file without the block: what the summary is computed from."""
        return self.before + self.after


def _eol_of(text: str) -> str:
    """The file's most common line ending ("\\n" for a file without any)."""
    crlf = text.count("\r\n")
    counts = {"\n": text.count("\n") - crlf, "\r\n": crlf, "\r": text.count("\r") - crlf}
    if not any(counts.values()):
        return "\n"
    # A tie between CRLF and LF goes to CRLF: a Windows editor's file with a few stray LFs.
    return max(("\r\n", "\n", "\r"), key=lambda eol: counts[eol])


def _skip_blank_lines(text: str, pos: int) -> int:
    while pos < len(text):
        m = _LINE.match(text, pos)
        if m is None or m.end() == pos or m.group(0).strip():
            break
        pos = m.end()
    return pos


def insertion_point(text: str, placement: str = "after-title") -> int:
    """Where a new block goes: after front matter (and the title line, for ``after-title``)."""
    if placement == "end":
        return len(text)
    pos = 0
    fm = front_matter(text)
    if fm:
        pos = fm.end()
    pos = _skip_blank_lines(text, pos)
    if placement == "after-title" and pos < len(text):
        line = _LINE.match(text, pos)
        assert line is not None
        nxt = _LINE.match(text, line.end())
        if _ATX_TITLE.match(line.group(0)):
            pos = _skip_blank_lines(text, line.end())
        elif line.group(0).strip() and nxt is not None and _SETEXT_UNDERLINE.match(nxt.group(0).rstrip("\r\n")):
            pos = _skip_blank_lines(text, nxt.end())
    return pos


def parse(text: str, source: str) -> Layout:
    """Split decoded file text (BOM included) around its summary block."""
    bom = BOM if text.startswith(BOM) else ""
    body = text[len(bom) :]
    # Markers shown inside code (documentation about this hook) are text, not markers: code as
    # CommonMark reads it, so a fence in a list item or a quote counts too.
    code = code_lines(body)
    starts_of_lines = list(itertools.accumulate((len(row) for row in lines(body)), initial=0))

    def outside_code(m: re.Match[str]) -> bool:
        return bisect.bisect_right(starts_of_lines, m.start()) - 1 not in code

    starts = [m for m in _START_RE.finditer(body) if outside_code(m)]
    ends = [m for m in _END_RE.finditer(body) if outside_code(m)]
    if not starts and not ends:
        return Layout(bom, body, None, "", _eol_of(body))
    if len(starts) != 1 or len(ends) != 1 or ends[0].start() < starts[0].end():
        hint = f"leave exactly one {START} ... {END} pair, or delete both to have it re-created"
        if sum(map(outside_code, _ANY_MARKER.finditer(body))) > len(starts) + len(ends):
            # e.g. both markers on one line: only a marker on a line of its own counts.
            hint = f"put {START} and {END} each on a line of its own"
        raise HookError(
            f"has {len(starts)} start and {len(ends)} end summary markers, not one pair in order",
            source=source,
            hint=hint,
        )
    start, end = starts[0], ends[0]
    eol_match = re.search(_EOL + r"\Z", start.group(0))
    eol = eol_match.group(0) if eol_match else _eol_of(body)
    return Layout(bom, body[: start.start()], body[start.start() : end.end()], body[end.end() :], eol)


def render_block(result: SummaryResult, eol: str, *, final_eol: bool = True) -> str:
    """The block's text, markers included, with the file's own line ending."""
    # Headed in the language of what follows: the block is part of the document.
    summary_label, points_label = block_labels(result.language.code)
    lines = [START, f"**{summary_label}** {as_markdown_text(result.summary)}"]
    if result.key_points:
        lines += ["", f"**{points_label}**", ""]
        lines += [f"- {as_markdown_text(p)}" for p in result.key_points]
    translation = result.translation
    # A skipped translation (the file is already in that language) would only repeat the original.
    if translation is not None and not translation.skipped:
        from .render import rtl_block

        target = translation.language
        # "**خلاصہ (ur):**": the target's own words, and its code to tell the translation apart.
        labels = block_labels(target, f" ({target})" if target else "")
        translated: list[str] = []
        if translation.summary:
            translated += [f"**{labels[0]}** {as_markdown_text(translation.summary)}"]
        points = translation.key_points
        if points:
            translated += ["", f"**{labels[1]}**", ""]
            translated += [f"- {as_markdown_text(p)}" for p in points]
        if translated:
            # Right-to-left text (Urdu) is marked as such, like every Markdown output of the tool.
            lines += ["", *rtl_block("\n".join(translated).strip("\n"), target).rstrip("\n").split("\n")]
    lines.append(END)
    # A model's text has no line breaks (clean_output); keep it so in case another engine adds some.
    text = eol.join(" ".join(line.split()) for line in lines)
    return text + (eol if final_eol else "")


def updated_text(layout: Layout, block: str, placement: str) -> str:
    """The new file text: ``block`` replacing the old one, or inserted at ``placement``."""
    if layout.block is not None:
        return layout.bom + layout.before + block + layout.after
    text = layout.before
    pos = insertion_point(text, placement)
    before, after = text[:pos], text[pos:]
    eol = layout.eol
    pad_before = ""
    if before and not before.endswith(("\n", "\r")):
        pad_before = eol + eol  # a last line without its newline, then a blank line
    elif before and not re.search(rf"{_EOL}[ \t]*{_EOL}\Z", before) and before.strip():
        pad_before = eol  # Markdown needs a blank line between a paragraph and the block
    pad_after = eol if after and not re.match(rf"[ \t]*{_EOL}", after) else ""
    return layout.bom + before + pad_before + block + pad_after + after


# --- configuration ----------------------------------------------------------------------------
def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog=PROG,
        description="Write or refresh a summary block (summary + key points) in Markdown files, "
        f"between {START} and {END}.",
        epilog="Options also come from SUMMARIZE_* environment variables, the summarize config file and "
        "[tool.summarize] in pyproject.toml. Exit codes: 0 nothing changed, 1 a file changed or failed, 2 usage error.",
    )
    p.add_argument("files", nargs="*", help="Markdown files (pre-commit passes the staged ones)")
    p.add_argument("--check", action="store_true", help="report missing or stale blocks, write nothing")
    p.add_argument("--model", "-m", help="summarization model: alias, Hub id or local folder")
    p.add_argument("--to", help="also translate the summary and key points into this language (e.g. ur)")
    p.add_argument("--translator", help="translation model (with --to)")
    p.add_argument("--lang", help="language of the files (skips detection)")
    p.add_argument("--points", "-p", help="number of key points [default: 5]")
    p.add_argument("--length", help="summary length: short, medium, long [default: medium]")
    p.add_argument(
        "--engine",
        help=f"auto, abstractive, extractive [default: {settings.HOOK_DEFAULTS['engine']}; "
        "auto falls back to the offline extractive engine]",
    )
    p.add_argument("--faithfulness", help="unsupported numbers, names, quotes: off, warn, repair [default: repair]")
    p.add_argument(
        "--keep-boilerplate", action="store_true", default=None, help="keep recurring text and calls to action"
    )
    p.add_argument("--kind", help="auto, newsletter, article: how key points are chosen [default: auto]")
    p.add_argument(
        "--placement", help=f"where a new block goes: {', '.join(settings.PLACEMENTS)} [default: after-title]"
    )
    p.add_argument("--offline", action="store_true", default=None, help="never touch the network")
    p.add_argument("--batch-size", help="model inputs per generate() call")
    p.add_argument("--backend", help="model runtime: auto, transformers, ctranslate2 [default: auto]")
    p.add_argument("--compute-type", help="CTranslate2 quantization (with --backend ctranslate2)")
    p.add_argument(
        "--no-vocab-map",
        dest="vocab_map",
        action="store_false",
        default=None,
        help="translate with the full vocabulary",
    )
    p.add_argument("--no-cache", action="store_true", default=None, help="bypass the result cache")
    p.add_argument("--config", type=Path, help="pyproject.toml to read [tool.summarize] from")
    p.add_argument("--quiet", "-q", action="store_true", default=None, help="only errors and changed files")
    return p


def hook_settings(args: argparse.Namespace) -> settings.Resolved:
    """Hook args > SUMMARIZE_* env > config file > [tool.summarize] > defaults (the settings layer's)."""
    given = {name: getattr(args, name, None) for name in settings.HOOK_KEYS}
    pyproject = args.config if args.config else config_files.find_pyproject(Path.cwd())
    return settings.resolve(
        given,
        names=settings.HOOK_KEYS,
        pyproject=pyproject,
        use_pyproject=True,
        defaults=settings.HOOK_DEFAULTS,
    )


# --- running ----------------------------------------------------------------------------------
OFFLINE_HELP = (
    "the model must be on this machine: pre-download it where there is network with "
    "`summarize models pull NAME` (it fills the Hugging Face cache, HF_HOME), or point SUMMARIZE_MODEL "
    "or `model` in [tool.summarize] at a local folder. Where there is no network (pre-commit.ci), skip "
    "the hook: `SKIP=summarize-newsletter git commit ...`, or `ci: skip: [summarize-newsletter]` in "
    '.pre-commit-config.yaml; or set engine = "extractive" in [tool.summarize] to use the offline engine '
    "everywhere"
)


@dataclass
class _Job:
    path: Path
    raw: bytes
    layout: Layout
    doc: Any


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    """The hook's entry point: returns 0 when nothing changed, 1 when a file changed or failed."""
    args = parser().parse_args(list(argv) if argv is not None else None)
    try:
        return _run(args)
    except KeyboardInterrupt:
        # Files are replaced atomically one at a time: each is either as it was or fully updated.
        _say(f"{PROG}: interrupted")
        return 130


def _read_job(name: str) -> _Job | None:
    """The file cut around its block, and the document outside it; None when there is no text."""
    path = Path(name)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot be read: {exc.strerror}", source=name) from None
    # decode() checks for binary data and strict UTF-8; the BOM is kept apart from the text.
    bom = BOM if raw.startswith(b"\xef\xbb\xbf") else ""
    text = bom + decode(raw[3:] if bom else raw, name)
    layout = parse(text, name)
    try:
        doc = to_document(layout.outside, name, ".md")
    except InputError:
        return None
    doc.path = name  # its folder holds the newsletter's other issues
    return _Job(path, raw, layout, doc)


def _run(args: argparse.Namespace) -> int:
    try:
        values = hook_settings(args).values
        options = settings.summarize_options(values)
    except UsageError as exc:
        _say(f"{PROG}: error: {exc}")
        return 2
    from .cache import ResultCache
    from .pipeline import Summarizer

    failed = False
    jobs: list[_Job] = []
    for name in args.files:
        try:
            job = _read_job(name)
        except SummarizeError as exc:
            _say(f"{PROG}: error: {exc} (file left untouched)")
            failed = True
            continue
        if job is not None:
            jobs.append(job)
        elif not values["quiet"]:
            _say(f"{PROG}: {name}: no text to summarize, left as is")
    if not jobs:
        return 1 if failed else 0

    cache = ResultCache(enabled=not values["no_cache"])
    summarizer = Summarizer(options, notify=(lambda m: None) if values["quiet"] else _say, cache=cache)
    try:
        results = summarizer.summarize_many([job.doc for job in jobs])
        if summarizer.translation_error is not None:  # a block without its translation would be wrong
            raise summarizer.translation_error
    except (ModelNotAvailableError, ModelLoadError) as exc:
        _say(f"{PROG}: error: {exc}")
        _say(f"{PROG}: {OFFLINE_HELP}")
        return 1
    except UsageError as exc:
        _say(f"{PROG}: error: {exc}")
        return 2
    except SummarizeError as exc:
        _say(f"{PROG}: error: {exc} (no file was changed)")
        return 1

    changed: list[str] = []
    for job, result in zip(jobs, results, strict=True):
        name = str(job.path)
        if isinstance(result, SummarizeError):
            _say(f"{PROG}: error: {result} (file left untouched)")
            failed = True
            continue
        old_block = job.layout.block
        final_eol = old_block is None or bool(re.search(_EOL + r"\Z", old_block))
        block = render_block(result, job.layout.eol, final_eol=final_eol)
        new = updated_text(job.layout, block, values["placement"]).encode("utf-8")
        if new == job.raw:
            continue
        changed.append(name)
        if not values["quiet"]:
            # What the block holds was repaired or is doubtful: said when the block is written (or stale),
            # not again on every commit that leaves it as it is.
            for warning in result.warnings:
                _say(f"{PROG}: {name}: warning: {warning}")
        if args.check:
            _say(f"{PROG}: {name}: summary block is {'stale' if old_block is not None else 'missing'}")
            continue
        try:
            from . import atomic

            # Through a symbolic link to its file: replacing the link itself would turn it into a copy.
            atomic.write_bytes(os.path.realpath(job.path), new, make_dirs=False)
        except OSError as exc:
            _say(f"{PROG}: error: {name}: cannot be written: {exc.strerror} (file left untouched)")
            failed = True
            continue
        _say(f"{PROG}: updated the summary block in {name}")
    return 1 if changed or failed else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
