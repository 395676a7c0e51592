"""The CTranslate2 backend: the same seq2seq models, converted once, run several times faster on CPU.

On first use a Hugging Face model is converted with CTranslate2's own converter into a folder in
the user cache (``$SUMMARIZE_CACHE_DIR/ct2``, else ``~/.cache/summarize/ct2`` on Linux), keyed by
the model id, its revision (the Hub snapshot's commit, or a local folder's file stats) and the
quantization. Conversion writes into a temporary folder beside the final one and renames it into
place only when complete, so a killed conversion never leaves a folder that later loads half a
model. The conversion also saves the tokenizer and configs in a torch-free form (``ct2files.py``):
loading a converted model imports neither torch nor transformers, and tokenizes to the same ids
as the Hugging Face tokenizer; only the network runs in CTranslate2 (``Translator.translate_batch``).

``ctranslate2`` is an optional extra (``pip install 'summarize[fast]'``); this module imports it
only when a model is loaded, and torch and transformers only when a model is converted.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .. import paths
from ..errors import BackendNotInstalledError, ModelLoadError, UsageError
from . import ct2files, vmap
from .base import TARGET_SCRIPT, GenerationSettings, Seq2SeqModel, clean_output
from .choices import COMPUTE_TYPES, CT2_MODEL_TYPES
from .hub import revision
from .registry import ResolvedModel

INSTALL_HINT = "pip install 'summarize[fast]'"
MARKER = "summarize-ct2.json"  # written last into a conversion; a folder without it is not used
TEMP_PREFIX = ".converting-"
# Leftovers of conversions killed this long ago are removed when the next conversion starts.
STALE_TEMP_SECONDS = 6 * 3600
Notify = Callable[[str], None]


def require() -> Any:
    """Import and return ``ctranslate2``, or raise a usage error naming the pip command."""
    try:
        import ctranslate2
    except ImportError:
        raise BackendNotInstalledError(
            "--backend ctranslate2 needs the optional ctranslate2 package, which is not installed",
            hint=f"{INSTALL_HINT}, or use --backend transformers",
        ) from None
    return ctranslate2


def available() -> bool:
    """True when ``ctranslate2`` can be imported."""
    try:
        require()
    except BackendNotInstalledError:
        return False
    return True


def supports(resolved: ResolvedModel) -> bool:
    """True when CTranslate2 can convert and run this model's architecture."""
    return resolved.model_type in CT2_MODEL_TYPES


def parse_device(device: str | None) -> tuple[str, int]:
    """``cpu``, ``cuda`` or ``cuda:N`` as CTranslate2's (device, index); None picks CUDA when present."""
    ct2 = require()
    if not device:
        return ("cuda", 0) if ct2.get_cuda_device_count() > 0 else ("cpu", 0)
    name, _, index = device.partition(":")
    if name not in {"cpu", "cuda"} or (index and not index.isdigit()):
        raise UsageError(f"the ctranslate2 backend runs on cpu or cuda[:N], not {device!r}")
    # Checked before converting: a conversion for a GPU that is not there would be wasted minutes.
    if name == "cuda" and ct2.get_cuda_device_count() <= int(index or 0):
        raise UsageError(f"device {device!r} cannot be used here: no such CUDA device", hint="use --device cpu")
    return name, int(index or 0)


def default_compute_type(device: str) -> str:
    """int8 weights on CPU; int8 weights with float16 activations on CUDA."""
    return "int8_float16" if device == "cuda" else "int8"


def check_compute_type(compute_type: str | None, device: str) -> str:
    """The compute type to use on ``device``: validated, ``auto``/None resolved to the default."""
    if not compute_type or compute_type == "auto":
        return default_compute_type(device)
    if compute_type not in COMPUTE_TYPES:
        raise UsageError(f"unknown compute type {compute_type!r}", hint=f"use one of: {', '.join(COMPUTE_TYPES)}")
    supported = require().get_supported_compute_types(device)
    if compute_type not in supported:
        raise UsageError(
            f"compute type {compute_type} is not supported on {device} here",
            hint=f"use one of: {', '.join(sorted(supported))}",
        )
    return compute_type


def cache_root() -> Path:
    """Where converted models live: ``ct2/`` of the cache folder (see :mod:`summarize.paths`)."""
    return paths.cache_dir("ct2")


def converted_path(resolved: ResolvedModel, quantization: str) -> Path:
    """The cache folder for ``resolved`` converted with ``quantization`` (it may not exist yet)."""
    slug = re.sub(r"[^A-Za-z0-9._-]+", "--", resolved.model_id.strip("/"))[-80:].strip("-.") or "model"
    digest = hashlib.sha256(f"{resolved.model_id}\n{revision(resolved)}".encode()).hexdigest()[:12]
    return cache_root() / f"{slug}--{digest}--{quantization}"


def is_complete(folder: Path) -> bool:
    return (folder / MARKER).is_file() and (folder / "model.bin").is_file() and (folder / "config.json").is_file()


class _FullVocabulary:
    """A tokenizer whose ``get_vocab()`` also lists M2M100's language tokens, and has no gaps.

    transformers 5's M2M100Tokenizer leaves its ``__xx__`` tokens out of ``get_vocab()``, so the
    converter would build a vocabulary shorter than the model's; everything else is the tokenizer's.
    """

    def __init__(self, tokenizer: Any):
        self._tokenizer = tokenizer

    def __getattr__(self, name: str) -> Any:
        return getattr(self._tokenizer, name)

    def get_vocab(self) -> dict[str, int]:
        vocab = dict(self._tokenizer.get_vocab())
        for token, index in (getattr(self._tokenizer, "lang_token_to_id", None) or {}).items():
            vocab.setdefault(token, index)
        # The converter lists tokens in id order, so a gap would shift every later id: the real BART
        # vocabulary lacks fairseq's unused ids 50261-50263. Fill gaps with tokens no text produces.
        used = set(vocab.values())
        for index in range(max(used, default=-1) + 1):
            if index not in used:
                vocab[f"<unused-id-{index}>"] = index
        return vocab


def _run_converter(source: Path, target: Path, quantization: str) -> None:
    """Convert with CTranslate2's TransformersConverter into ``target`` (an existing, empty folder)."""
    from ctranslate2.converters import TransformersConverter
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()

    class _Converter(TransformersConverter):
        def load_model(self, model_class: Any, model_name_or_path: str, **kwargs: Any) -> Any:
            model = super().load_model(model_class, model_name_or_path, **kwargs)
            # transformers 5 dropped BartConfig.normalize_before, which the converter reads;
            # BART and mBART checkpoints are post-norm, the old default.
            if model.config.model_type in {"bart", "mbart"} and not hasattr(model.config, "normalize_before"):
                model.config.normalize_before = False
            return model

        def load_tokenizer(self, tokenizer_class: Any, model_name_or_path: str, **kwargs: Any) -> Any:
            return _FullVocabulary(super().load_tokenizer(tokenizer_class, model_name_or_path, **kwargs))

    _Converter(str(source)).convert(str(target), quantization=quantization, force=True)
    # Tokenizer and configs in a torch-free form: loading the converted model never needs transformers.
    ct2files.export_runtime(source, target)
    # Tokenizers without a BOS token (T5-style sentencepiece) leave bos_token null, which
    # CTranslate2 refuses to load; a translator never emits BOS, so any known token will do.
    config_path = target / "config.json"
    config = json.loads(config_path.read_text(encoding="utf-8"))
    if config.get("bos_token") is None:
        config["bos_token"] = config.get("decoder_start_token") or config.get("eos_token")
        config_path.write_text(json.dumps(config, indent=2), encoding="utf-8")


def _remove_stale_temps(root: Path) -> None:
    now = time.time()
    for entry in root.glob(TEMP_PREFIX + "*"):
        with contextlib.suppress(OSError):
            if now - entry.stat().st_mtime > STALE_TEMP_SECONDS:
                shutil.rmtree(entry, ignore_errors=True)


def convert(resolved: ResolvedModel, quantization: str, *, notify: Notify | None = None) -> Path:
    """The converted folder for ``resolved``, converting it first when not in the cache.

    Atomic: the converter writes into a temporary folder in the cache, which is renamed to its
    final name only after the conversion and its marker file are complete.
    """
    require()
    final = converted_path(resolved, quantization)
    if is_complete(final):
        return final
    root = final.parent
    root.mkdir(parents=True, exist_ok=True)
    _remove_stale_temps(root)
    if final.exists():
        # Not ours to half-trust: made by something else or an older layout. Convert afresh.
        shutil.rmtree(final, ignore_errors=True)
    if notify:
        notify(f"note: converting {resolved.model_id} to CTranslate2 ({quantization}); once per model")
    temp = Path(tempfile.mkdtemp(prefix=f"{TEMP_PREFIX}{final.name}-", dir=root))
    try:
        try:
            _run_converter(resolved.path, temp, quantization)
        except Exception as exc:
            first = str(exc).splitlines()[0][:200] if str(exc) else ""
            raise ModelLoadError(
                f"could not convert {resolved.model_id} to CTranslate2: {type(exc).__name__}: {first}",
                hint="a damaged model folder needs deleting and pulling again; otherwise use --backend transformers",
            ) from exc
        marker = {
            "model_id": resolved.model_id,
            "revision": revision(resolved),
            "quantization": quantization,
            "source": str(resolved.path),
            "ctranslate2": require().__version__,
        }
        (temp / MARKER).write_text(json.dumps(marker, indent=2), encoding="utf-8")
        try:
            os.replace(temp, final)
        except OSError:
            # Another process finished the same conversion first: use theirs.
            if not is_complete(final):
                raise
    finally:
        # Also on Ctrl-C: a partial conversion is removed, never renamed into place.
        shutil.rmtree(temp, ignore_errors=True)
    return final


def _target_vocabulary(folder: Path) -> frozenset[str]:
    """The tokens a converted model can generate (its target or shared vocabulary file)."""
    for name in ("target_vocabulary.json", "shared_vocabulary.json"):
        path = folder / name
        if path.is_file():
            return frozenset(json.loads(path.read_text(encoding="utf-8")))
    return frozenset()


def _load_runtime(resolved: ResolvedModel, converted: Path) -> tuple[Any, Any, Any]:
    """The tokenizer and configs saved with the conversion; older conversions get them once (with transformers)."""
    try:
        if not ct2files.has_runtime(converted):
            ct2files.ensure_runtime(resolved.path, converted)
        return ct2files.load_runtime(converted)
    except Exception as exc:
        raise ModelLoadError(
            f"could not load the tokenizer of {resolved.model_id} from {converted}: {type(exc).__name__}: "
            f"{str(exc).splitlines()[0][:200] if str(exc) else ''}",
            hint=f"delete {converted} to convert again, or delete the model folder and pull it again",
        ) from exc


def default_threads(threads: int | None) -> int:
    """``threads`` (the settings layer read ``--threads``/``SUMMARIZE_THREADS``), else every core we may use."""
    if threads and threads > 0:
        return threads
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


class CT2Model(Seq2SeqModel):
    """A model run by CTranslate2, with :class:`Seq2SeqModel`'s interface and tokenizer."""

    backend = "ctranslate2"

    def __init__(
        self,
        resolved: ResolvedModel,
        *,
        device: str | None = None,
        threads: int | None = None,
        compute_type: str | None = None,
        notify: Notify | None = None,
        vocab_map: bool = True,
    ):
        ct2 = require()
        device_name, device_index = parse_device(device)
        self.compute_type = check_compute_type(compute_type, device_name)
        super().__init__(resolved)
        self.device = device_name if device_name == "cpu" else f"{device_name}:{device_index}"
        self.converted = convert(resolved, self.compute_type, notify=notify)
        self.tokenizer, self.config, self.generation_config = _load_runtime(resolved, self.converted)
        try:
            self._options: dict[str, Any] = {
                "device": device_name,
                "device_index": device_index,
                "compute_type": self.compute_type,
                "inter_threads": 1,
                "intra_threads": default_threads(threads),
            }
            self.translator = ct2.Translator(str(self.converted), **self._options)
        except (RuntimeError, ValueError) as exc:
            raise ModelLoadError(
                f"CTranslate2 could not load {self.converted}: {str(exc).splitlines()[0][:200]}",
                hint=f"delete {self.converted} to convert again, or use --backend transformers",
            ) from exc
        self.model = self.translator
        self.target_vocabulary = _target_vocabulary(self.converted)
        self.vocab_map = vocab_map
        self._mapped: dict[str, Any] = {}  # target script -> translator reading that script's vmap.txt

    def translator_for(self, script: str | None) -> Any:
        """The translator to run: with the vocabulary map of ``script`` where one is used (NLLB, M2M100).

        Only one of them holds the weights in memory at a time: the others give theirs back.
        """
        mapped = bool(self.vocab_map and vmap.supported(script) and getattr(self.config, "model_type", "") == "m2m_100")
        if mapped and script not in self._mapped:
            always = [*self.tokenizer.state["all_special_tokens"], *self.tokenizer.state["languages"].values()]
            try:
                folder = vmap.map_folder(self.converted, str(script), always)
            except OSError:  # a read-only cache: run without the map (slower, same text)
                mapped = False
            else:
                self._unload_all()
                self._mapped[str(script)] = require().Translator(str(folder), **self._options)
        use = self._mapped[str(script)] if mapped else self.translator
        if not use.model_is_loaded:
            self._unload_all()
            use.load_model()
        return use

    def _unload_all(self) -> None:
        for translator in (self.translator, *self._mapped.values()):
            if translator.model_is_loaded:
                translator.unload_model()

    # --- generation ---------------------------------------------------------------------
    def _ids_to_tokens(self, ids: list[int]) -> list[str]:
        return list(self.tokenizer.convert_ids_to_tokens(ids))

    def translate_options(self, settings: GenerationSettings, extra: dict[str, Any] | None = None) -> dict[str, Any]:
        """``translate_batch`` options equal to what the transformers backend passes to ``generate()``."""
        kwargs = settings.kwargs()
        kwargs.update(extra or {})
        gen = self.generation_config
        # generate() takes what it is not told from the model's generation config (the real
        # distilbart sets no_repeat_ngram_size 3 and min_length 56 there): so does this.
        for key in ("no_repeat_ngram_size", "repetition_penalty", "length_penalty"):
            if kwargs.get(key) is None and getattr(gen, key, None) is not None:
                kwargs[key] = getattr(gen, key)
        # min_length counts the decoder start token; min_new_tokens does not.
        min_new = max(int(kwargs.get("min_new_tokens", 0)), int(getattr(gen, "min_length", None) or 0) - 1)
        beams = int(kwargs.get("num_beams", 1))
        max_new = int(kwargs["max_new_tokens"])
        # transformers forces EOS as the last of max_new_tokens when the model sets forced_eos_token_id;
        # CTranslate2 does not emit it, so it gets one step less to produce the same text.
        if getattr(gen, "forced_eos_token_id", None) is not None:
            max_new -= 1
        options: dict[str, Any] = {
            "beam_size": beams,
            "max_decoding_length": max(1, max_new),
            "min_decoding_length": min(min_new, max(1, max_new)),
            "no_repeat_ngram_size": int(kwargs.get("no_repeat_ngram_size") or 0),
            "repetition_penalty": float(kwargs.get("repetition_penalty") or 1.0),
            # Our own length checks run first; CTranslate2 must not truncate silently.
            "max_input_length": 0,
        }
        if beams > 1 and kwargs.get("length_penalty") is not None:
            options["length_penalty"] = float(kwargs["length_penalty"])
        suppressed = set(kwargs.get("suppress_tokens") or self._suppressed())
        suppressed.update(getattr(gen, "suppress_tokens", None) or [])
        sequences: list[list[str]] = []
        unk = self.tokenizer.unk_token_id
        if unk is not None and unk in suppressed:
            options["disable_unk"] = True
            suppressed.discard(unk)
        sequences.extend([tok] for tok in self._ids_to_tokens(sorted(suppressed)))
        for seq in getattr(gen, "bad_words_ids", None) or []:
            sequences.append(self._ids_to_tokens(list(seq)))
        # CTranslate2 rejects tokens outside its vocabulary; Marian's <pad> is dropped by its converter
        # (it can never be generated there anyway).
        sequences = [seq for seq in sequences if seq and all(tok in self.target_vocabulary for tok in seq)]
        if sequences:
            options["suppress_sequences"] = sequences
        return options

    def forced_prefix(self, extra: dict[str, Any] | None = None) -> list[str] | None:
        """The target prefix that stands in for transformers' ``forced_bos_token_id`` (language tokens)."""
        forced = (extra or {}).get("forced_bos_token_id")
        if forced is None:
            forced = getattr(self.generation_config, "forced_bos_token_id", None)
        return None if forced is None else self._ids_to_tokens([int(forced)])

    def _generate(
        self,
        texts: list[str],
        lengths: list[int],
        settings: GenerationSettings,
        *,
        batch_size: int,
        extra: dict[str, Any],
        tokenizer_kwargs: dict[str, Any],
    ) -> list[str]:
        options = self.translate_options(settings, extra)
        prefix = self.forced_prefix(extra)
        encoded = self.tokenizer(list(texts), truncation=False, **tokenizer_kwargs)["input_ids"]
        sources = [self._ids_to_tokens(list(ids)) for ids in encoded]
        # Token-based batches: CTranslate2 sorts by length and fills each batch up to this many
        # source tokens, so short inputs share a batch and long ones do not blow up memory.
        budget = max(1, batch_size) * max(lengths)
        translator = self.translator_for(extra.get(TARGET_SCRIPT))
        if translator is not self.translator:
            options["use_vmap"] = True
        results = translator.translate_batch(
            sources,
            target_prefix=[prefix] * len(sources) if prefix else None,
            max_batch_size=budget,
            batch_type="tokens",
            **options,
        )
        outputs = []
        for result in results:
            ids = self.tokenizer.convert_tokens_to_ids(result.hypotheses[0])
            outputs.append(clean_output(self.tokenizer.decode(ids, skip_special_tokens=True)))
        return outputs
