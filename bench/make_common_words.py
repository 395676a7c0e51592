"""Writes ``summarize/text/common_en.txt``: English words that are common words, not names, when a sentence
starts with them ("Clips include ...", "Caught after ...", "CLICK HERE ...").

Source: the byte-level BPE vocabulary of RoBERTa / GPT-2 (MIT licence), as shipped in the shared data
(``../shared/data/tokenizers/bart/vocab.json``, see its README for where it comes from). Its ids follow the
order in which byte pairs were merged, i.e. roughly how frequent each word was in OpenAI's WebText corpus,
and it holds words as written, with their case. A word is listed when its lower-case form is a whole token
more frequent (lower id) than its capitalised form, or its capitalised form is no token at all: "came"
(376) against "Came" (31476), "clips" (16610) against no "Clips"; names stay out ("John" 610 against
"john" 41906, "Obama" with no "obama"). An all-caps form is listed as such (``CLICK``) when the lower-case
word is more frequent than it (four letters or more: shorter all-caps words are mostly acronyms).

Examples:
  python bench/make_common_words.py            # rewrites summarize/text/common_en.txt
  python bench/make_common_words.py --check    # exits 1 when the file differs from what the vocabulary gives
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VOCAB = ROOT.parent / "shared" / "data" / "tokenizers" / "bart" / "vocab.json"
OUT = ROOT / "summarize" / "text" / "common_en.txt"
SPACE = "\u0120"  # the BPE's mark of a word that follows a space
HEADER = "# Common English words (see bench/make_common_words.py: derived from the RoBERTa/GPT-2 BPE vocabulary, MIT)"


def common_words(vocab: dict[str, int]) -> list[str]:
    """The listed words, sorted: lower-case words more frequent than their capitalised form, then all-caps ones."""
    lower: list[str] = []
    upper: list[str] = []
    for token, rank in vocab.items():
        word = token[1:]
        if not token.startswith(SPACE) or not re.fullmatch(r"[a-z]{3,}", word):
            continue
        capital = vocab.get(SPACE + word.capitalize())
        if capital is None or rank < capital:
            lower.append(word)
        caps = vocab.get(SPACE + word.upper())
        if len(word) >= 4 and caps is not None and rank < caps:
            upper.append(word.upper())
    return sorted(lower) + sorted(upper)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--vocab", default=str(VOCAB), help="the BPE vocab.json [default: %(default)s]")
    parser.add_argument("--check", action="store_true", help="only compare with the file in the repository")
    args = parser.parse_args(argv)
    with open(args.vocab, encoding="utf-8") as fh:
        text = HEADER + "\n" + "\n".join(common_words(json.load(fh))) + "\n"
    if args.check:
        same = OUT.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{OUT} differs from what {args.vocab} gives")
        return 0 if same else 1
    from summarize import atomic

    atomic.write_text(str(OUT), text)
    print(f"wrote {OUT}: {text.count(chr(10)) - 1} words")
    return 0


if __name__ == "__main__":
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    sys.exit(main())
