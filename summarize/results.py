"""The typed results of the library and their JSON form: the one module that owns their shapes.

Plain dataclasses with ``to_dict()`` (the JSON contract of ``--format json``) and ``from_dict()``
(which checks every field's type and raises ``ValueError`` on anything else, so a damaged cache
entry is a miss, never a result with a summary of ``"None"``). This module imports nothing of
the package but its errors: every layer may use it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

UNDETERMINED = "und"


def _str(data: Mapping[str, Any], key: str, *, optional: bool = False) -> Any:
    value = data.get(key) if optional else data[key]
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise ValueError(f"{key} must be a string, not {type(value).__name__}")
    return value


def _strs(data: Mapping[str, Any], key: str, *, default: list[str] | None = None) -> list[str]:
    value = data.get(key, default) if default is not None else data[key]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{key} must be a list of strings")
    return list(value)


def _int(data: Mapping[str, Any], key: str, default: int | None = None) -> int:
    value = data.get(key, default) if default is not None else data[key]
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{key} must be a whole number")
    return value


def _mapping(value: Any, key: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ValueError(f"{key} must be an object")
    return value


@dataclass(frozen=True)
class LanguageResult:
    """The language of a text as an ISO 639-1 code (``und`` when it cannot be told)."""

    code: str
    probability: float
    reliable: bool
    method: str = "langdetect"  # langdetect, script, too-short, --lang
    candidates: tuple[tuple[str, float], ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "probability": round(self.probability, 4),
            "reliable": self.reliable,
            "method": self.method,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> LanguageResult:
        data = _mapping(data, "language")
        probability = data["probability"]
        if isinstance(probability, bool) or not isinstance(probability, int | float):
            raise ValueError("language.probability must be a number")
        if not isinstance(data["reliable"], bool):
            raise ValueError("language.reliable must be true or false")
        return cls(_str(data, "code"), float(probability), data["reliable"], _str(data, "method"))


@dataclass
class TranslationResult:
    """The summary and key points of one :class:`SummaryResult` in another language.

    ``skipped`` says why nothing was translated (the text is already in that language); the texts
    are then the originals, so readers of a translation always find text in the language asked for.
    """

    language: str
    model: str | None
    summary: str
    key_points: list[str]
    pivot: str | None = None
    skipped: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "language": self.language,
            "model": self.model,
            "summary": self.summary,
            "key_points": list(self.key_points),
        }
        if self.pivot:
            out["pivot"] = self.pivot
        if self.skipped:
            out["skipped"] = self.skipped
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TranslationResult:
        data = _mapping(data, "translation")
        return cls(
            language=_str(data, "language"),
            model=_str(data, "model", optional=True),
            summary=_str(data, "summary"),
            key_points=_strs(data, "key_points"),
            pivot=_str(data, "pivot", optional=True),
            skipped=_str(data, "skipped", optional=True),
        )


@dataclass
class SummaryResult:
    """The outcome for one input; ``to_dict`` is the JSON contract of ``--format json``."""

    source: str
    language: LanguageResult
    engine: str  # abstractive or extractive
    model: str | None
    summary: str
    key_points: list[str]
    chunks: int
    input_tokens: int
    timings: dict[str, float]
    rounds: int = 1
    warnings: list[str] = field(default_factory=list)
    title: str | None = None
    translation: TranslationResult | None = None
    boilerplate_lines: int = 0  # lines and sentences of recurring text or calls to action left out
    published: str | None = None  # ISO 8601 date of a web page, feed entry or PDF, when it says
    author: str | None = None  # of a web page, feed entry, PDF or Word file, when it says

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "source": self.source,
            "title": self.title,
            "published": self.published,
            "author": self.author,
            "language": self.language.to_dict(),
            "engine": self.engine,
            "model": self.model,
            "summary": self.summary,
            "key_points": list(self.key_points),
            "chunks": self.chunks,
            "rounds": self.rounds,
            "input_tokens": self.input_tokens,
            "timings": {k: round(v, 4) for k, v in self.timings.items()},
            "warnings": list(self.warnings),
            "boilerplate_lines": self.boilerplate_lines,
        }
        if self.translation is not None:
            out["translation"] = self.translation.to_dict()
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SummaryResult:
        """Rebuild a result from :meth:`to_dict`'s form; raises ``ValueError`` on any wrong field."""
        data = _mapping(data, "result")
        timings = _mapping(data["timings"], "timings")
        if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in timings.values()):
            raise ValueError("timings must be numbers")
        translation = data.get("translation")
        return cls(
            source=_str(data, "source"),
            language=LanguageResult.from_dict(data["language"]),
            engine=_str(data, "engine"),
            model=_str(data, "model", optional=True),
            summary=_str(data, "summary"),
            key_points=_strs(data, "key_points"),
            chunks=_int(data, "chunks"),
            input_tokens=_int(data, "input_tokens"),
            timings={str(k): float(v) for k, v in timings.items()},
            rounds=_int(data, "rounds", 1),
            warnings=_strs(data, "warnings", default=[]),
            title=_str(data, "title", optional=True),
            translation=None if translation is None else TranslationResult.from_dict(translation),
            boilerplate_lines=_int(data, "boilerplate_lines", 0),
            published=_str(data, "published", optional=True),
            author=_str(data, "author", optional=True),
        )


@dataclass
class DocumentTranslation:
    """A whole document translated (``summarize translate``), its structure kept."""

    source: str
    language: LanguageResult  # of the source document
    target: str
    text: str  # the translated document (the original when ``skipped``)
    model: str | None
    pivot: str | None = None
    skipped: str | None = None
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        translation: dict[str, Any] = {"language": self.target, "model": self.model, "text": self.text}
        if self.pivot:
            translation["pivot"] = self.pivot
        if self.skipped:
            translation["skipped"] = self.skipped
        return {
            "source": self.source,
            "language": self.language.to_dict(),
            "warnings": list(self.warnings),
            "translation": translation,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DocumentTranslation:
        data = _mapping(data, "document")
        t = _mapping(data["translation"], "translation")
        return cls(
            source=_str(data, "source"),
            language=LanguageResult.from_dict(data["language"]),
            target=_str(t, "language"),
            text=_str(t, "text"),
            model=_str(t, "model", optional=True),
            pivot=_str(t, "pivot", optional=True),
            skipped=_str(t, "skipped", optional=True),
            warnings=_strs(data, "warnings", default=[]),
        )
