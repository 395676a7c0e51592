"""summarize: article summaries, key points and translations with local seq2seq models.

The Python API (the same options, defaults, environment variables and config file as the CLI)::

    from summarize import summarize, translate, Summarizer

    r = summarize(text, points=3)            # SummaryResult: r.summary, r.key_points, r.language.code
    t = translate(r, to="ur")                # the summary and key points in Urdu (a TranslationResult)
    with Summarizer(model="distilbart-cnn", backend="ctranslate2") as s:
        results = s.summarize_many(texts)    # one model load, generate() batched across texts

Errors are :class:`SummarizeError` subclasses. Importing this package loads neither torch nor
transformers: they load with the first model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "DocumentTranslation",
    "LanguageResult",
    "SummarizeError",
    "SummarizeOptions",
    "Summarizer",
    "SummaryResult",
    "TranslationResult",
    "__version__",
    "summarize",
    "translate",
]

_LAZY = {
    "Summarizer": "summarize.api",
    "summarize": "summarize.api",
    "translate": "summarize.api",
    "SummarizeOptions": "summarize.settings",
    "SummarizeError": "summarize.errors",
    "SummaryResult": "summarize.results",
    "TranslationResult": "summarize.results",
    "DocumentTranslation": "summarize.results",
    "LanguageResult": "summarize.results",
}

if TYPE_CHECKING:  # pragma: no cover
    from .api import Summarizer, summarize, translate
    from .errors import SummarizeError
    from .results import DocumentTranslation, LanguageResult, SummaryResult, TranslationResult
    from .settings import SummarizeOptions


def __getattr__(name: str) -> Any:
    # Lazy: `import summarize` stays light, and the CLI never pays for the API's imports.
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'summarize' has no attribute {name!r}")


def __dir__() -> list[str]:
    # The public names (loaded on first use), for tab completion and help(); not the submodules.
    return sorted(__all__)
