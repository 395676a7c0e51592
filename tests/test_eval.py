"""Smoke tests of the benchmark scripts on small slices; the real figures come from full runs."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
SYSTEMS = ("extractive", "lead3", "lead1", "lexrank", "textrank")


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "bench" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def eval_summaries() -> ModuleType:
    return _load("eval_summaries")


@pytest.fixture(scope="module")
def five_article_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, subprocess.CompletedProcess]:
    """The harness as a user runs it: a subprocess, offline with an empty model cache (conftest)."""
    out = tmp_path_factory.mktemp("eval") / "figures.json"
    proc = subprocess.run(
        [sys.executable, "bench/eval_summaries.py", "--limit", "5", "--json", str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "HF_HUB_OFFLINE": "1"},
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(out.read_text(encoding="utf-8")), proc


def test_harness_runs_on_five_articles_with_numbers_in_range(five_article_run: tuple) -> None:
    figures, proc = five_article_run
    assert figures["articles"] == 5
    assert set(figures["systems"]) == set(SYSTEMS)  # abstractive skipped: no model offline
    for name, s in figures["systems"].items():
        for key in ("rouge1", "rouge2", "rougeLsum", "key_point_recall", "coverage"):
            assert 0 <= s[key] <= 100, (name, key)
        assert s["rouge1"] > s["rouge2"] > 0, name
        assert s["rouge1"] >= s["rougeLsum"] > 0, name
        assert s["summary_words"] > 0 and s["seconds_per_article"] > 0
        assert s["coverage"] >= s["key_point_recall"]
    lead1, lead3 = figures["systems"]["lead1"], figures["systems"]["lead3"]
    assert lead1["summary_words"] < lead3["summary_words"]
    assert figures["systems"]["extractive"]["seconds_per_article"] < 1.0
    # The skipped model is named, with the reason, on stderr and in the JSON.
    assert any(n.startswith("abstractive: skipped") for n in figures["notes"])
    assert "abstractive: skipped" in proc.stderr
    # The table has a row per system.
    for name in SYSTEMS:
        assert any(line.startswith(name) for line in proc.stdout.splitlines())


def test_lead3_rouge_matches_rouge_score_computed_directly(eval_summaries: ModuleType) -> None:
    """The harness's scoring path against rouge-score called by hand, one sentence per line."""
    from rouge_score import rouge_scorer

    from summarize.text.sentences import split_sentences

    articles = eval_summaries.load_articles("cnndm", limit=3)
    got = eval_summaries.score(eval_summaries.lead(3, 5), articles)
    scorer = rouge_scorer.RougeScorer(["rouge2", "rougeLsum"], use_stemmer=True)
    r2 = lsum = 0.0
    for art in articles:
        lead = split_sentences(art.text, "en")[:3]
        # Summaries are cut at 100 words, the last sentence mid-way if need be.
        words = " ".join(lead).split()
        if len(words) > 100:
            kept, left = [], 100
            for sent in lead:
                kept.append(" ".join(sent.split()[:left]))
                left -= len(sent.split())
                if left <= 0:
                    break
            lead = kept
        s = scorer.score("\n".join(art.references), "\n".join(lead))
        r2 += s["rouge2"].fmeasure
        lsum += s["rougeLsum"].fmeasure
    assert got.rouge2 == pytest.approx(100 * r2 / 3)
    assert got.rougeLsum == pytest.approx(100 * lsum / 3)


def test_key_point_recall_counts_highlights_matched(eval_summaries: ModuleType) -> None:
    art = eval_summaries.Article("x", "unused", ["The cat sat on the mat.", "Stocks fell sharply in Tokyo."])

    def system(_: str) -> object:
        return eval_summaries.Output(["A dog barked."], ["The cat sat on a mat today.", "Rain is due."])

    s = eval_summaries.score(system, [art])
    assert s.key_point_recall == pytest.approx(50.0)  # one of two highlights matched


def test_cap_words_keeps_at_most_100_words(eval_summaries: ModuleType) -> None:
    sents = ["one two three.", "four five six seven."]
    assert eval_summaries.cap_words(sents, 5) == ["one two three.", "four five"]
    assert eval_summaries.cap_words(sents, 3) == ["one two three."]
    assert eval_summaries.cap_words(sents) == sents


def test_lead_key_points_follow_its_summary(eval_summaries: ModuleType) -> None:
    """Lead-3 with 5 points is the first 8 sentences: the coverage baseline for 3 + 5 of ours."""
    text = " ".join(f"Sentence number {n} is here." for n in range(10))
    out = eval_summaries.lead(3, 5)(text)
    assert len(out.summary) == 3 and len(out.key_points) == 5
    assert out.key_points[0].startswith("Sentence number 3")


def test_datasets_load_with_references(eval_summaries: ModuleType) -> None:
    cnndm = eval_summaries.load_articles("cnndm", limit=2)
    xsum = eval_summaries.load_articles("xsum", limit=2)
    bbc = eval_summaries.load_articles("bbc", limit=2)
    assert len(cnndm) == len(xsum) == len(bbc) == 2
    assert all(a.title and len(a.references) > 1 for a in bbc)
    with open(eval_summaries.DATASETS["cnndm"], encoding="utf-8") as fh:
        first = json.loads(fh.readline())
    assert cnndm[0].references == first["highlights_list"]  # one highlight per item
    assert all(a.text and a.references for a in xsum)


def test_abstractive_runs_in_the_harness_with_a_local_model(
    eval_summaries: ModuleType, tiny_bart: Path, tmp_path: Path
) -> None:
    out = tmp_path / "abstractive.json"
    args = ["--limit", "1", "--engines", "abstractive,lead1", "--model", str(tiny_bart), "--points", "1"]
    assert eval_summaries.main([*args, "--length", "short", "--json", str(out)]) == 0
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["notes"] == []
    s = figures["systems"][f"abstractive:{tiny_bart}"]
    # A random-weight model writes gibberish: only the mechanics are checked, not the scores.
    assert 0 <= s["rouge1"] <= 100 and s["summary_words"] > 0 and s["seconds_per_article"] > 0


def test_langid_bench(tmp_path: Path) -> None:
    out = tmp_path / "langid.json"
    eval_langid = _load("eval_langid")
    assert eval_langid.main(["--json", str(out)]) == 0
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["texts"] == 800
    assert 0 <= figures["accuracy"] <= 100
    assert len(figures["per_language"]) == 40
    assert all(0 <= v <= 100 for v in figures["per_language"].values())
    assert figures["texts_per_second"] > 0
    # Urdu is what this tool is for: the script check must keep it right.
    assert figures["per_language"]["ur"] >= 90


@pytest.fixture(scope="module")
def tune_extractive() -> ModuleType:
    return _load("tune_extractive")


def _spy_tuning(tune_extractive: ModuleType, monkeypatch: pytest.MonkeyPatch) -> tuple:
    """A ``tune`` that runs the real search (on a tiny grid) and records, for each call, the set names
    it was handed and every article id it scored or built a product check from; an ``evaluate`` that
    records the article ids it was given."""
    monkeypatch.setattr(tune_extractive, "GRID", {"position_weight": (1.0, 4.0), "lead_adapt": (0.0, 4.0)})

    class SpyRouge(tune_extractive.Rouge):
        """Remembers every article it scored."""

        def __init__(self) -> None:
            super().__init__()
            self.read: set[str] = set()

        def __call__(self, doc: object, summary: list[str]) -> tuple[float, float, float]:
            self.read.add(doc.id)
            return super().__call__(doc, summary)

    checked: list[set[str]] = []  # article ids each search's product checks were built from

    class SpyChecks(tune_extractive.Checks):
        """Remembers the articles the product checks read."""

        def __init__(self, sets: dict, *args: object) -> None:
            super().__init__(sets, *args)
            checked.append(set(self.ids))

    monkeypatch.setattr(tune_extractive, "Checks", SpyChecks)
    tuned: list[tuple[set[str], set[str]]] = []  # (set names handed over, article ids scored or checked)

    def tune(training: dict) -> object:
        rouge = SpyRouge()
        params = tune_extractive.search(training, rouge)
        tuned.append((set(training), rouge.read | checked[-1]))
        assert checked[-1]  # the checks did read articles (of the training sets, below)
        return params

    evaluated: list[set[str]] = []

    def evaluate(docs: list, params: object) -> tuple:
        evaluated.append({d.id for d in docs})
        return (0.0, 0.0, 0.0), (0.0, 0.0, 0.0)

    return tune, evaluate, tuned, evaluated


def test_tuning_never_reads_the_set_it_reports_on(tune_extractive: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    """Leave one set out: the search for a fold's weights scores no article of its held-out set, and
    builds its product checks from none."""
    sets = {name: tune_extractive.load_docs(name, limit=3) for name in tune_extractive.NEWS_SETS}
    tune, evaluate, tuned, evaluated = _spy_tuning(tune_extractive, monkeypatch)
    folds = tune_extractive.leave_one_set_out(sets, tune, evaluate)
    assert [f.held_out for f in folds] == list(sets)
    for fold, (names, read), scored in zip(folds, tuned, evaluated, strict=True):
        held_out = {d.id for d in sets[fold.held_out]}
        assert names == set(sets) - {fold.held_out} == set(fold.trained_on)
        assert read == {d.id for name in names for d in sets[name]}  # it read its training sets...
        assert not read & held_out  # ...and nothing of the set it is reported on
        assert scored == held_out
    # The spy does see a leak: a search handed every set reads the held-out articles too.
    tune(sets)
    assert tuned[-1][1] >= {d.id for d in sets["cnndm"]}


def test_within_set_folds_never_read_the_fold_they_report_on(
    tune_extractive: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Folds within sets: the search for fold f of set S reads every other set whole and S's other
    folds, never an article of fold f (neither to score nor to build a product check); fold f is
    what it is scored on, and every article is scored exactly once."""
    sets = {name: tune_extractive.load_docs(name, limit=6) for name in tune_extractive.NEWS_SETS}
    tune, evaluate, tuned, evaluated = _spy_tuning(tune_extractive, monkeypatch)
    k = 2
    folds = tune_extractive.within_set_folds(sets, tune, evaluate, k)
    assert [f.held_out for f in folds] == [f"{name}:{f}" for name in sets for f in range(k)]
    for fold, (names, read), scored in zip(folds, tuned, evaluated, strict=True):
        name, f = fold.held_out.split(":")
        held_out = {d.id for i, d in enumerate(sets[name]) if i % k == int(f)}  # the declared rule: i mod k
        assert names == set(sets)
        others = {d.id for other in sets if other != name for d in sets[other]}
        assert read == others | ({d.id for d in sets[name]} - held_out)  # all it may read...
        assert not read & held_out  # ...and nothing of the fold it is reported on
        assert scored == held_out and len(held_out) == 3
    every = [i for s in evaluated for i in s]
    assert sorted(every) == sorted(d.id for docs in sets.values() for d in docs)  # each article once
    # The spy does see a leak: folds handed their held-out articles are caught.
    tune(sets)
    assert tuned[-1][1] >= {d.id for i, d in enumerate(sets["cnndm"]) if i % k == 0}


def test_within_set_figures_pool_each_sets_folds_by_their_articles(tune_extractive: ModuleType) -> None:
    fold = tune_extractive.Fold
    parts = [
        fold("xsum:0", [], None, (10.0, 2.0, 8.0), (9.0, 1.0, 7.0)),
        fold("xsum:1", [], None, (4.0,) * 3, (1.0,) * 3),
    ]
    (row,) = tune_extractive.pooled(parts, {"xsum:0": 3, "xsum:1": 1})
    assert row.held_out == "xsum" and row.engine == (8.5, 2.5, 7.0) and row.lead3 == (7.0, 1.0, 5.5)


def test_margin_intervals_hold_the_mean_and_widen_with_spread() -> None:
    intervals = _load("intervals")
    assert intervals.mean_interval([0.5] * 40) == (0.5, 0.5)
    steady = [1.0 + 0.1 * (i % 3) for i in range(60)]  # mean 1.1
    spread = [1.1 + 8.0 * (-1) ** i for i in range(60)]  # mean 1.1, far wider per article
    low, high = intervals.mean_interval(steady)
    wide_low, wide_high = intervals.mean_interval(spread)
    assert low < 1.1 < high and wide_low < low and wide_high > high and wide_low < 0 < wide_high
    assert intervals.mean_interval(spread) == (wide_low, wide_high)  # seeded: the same draws every run


def test_margin_intervals_score_each_article_with_the_weights_of_its_held_out_fold(
    tune_extractive: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    """run_folds' intervals pool each set's per-article margins over Lead-3 under the weights chosen
    without that article's fold (not the weights chosen on all sets)."""
    params = tune_extractive.Params

    def search(training: dict, rouge: object, *_: object) -> object:
        # Weights that differ with what the search is handed: a fold's, another fold's and the final differ.
        size = sum(len(docs) for docs in training.values())
        return params(position_weight=float(size % 5), centrality_weight=float(size % 3))

    monkeypatch.setattr(tune_extractive, "search", search)
    run = tune_extractive.run_folds(list(tune_extractive.NEWS_SETS), limit=6, k=2)
    sets = {name: tune_extractive.load_docs(name, limit=6) for name in tune_extractive.NEWS_SETS}
    rouge = tune_extractive.Rouge()
    intervals = _load("intervals")
    for name, docs in sets.items():
        r2, lsum = [], []
        for fold in (f for f in run.folds if f.held_out.startswith(f"{name}:")):
            f = int(fold.held_out.split(":")[1])
            for doc in (d for i, d in enumerate(docs) if i % 2 == f):
                mine = rouge(doc, tune_extractive.engine_summary(doc, fold.params))
                lead = rouge(doc, tune_extractive.lead3(doc))
                r2.append(mine[1] - lead[1])
                lsum.append(mine[2] - lead[2])
        assert len(r2) == len(docs)
        assert run.intervals[name] == (intervals.mean_interval(r2), intervals.mean_interval(lsum))


def test_product_checks_reject_weights_that_break_a_behaviour(
    tune_extractive: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    sets = {name: tune_extractive.load_docs(name, limit=8) for name in tune_extractive.NEWS_SETS}
    checks = tune_extractive.Checks(sets)
    base = tune_extractive.Params(position_weight=2.0, centrality_weight=1.5, title_weight=1.0, redundancy=0.5)
    assert checks.failures(base) == []
    # Position alone: the greeting before each article leads.
    assert "greeting" in checks.failures(replace(base, centrality_weight=0.0, title_weight=0.0))
    # No title weight: a title cannot pull its sentence up.
    assert checks.failures(replace(base, title_weight=0.0)) == ["title"]
    # Steep position and nothing else: the greeting leads, but the key points, ranked by centrality
    # and not by these weights, still reach from the digest's first fifth to its last third...
    steep = replace(base, position_decay=2.0, centrality_weight=0.0, redundancy=0.0)
    assert "greeting" in checks.failures(steep) and "span" not in checks.failures(steep)
    # ...and a key-point rule whose points stop early is caught.
    from summarize.engines import extractive

    monkeypatch.setattr(extractive, "fact_points", lambda doc, summary, points: list(range(points)))
    assert tune_extractive.Checks(sets).failures(base) == ["span"]  # a fresh one: failures are memoised


def test_objective_is_the_smallest_margin_over_lead3_on_either_half_of_each_set(tune_extractive: ModuleType) -> None:
    sets = {name: tune_extractive.load_docs(name, limit=4) for name in ("cnndm", "xsum")}
    rouge = tune_extractive.Rouge()
    objective = tune_extractive.Objective(sets, rouge)
    params = tune_extractive.Params()
    parts = tune_extractive.halves(sets)
    assert [[d.id for d in docs] for docs in parts.values()] == [
        [d.id for d in sets[name][h::2]] for name in sets for h in (0, 1)
    ]
    margins = []
    for docs in parts.values():
        e = tune_extractive.mean_scores(rouge, docs, lambda d: tune_extractive.engine_summary(d, params))
        b = tune_extractive.mean_scores(rouge, docs, tune_extractive.lead3)
        margins += [e[1] - b[1], e[2] - b[2]]
    assert objective(params) == pytest.approx(min(margins) + 0.01 * sum(margins) / 8)


def test_folds_command_prints_every_held_out_set_and_the_speed(eval_summaries: ModuleType, capsys) -> None:
    assert eval_summaries.main(["--folds", "--limit", "2"]) == 0
    out = capsys.readouterr().out
    for name in ("cnndm", "xsum", "bbc"):
        assert any(line.startswith(name) for line in out.splitlines())
    assert "weights chosen without bbc" in out and "1,000-word article: engine" in out


def test_folds_within_command_prints_each_set_and_fold(
    eval_summaries: ModuleType, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "bench"))
    import tune_extractive  # the module the command imports: a two-value grid keeps its seven searches quick

    monkeypatch.setattr(tune_extractive, "GRID", {"position_weight": (1.0, 4.0)})
    assert eval_summaries.main(["--folds", "within", "--limit", "4"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    for name in ("cnndm", "xsum", "bbc"):
        assert any(line.startswith(f"{name} ") for line in lines)
        assert any(line.startswith(f"{name}:1 ") for line in lines)
    assert "weights chosen without bbc:1" in out and "within sets: 2 folds" in out


def test_key_point_rules_are_compared_on_the_development_sets_only(capsys: pytest.CaptureFixture[str]) -> None:
    """CNN/DM is the held-out set for the key-point rule: the script that compares rules refuses it."""
    variants = _load("keypoint_variants")
    with pytest.raises(SystemExit):
        variants.main(["--dataset", "cnndm"])
    assert "invalid choice: 'cnndm'" in capsys.readouterr().err
    assert variants.main(["--dataset", "bbc", "--limit", "3", "--rule", "engine"]) == 0
    assert "engine" in capsys.readouterr().out


def test_key_point_rule_is_chosen_without_the_fold_it_is_scored_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """The nested key-point procedure: the choice for fold f of set S reads the coverage of every
    other set and of S's other folds, never of fold f; fold f is then scored, every article once."""
    folds = _load("keypoint_folds")
    docs = {name: folds.load_docs(name, limit=4) for name in folds.NEWS_SETS}
    sets = {name: folds.prepare(d) for name, d in docs.items()}
    # A small family, so the test is quick: the shipped rule, one it had beaten, two adaptive ones.
    family = {name: folds.FAMILY[name] for name in list(folds.FAMILY)[:2] + list(folds.keypoint_variants.ADAPTIVE)[:2]}
    monkeypatch.setattr(folds, "FAMILY", family)
    reads: list[set[str]] = []
    original = folds.choose

    def spy_choose(training: dict, params: object, cov: object) -> tuple[str, float]:
        fresh = folds.Coverage()
        chosen = original(training, params, fresh)
        reads.append(fresh.read)
        assert chosen[0] in family
        return chosen

    monkeypatch.setattr(folds, "choose", spy_choose)
    held = folds.nested(sets, lambda s, f: folds.extractive.PARAMS, folds.Coverage(), 2)
    assert [h.name for h in held] == [f"{n}:{f}" for n in sets for f in (0, 1)]
    for h, read in zip(held, reads, strict=True):
        name, f = h.name.split(":")
        fold = {x.doc.id for i, x in enumerate(sets[name]) if i % 2 == int(f)}
        everything = {x.doc.id for items in sets.values() for x in items}
        assert read == everything - fold  # the training data, all of it, and nothing of the fold
        assert h.refs == sum(x.refs for x in sets[name] if x.doc.id in fold)
        assert 0 <= h.chosen <= h.refs and 0 <= h.lead <= h.refs
    assert sum(h.refs for h in held) == sum(x.refs for items in sets.values() for x in items)


def test_each_rule_diagnosis_reports_every_rule_in_sample_against_lead8(monkeypatch: pytest.MonkeyPatch) -> None:
    folds = _load("keypoint_folds")
    sets = {name: folds.prepare(folds.load_docs(name, limit=4)) for name in folds.NEWS_SETS}
    names = [folds.keypoint_variants.SHIPPED, "mmr continued"]
    monkeypatch.setattr(folds, "FAMILY", {name: folds.FAMILY[name] for name in names})
    cov = folds.Coverage()
    head, lead, *rows = folds.each_rule(sets, cov).splitlines()
    assert head.split()[1:4] == list(sets)
    lead8 = [100 * sum(len(i.by_lead) for i in items) / sum(i.refs for i in items) for items in sets.values()]
    assert [float(v) for v in lead.split()[1:]] == [round(v, 2) for v in lead8]
    assert [row.split(None, 4)[4] for row in rows] == names
    for row, name in zip(rows, names, strict=True):
        expected = [round(cov.percent(name, items, folds.extractive.PARAMS), 2) for items in sets.values()]
        assert [float(v) for v in row.split()[1:4]] == expected
    assert rows[0].split()[0] == "yes"  # the shipped rule passes every check the procedure asks


def test_adaptive_key_point_rules_follow_the_lead() -> None:
    """Position weighs on the points as the engine's lead factor says; the lead ratio sets the stretches."""

    variants = _load("keypoint_variants")
    doc = _load("tune_extractive").load_docs("bbc", limit=1)[0].features
    assert doc is not None
    for name, rule in variants.ADAPTIVE.items():
        points = rule(doc, [0, 1, 2], 5)
        assert points == sorted(set(points)) and not set(points) & {0, 1, 2} and len(points) <= 5, name
    strong, weak = replace(doc, lead=2.0), replace(doc, lead=0.5)
    assert variants.lead_factor(strong) == 16 and variants.lead_factor(weak) == 1 / 16
    stretches = variants.stretch_count
    assert stretches(strong, 5, 1.0) == 2 and stretches(weak, 5, 1.0) == 5 and stretches(strong, 5, 0.0) == 5
    rank = variants._importance(strong, "lead-position 1.0")
    assert rank[0] == pytest.approx(doc.centrality[0] + 16)


def test_the_engine_ships_the_key_point_rule_the_procedure_picks() -> None:
    """``extractive.fact_points`` is the family's rule named ``SHIPPED``, point for point."""
    variants = _load("keypoint_variants")
    from summarize.engines import extractive

    rule = variants.FAMILY[variants.SHIPPED]
    compared = 0
    for name in ("cnndm", "xsum", "bbc"):
        for item in _load("tune_extractive").load_docs(name, limit=15):
            doc = item.features
            if doc is None:
                continue
            summary = sorted(extractive.select(doc, extractive.PARAMS, 3))
            for points in (1, 5, 8):
                assert extractive.fact_points(doc, summary, points) == rule(doc, summary, points), (item.id, points)
                compared += 1
    assert compared >= 120
    # Another rule of the family gives other points somewhere: the comparison can fail.
    other = variants.FAMILY["rank: centrality"]
    docs = [d.features for d in _load("tune_extractive").load_docs("bbc", limit=15) if d.features]
    assert any(
        other(d, sorted(extractive.select(d, extractive.PARAMS, 3)), 5)
        != extractive.fact_points(d, sorted(extractive.select(d, extractive.PARAMS, 3)), 5)
        for d in docs
    )
