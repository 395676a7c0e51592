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

The rules were tuned on CNN/DM only: its figures are development figures; XSum and BBC are
held out. XSum references are known to state facts their article lacks (Maynez et al. 2020
found ~70% of them do), so its "false alarms" count real unsupported facts too: the false alarms
are split by whether a flagged value is nowhere in the article (the reference really states
something its article lacks, or the checker cannot read the article's wording of it) or the
article does state it (the checker's context or rival test is wrong). No reference is relabelled
or dropped.

Examples:
  python bench/eval_faithfulness.py
  python bench/eval_faithfulness.py --sets cnndm --json /tmp/faith.json
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path


def _words(text: str) -> list[str]:
    """A word list written as one string (easier to read and edit than a list of literals)."""
    return text.split()


ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `python bench/eval_faithfulness.py` from a checkout, not installed
    sys.path.insert(0, str(ROOT))

DATA = ROOT.parent / "shared" / "data"
SETS = {
    "cnndm": ("cnndm_dev_100.jsonl", "article", "highlights", "dev (rules tuned here)"),
    "xsum": ("xsum_dev_200.jsonl", "document", "summary", "held out"),
    "bbc": ("bbc_dev_250.jsonl", "article", "summary", "held out"),
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
) -> list[tuple[str, str, str, int, int]]:
    """(kind, origin, corrupted sentence, start, end of the new words): up to ``per_kind`` per kind, each
    at another spot; ``origin`` says whether the new value comes from the article or was perturbed."""
    out: list[tuple[str, str, str, int, int]] = []
    for kind in KINDS:
        spots = [(s, t) for s in reference for t in _targets(kind, s)]
        for sentence, (start, end, old) in rng.sample(spots, min(per_kind, len(spots))):
            got = _replacement(kind, old, article, elsewhere, rng)
            if got is None or got[0] == old:
                continue
            new, origin = got
            out.append((kind, origin, sentence[:start] + new + sentence[end:], start, start + len(new)))
    return out


def evaluate(name: str, rows: list[dict[str, str]], source_field: str, ref_field: str) -> dict[str, object]:
    """Run the check on clean and corrupted references of one set; the figures as a JSON-ready dict."""
    from summarize.text.facts import is_supported, support_index, unsupported_in_sentence
    from summarize.text.sentences import split_sentences

    caught: Counter[str] = Counter()
    made: Counter[str] = Counter()
    clean_sentences = alarms = alarmed_refs = 0
    alarm_origin: Counter[str] = Counter()  # absent: a flagged value the article states nowhere
    alarm_kinds: Counter[str] = Counter()
    examples: dict[str, list[str]] = {"missed": [], "false_alarm": []}
    started = time.perf_counter()
    for i, row in enumerate(rows):
        article = row[source_field]
        index = support_index(article, "en")
        reference = row.get(f"{ref_field}_list") or split_sentences(row[ref_field], "en")
        flagged_any = False
        for sentence in reference:
            bad = unsupported_in_sentence(sentence, [index], "en")
            clean_sentences += 1
            if bad:
                alarms += 1
                flagged_any = True
                alarm_kinds.update(f.kind for f in bad)
                stated = [is_supported(f, sentence, index, context=False) for f in bad]
                alarm_origin["absent" if not all(stated) else "in_article"] += 1
                if len(examples["false_alarm"]) < 8:
                    examples["false_alarm"].append(f"{sentence} -> {[f.text for f in bad]}")
        alarmed_refs += flagged_any
        rng = random.Random(f"{name}:{i}")
        for kind, origin, corrupted, start, end in corruptions(
            reference, article, rows[(i + 1) % len(rows)][source_field], rng
        ):
            made[kind] += 1
            made[f"{kind}/{origin}"] += 1
            flags = unsupported_in_sentence(corrupted, [index], "en")
            if any(f.start < end and start < f.end for f in flags):
                caught[kind] += 1
                caught[f"{kind}/{origin}"] += 1
            elif len(examples["missed"]) < 8:
                examples["missed"].append(f"{kind}: {corrupted} [{corrupted[start:end]}]")
    seconds = time.perf_counter() - started
    return {
        "references": len(rows),
        "recall": {k: round(100 * caught[k] / made[k], 1) if made[k] else None for k in KINDS},
        "recall_by_origin": {k: round(100 * caught[k] / n, 1) for k, n in sorted(made.items()) if "/" in k},
        "corruptions": dict(made),
        "false_alarm_sentences": round(100 * alarms / max(clean_sentences, 1), 1),
        "false_alarm_references": round(100 * alarmed_refs / max(len(rows), 1), 1),
        # Of the clean sentences: flagged for a value the article states nowhere (the reference itself is
        # unsupported there, or the checker cannot read the article's wording), and flagged only for values
        # the article does state (the context or rival test is wrong: a checker error).
        "false_alarm_value_absent": round(100 * alarm_origin["absent"] / max(clean_sentences, 1), 1),
        "false_alarm_value_in_article": round(100 * alarm_origin["in_article"] / max(clean_sentences, 1), 1),
        "clean_sentences": clean_sentences,
        "false_alarm_kinds": dict(alarm_kinds),
        "seconds": round(seconds, 2),
        "examples": examples,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", nargs="+", choices=sorted(SETS), default=list(SETS), help="which sets to run")
    parser.add_argument("--data", default=str(DATA), help="folder of the shared sets [default: %(default)s]")
    parser.add_argument("--limit", type=int, help="use only the first N references of each set")
    parser.add_argument("--examples", action="store_true", help="print missed corruptions and false alarms")
    parser.add_argument("--json", metavar="PATH", help="also write the figures as JSON")
    args = parser.parse_args(argv)
    results: dict[str, object] = {}
    head = f"{'set':6} {'role':22} {'refs':>5} {'number':>7} {'date':>7} {'name':>7} {'false alarms':>13} {'(refs)':>7}"
    print(head)
    for name in args.sets:
        filename, source_field, ref_field, role = SETS[name]
        with open(Path(args.data) / filename, encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh if line.strip()][: args.limit]
        res = evaluate(name, rows, source_field, ref_field)
        res["role"] = role
        results[name] = res
        recall = res["recall"]
        assert isinstance(recall, dict)
        cells = " ".join(f"{recall[k]:6.1f}%" if recall[k] is not None else f"{'-':>7}" for k in KINDS)
        print(
            f"{name:6} {role:22} {res['references']:>5} {cells} {res['false_alarm_sentences']:12.1f}%"
            f" {res['false_alarm_references']:6.1f}%"
        )
        by_origin = res["recall_by_origin"]
        assert isinstance(by_origin, dict)
        print(" " * 30 + "  ".join(f"{k} {v:.1f}% of {res['corruptions'][k]}" for k, v in by_origin.items()))
        print(
            " " * 30 + f"false alarms: value nowhere in the article {res['false_alarm_value_absent']:.1f}%,"
            f" value in the article {res['false_alarm_value_in_article']:.1f}% (of {res['clean_sentences']} sentences)"
        )
        if args.examples:
            for kind, lines in res["examples"].items():  # type: ignore[union-attr]
                for line in lines:
                    print(f"    {kind}: {line}")
    print("recall: corrupted copies flagged at the changed words (corruptions per kind in --json);")
    print("false alarms: clean reference sentences (and whole references) with any fact flagged; split by whether")
    print("a flagged value is nowhere in the article (the reference states what its article lacks, or the")
    print("checker cannot read the article's wording) or is in it (the context or rival test is wrong)")
    if args.json:
        from summarize import atomic

        atomic.write_text(args.json, json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
