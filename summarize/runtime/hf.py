"""The transformers backend: ``AutoModelForSeq2SeqLM`` + ``generate()``.

transformers 5 has no summarization or translation pipeline, so loading, batching and decoding
live here. torch and transformers are imported only when a model loads.
"""

from __future__ import annotations

from typing import Any

from ..errors import ModelLoadError, UsageError
from .base import TARGET_SCRIPT, GenerationSettings, Seq2SeqModel, clean_output
from .registry import ResolvedModel


def default_device() -> str:
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


def check_device(device: str | None) -> str:
    """``device`` (default: :func:`default_device`) once torch has shown it can put a tensor there."""
    import torch

    if not device:
        return default_device()
    try:
        parsed = torch.device(device)
    except RuntimeError:
        raise UsageError(f"unknown device {device!r}", hint="use cpu, cuda, cuda:N or mps") from None
    try:
        torch.empty(0, device=parsed)
    except (RuntimeError, AssertionError) as exc:  # torch built without that device, or none present
        reason = str(exc).splitlines()[0][:160] if str(exc) else type(exc).__name__
        raise UsageError(f"device {device!r} cannot be used here: {reason}", hint="use --device cpu") from None
    return device


def configure_threads(threads: int | None) -> None:
    """Set torch's intra-op threads (the settings layer has read ``--threads``/``SUMMARIZE_THREADS``)."""
    import torch

    if threads and threads > 0:
        torch.set_num_threads(threads)


class TransformersModel(Seq2SeqModel):
    """A model run by transformers (PyTorch)."""

    backend = "transformers"

    def __init__(self, resolved: ResolvedModel, *, device: str | None = None, threads: int | None = None):
        try:
            import torch  # noqa: F401
            from transformers import AutoModelForSeq2SeqLM, AutoTokenizer
            from transformers.utils import logging as hf_logging
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ModelLoadError(
                f"the model layer is not installed: {exc}", hint="pip install 'summarize' with torch"
            ) from exc
        hf_logging.set_verbosity_error()
        hf_logging.disable_progress_bar()
        super().__init__(resolved)
        configure_threads(threads)
        self.device = check_device(device)
        try:
            self.tokenizer = AutoTokenizer.from_pretrained(str(resolved.path))
            self.model = AutoModelForSeq2SeqLM.from_pretrained(str(resolved.path))
        except Exception as exc:
            raise ModelLoadError(
                f"could not load model {resolved.model_id} from {resolved.path}: "
                f"{type(exc).__name__}: {str(exc).splitlines()[0][:200] if str(exc) else ''}",
                hint="delete the folder and pull the model again, or check that it is a seq2seq model",
            ) from exc
        self.model.eval()
        self.model.to(self.device)
        self.config = self.model.config
        self.generation_config = getattr(self.model, "generation_config", None)

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
        """The backend's part of :meth:`generate`: inputs are checked, outputs keep input order."""
        import torch

        order = sorted(range(len(texts)), key=lambda i: -lengths[i])
        outputs: list[str] = [""] * len(texts)
        kwargs = settings.kwargs()
        suppress = self._suppressed()
        if suppress:
            kwargs.setdefault("suppress_tokens", suppress)
        if extra:
            kwargs.update({k: v for k, v in extra.items() if k != TARGET_SCRIPT})
        for start in range(0, len(order), max(1, batch_size)):
            idx = order[start : start + batch_size]
            batch = [texts[i] for i in idx]
            enc = self.tokenizer(
                batch, return_tensors="pt", padding=True, truncation=False, **(tokenizer_kwargs or {})
            ).to(self.device)
            with torch.inference_mode():
                out = self.model.generate(**enc, **kwargs)
            decoded = self.tokenizer.batch_decode(out, skip_special_tokens=True)
            for i, text in zip(idx, decoded, strict=True):
                outputs[i] = clean_output(text)
        return outputs
