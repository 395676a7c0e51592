"""A tokenizer that needs neither torch nor transformers, for converted CTranslate2 models.

When a model is converted (which loads it with transformers), :func:`export_tokenizer` saves
what tokenizing and decoding need into the converted folder's ``tokenizer/``: the fast
tokenizer's own ``tokenizer.json`` (BART, T5, NLLB) or the sentencepiece models and vocabulary
(Marian, M2M100, which have no fast tokenizer), plus ``state.json`` (special tokens, the
prefix/suffix special tokens, language tokens, limits). :class:`LightTokenizer` loads those with
``tokenizers`` or ``sentencepiece`` alone and offers the part of the transformers tokenizer
interface the package uses, giving the same ids and the same decoded text (tests/test_light_tokenizer.py
compares them on the tiny models and the real BART and T5 tokenizers). A process that runs a
converted model therefore never imports torch or transformers: about 3 s and 230 MiB less per run.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

FOLDER = "tokenizer"
STATE = "state.json"
FORMAT = 1
LANG = "<LANG>"  # stands for the source language token in the saved prefix/suffix templates
_NLLB_CODE = re.compile(r"^[a-z]{3}_[A-Z][a-z]{3}$")
_MARIAN_CODE = re.compile(r"^>>.*?<<")  # MarianTokenizer.remove_language_code
_PROBE = "Hello world, it is 2024."


def _affixes(tok: Any) -> tuple[list[int], list[int]]:
    """The special ids the tokenizer puts before and after a text's own ids."""
    full = list(tok(_PROBE)["input_ids"])
    bare = list(tok(_PROBE, add_special_tokens=False)["input_ids"])
    for start in range(len(full) - len(bare) + 1):
        if full[start : start + len(bare)] == bare:
            return full[:start], full[start + len(bare) :]
    raise ValueError("the tokenizer's special tokens could not be told apart from the text's")


def _languages(tok: Any) -> dict[str, str]:
    """``src_lang`` code -> language token: M2M100 ``en`` -> ``__en__``, NLLB ``eng_Latn`` -> itself."""
    if getattr(tok, "lang_code_to_token", None):
        return {str(k): str(v) for k, v in tok.lang_code_to_token.items()}
    if hasattr(tok, "src_lang"):
        return {t: t for t in tok.get_vocab() if _NLLB_CODE.match(t)}
    return {}


def _id_of(tok: Any, token: str | None) -> int | None:
    return None if token is None else int(tok.convert_tokens_to_ids(token))


def export_tokenizer(tok: Any, folder: Path) -> None:
    """Save ``tok`` (a loaded transformers tokenizer) into ``folder`` for :class:`LightTokenizer`."""
    folder.mkdir(parents=True, exist_ok=True)
    prefix, suffix = _affixes(tok)
    languages = _languages(tok)
    src_lang = getattr(tok, "src_lang", None)
    if src_lang and languages:
        lang_id = _id_of(tok, languages.get(src_lang))
        prefix = [LANG if i == lang_id else i for i in prefix]
        suffix = [LANG if i == lang_id else i for i in suffix]
    max_len = getattr(tok, "model_max_length", None)
    state: dict[str, Any] = {
        "format": FORMAT,
        "class": type(tok).__name__,
        "prefix": prefix,
        "suffix": suffix,
        "languages": languages,
        "src_lang": src_lang,
        "source_lang": getattr(tok, "source_lang", None),
        "target_lang": getattr(tok, "target_lang", None),
        "model_max_length": max_len if isinstance(max_len, int) and max_len < 10**9 else None,
        "clean_up_tokenization_spaces": bool(getattr(tok, "clean_up_tokenization_spaces", False)),
        "special": {k: getattr(tok, f"{k}_token", None) for k in ("unk", "pad", "eos", "bos")},
        "all_special_ids": sorted(int(i) for i in tok.all_special_ids),
        "all_special_tokens": sorted(tok.all_special_tokens),
    }
    backend = getattr(tok, "backend_tokenizer", None)
    if backend is not None:
        state["kind"] = "fast"
        backend.save(str(folder / "tokenizer.json"))
    else:
        state["kind"] = "sentencepiece"
        source = getattr(tok, "spm_source", None) or tok.sp_model
        # transformers' MarianTokenizer decodes with the source model unless the vocabularies are separate.
        target = getattr(tok, "spm_target", None) or tok.sp_model
        if not getattr(tok, "separate_vocabs", True):
            target = source
        (folder / "source.spm").write_bytes(source.serialized_model_proto())
        (folder / "target.spm").write_bytes(target.serialized_model_proto())
        vocab = dict(tok.get_vocab())
        for token, index in (getattr(tok, "lang_token_to_id", None) or {}).items():
            vocab.setdefault(token, index)
        size = max(vocab.values()) + 1
        state["id_to_token"] = list(tok.convert_ids_to_tokens(list(range(size))))
        state["token_to_id"] = {t: int(i) for t, i in vocab.items()}
        added = getattr(tok, "_added_tokens_decoder", None) or {}
        state["added"] = [
            {"content": t.content, "lstrip": bool(t.lstrip), "rstrip": bool(t.rstrip)} for t in added.values()
        ]
        # Marian ends each special token it decodes with a space and turns stray "▁" into spaces.
        state["marian_decode"] = type(tok).__name__.startswith("Marian")
    (folder / STATE).write_text(json.dumps(state, ensure_ascii=False), encoding="utf-8")


def has_export(folder: Path) -> bool:
    """Whether ``folder`` holds a tokenizer saved by :func:`export_tokenizer` in this format."""
    try:
        return json.loads((folder / STATE).read_text(encoding="utf-8")).get("format") == FORMAT
    except (OSError, ValueError):
        return False


_CLEANUPS = ((" .", "."), (" ?", "?"), (" !", "!"), (" ,", ","), (" ' ", "'"), (" n't", "n't"), (" 'm", "'m"))
_CLEANUPS += ((" 's", "'s"), (" 've", "'ve"), (" 're", "'re"))


def clean_up_tokenization(text: str) -> str:
    """transformers' ``clean_up_tokenization``: no space before punctuation and English contractions."""
    for old, new in _CLEANUPS:
        text = text.replace(old, new)
    return text


class LightTokenizer:
    """The tokenizer interface the package uses, from files :func:`export_tokenizer` wrote."""

    def __init__(self, folder: Path):
        state = json.loads((folder / STATE).read_text(encoding="utf-8"))
        self.state = state
        self.class_name = str(state["class"])
        self.model_max_length = state["model_max_length"] or 10**30
        self.source_lang = state["source_lang"]
        self.target_lang = state["target_lang"]
        self._languages: dict[str, str] = state["languages"]
        self._special_ids = frozenset(state["all_special_ids"])
        self._special_tokens = frozenset(state["all_special_tokens"])
        if state["kind"] == "fast":
            from tokenizers import Tokenizer

            self._fast = Tokenizer.from_file(str(folder / "tokenizer.json"))
            self._vocab: dict[str, int] = self._fast.get_vocab(with_added_tokens=True)
            self._id_to_token: list[str | None] = []
        else:
            import sentencepiece

            self._fast = None
            self._source = sentencepiece.SentencePieceProcessor(model_file=str(folder / "source.spm"))
            self._target = sentencepiece.SentencePieceProcessor(model_file=str(folder / "target.spm"))
            self._vocab = state["token_to_id"]
            self._id_to_token = state["id_to_token"]
            added = sorted(state["added"], key=lambda a: -len(a["content"]))
            self._added = {a["content"]: a for a in added}
            self._added_split = (
                re.compile("(" + "|".join(re.escape(a["content"]) for a in added) + ")") if added else None
            )
        ids = {k: (None if v is None else self.convert_tokens_to_ids(v)) for k, v in state["special"].items()}
        self.unk_token_id, self.pad_token_id = ids["unk"], ids["pad"]
        self.eos_token_id, self.bos_token_id = ids["eos"], ids["bos"]
        self._src_lang: str | None = None
        self._prefix: list[int] = []
        self._suffix: list[int] = []
        self.src_lang = state["src_lang"]

    # --- languages ----------------------------------------------------------------------
    @property
    def src_lang(self) -> str | None:
        """The source language code (NLLB ``eng_Latn``, M2M100 ``en``); setting it changes the affixes."""
        return self._src_lang

    @src_lang.setter
    def src_lang(self, code: str | None) -> None:
        lang_id = None
        if code is not None and self._languages:
            if code not in self._languages:
                raise ValueError(f"unknown source language {code!r}")
            lang_id = self.convert_tokens_to_ids(self._languages[code])
        self._src_lang = code
        self._prefix = [lang_id if i == LANG else i for i in self.state["prefix"]]
        self._suffix = [lang_id if i == LANG else i for i in self.state["suffix"]]

    # --- encoding -----------------------------------------------------------------------
    def _pieces(self, text: str) -> list[str]:
        """Sentencepiece tokens of ``text``, added tokens kept whole (as transformers' slow tokenizers)."""
        parts = self._added_split.split(text) if self._added_split else [text]
        for i, part in enumerate(parts):
            spec = self._added.get(part)
            if spec and spec["rstrip"] and i + 1 < len(parts):
                parts[i + 1] = parts[i + 1].lstrip()
            if spec and spec["lstrip"] and i > 0:
                parts[i - 1] = parts[i - 1].rstrip()
        out: list[str] = []
        for part in parts:
            if not part:
                continue
            if part in self._added or part in self._special_tokens:
                out.append(part)
                continue
            code = ""
            if self.state["marian_decode"]:
                m = _MARIAN_CODE.match(part)
                if m:
                    code, part = m.group(0), part[m.end() :]
            out.extend([code] if code else [])
            out.extend(self._source.encode(part, out_type=str))
        return out

    def _encode(self, text: str, add_special_tokens: bool) -> list[int]:
        if self._fast is not None:
            ids = self._fast.encode(text, add_special_tokens=False).ids
        else:
            ids = [self.convert_tokens_to_ids(p) for p in self._pieces(text)]
        return [*self._prefix, *ids, *self._suffix] if add_special_tokens else list(ids)

    def __call__(self, text: str | Sequence[str], add_special_tokens: bool = True, **_: Any) -> dict[str, Any]:
        """``{"input_ids": ids}`` for one text, or a list of id lists for a list of texts (never truncated)."""
        if isinstance(text, str):
            return {"input_ids": self._encode(text, add_special_tokens)}
        return {"input_ids": [self._encode(t, add_special_tokens) for t in text]}

    # --- ids and tokens -----------------------------------------------------------------
    def convert_tokens_to_ids(self, tokens: str | Sequence[str]) -> Any:
        """Token -> id (unknown tokens give the unknown token's id), for one token or a list."""
        if isinstance(tokens, str):
            index = self._vocab.get(tokens)
            if index is None:
                unk = self.state["special"]["unk"]
                return None if unk is None else self._vocab.get(unk)
            return index
        return [self.convert_tokens_to_ids(t) for t in tokens]

    def convert_ids_to_tokens(self, ids: int | Sequence[int]) -> Any:
        """Id -> token, for one id or a list."""
        if isinstance(ids, int):
            return self.convert_ids_to_tokens([ids])[0]
        if self._fast is not None:
            return [self._fast.id_to_token(int(i)) for i in ids]
        unk = self.state["special"]["unk"]
        return [self._id_to_token[i] if 0 <= i < len(self._id_to_token) else unk for i in ids]

    # --- decoding -----------------------------------------------------------------------
    def decode(self, ids: Sequence[int], skip_special_tokens: bool = False, **_: Any) -> str:
        """The text of ``ids``, as the transformers tokenizer decodes it."""
        ids = [int(i) for i in ids]
        if self._fast is not None:
            text = self._fast.decode(ids, skip_special_tokens=skip_special_tokens)
        else:
            if skip_special_tokens:
                ids = [i for i in ids if i not in self._special_ids]
            text = self._tokens_to_string(self.convert_ids_to_tokens(ids))
        return clean_up_tokenization(text) if self.state["clean_up_tokenization_spaces"] else text

    def batch_decode(self, sequences: Sequence[Sequence[int]], skip_special_tokens: bool = False) -> list[str]:
        """:meth:`decode` for each sequence."""
        return [self.decode(s, skip_special_tokens=skip_special_tokens) for s in sequences]

    def _tokens_to_string(self, tokens: list[str]) -> str:
        # As MarianTokenizer/M2M100Tokenizer.convert_tokens_to_string: special tokens are not
        # given to sentencepiece; Marian follows each with a space and maps stray "▁" to spaces.
        marian = self.state["marian_decode"]
        out, pending = "", []
        for token in tokens:
            if token in self._special_tokens:
                out += self._target.decode_pieces(pending) + token + (" " if marian else "")
                pending = []
            else:
                pending.append(token)
        out += self._target.decode_pieces(pending)
        if marian:
            out = out.replace("\u2581", " ")
        return out.strip()
