"""Build tiny seq2seq models at test time: real tokenizers and architectures, random weights.

The Hub is unreachable in tests, so these stand in for the real models: every mechanism
(loading, tokenizing, chunking, generating, decoding) runs for real; only the words are gibberish.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def corpus_text(limit_articles: int = 30) -> str:
    """Training text for tokenizers: real English news, English-Urdu pairs, our samples."""
    parts: list[str] = []
    with open(SHARED / "cnndm_dev_100.jsonl", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= limit_articles:
                break
            parts.append(json.loads(line)["article"])
    with open(SHARED / "flores_en_ur_200.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            parts.extend([row["en"], row["ur"]])
    for path in sorted(SAMPLES.glob("*")):
        if path.is_file():
            parts.append(path.read_text(encoding="utf-8"))
    return "\n".join(parts)


def train_sentencepiece(
    folder: Path,
    vocab_size: int = 800,
    text: str | None = None,
    user_symbols: list[str] | None = None,
    name: str = "spiece",
) -> Path:
    """Train a unigram sentencepiece model: pad=0, eos=1, unk=2, no bos."""
    import sentencepiece as spm

    folder.mkdir(parents=True, exist_ok=True)
    corpus = folder / "corpus.txt"
    corpus.write_text(text if text is not None else corpus_text(), encoding="utf-8")
    spm.SentencePieceTrainer.train(
        input=str(corpus),
        model_prefix=str(folder / name),
        vocab_size=vocab_size,
        model_type="unigram",
        character_coverage=1.0,
        pad_id=0,
        eos_id=1,
        unk_id=2,
        bos_id=-1,
        user_defined_symbols=user_symbols or [],
        minloglevel=2,
        num_threads=1,
    )
    corpus.unlink()
    return folder / f"{name}.model"


def _t5_tokenizer(spm_model: Path, out: Path, max_len: int):
    from transformers import T5Tokenizer

    out.mkdir(parents=True, exist_ok=True)
    shutil.copy(spm_model, out / "spiece.model")
    tok = T5Tokenizer.from_pretrained(str(out), extra_ids=0, model_max_length=max_len)
    tok.save_pretrained(str(out))
    return tok


def build_tiny_bart(out: Path, spm_model: Path, max_positions: int = 128, seed: int = 0) -> Path:
    """A 2-layer BART with a small input limit (exercises chunking) and summarization params."""
    import torch
    from transformers import BartConfig, BartForConditionalGeneration

    tok = _t5_tokenizer(spm_model, out, max_positions)
    torch.manual_seed(seed)
    config = BartConfig(
        vocab_size=len(tok),
        d_model=32,
        encoder_layers=1,
        decoder_layers=1,
        encoder_attention_heads=2,
        decoder_attention_heads=2,
        encoder_ffn_dim=64,
        decoder_ffn_dim=64,
        max_position_embeddings=max_positions,
        pad_token_id=0,
        eos_token_id=1,
        bos_token_id=1,
        decoder_start_token_id=1,
        forced_eos_token_id=1,
        task_specific_params={
            "summarization": {
                "min_length": 12,
                "max_length": 40,
                "num_beams": 2,
                "no_repeat_ngram_size": 3,
                "length_penalty": 1.0,
                "early_stopping": True,
            }
        },
    )
    BartForConditionalGeneration(config).save_pretrained(str(out))
    return out


def build_tiny_t5(out: Path, spm_model: Path, max_len: int = 256, seed: int = 0, recipe: dict | None = None) -> Path:
    """A 2-layer T5 with a ``summarize:`` prefix in its task params; ``recipe`` adds summarize.json."""
    import torch
    from transformers import T5Config, T5ForConditionalGeneration

    tok = _t5_tokenizer(spm_model, out, max_len)
    torch.manual_seed(seed)
    config = T5Config(
        vocab_size=len(tok),
        d_model=32,
        d_ff=64,
        d_kv=16,
        num_layers=1,
        num_decoder_layers=1,
        num_heads=2,
        pad_token_id=0,
        eos_token_id=1,
        decoder_start_token_id=0,
        task_specific_params={
            "summarization": {
                "prefix": "summarize: ",
                "min_length": 10,
                "max_length": 30,
                "num_beams": 1,
                "no_repeat_ngram_size": 3,
            }
        },
    )
    T5ForConditionalGeneration(config).save_pretrained(str(out))
    if recipe is not None:
        (out / "summarize.json").write_text(json.dumps(recipe), encoding="utf-8")
    return out
