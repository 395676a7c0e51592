"""Translation with tiny models: language tokens of each family, batches, structure, Urdu, pivots, the cache of
downloaded translators (what needs no model is in test_translate_text.py).

Models are tiny and random (tests/tiny_models.py): their words are gibberish, so these tests check
mechanics (which model, which language tokens, which inputs, in which order, what survives).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from summarize.errors import ModelNotAvailableError, UsageError
from summarize.pipeline import Summarizer
from summarize.runtime.base import Seq2SeqModel
from summarize.settings import SummarizeOptions
from summarize.text.languages import NAMES
from summarize.text.sentences import split_sentences
from summarize.translation import langcodes, urdu
from summarize.translation.spans import protected_spans
from summarize.translation.translator import Translator
from tests import tiny_models

BACKEND = "transformers"  # the CTranslate2 backend has its own tests


@pytest.fixture
def spy(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Record every generate() call (inputs, extra arguments, tokenizer state, outputs); the real one runs."""
    calls: list[dict[str, Any]] = []
    real = Seq2SeqModel.generate

    def recording(self: Seq2SeqModel, texts: list[str], settings: Any, **kwargs: Any) -> list[str]:
        src_lang = getattr(self.tokenizer, "src_lang", None)
        outputs = real(self, texts, settings, **kwargs)
        calls.append(
            {
                "model": self.model_id,
                "texts": list(texts),
                "extra": dict(kwargs.get("extra") or {}),
                "settings": settings,
                "src_lang": src_lang,
                "outputs": list(outputs),
                "tokens": [self.count_tokens(t) for t in texts],
                "max_input": self.max_input,
            }
        )
        return outputs

    monkeypatch.setattr(Seq2SeqModel, "generate", recording)
    return calls


def _translator(model: Path | str | None, **kwargs: Any) -> Translator:
    return Translator(str(model) if model else None, backend=BACKEND, **kwargs)


# --- language codes are data --------------------------------------------------------------------


def test_language_code_tables_match_the_tokenizers_code_lists() -> None:
    from transformers.models.m2m_100.tokenization_m2m_100 import FAIRSEQ_LANGUAGE_CODES as M2M
    from transformers.models.nllb.tokenization_nllb import FAIRSEQ_LANGUAGE_CODES as NLLB

    assert set(langcodes.FLORES200.values()) <= set(NLLB)
    assert set(langcodes.M2M100_CODES) == set(M2M["m2m100"])
    # Every language the tool names can be a target for NLLB.
    assert set(NAMES) <= set(langcodes.FLORES200)
    assert langcodes.flores_code("ur") == "urd_Arab"
    assert langcodes.FLORES200_TO_ISO["urd_Arab"] == "ur"
    assert langcodes.family_code("m2m100", "ur") == "__ur__"
    assert langcodes.family_code("m2m100", "nb") == "__no__"
    assert langcodes.family_code("nllb", "zh") == "zho_Hans"
    assert langcodes.family_code("m2m100", "te") is None  # M2M100 has no Telugu
    assert langcodes.family_code("marian", "ur") is None
    assert langcodes.opus_mt_id("en", "ur") == "Helsinki-NLP/opus-mt-en-ur"


# --- which model for which pair -----------------------------------------------------------------


# --- pure helpers -------------------------------------------------------------------------------


def test_a_date_still_missing_after_the_retry_is_reported(tiny_nllb: Path) -> None:
    done = _translator(tiny_nllb).translate(["The vote was held in February 2024 after delays."], "en", "ur")
    assert "2024" in done.texts[0]  # the digits come back verbatim
    if "فروری" not in done.texts[0]:  # a random model will not write the month: that is reported
        assert any('date "February 2024" of the source is not in its translation' in w for w in done.warnings)


# --- family recipes, end to end with real (tiny) models -------------------------------------------


SENTENCES = [
    "The government announced new measures on Monday.",
    "Prices rose sharply.",
    "Officials said the plan would be reviewed by parliament next month, after the budget debate.",
]


def test_nllb_sets_src_lang_and_forces_the_target_code(tiny_nllb: Path, spy: list[dict[str, Any]]) -> None:
    translator = _translator(tiny_nllb)
    result = translator.translate(SENTENCES, "en", "ur")
    tokenizer = translator.engine(translator.plan("en", "ur")[0][1]).model.tokenizer
    assert result.models == [str(tiny_nllb)]
    assert spy and all(c["src_lang"] == "eng_Latn" for c in spy)
    assert all(c["extra"]["forced_bos_token_id"] == tokenizer.convert_tokens_to_ids("urd_Arab") for c in spy)
    assert len(result.texts) == len(SENTENCES) and all(t.strip() for t in result.texts)
    assert not any(re.search(r"[a-z]{3}_[A-Z][a-z]{3}", t) for t in result.texts)
    # The input starts with the source language token (NLLB's non-legacy layout).
    ids = tokenizer(SENTENCES[0])["input_ids"]
    assert tokenizer.convert_ids_to_tokens(ids[0]) == "eng_Latn"


def test_m2m100_language_tokens_never_reach_the_output(tiny_m2m100: Path, spy: list[dict[str, Any]]) -> None:
    translator = _translator(tiny_m2m100)
    result = translator.translate(SENTENCES, "en", "ur")
    tokenizer = translator.engine(translator.plan("en", "ur")[0][1]).model.tokenizer
    ur_id = tokenizer.get_lang_id("ur")
    assert all(c["src_lang"] == "en" for c in spy)
    assert all(c["extra"]["forced_bos_token_id"] == ur_id for c in spy)
    # The pitfall: decoding with skip_special_tokens=True leaves __ur__ in the text ...
    raw = tokenizer.decode([2, ur_id, 300, 2], skip_special_tokens=True)
    if "__ur__" in raw:
        assert raw.startswith("__ur__")
    # ... the translator's output never has it.
    assert not any("__" in t for t in result.texts)


def test_marian_has_no_language_tokens(tiny_marian_en_ur: Path, spy: list[dict[str, Any]]) -> None:
    result = _translator(tiny_marian_en_ur).translate(SENTENCES, "en", "ur")
    assert spy and all(c["extra"] == {} for c in spy)
    assert len(result.texts) == 3 and all(t.strip() for t in result.texts)


def test_unknown_language_for_family_is_a_usage_error(tiny_m2m100: Path) -> None:
    with pytest.raises(UsageError, match="Telugu"):
        _translator(tiny_m2m100).translate(["Hello there."], "en", "te")


# --- batching, order, nothing lost -------------------------------------------------------------


def _clean(output: str) -> str:
    return " ".join(re.sub(r"\s*\b[a-z]{3}_[A-Z][a-z]{3}\b\s*", " ", output).split())


def test_batches_restore_order_and_lose_no_sentence(tiny_nllb: Path, spy: list[dict[str, Any]]) -> None:
    sentences = [f"Item {w} is {'big ' * (i % 3)}now." for i, w in enumerate("abcdefghij")]
    texts = [" ".join(sentences), "A second text.", "Item z is last."]
    result = _translator(tiny_nllb, batch_size=3).translate(texts, "en", "ur")
    first_pass = [c for c in spy if c["settings"].min_new_tokens == 0]
    sent = [t for c in first_pass for t in c["texts"]]
    # Every sentence went to the model exactly once, whole (all fit the limit), in batches of <= 3.
    assert sorted(sent) == sorted([*split_sentences(texts[0], "en"), *texts[1:]])
    assert split_sentences(texts[0], "en") == sentences
    assert all(len(c["texts"]) <= 3 for c in spy) and len(first_pass) >= 4
    # Outputs come back in input order: each text is built from its own sentences' outputs, in order
    # (the last output recorded for an input is the one kept: a retry replaces the first).
    last: dict[str, str] = {}
    for c in spy:
        last.update(zip(c["texts"], c["outputs"], strict=True))
    expected = [" ".join(_clean(last[s]) or s for s in sentences), _clean(last[texts[1]]), _clean(last[texts[2]])]
    assert result.texts == [urdu.normalise(e) for e in expected]


def test_long_sentence_is_split_not_truncated(tiny_nllb: Path, spy: list[dict[str, Any]]) -> None:
    clauses = [f"the committee reviewed report {w} carefully" for w in "abcdefgh"]
    sentence = "In the morning, " + ", ".join(clauses) + "."
    translator = _translator(tiny_nllb)
    translator.translate([sentence], "en", "ur")
    limit = translator.engine(translator.plan("en", "ur")[0][1]).limit
    first = [c for c in spy if c["settings"].min_new_tokens == 0]
    pieces = [t for c in first for t in c["texts"]]
    assert len(pieces) > 1
    assert all(n <= limit for c in first for n in c["tokens"])
    # Nothing dropped, nothing doubled: the pieces hold exactly the sentence's words.
    assert Counter(" ".join(pieces).split()) == Counter(sentence.split())


# --- structure and protected spans ----------------------------------------------------------------

DOC = """---
title: Weekly news
---
# Markets rise after the 2024 budget

The finance minister said [the new plan](https://example.com/plan?id=42 "Plan") will cut `tax_rate` to 15 percent.
Read more at https://news.example.org/a/b.html or write to desk@example.com.

- **Exports** grew by 3.5 percent in March.
- Imports fell.

```python
print("do not translate me")
```

| Item | Change |
|------|--------|
| Wheat prices | up |
"""


def test_markdown_elements_survive_byte_for_byte(tiny_nllb: Path, spy: list[dict[str, Any]]) -> None:
    out = _translator(tiny_nllb).translate_markdown(DOC, "en", "ur").texts[0]
    for span in [*protected_spans(DOC), "2024", "15", "3.5", "42"]:
        assert span in out, span
    assert out.startswith("---\ntitle: Weekly news\n---\n# ")
    assert '```python\nprint("do not translate me")\n```\n' in out
    assert "|------|--------|\n" in out
    lines = out.splitlines()
    assert sum(line.startswith("- ") for line in lines) == 2
    assert sum(line.startswith("# ") for line in lines) == 1
    # Spans come back in their original order.
    spans = protected_spans(DOC)
    positions = [out.index(s) for s in spans]
    assert positions == sorted(positions)
    # The model never saw a protected span or the code block.
    seen = " ".join(t for c in spy for t in c["texts"])
    assert "https://" not in seen and "`" not in seen and "do not translate" not in seen


def test_urdu_output_is_normalised(tiny_nllb: Path) -> None:
    out = _translator(tiny_nllb).translate(SENTENCES, "en", "ur").texts
    joined = " ".join(out)
    assert not re.search("[\u0643\u064a\u0649]", joined)  # no Arabic kaf/yeh/alef maksura left


# --- guard ------------------------------------------------------------------------------------------


def test_degenerate_output_is_retried_with_safer_settings(
    tiny_nllb: Path, spy: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Fault injection on top of the real model: the first call's outputs are replaced by a loop.
    recording = Seq2SeqModel.generate
    state = {"n": 0}

    def looping_first(self: Seq2SeqModel, texts: list[str], settings: Any, **kwargs: Any) -> list[str]:
        outs = recording(self, texts, settings, **kwargs)
        state["n"] += 1
        return ["word word word word word word word word word word word"] * len(outs) if state["n"] == 1 else outs

    monkeypatch.setattr(Seq2SeqModel, "generate", looping_first)
    result = _translator(tiny_nllb).translate(["Prices rose sharply."], "en", "ur")
    assert len(spy) >= 2
    retry = spy[1]["settings"]
    assert retry.extra["no_repeat_ngram_size"] == 3 and retry.extra["repetition_penalty"] > 1
    assert retry.num_beams >= 2 and retry.min_new_tokens >= 1
    assert "word word word" not in result.texts[0]


# --- pivot and model availability (Hub ids through a real Hugging Face cache) -------------------


@pytest.fixture
def hub_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty Hugging Face hub cache for this test (huggingface_hub reads the path at call time)."""
    import huggingface_hub.constants

    folder = tmp_path / "hub"
    folder.mkdir()
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(folder))
    return folder


def test_pivot_through_english(
    tiny_marian_fr_en: Path, tiny_marian_en_ur: Path, spy: list[dict[str, Any]], hub_cache: Path
) -> None:
    tiny_models.install_in_hf_cache(tiny_marian_fr_en, "Helsinki-NLP/opus-mt-fr-en", hub_cache)
    tiny_models.install_in_hf_cache(tiny_marian_en_ur, "Helsinki-NLP/opus-mt-en-ur", hub_cache)
    result = _translator(OPUS).translate(["Le gouvernement a annoncé un plan."], "fr", "ur")
    assert result.models == ["Helsinki-NLP/opus-mt-fr-en", "Helsinki-NLP/opus-mt-en-ur"]
    assert result.pivot == "en"
    first = [c for c in spy if c["model"] == "Helsinki-NLP/opus-mt-fr-en"]
    second = [c for c in spy if c["model"] == "Helsinki-NLP/opus-mt-en-ur"]
    assert first and second and spy.index(first[-1]) < spy.index(second[0])
    # The second leg translates what the first produced.
    produced = " ".join(o for c in first for o in c["outputs"]).split()
    assert set(" ".join(second[0]["texts"]).split()) <= set(produced)


OPUS = "opus-mt"


def test_default_uses_the_best_downloaded_translator(tiny_marian_en_ur: Path, hub_cache: Path) -> None:
    tiny_models.install_in_hf_cache(tiny_marian_en_ur, "Helsinki-NLP/opus-mt-en-ur", hub_cache)
    notices: list[str] = []
    translator = _translator(None, notify=notices.append)
    steps = translator.plan("en", "ur")
    assert [r.model_id for _, r in steps] == ["Helsinki-NLP/opus-mt-en-ur"]
    assert any("nllb-600m" in n for n in notices)


def test_nothing_downloaded_offline_names_the_models(hub_cache: Path) -> None:
    with pytest.raises(ModelNotAvailableError, match="nllb-600m"):
        _translator(None, offline=True).plan("en", "ur")


# --- pipeline -------------------------------------------------------------------------------------


def test_summarizer_fills_translation(tiny_nllb: Path) -> None:
    text = (tiny_models.SHARED / "seed" / "000_82e42e668d2720ca.txt").read_text(encoding="utf-8")
    options = SummarizeOptions(engine="extractive", points=3, to="urdu", translator=str(tiny_nllb), backend=BACKEND)
    result = Summarizer(options).summarize(text, "seed.txt")
    t = result.translation
    assert t is not None and t.language == "ur" and t.model == str(tiny_nllb)
    assert len(t.key_points) == len(result.key_points) == 3
    assert t.summary and t.summary != result.summary
    assert result.summary and result.key_points  # the original stays
    assert "translate" in result.timings


# --- second review: structure a real newsletter has ---------------------------------------------


def test_local_marian_folder_for_another_direction_is_refused(tiny_marian_fr_en: Path) -> None:
    with pytest.raises(UsageError, match=r"translates fr->en, not en->ur"):
        _translator(tiny_marian_fr_en).translate(["The government announced a plan."], "en", "ur")


def test_pivot_notice_names_both_legs(tiny_marian_fr_en: Path, tiny_marian_en_ur: Path, hub_cache: Path) -> None:
    tiny_models.install_in_hf_cache(tiny_marian_fr_en, "Helsinki-NLP/opus-mt-fr-en", hub_cache)
    tiny_models.install_in_hf_cache(tiny_marian_en_ur, "Helsinki-NLP/opus-mt-en-ur", hub_cache)
    notices: list[str] = []
    _translator(None, notify=notices.append).plan("fr", "ur")
    assert any("Helsinki-NLP/opus-mt-fr-en -> Helsinki-NLP/opus-mt-en-ur" in n for n in notices), notices


def test_shortcut_reference_links_keep_their_target(tiny_nllb: Path, spy: list[dict[str, Any]]) -> None:
    definitions = "[calendar]: https://x.org/c\n[the team]: https://x.org/t\n[1]: https://x.org/1\n"
    doc = "Add it to the [Calendar] and see [the team][] or [1].\n\n" + definitions
    out = _translator(tiny_nllb).translate_markdown(doc, "en", "ur").texts[0]
    assert out.endswith("\n\n" + definitions)
    # Link texts are translated and name their label, so each link still resolves.
    assert re.search(r"\[[^\]]+\]\[Calendar\]", out) and re.search(r"\[[^\]]+\]\[the team\]", out), out
    assert " [1]" in out
    seen = " ".join(t for c in spy for t in c["texts"])
    assert "Calendar" in seen and "[" not in seen


def test_offline_pivot_error_names_every_missing_pull(tiny_marian_fr_en: Path, hub_cache: Path) -> None:
    with pytest.raises(ModelNotAvailableError) as info:
        _translator(OPUS, offline=True).plan("fr", "ur")
    assert "summarize models pull Helsinki-NLP/opus-mt-fr-en && summarize models pull Helsinki-NLP/opus-mt-en-ur" in (
        info.value.hint or ""
    )
    tiny_models.install_in_hf_cache(tiny_marian_fr_en, "Helsinki-NLP/opus-mt-fr-en", hub_cache)
    with pytest.raises(ModelNotAvailableError) as info:
        _translator(OPUS, offline=True).plan("fr", "ur")
    assert "`summarize models pull Helsinki-NLP/opus-mt-en-ur`" in (info.value.hint or "")


def test_emphasis_closing_after_a_sentence_end_stays_attached(tiny_nllb: Path) -> None:
    texts = ["*Quote of the week is nice. Really it is.*", "**Bold sentence here.** Next one follows."]
    quote, bold = _translator(tiny_nllb).translate(texts, "en", "ur").texts
    # A space before a closing marker (or after an opening one) would make it literal text.
    assert quote.startswith("*") and quote.endswith("*") and not quote.startswith("* ") and quote[-2] != " "
    assert re.search(r"\S\*\* \S", bold) and bold.startswith("**") and bold[2] != " ", bold
