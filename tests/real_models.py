"""Random-weight models with the real distilbart-cnn-12-6 and flan-t5-base configs and real tokenizers.

The Hub is unreachable, but the real tokenizers are in ``../shared/data/tokenizers`` (no weights).
These builders pair them with the configs and generation configs the Hub ships for
``sshleifer/distilbart-cnn-12-6`` and ``google/flan-t5-base`` (forced BOS and EOS, decoder start,
``task_specific_params``, beams, lengths, ``no_repeat_ngram_size``), shrunk in depth and width for
tests (``shrink=True``) or at full shape for benchmarks. Token counts, special tokens, prefixes,
chunk boundaries and generation settings are then those of the real models; only the words are noise.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from tests.tiny_models import TINY_BART_SHAPE

TOKENIZERS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "tokenizers"

# sshleifer/distilbart-cnn-12-6 config.json (the architecture part; its generation values are below).
DISTILBART_CONFIG: dict[str, Any] = {
    "activation_function": "gelu",
    "d_model": 1024,
    "encoder_layers": 12,
    "decoder_layers": 6,
    "encoder_attention_heads": 16,
    "decoder_attention_heads": 16,
    "encoder_ffn_dim": 4096,
    "decoder_ffn_dim": 4096,
    "max_position_embeddings": 1024,
    "scale_embedding": False,
    "vocab_size": 50264,
    "bos_token_id": 0,
    "pad_token_id": 1,
    "eos_token_id": 2,
    "decoder_start_token_id": 2,
    "forced_bos_token_id": 0,
    "forced_eos_token_id": 2,
    "task_specific_params": {
        "summarization": {
            "early_stopping": True,
            "length_penalty": 2.0,
            "max_length": 142,
            "min_length": 56,
            "no_repeat_ngram_size": 3,
            "num_beams": 4,
        }
    },
}
# What transformers derives from that config.json (the repo has no generation_config.json; the
# bart-large-cnn one it was distilled from ships exactly these values).
DISTILBART_GENERATION: dict[str, Any] = {
    "bos_token_id": 0,
    "decoder_start_token_id": 2,
    "early_stopping": True,
    "eos_token_id": 2,
    "forced_bos_token_id": 0,
    "forced_eos_token_id": 2,
    "length_penalty": 2.0,
    "max_length": 142,
    "min_length": 56,
    "no_repeat_ngram_size": 3,
    "num_beams": 4,
    "pad_token_id": 1,
}
# google/flan-t5-base config.json.
FLAN_T5_CONFIG: dict[str, Any] = {
    "d_ff": 2048,
    "d_kv": 64,
    "d_model": 768,
    "num_layers": 12,
    "num_decoder_layers": 12,
    "num_heads": 12,
    "feed_forward_proj": "gated-gelu",
    "dense_act_fn": "gelu_new",
    "is_gated_act": True,
    "layer_norm_epsilon": 1e-6,
    "relative_attention_max_distance": 128,
    "relative_attention_num_buckets": 32,
    "n_positions": 512,
    "tie_word_embeddings": False,
    "vocab_size": 32128,
    "decoder_start_token_id": 0,
    "eos_token_id": 1,
    "pad_token_id": 0,
    "task_specific_params": {
        "summarization": {
            "early_stopping": True,
            "length_penalty": 2.0,
            "max_length": 200,
            "min_length": 30,
            "no_repeat_ngram_size": 3,
            "num_beams": 4,
            "prefix": "summarize: ",
        },
        "translation_en_to_de": {
            "early_stopping": True,
            "max_length": 300,
            "num_beams": 4,
            "prefix": "translate English to German: ",
        },
    },
}
# google/flan-t5-base generation_config.json.
FLAN_T5_GENERATION: dict[str, Any] = {"decoder_start_token_id": 0, "eos_token_id": 1, "pad_token_id": 0}

# Tests shrink depth and width only: vocabularies, special ids and limits stay real.
SHRUNK_BART = TINY_BART_SHAPE
SHRUNK_T5 = {"d_model": 32, "d_ff": 64, "d_kv": 16, "num_layers": 1, "num_decoder_layers": 1, "num_heads": 2}


def _copy_tokenizer(name: str, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for path in (TOKENIZERS / name).iterdir():
        if path.is_file() and path.name != "README.md":
            shutil.copy(path, out / path.name)


def _save(model: Any, out: Path, generation: dict[str, Any]) -> None:
    model.save_pretrained(str(out))
    # The Hub's generation values as shipped, not transformers' re-derivation of them.
    (out / "generation_config.json").write_text(json.dumps(generation, indent=2), encoding="utf-8")


def build_distilbart(out: Path, *, shrink: bool = True, seed: int = 0, **overrides: Any) -> Path:
    """distilbart-cnn-12-6's config and the real BART tokenizer, random weights (shrunk unless told)."""
    import torch
    from transformers import BartConfig, BartForConditionalGeneration

    _copy_tokenizer("bart", out)
    torch.manual_seed(seed)
    values = {**DISTILBART_CONFIG, **(SHRUNK_BART if shrink else {}), **overrides}
    _save(BartForConditionalGeneration(BartConfig(**values)).eval(), out, DISTILBART_GENERATION)
    return out


def build_flan_t5(out: Path, *, shrink: bool = True, seed: int = 0, recipe: dict | None = None) -> Path:
    """flan-t5-base's config and the real T5 tokenizer, random weights; ``recipe`` adds summarize.json."""
    import torch
    from transformers import T5Config, T5ForConditionalGeneration

    _copy_tokenizer("t5", out)
    torch.manual_seed(seed)
    values = {**FLAN_T5_CONFIG, **(SHRUNK_T5 if shrink else {})}
    _save(T5ForConditionalGeneration(T5Config(**values)).eval(), out, FLAN_T5_GENERATION)
    if recipe is not None:
        (out / "summarize.json").write_text(json.dumps(recipe), encoding="utf-8")
    return out
