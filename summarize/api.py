"""The Python API: :func:`summarize`, :func:`translate` and :class:`Summarizer`.

Keyword options are those of the command line (``points``, ``length``, ``model``, ``engine``,
``backend``, ``to``, ...), with the same defaults, and the same ``SUMMARIZE_*`` environment
variables and config file below them: keyword > environment > config file > default.
"""

from __future__ import annotations

import copy
from typing import Any

from . import pipeline, settings
from .errors import UsageError
from .results import DocumentTranslation, SummaryResult, TranslationResult
from .text.inputs import text_document


class Summarizer(pipeline.Summarizer):
    """Summarizes many texts with each model loaded once; use it as a context manager.

    ``Summarizer(model="distilbart-cnn", backend="ctranslate2")`` or ``Summarizer(options)``.
    ``cache=True`` reads and writes the result cache the command line uses.
    """

    def __init__(
        self,
        options: settings.SummarizeOptions | None = None,
        *,
        notify: pipeline.Notify | None = None,
        cache: bool = False,
        **kwargs: Any,
    ):
        if options is not None and kwargs:
            raise UsageError("pass either a SummarizeOptions or keyword options, not both")
        if options is None:
            options = settings.from_keywords("Summarizer", **kwargs)
        from .cache import ResultCache

        super().__init__(options, notify=notify, cache=ResultCache(enabled=cache))


def summarize(text: str, *, title: str | None = None, **kwargs: Any) -> SummaryResult:
    """Summary and key points of ``text``; raises a :class:`~summarize.errors.SummarizeError` subclass."""
    with Summarizer(settings.from_keywords("summarize", **kwargs)) as s:
        return s.summarize(text, title=title)


def translate(what: SummaryResult | str, *, to: str, **kwargs: Any) -> TranslationResult | DocumentTranslation:
    """Translate a :class:`SummaryResult` (its summary and key points) or a text into ``to``.

    A result gives a :class:`TranslationResult` (also set as ``result.translation`` of the copy it
    works on, never of ``what``); a text gives a :class:`DocumentTranslation`, its Markdown kept.
    """
    options = settings.from_keywords("translate", to=to, **kwargs)
    with Summarizer(options) as s:
        if isinstance(what, SummaryResult):
            result = copy.deepcopy(what)
            s.translate_result(result)
            assert result.translation is not None
            return result.translation
        if isinstance(what, str):
            return s.translate_document(text_document(what, "<text>"))
    raise UsageError(f"translate() takes a SummaryResult or a str, not {type(what).__name__}")
