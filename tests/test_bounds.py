"""Summaries bounded by words (summarize/text/bounds.py): the budget, the slack, the cut at a clause."""

from __future__ import annotations

from summarize.text.bounds import LENGTH_WORDS, SLACK_WORDS, bound, cut, word_count


def test_bound_leaves_a_summary_within_budget_alone() -> None:
    text = "The council approved the bridge. Work starts in May."
    assert bound(text, LENGTH_WORDS["short"]) == (text, False)


def test_bound_cuts_a_run_on_sentence_to_the_budget() -> None:
    run_on = " ".join(f"word{k}" for k in range(5000))
    out, was_cut = bound(run_on, LENGTH_WORDS["short"])
    assert was_cut
    assert out.endswith("…")
    assert word_count(out) <= LENGTH_WORDS["short"]


def test_cut_prefers_a_clause_boundary() -> None:
    sentence = " ".join(["alpha"] * 40) + ", " + " ".join(["beta"] * 40) + "."
    out = cut(sentence, 60)
    assert out == " ".join(["alpha"] * 40) + "…"
    # No boundary in the second half of the budget: cut between words.
    assert cut(" ".join(["gamma"] * 100), 10) == " ".join(["gamma"] * 10) + "…"


def test_bound_never_exceeds_budget_plus_one_sentence_of_slack() -> None:
    sentences = [" ".join(["w"] * n) + "." for n in (25, 30, 38, 12, 70, 5)]
    for budget in LENGTH_WORDS.values():
        out, _ = bound(" ".join(sentences), budget)
        assert word_count(out) <= budget + SLACK_WORDS


def test_bound_counts_chinese_characters_as_half_words() -> None:
    text = "数" * 400 + "。"
    out, was_cut = bound(text, 60, "zh")
    assert was_cut and word_count(out) <= 60 and len(out) <= 121
