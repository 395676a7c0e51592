"""The runtime's fixed choices, in a module that imports nothing: the settings layer validates
``--backend`` and ``--compute-type`` with them on every run, and a run that never loads a model
(the extractive engine) must not pay for importing the backends to learn them."""

from __future__ import annotations

BACKENDS = ("auto", "transformers", "ctranslate2")

COMPUTE_TYPES = (
    "auto",
    "int8",
    "int8_float32",
    "int8_float16",
    "int8_bfloat16",
    "int16",
    "float16",
    "bfloat16",
    "float32",
)

# Hugging Face ``model_type`` values CTranslate2's converter handles (NLLB checkpoints say m2m_100).
CT2_MODEL_TYPES = frozenset({"bart", "mbart", "pegasus", "t5", "mt5", "umt5", "marian", "m2m_100"})
