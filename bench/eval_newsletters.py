"""Newsletter summaries: how much of the summary block is what every issue says, and how many sections it covers.

For each of the last ``--issues`` issues of each series in ``../shared/data/newsletter_series/``,
the issue is summarized as the pre-commit hook would (extractive engine, 5 key points, medium
length) in a temporary folder holding it and its ``--window`` predecessors, and scored:

boilerplate rate
    the share of summary sentences and key points that match (token Jaccard >= 0.7 after lowercasing,
    replacing digits by 0 and removing links) a line or sentence found in at least 3 *other* issues of
    the series (all 12 issues are the reference, not only the window the summarizer saw);
section coverage
    the share of the issue's substantive sections (headings at the section level, the shallowest
    level used twice, whose content is not all recurring furniture) that a key point comes from (a key
    point comes from the section holding at least 70 % of its tokens, the best one when several do);
ceiling
    the coverage the key points could reach at most: min(points, sections) / sections;
block
    the same coverage counted over the whole block, summary sentences and key points together;
left out
    lines and sentences left out of the prose per issue (recurring text, calls to action).

Modes, side by side:
  before   the prose as the reader gives it, the extractive engine's own key points (today)
  lone     no siblings: calls to action left out, newsletter key points
  after    recurring text of the folder left out, newsletter key points (what the hook will do)

The summarization goes through the real pipeline (``summarize_like_hook`` below: the extractive
engine, boilerplate stripping, newsletter key points, the word bound). The scoring code is this
file's own (its own tokens, link removal and sentence split), not the code under test.

Examples:
  python bench/eval_newsletters.py
  python bench/eval_newsletters.py --series twir --show
  python bench/eval_newsletters.py --json /tmp/newsletters.json
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `python bench/eval_newsletters.py` from a checkout, not installed
    sys.path.insert(0, str(ROOT))

DATA = ROOT.parent / "shared" / "data" / "newsletter_series"
SERIES = ("twir", "swiftweekly", "ruanyf")
MODES = ("before", "lone", "after")
MATCH = 0.7  # token Jaccard for "the same line"
FROM_SECTION = 0.7  # share of a key point's tokens a section must hold for the point to come from it
OTHER_ISSUES = 3

# --- scoring: deliberately independent of summarize.text ---
_MD_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_URL = re.compile(r"<?(?:https?://|www\.|mailto:)\S+")
_REF_DEF = re.compile(r"^\s*\[[^\]]+\]:\s*\S+.*$")
_TOKEN = re.compile(r"[\u3400-\u9fff\u3040-\u30ff]|[^\W\d_]+|\d+", re.UNICODE)
_SENT_END = re.compile(r"(?<=[.!?])\s+|(?<=[。！？])")
_HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*)$")
_FRONT = re.compile(r"\A(?:---\n.*?\n---\n|(?:[A-Z][\w-]*:[^\n]*\n)+\n)", re.S)


def norm_tokens(text: str) -> frozenset[str]:
    """Lower-cased tokens with links removed (link text kept) and digits replaced by 0."""
    text = _URL.sub(" ", _MD_LINK.sub(r"\1", text)).lower()
    return frozenset("0" if t.isdigit() else t for t in _TOKEN.findall(text))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def body(md: str) -> str:
    md = md.replace("\r\n", "\n")
    m = _FRONT.match(md)
    return md[m.end() :] if m else md


def issue_units(md: str) -> list[frozenset[str]]:
    """Token sets of every line and sentence of an issue (the reference for "recurring")."""
    out: list[frozenset[str]] = []
    text = body(md)
    lines = [ln for ln in text.split("\n") if ln.strip() and not _REF_DEF.match(ln)]
    for line in lines:
        out.append(norm_tokens(line))
        out.extend(norm_tokens(s) for s in _SENT_END.split(_MD_LINK.sub(r"\1", line)))
    for para in re.split(r"\n\s*\n", text):
        out.extend(norm_tokens(s) for s in _SENT_END.split(" ".join(_MD_LINK.sub(r"\1", para).split())))
    return [u for u in out if len(u) >= 2]


def recurs(sentence: str, others: list[list[frozenset[str]]]) -> bool:
    """Found (Jaccard >= MATCH) in at least OTHER_ISSUES of ``others``."""
    toks = norm_tokens(sentence)
    if len(toks) < 2:
        return False
    hits = sum(1 for units in others if any(jaccard(toks, u) >= MATCH for u in units))
    return hits >= OTHER_ISSUES


@dataclass
class Section:
    heading: str
    lines: list[str]


def sections(md: str) -> list[Section]:
    """Sections at the shallowest heading level used at least twice."""
    lines = body(md).split("\n")
    heads = [(i, len(m.group(1)), m.group(2)) for i, ln in enumerate(lines) if (m := _HEADING.match(ln))]
    levels = [lv for _, lv, _ in heads]
    used = [lv for lv in set(levels) if levels.count(lv) >= 2]
    if not used:
        return []
    level = min(used)
    starts = [(i, h) for i, lv, h in heads if lv <= level]
    out = []
    for k, (i, h) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(lines)
        if _HEADING.match(lines[i]) and len(_HEADING.match(lines[i]).group(1)) == level:
            out.append(Section(h, [ln for ln in lines[i + 1 : end] if ln.strip() and not _REF_DEF.match(ln)]))
    return out


def substantive(section: Section, others: list[list[frozenset[str]]]) -> bool:
    """Some line of its content (subheadings aside) is not recurring furniture."""
    return any(len(norm_tokens(ln)) >= 2 and not recurs(ln, others) for ln in section.lines if not _HEADING.match(ln))


def source_section(point: str, secs: list[Section]) -> int | None:
    toks = norm_tokens(point)
    if not toks:
        return None
    best, best_share = None, 0.0
    for k, sec in enumerate(secs):
        held = frozenset().union(*(norm_tokens(ln) for ln in sec.lines)) if sec.lines else frozenset()
        share = len(toks & held) / len(toks)
        if share >= FROM_SECTION and share > best_share:
            best, best_share = k, share
    return best


# --- summarization as the hook will do it ---


def summarize_like_hook(path: Path, mode: str, points: int, length: str) -> tuple[list[str], list[str], int]:
    """(summary sentences, key points, lines left out) for one issue, through the real pipeline.

    The extractive engine, as the hook runs it on a Markdown file: ``after`` reads the file in its
    folder (recurring text of the siblings left out), ``lone`` the same file with no folder (its own
    calls to action left out), ``before`` with ``keep_boilerplate`` and ``kind="article"`` (the
    output before newsletters were handled).
    """
    from summarize.pipeline import Summarizer
    from summarize.settings import SummarizeOptions
    from summarize.text.inputs import read_path
    from summarize.text.sentences import split_sentences

    doc = read_path(path)
    if mode == "lone":
        doc.path = None
    before = mode == "before"
    options = SummarizeOptions(
        engine="extractive", points=points, length=length, keep_boilerplate=before, kind="article" if before else "auto"
    )
    with Summarizer(options) as summarizer:
        result = summarizer.summarize_document(doc)
    lang = result.language.code if result.language.code != "und" else "en"
    return split_sentences(result.summary, lang), result.key_points, result.boilerplate_lines


@dataclass
class Tally:
    sentences: int = 0
    flagged: int = 0
    sections: int = 0
    covered: int = 0
    block_covered: int = 0
    ceiling: float = 0.0
    issues: int = 0
    removed: int = 0
    shown: list[str] = field(default_factory=list)

    def row(self) -> dict[str, float]:
        return {
            "boilerplate_rate": round(100 * self.flagged / max(self.sentences, 1), 1),
            "section_coverage": round(100 * self.covered / max(self.sections, 1), 1),
            "block_coverage": round(100 * self.block_covered / max(self.sections, 1), 1),
            "coverage_ceiling": round(100 * self.ceiling / max(self.issues, 1), 1),
            "lines_left_out": round(self.removed / max(self.issues, 1), 1),
            "sentences": self.sentences,
        }


def evaluate(series: str, mode: str, args: argparse.Namespace) -> Tally:
    files = sorted((DATA / series).glob("*.md"))
    texts = {f.name: f.read_text(encoding="utf-8") for f in files}
    units = {name: issue_units(md) for name, md in texts.items()}
    tally = Tally()
    for pos in range(len(files) - args.issues, len(files)):
        target = files[pos]
        others = [units[f.name] for f in files if f != target]
        with tempfile.TemporaryDirectory(prefix="eval-newsletters-") as tmp:
            for f in files[max(0, pos - args.window) : pos + 1]:
                shutil.copy2(f, Path(tmp) / f.name)
            summary, key_points, removed = summarize_like_hook(Path(tmp) / target.name, mode, args.points, args.length)
        tally.issues += 1
        tally.removed += removed
        for kind, sent in [("summary", s) for s in summary] + [("point", p) for p in key_points]:
            tally.sentences += 1
            if recurs(sent, others):
                tally.flagged += 1
                tally.shown.append(f"{series} {target.name} [{mode} {kind}] {sent}")
        secs = sections(texts[target.name])
        keep = [k for k, sec in enumerate(secs) if substantive(sec, others)]
        hit = {source_section(p, secs) for p in key_points}
        tally.sections += len(keep)
        tally.covered += len([k for k in keep if k in hit])
        hit |= {source_section(s, secs) for s in summary}
        tally.block_covered += len([k for k in keep if k in hit])
        tally.ceiling += min(args.points, len(keep)) / max(len(keep), 1)
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--series", default=",".join(SERIES), help=f"comma-separated [default: {','.join(SERIES)}]")
    parser.add_argument("--modes", default=",".join(MODES), help=f"comma-separated [default: {','.join(MODES)}]")
    parser.add_argument("--issues", type=int, default=4, help="the last N issues of each series [default: 4]")
    parser.add_argument("--window", type=int, default=8, help="predecessors in the folder [default: 8]")
    parser.add_argument("--points", type=int, default=5, help="key points [default: 5]")
    parser.add_argument("--length", choices=("short", "medium", "long"), default="medium")
    parser.add_argument("--show", action="store_true", help="print every flagged sentence")
    parser.add_argument(
        "--min-issues", type=int, help="other issues a line must be found in to be recurring [default: the tool's]"
    )
    parser.add_argument("--json", metavar="PATH", help="also write the figures as JSON")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"error: {DATA} not found (the shared data folder next to the repository)", file=sys.stderr)
        return 2
    if args.min_issues is not None:
        from summarize.text import boilerplate

        boilerplate.MIN_ISSUES = args.min_issues  # also part of the cache key, so no stale entry is read
    results: dict[str, dict[str, dict[str, float]]] = {}
    shown: list[str] = []
    with tempfile.TemporaryDirectory(prefix="eval-newsletters-cache-") as cache:
        os.environ["SUMMARIZE_CACHE_DIR"] = cache  # a cold, private recurring-text cache
        for series in args.series.split(","):
            for mode in args.modes.split(","):
                tally = evaluate(series, mode, args)
                results.setdefault(series, {})[mode] = tally.row()
                shown.extend(tally.shown)
    header = (
        f"{'series':<12} {'mode':<7} {'boilerplate %':>13} {'coverage %':>10} {'ceiling %':>9} "
        f"{'block %':>7} {'left out':>8}"
    )
    print(header)
    print("-" * len(header))
    for series, modes in results.items():
        for mode, row in modes.items():
            print(
                f"{series:<12} {mode:<7} {row['boilerplate_rate']:>13.1f} {row['section_coverage']:>10.1f} "
                f"{row['coverage_ceiling']:>9.1f} {row['block_coverage']:>7.1f} {row['lines_left_out']:>8.1f}"
            )
    print(f"\n{args.issues} issues per series, {args.window} predecessors, {args.points} key points, {args.length}")
    if args.show:
        print("\nflagged:")
        for line in shown:
            print("  " + line)
    if args.json:
        from summarize import atomic

        atomic.write_text(args.json, json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
