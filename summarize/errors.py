"""Errors raised by the library. Only ``cli.py`` turns them into messages and exit codes."""

from __future__ import annotations


class SummarizeError(Exception):
    """Base class: a one-line message that names what failed and, where known, the fix."""

    exit_code = 1

    def __init__(self, message: str, *, source: str | None = None, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.source = source
        self.hint = hint

    def __str__(self) -> str:
        parts = []
        if self.source:
            parts.append(f"{self.source}: ")
        parts.append(self.message)
        if self.hint:
            parts.append(f" ({self.hint})")
        return "".join(parts)


class UsageError(SummarizeError):
    """The command line or configuration asks for something that cannot be."""

    exit_code = 2


class UnknownModelError(UsageError):
    """A model name is neither an alias, a Hub id, nor a local folder."""


class UnknownLanguageError(UsageError):
    """A language code or name we do not know."""


class InputError(SummarizeError):
    """An input cannot be read: missing, binary, not UTF-8, empty."""


class ModelNotAvailableError(SummarizeError):
    """The model is not on disk and may not (or cannot) be downloaded."""

    def __init__(self, message: str, *, model: str, hint: str | None = None, source: str | None = None):
        super().__init__(message, source=source, hint=hint)
        self.model = model


class ModelLoadError(SummarizeError):
    """The model files exist but could not be loaded."""


class GenerationError(SummarizeError):
    """The model produced unusable output even after retrying with safer settings."""


class LanguageDetectionError(SummarizeError):
    """The language could not be told (raised only in strict mode)."""


class BackendNotInstalledError(UsageError):
    """An optional backend was asked for but is not installed."""


class OutputError(SummarizeError):
    """An output file (``--out``) that could not be written."""
