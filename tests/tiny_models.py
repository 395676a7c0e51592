"""Build tiny seq2seq models at test time: real tokenizers and architectures, random weights.

The Hub is unreachable in tests, so these stand in for the real models: every mechanism
(loading, tokenizing, chunking, generating, decoding) runs for real; only the words are gibberish.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

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


# The layer shape shared by the tiny BART, Marian, M2M100 and NLLB models: one layer each side,
# small enough that a test generates in milliseconds.
TINY_BART_SHAPE: dict[str, int] = {
    "d_model": 32,
    "encoder_layers": 1,
    "decoder_layers": 1,
    "encoder_attention_heads": 2,
    "decoder_attention_heads": 2,
    "encoder_ffn_dim": 64,
    "decoder_ffn_dim": 64,
}


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


def build_tiny_bart(out: Path, spm_model: Path, max_positions: int = 128, seed: int = 0, **overrides: Any) -> Path:
    """A 2-layer BART with a small input limit (exercises chunking) and summarization params.

    ``overrides`` replace BartConfig settings (bench/batch_speed.py builds a larger one this way).
    """
    import torch
    from transformers import BartConfig, BartForConditionalGeneration

    tok = _t5_tokenizer(spm_model, out, max_positions)
    torch.manual_seed(seed)
    settings: dict[str, Any] = dict(
        vocab_size=len(tok),
        **TINY_BART_SHAPE,
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
    BartForConditionalGeneration(BartConfig(**{**settings, **overrides})).save_pretrained(str(out))
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


# --- translators (issue 4) ------------------------------------------------------------------


def flores_text(side: str) -> str:
    """One side (``en`` or ``ur``) of the shared FLORES-200 English-Urdu pairs, one sentence a line."""
    with open(SHARED / "flores_en_ur_200.jsonl", encoding="utf-8") as fh:
        return "\n".join(json.loads(line)[side] for line in fh)


def _train_bpe(folder: Path, text: str, prefix: str, vocab_size: int, fairseq_ids: bool) -> Path:
    """A sentencepiece model; ``fairseq_ids`` gives <s>=0 <pad>=1 </s>=2 <unk>=3 like NLLB/M2M100."""
    import sentencepiece as spm

    folder.mkdir(parents=True, exist_ok=True)
    corpus = folder / f"{prefix}.corpus.txt"
    corpus.write_text(text, encoding="utf-8")
    if fairseq_ids:
        ids = {"bos_id": 0, "pad_id": 1, "eos_id": 2, "unk_id": 3}
    else:  # Marian: </s>=0 <unk>=1, <pad> comes last in the joint vocabulary
        ids = {"bos_id": -1, "eos_id": 0, "unk_id": 1, "pad_id": -1}
    spm.SentencePieceTrainer.train(
        input=str(corpus),
        model_prefix=str(folder / prefix),
        vocab_size=vocab_size,
        model_type="unigram",
        character_coverage=1.0,
        minloglevel=2,
        num_threads=1,
        **ids,
    )
    corpus.unlink()
    return folder / f"{prefix}.model"


def _small_m2m_config(vocab_size: int, max_positions: int, **ids: int):
    from transformers import M2M100Config

    return M2M100Config(
        vocab_size=vocab_size,
        **TINY_BART_SHAPE,
        max_position_embeddings=max_positions,
        bos_token_id=0,
        pad_token_id=1,
        eos_token_id=2,
        decoder_start_token_id=2,
        **ids,
    )


def build_tiny_marian(
    out: Path, src: str = "en", tgt: str = "ur", max_len: int = 64, seed: int = 0, src_text: str | None = None
) -> Path:
    """A tiny Marian ``src``->``tgt`` with its own source and target sentencepiece models (like opus-mt).

    ``src_text`` trains the source model (default: the FLORES side named ``src``, else English).
    """
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    work = out.parent / f"{out.name}-spm"
    sides = {"en": "en", "ur": "ur"}
    source_text = src_text if src_text is not None else flores_text(sides.get(src, "en"))
    target_text = flores_text(sides.get(tgt, "en"))
    src_spm = _train_bpe(work, source_text, "source", 400, fairseq_ids=False)
    tgt_spm = _train_bpe(work, target_text, "target", 400, fairseq_ids=False)
    import sentencepiece as spm

    vocab: dict[str, int] = {"</s>": 0, "<unk>": 1}
    for model_file in (src_spm, tgt_spm):
        proc = spm.SentencePieceProcessor(model_file=str(model_file))
        for i in range(proc.get_piece_size()):
            vocab.setdefault(proc.id_to_piece(i), len(vocab))
    vocab["<pad>"] = len(vocab)
    out.mkdir(parents=True, exist_ok=True)
    (work / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    tok = MarianTokenizer(
        source_spm=str(src_spm),
        target_spm=str(tgt_spm),
        vocab=str(work / "vocab.json"),
        source_lang=src,
        target_lang=tgt,
        model_max_length=max_len,
    )
    tok.save_pretrained(str(out))
    shutil.rmtree(work)
    torch.manual_seed(seed)
    pad = vocab["<pad>"]
    config = MarianConfig(
        vocab_size=len(vocab),
        **TINY_BART_SHAPE,
        max_position_embeddings=max_len,
        pad_token_id=pad,
        eos_token_id=0,
        decoder_start_token_id=pad,
        forced_eos_token_id=0,
    )
    MarianMTModel(config).save_pretrained(str(out))
    return out


def build_tiny_m2m100(out: Path, max_len: int = 64, seed: int = 0) -> Path:
    """A tiny M2M100 with the real tokenizer class and its ``__xx__`` language tokens (not special in files)."""
    import sentencepiece as spm
    import torch
    from transformers import M2M100ForConditionalGeneration, M2M100Tokenizer

    work = out.parent / f"{out.name}-spm"
    spm_file = _train_bpe(work, flores_text("en") + "\n" + flores_text("ur"), "sentencepiece.bpe", 600, True)
    proc = spm.SentencePieceProcessor(model_file=str(spm_file))
    (work / "vocab.json").write_text(
        json.dumps({proc.id_to_piece(i): i for i in range(proc.get_piece_size())}, ensure_ascii=False),
        encoding="utf-8",
    )
    tok = M2M100Tokenizer(vocab_file=str(work / "vocab.json"), spm_file=str(spm_file), model_max_length=max_len)
    tok.save_pretrained(str(out))
    shutil.rmtree(work)
    # Language tokens sit after the sentencepiece vocabulary, followed by fairseq's made-up words.
    vocab_size = max(tok.lang_token_to_id.values()) + 1 + 8
    torch.manual_seed(seed)
    M2M100ForConditionalGeneration(_small_m2m_config(vocab_size, max_len)).save_pretrained(str(out))
    return out


def build_tiny_nllb(out: Path, max_len: int = 64, seed: int = 0) -> Path:
    """A tiny NLLB-style model: M2M100 architecture, NllbTokenizer with the FLORES-200 codes as special tokens."""
    import torch
    from transformers import M2M100ForConditionalGeneration, NllbTokenizer
    from transformers.models.nllb.tokenization_nllb import FAIRSEQ_LANGUAGE_CODES

    work = out.parent / f"{out.name}-spm"
    _train_bpe(work, flores_text("en") + "\n" + flores_text("ur"), "sentencepiece.bpe", 600, True)
    tok = NllbTokenizer.from_pretrained(str(work), model_max_length=max_len)
    tok.add_tokens(list(FAIRSEQ_LANGUAGE_CODES), special_tokens=True)
    tok.save_pretrained(str(out))
    shutil.rmtree(work)
    torch.manual_seed(seed)
    M2M100ForConditionalGeneration(_small_m2m_config(len(tok), max_len)).save_pretrained(str(out))
    return out


def install_in_hf_cache(folder: Path, hub_id: str, hub_cache: Path) -> Path:
    """Place a model folder in a Hugging Face hub cache as if ``hub_id`` had been downloaded.

    Uses huggingface_hub's own layout (``models--owner--name/snapshots/<rev>`` and ``refs/main``)
    so resolution by Hub id runs for real without a network. ``hub_cache`` is the hub cache folder
    (``huggingface_hub.constants.HF_HUB_CACHE``, fixed when huggingface_hub is first imported).
    """
    repo = hub_cache / ("models--" + hub_id.replace("/", "--"))
    revision = "0" * 40
    snapshot = repo / "snapshots" / revision
    if snapshot.exists():
        shutil.rmtree(snapshot)
    shutil.copytree(folder, snapshot)
    (repo / "refs").mkdir(parents=True, exist_ok=True)
    (repo / "refs" / "main").write_text(revision, encoding="utf-8")
    return snapshot
