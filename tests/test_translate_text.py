"""Translation without a model: language-code tables, model choice, batching, Urdu, numbers, Markdown structure,
rendering and the hook's block (the tests that run tiny models are in test_translate.py)."""

from __future__ import annotations

import pytest

from summarize.errors import UsageError
from summarize.pipeline import Summarizer
from summarize.results import LanguageResult, SummaryResult, TranslationResult
from summarize.settings import SummarizeOptions
from summarize.text.languages import NAMES
from summarize.translation import langcodes, urdu
from summarize.translation.blocks import markdown_blocks
from summarize.translation.model import pack_batches
from summarize.translation.planner import Step, candidate_plans, opus_plan
from summarize.translation.spans import missing_numbers, numbers_kept, protected_spans
from tests import tiny_models


def test_default_plans_are_in_quality_order_for_en_ur() -> None:
    plans = candidate_plans("en", "ur")
    assert [p[0].name for p in plans] == ["nllb-600m", "m2m100", "Helsinki-NLP/opus-mt-en-ur"]
    assert all(len(p) == 1 and (p[0].src, p[0].tgt) == ("en", "ur") for p in plans)


def test_plans_skip_families_that_lack_a_language() -> None:
    names = [p[0].name for p in candidate_plans("en", "te")]
    assert "nllb-600m" in names and "m2m100" not in names


def test_opus_mt_pivots_through_english_without_a_direct_model() -> None:
    assert opus_plan("en", "ur") == [Step("Helsinki-NLP/opus-mt-en-ur", "en", "ur")]
    assert opus_plan("fr", "ur") == [
        Step("Helsinki-NLP/opus-mt-fr-en", "fr", "en"),
        Step("Helsinki-NLP/opus-mt-en-ur", "en", "ur"),
    ]
    # A direct model found in the cache wins over the pivot.
    assert opus_plan("fr", "ur", cached=lambda hub_id: hub_id.endswith("fr-ur")) == [
        Step("Helsinki-NLP/opus-mt-fr-ur", "fr", "ur")
    ]


def test_explicit_translators() -> None:
    assert candidate_plans("en", "ur", "opus-mt") == [[Step("Helsinki-NLP/opus-mt-en-ur", "en", "ur")]]
    assert candidate_plans("en", "ur", "m2m100") == [[Step("m2m100", "en", "ur")]]
    assert candidate_plans("fr", "de", "opus-mt-fr-de") == [[Step("Helsinki-NLP/opus-mt-fr-de", "fr", "de")]]
    with pytest.raises(UsageError, match="en->ur"):
        candidate_plans("fr", "de", "opus-mt-en-ur")


def test_pack_batches_keeps_every_index_once_within_limits() -> None:
    lengths = [5, 40, 12, 3, 40, 7, 22, 9, 60]
    batches = pack_batches(lengths, max_batch=3, max_tokens=90)
    flat = [i for b in batches for i in b]
    assert sorted(flat) == list(range(len(lengths)))
    assert [lengths[i] for i in flat] == sorted(lengths, reverse=True)
    for batch in batches:
        assert len(batch) <= 3
        assert len(batch) == 1 or len(batch) * max(lengths[i] for i in batch) <= 90


def test_urdu_normalisation_letters_and_punctuation() -> None:
    # Arabic kaf/yeh/heh and alef maksura become Urdu ک ی ہ; Latin stops after Urdu become ۔ ، ؟
    assert urdu.normalise("يه كتاب ہے.") == "یہ کتاب ہے۔"
    assert urdu.normalise("کیا یہ سچ ہے?") == "کیا یہ سچ ہے؟"
    assert urdu.normalise("لاہور , کراچی اور على") == "لاہور، کراچی اور علی"
    assert urdu.normalise("ﻙ") == "ک"  # presentation form folded
    # Numbers, decimals, URLs and Latin text are not touched; nothing is reversed.
    text = "قیمت 3.5 اور 1,000 ہے https://x.pk/a.b Hello, world."
    assert urdu.normalise(text) == text
    assert urdu.normalise("آج 12 لوگ")[0] == "آ"


def test_numbers_check_accepts_other_digit_scripts_only_as_the_same_number() -> None:
    assert numbers_kept("12 people in 2024", "۱۲ لوگ 2024") == (True, "12 لوگ 2024")
    assert numbers_kept("12 people", "13 لوگ")[0] is False
    assert numbers_kept("no numbers", "کچھ نہیں") == (True, "کچھ نہیں")


def test_translation_numbers_are_checked_by_the_facts_module() -> None:
    """One owner of "is this fact supported": dates and numbers compare by value across languages."""
    missing = missing_numbers("Khan, detained since August 2023, won 12 seats.", "خان نے 12 نشستیں جیتیں", "en", "ur")
    assert [f.kind for f in missing] == ["date"] and "2023" in missing[0].text
    assert missing_numbers("Khan, detained since August 2023.", "خان اگست 2023 سے قید ہیں", "en", "ur") == []
    assert missing_numbers("1,200 people and 12%", "۱۲۰۰ لوگ اور 12%", "en", "ur") == []
    assert missing_numbers("No numbers here.", "کچھ نہیں", "en", "ur") == []


def test_markdown_blocks_cover_the_document_and_keep_code() -> None:
    doc = (
        "---\ntitle: x\n---\n# Head\n\nPara one\ncontinues.\n\n```py\nprint('hi')\n```\n"
        "- item\n\n| a | b |\n|---|---|\n"
    )
    blocks = markdown_blocks(doc)
    assert "".join(b.raw for b in blocks) == doc
    translated = [b.content for b in blocks if b.translate]
    assert translated == ["Head", "Para one continues.", "item", "a", "b"]
    assert not any("print" in b.content for b in blocks)


def test_already_in_target_language_is_skipped() -> None:
    notices: list[str] = []
    text = "\n".join(tiny_models.flores_text("ur").splitlines()[:12])
    options = SummarizeOptions(engine="extractive", points=2, to="ur", translator="/nonexistent/never-loaded")
    result = Summarizer(options, notify=notices.append).summarize(text, "ur.txt")
    assert result.language.code == "ur"
    assert result.translation is not None and result.translation.skipped
    assert result.translation.model is None and result.translation.summary == result.summary
    assert any("already in Urdu" in n for n in notices)


def test_translation_only_needs_to() -> None:
    with pytest.raises(UsageError):
        SummarizeOptions(translation_only=True)
    with pytest.raises(UsageError):
        SummarizeOptions(to="klingon")


def test_render_shows_translation_with_rtl_markup() -> None:
    from summarize.render import render

    result = SummaryResult(
        "a.txt",
        LanguageResult("en", 1.0, True),
        "extractive",
        "x",
        "Original summary.",
        ["Point one."],
        1,
        10,
        {},
        translation=TranslationResult("ur", "m", "ترجمہ۔", ["نکتہ۔"]),
    )
    md = render([result], "markdown")
    assert '<div dir="rtl" lang="ur">\n\nترجمہ۔\n\n- نکتہ۔\n\n</div>' in md
    assert md.index("Original summary.") < md.index("ترجمہ۔")
    only = render([result], "text", translation_only=True)
    assert "ترجمہ۔" in only and "Original summary." not in only
    both = render([result], "text")
    assert both.index("Original summary.") < both.index("ترجمہ۔")


def test_warnings_of_several_passes_are_merged() -> None:
    from summarize.translation.model import merge_warnings

    merged = merge_warnings(
        ["m: 2 segment(s) still repetition after x", "other", "m: 3 segment(s) still repetition after x", "other"]
    )
    assert merged == ["other", "m: 5 segment(s) still repetition after x"]


def test_reference_definitions_stay_lines_of_their_own() -> None:
    doc = "Email the [team][community] for access.\n[calendar]: https://example.com/cal\n[community]: mailto:t@x.org\n"
    blocks = markdown_blocks(doc)
    assert "".join(b.raw for b in blocks) == doc
    assert [b.content for b in blocks if b.translate] == ["Email the [team][community] for access."]


def test_quote_continuation_markers_are_not_content() -> None:
    doc = "> First quoted line goes\n> on here.\n>> Nested starts anew.\nlazy line\n"
    blocks = [b for b in markdown_blocks(doc) if b.translate]
    assert [(b.prefix, b.content) for b in blocks] == [
        ("> ", "First quoted line goes on here."),
        (">> ", "Nested starts anew. lazy line"),
    ]


def test_fence_closes_only_with_a_fence_as_long() -> None:
    doc = "````md\n```py\nnot prose here\n```\n````\nProse after.\n"
    assert [b.content for b in markdown_blocks(doc) if b.translate] == ["Prose after."]


def test_template_tags_and_single_emphasis_are_protected() -> None:
    text = "See {% include sponsor.html %} and {{ page.title }} in *this issue* or _that one_."
    assert protected_spans(text) == ["{% include sponsor.html %}", "{{ page.title }}", "*", "*", "_", "_"]
    # Not emphasis: products, spaced operators, snake_case.
    assert protected_spans("2*3 and a * b and snake_case_name") == []


def test_a_link_address_with_parentheses_is_protected_whole() -> None:
    # CommonMark allows balanced parentheses in a link's address; the first ")" had ended it, and "/)"
    # went to the model as words.
    text = 'Read [why it matters](https://x.dev/blog/feature(slice_patterns)/) and [this](https://x.dev/a "A b").'
    assert protected_spans(text) == [
        "[",
        "](https://x.dev/blog/feature(slice_patterns)/)",
        "[",
        '](https://x.dev/a "A b")',
    ]


def test_hook_block_marks_rtl_translation_and_skips_a_skipped_one() -> None:
    from types import SimpleNamespace

    from summarize import hook

    translation = TranslationResult("ur", "m", "خلاصہ۔", ["ایک نکتہ۔"])
    english = SimpleNamespace(code="en")
    result = SimpleNamespace(
        summary="The summary.", key_points=["One point."], translation=translation, language=english
    )
    lines = hook.render_block(result, "\n").split("\n")
    start = lines.index('<div dir="rtl" lang="ur">')
    assert lines[start - 1] == "" and lines[start + 1] == "" and "**خلاصہ (ur):** خلاصہ۔" in lines[start:]
    assert lines[lines.index("</div>") - 1] == "" and lines.index("</div>") > lines.index("- ایک نکتہ۔")
    skipped = TranslationResult("ur", None, "The summary.", ["One point."], skipped="already in Urdu")
    block = hook.render_block(
        SimpleNamespace(summary="The summary.", key_points=["One point."], translation=skipped, language=english), "\n"
    )
    assert block.count("The summary.") == 1 and "dir=" not in block


def test_every_two_letter_m2m100_language_can_be_asked_for() -> None:
    from summarize.text.languages import normalise

    # br and fy have no NLLB code (every named language must be one); no and ns are aliases/not ISO 639-1.
    two_letter = {c for c in langcodes.M2M100_CODES if len(c) == 2} - {"br", "fy", "no", "ns"}
    assert two_letter <= set(NAMES)
    assert normalise("zulu") == "zu" and langcodes.family_code("m2m100", "zu") == "__zu__"
    assert langcodes.family_code("nllb", "yi") == "ydd_Hebr"


def test_sentences_written_without_spaces_get_the_targets_joiner() -> None:
    from summarize.translation.spans import mask, spaced_sentences

    # Chinese writes no space between sentences; Urdu (the target) does, so each boundary is "spaced".
    masked, _ = mask("第一句话很好。第二句话也好。")
    assert [spaced for spaced, _ in spaced_sentences(masked, "zh")] == [False, True]
    # A marker glued to the next sentence's start keeps it glued ("One.*Two*"), as in the source.
    masked, _ = mask("One.*Two* three.")
    assert [spaced for spaced, _ in spaced_sentences(masked, "en")] == [False, False]


def test_list_markers_stay_out_of_the_translation_and_a_number_is_no_marker() -> None:
    blocks = [
        b for b in markdown_blocks("• First point here\n\n1、第一项内容\n\n2.5 million people came.\n") if b.translate
    ]
    assert [(b.prefix, b.content) for b in blocks] == [
        ("• ", "First point here"),
        ("1、", "第一项内容"),
        ("", "2.5 million people came."),
    ]
