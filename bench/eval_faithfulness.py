"""How well ``summarize.text.facts`` catches invented facts: FactCC-style corruptions of reference summaries.

For every reference summary of the shared news sets (CNN/DM highlights, XSum summaries, BBC News
summaries) it makes corrupted copies, one fact changed in each:

- ``number``: a number replaced by another number of the article (different value), or by an
  invented one (46 -> 47..61);
- ``date``: a year, month or weekday replaced by another one of the article, or an invented one;
- ``name``: a capitalised name replaced by another name of the article (no word in common), or by a
  name from another article of the set.

Half the corruptions take their value from the article (origin ``article``: the hard case, a
swap the presence of the value cannot reveal), half invent one (origin ``invented``).

What is changed is found with simple rules of this script (digits and number words, month and
weekday names and years, capitalised words inside a sentence), not with the checker's own
extraction, so a fact the checker cannot read counts as missed. A corruption counts as caught
when the checker flags a fact overlapping the changed words in the corrupted sentence. A false
alarm is a clean reference sentence in which the checker flags anything.

A second recall, alongside the first, counts only corruptions whose original value the article
literally states by this script's rules (``stated``: the same digits or number word, month, weekday,
year or name words): a corruption of a value the article never had ("four secs" for a gap the
article does not give) changes no supported fact into an unsupported one, so the first recall
holds cases a checker of support cannot be asked to catch.

Protocol (what may be looked at): CNN/DM is the development set, its examples are read and the
checker's rules and margins are tuned on it. XSum is split by row: the even-indexed references
(0, 2, 4, ...) are a development half whose examples may be read (``xsum-dev``), the odd-indexed
ones a test half whose examples are never printed or written, only its figures (``xsum-test``);
the whole set is reported too. BBC is held out entirely: figures only. ``--examples`` prints
(and ``--json`` writes) examples of the development parts only. Each row is corrupted the same way
whichever part it is in (its random generator is seeded by its index in the whole set), so the
whole set's figures compare with earlier runs; an invented name for a row comes from the next row's
article, for an XSum-dev row a test row's (a name may show in a dev example, never a test reference).

XSum references are known to state facts their article lacks (Maynez et al. 2020 found ~70% of
them do), so its "false alarms" count real unsupported facts too: the false alarms are split by
whether a flagged value is nowhere in the article (the reference really states something its
article lacks, or the checker cannot read the article's wording of it) or the article does state
it (the checker's context or rival test is wrong). No reference is relabelled or dropped.

Examples:
  python bench/eval_faithfulness.py
  python bench/eval_faithfulness.py --sets cnndm --examples 40 --json /tmp/faith.json
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path


def _words(text: str) -> list[str]:
    """A word list written as one string (easier to read and edit than a list of literals)."""
    return text.split()


ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `python bench/eval_faithfulness.py` from a checkout, not installed
    sys.path.insert(0, str(ROOT))

DATA = ROOT.parent / "shared" / "data"
SETS = {
    "cnndm": ("cnndm_dev_100.jsonl", "article", "highlights", "dev: rules tuned here"),
    "xsum": ("xsum_dev_200.jsonl", "document", "summary", "whole (dev + test halves)"),
    "bbc": ("bbc_dev_250.jsonl", "article", "summary", "held out: figures only"),
}
# Sets split into parts: (label, role, first row, step, whether its examples may be read). XSum's even rows
# are a development half, its odd rows a test half nobody inspects (see the docstring).
PARTS = {
    "xsum": [
        ("xsum-dev", "dev: even rows, may be read", 0, 2, True),
        ("xsum-test", "test: odd rows, figures only", 1, 2, False),
    ]
}
KINDS = ("number", "date", "name")
NUMBER_WORDS = _words("two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred")
MONTHS = _words("January February March April May June July August September October November December")
WEEKDAYS = _words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w])|\b(?:" + "|".join(NUMBER_WORDS) + r")\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_DATE = re.compile(r"\b(?:" + "|".join(MONTHS + WEEKDAYS) + r")\b|" + _YEAR.pattern)
_NAME = re.compile(r"(?<=[a-z,;] )(?:[A-Z][a-z]+)(?: [A-Z][a-z]+)*")
_NOT_NAME = set(MONTHS + WEEKDAYS) | {"The", "I", "A", "In", "He", "She", "It", "They", "But", "And"}


def _numbers(text: str) -> list[re.Match[str]]:
    return [m for m in _NUMBER.finditer(text) if not _YEAR.fullmatch(m.group(0))]


def _names(text: str) -> list[str]:
    return [m.group(0) for m in _NAME.finditer(text) if not set(m.group(0).split()) & _NOT_NAME]


def _replacement(kind: str, old: str, article: str, elsewhere: str, rng: random.Random) -> tuple[str, str] | None:
    """(new value, origin): half the time a value of the same kind from the article, different from
    ``old`` (origin ``article``); else a perturbed one, or for a name one from another article
    (``elsewhere``), as a model that invents would write (origin ``invented``)."""
    inside = rng.random() < 0.5
    if kind == "name":
        pool = sorted({n for n in _names(article if inside else elsewhere) if not set(n.split()) & set(old.split())})
        pool = pool if inside else [n for n in pool if not set(n.split()) & set(article.split())]
        return (rng.choice(pool), "article" if inside else "invented") if pool else None
    if kind == "number":
        pool = sorted({m.group(0) for m in _numbers(article)} - {old}, key=str)
        pool = [p for p in pool if p.replace(",", "") != old.replace(",", "")]
        if pool and inside:
            return rng.choice(pool), "article"
        if old.isdigit():
            return str(int(old) + rng.randint(1, max(2, int(old) // 3))), "invented"
        return None
    if kind == "date":
        pool = sorted({m.group(0) for m in _DATE.finditer(article)} - {old})
        same = [p for p in pool if (p in MONTHS) == (old in MONTHS) and (p in WEEKDAYS) == (old in WEEKDAYS)]
        if same and inside:
            return rng.choice(same), "article"
        for group in (MONTHS, WEEKDAYS):
            if old in group:
                return rng.choice([g for g in group if g != old and g not in article]), "invented"
        return str(int(old) + rng.choice([-3, -2, -1, 1, 2, 3])), "invented"


def _targets(kind: str, sentence: str) -> list[tuple[int, int, str]]:
    if kind == "number":
        return [(m.start(), m.end(), m.group(0)) for m in _numbers(sentence)]
    if kind == "date":
        return [(m.start(), m.end(), m.group(0)) for m in _DATE.finditer(sentence)]
    return [
        (m.start(), m.end(), m.group(0)) for m in _NAME.finditer(sentence) if not set(m.group(0).split()) & _NOT_NAME
    ]


def corruptions(
    reference: list[str], article: str, elsewhere: str, rng: random.Random, per_kind: int = 3
) -> list[tuple[str, str, str, int, int, str]]:
    """(kind, origin, corrupted sentence, start, end of the new words, old value): up to ``per_kind`` per kind,
    each at another spot; ``origin`` says whether the new value comes from the article or was perturbed."""
    out: list[tuple[str, str, str, int, int, str]] = []
    for kind in KINDS:
        spots = [(s, t) for s in reference for t in _targets(kind, s)]
        for sentence, (start, end, old) in rng.sample(spots, min(per_kind, len(spots))):
            got = _replacement(kind, old, article, elsewhere, rng)
            if got is None or got[0] == old:
                continue
            new, origin = got
            out.append((kind, origin, sentence[:start] + new + sentence[end:], start, start + len(new), old))
    return out


def stated(kind: str, old: str, article: str, article_numbers: set[str]) -> bool:
    """Whether the article literally states the value a corruption replaced, by this script's simple rules
    (not the checker's): the same digits or number word, the same month, weekday or year, the same name
    words. A corruption of a value the article never had turns no supported fact into an unsupported one."""
    if kind == "number":
        return old.replace(",", "").lower() in article_numbers
    return re.search(r"(?<!\w)" + re.escape(old) + r"(?!\w)", article) is not None


def tally(
    name: str, rows: list[dict[str, str]], fields: tuple[str, str], indices: Sequence[int], examples: int
) -> tuple[Counter[str], dict[str, list[str]]]:
    """Raw counts of one set (or one half of it: ``indices``) and up to ``examples`` examples of each sort
    (none for a held-out part: nobody reads them). Row ``i`` is corrupted the same way whichever part it is in."""
    from summarize.text.facts import is_supported, support_index, unsupported_in_sentence
    from summarize.text.inputs import repair_mojibake
    from summarize.text.sentences import split_sentences

    source_field, ref_field = fields
    n: Counter[str] = Counter()
    shown: dict[str, list[str]] = {"missed": [], "false_alarm_in_article": [], "false_alarm_absent": []}

    def show(sort: str, line: str) -> None:
        if len(shown[sort]) < examples:
            shown[sort].append(line)

    def article_of(row: dict) -> str:
        # As the tool's reader gives it to the checker: mojibake repaired (XSum: "Â£" for "£" in 20 articles).
        return repair_mojibake(row[source_field])[0]

    for i in indices:
        article = article_of(rows[i])
        index = support_index(article, "en")
        reference = rows[i].get(f"{ref_field}_list") or split_sentences(rows[i][ref_field], "en")
        n["references"] += 1
        flagged_any = False
        numbers = {m.group(0).replace(",", "").lower() for m in _numbers(article)}
        for sentence in reference:
            bad = unsupported_in_sentence(sentence, [index], "en")
            n["clean_sentences"] += 1
            # A sentence whose every value (by this script's rules) the article states: one the checker
            # should pass, whatever the set's references are known to invent.
            supported = all(stated(k, old, article, numbers) for k in KINDS for _, _, old in _targets(k, sentence))
            n["stated_sentences"] += supported
            n["alarm/stated"] += bool(bad) and supported
            if bad:
                n["alarms"] += 1
                flagged_any = True
                n.update(f"alarm_kind/{f.kind}" for f in bad)
                stated_all = all(is_supported(f, sentence, index, context=False) for f in bad)
                origin = "in_article" if stated_all else "absent"
                n[f"alarm/{origin}"] += 1
                show(f"false_alarm_{origin}", f"[{i}] {sentence} -> {[f.text for f in bad]}")
        n["alarmed_references"] += flagged_any
        rng = random.Random(f"{name}:{i}")
        for kind, origin, corrupted, start, end, old in corruptions(
            reference, article, article_of(rows[(i + 1) % len(rows)]), rng
        ):
            tags = [kind, f"{kind}/{origin}"] + ([f"{kind}/stated"] if stated(kind, old, article, numbers) else [])
            n.update(f"made/{t}" for t in tags)
            flags = unsupported_in_sentence(corrupted, [index], "en")
            if any(f.start < end and start < f.end for f in flags):
                n.update(f"caught/{t}" for t in tags)
            else:
                show("missed", f"[{i}] {kind}/{origin}: {corrupted} [{old} -> {corrupted[start:end]}]")
    return n, shown


def _pct(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def figures(n: Counter[str], seconds: float, shown: dict[str, list[str]] | None) -> dict[str, object]:
    """The JSON-ready figures of raw counts."""
    made = {k.split("/", 1)[1]: v for k, v in n.items() if k.startswith("made/")}
    recall = {k: _pct(n[f"caught/{k}"], v) for k, v in sorted(made.items())}
    clean = n["clean_sentences"]
    out: dict[str, object] = {
        "references": n["references"],
        "recall": {k: recall.get(k) for k in KINDS},
        # Only corruptions of a value the article literally states (this script's rules): a supported fact
        # turned into an unsupported one. Alongside the recall above, not instead of it.
        "recall_stated": {k: recall.get(f"{k}/stated") for k in KINDS},
        "recall_by_origin": {k: v for k, v in recall.items() if k.endswith(("/article", "/invented"))},
        "corruptions": made,
        "false_alarm_sentences": _pct(n["alarms"], clean),
        "false_alarm_references": _pct(n["alarmed_references"], n["references"]),
        # Of the clean sentences: flagged for a value the article states nowhere (the reference itself is
        # unsupported there, or the checker cannot read the article's wording), and flagged only for values
        # the article does state (the context or rival test is wrong: a checker error).
        "false_alarm_value_absent": _pct(n["alarm/absent"], clean),
        "false_alarm_value_in_article": _pct(n["alarm/in_article"], clean),
        "clean_sentences": clean,
        # Of the clean sentences whose every value the article states by this script's rules: flagged.
        "false_alarm_stated": _pct(n["alarm/stated"], n["stated_sentences"]),
        "stated_sentences": n["stated_sentences"],
        "false_alarm_kinds": {k.split("/", 1)[1]: v for k, v in n.items() if k.startswith("alarm_kind/")},
        "seconds": round(seconds, 2),
    }
    if shown is not None:
        out["examples"] = shown
    return out


def _cell(value: object) -> str:
    return f"{value:6.1f}%" if isinstance(value, float) else f"{'-':>7}"


def report(label: str, role: str, res: dict[str, object]) -> None:
    recall, recall_stated = res["recall"], res["recall_stated"]
    assert isinstance(recall, dict) and isinstance(recall_stated, dict)
    print(
        f"{label:9} {role:30} {res['references']:>5} {' '.join(_cell(recall[k]) for k in KINDS)}"
        f" {_cell(res['false_alarm_sentences']):>13} {_cell(res['false_alarm_references'])}"
    )
    corruptions = res["corruptions"]
    assert isinstance(corruptions, dict)
    pad = " " * 47
    stated_cells = " ".join(_cell(recall_stated[k]) for k in KINDS)
    counts = "/".join(str(corruptions.get(f"{k}/stated", 0)) for k in KINDS)
    print(f"{pad[: -len('original stated: ')]}original stated: {stated_cells}   (of {counts} corruptions)")
    by_origin = res["recall_by_origin"]
    assert isinstance(by_origin, dict)
    print(pad + "  ".join(f"{k} {v:.1f}% of {corruptions[k]}" for k, v in by_origin.items()))
    print(
        pad + f"false alarms: value nowhere in the article {_cell(res['false_alarm_value_absent']).strip()},"
        f" value in the article {_cell(res['false_alarm_value_in_article']).strip()}"
        f" (of {res['clean_sentences']} sentences)"
    )
    print(
        pad + f"false alarms on sentences whose every value the article states:"
        f" {_cell(res['false_alarm_stated']).strip()} (of {res['stated_sentences']})"
    )
    for sort, lines in res.get("examples", {}).items():  # type: ignore[union-attr]
        for line in lines:
            print(f"    {sort}: {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", nargs="+", choices=sorted(SETS), default=list(SETS), help="which sets to run")
    parser.add_argument("--data", default=str(DATA), help="folder of the shared sets [default: %(default)s]")
    parser.add_argument("--limit", type=int, help="use only the first N references of each set")
    parser.add_argument(
        "--examples",
        type=int,
        nargs="?",
        const=8,
        default=0,
        metavar="N",
        help="print up to N (default 8) missed corruptions and false alarms of each sort, of development parts only",
    )
    parser.add_argument("--json", metavar="PATH", help="also write the figures (and examples) as JSON")
    args = parser.parse_args(argv)
    results: dict[str, object] = {}
    print(f"{'set':9} {'role':30} {'refs':>5} {'number':>7} {'date':>7} {'name':>7} {'false alarms':>13} {'(refs)':>7}")
    for name in args.sets:
        filename, source_field, ref_field, _ = SETS[name]
        with open(Path(args.data) / filename, encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh if line.strip()][: args.limit]
        whole: Counter[str] = Counter()
        seconds = 0.0
        parts = PARTS.get(name, [(name, SETS[name][3], 0, 1, name == "cnndm")])
        for label, role, first, step, inspectable in parts:
            started = time.perf_counter()
            indices = range(first, len(rows), step)
            shown_n = args.examples if inspectable else 0
            counts, shown = tally(name, rows, (source_field, ref_field), indices, shown_n)
            took = time.perf_counter() - started
            whole += counts
            seconds += took
            results[label] = figures(counts, took, shown if inspectable else None) | {"role": role}
            report(label, role, results[label])  # type: ignore[arg-type]
        if len(parts) > 1:
            results[name] = figures(whole, seconds, None) | {"role": SETS[name][3]}
            report(name, SETS[name][3], results[name])  # type: ignore[arg-type]
    print("recall: corrupted copies flagged at the changed words (corruptions per kind in --json); 'original stated':")
    print("only corruptions of a value the article literally states (this script's rules, not the checker's);")
    print("false alarms: clean reference sentences (and whole references) with any fact flagged; split by whether")
    print("a flagged value is nowhere in the article (the reference states what its article lacks, or the")
    print("checker cannot read the article's wording) or is in it (the context or rival test is wrong)")
    if args.json:
        from summarize import atomic

        atomic.write_text(args.json, json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
