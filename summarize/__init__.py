"""summarize: article summaries, key points and translations with local seq2seq models."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
