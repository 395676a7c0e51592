"""The lockstep driver batches model requests across documents and keeps one failure to its document."""

from __future__ import annotations

from summarize.engines.lockstep import Steps, run_lockstep
from summarize.errors import GenerationError, SummarizeError
from summarize.runtime.base import GenerationSettings

SHORT = GenerationSettings(8, 0, 1, {})
LONG = GenerationSettings(32, 0, 1, {})


def _doc(name: str, rounds: list[GenerationSettings]) -> Steps[str]:
    said = []
    for k, settings in enumerate(rounds):
        outs = yield [f"{name}{k}a", f"{name}{k}b"], settings
        said.extend(outs)
        empty = yield [], settings  # a step with nothing to generate is answered at once
        assert empty == []
    return " ".join(said)


def test_requests_with_equal_settings_share_one_call_and_results_keep_their_order() -> None:
    calls: list[tuple[list[str], int]] = []

    def generate(inputs: list[str], settings: GenerationSettings) -> tuple[list[str], dict[int, str], set[int]]:
        calls.append((list(inputs), settings.max_new_tokens))
        notes = {i: f"note on {x}" for i, x in enumerate(inputs) if x == "y0b"}
        return [x.upper() for x in inputs], notes, set()

    warnings: list[list[str]] = [[], [], []]
    docs = [_doc("x", [SHORT, SHORT]), _doc("y", [SHORT]), _doc("z", [LONG])]
    results = run_lockstep(docs, generate, warnings, lambda: GenerationError("empty"))
    assert results == ["X0A X0B X1A X1B", "Y0A Y0B", "Z0A Z0B"]
    assert calls == [(["x0a", "x0b", "y0a", "y0b"], 8), (["z0a", "z0b"], 32), (["x1a", "x1b"], 8)]
    assert warnings == [[], ["note on y0b"], []]


def test_a_document_whose_output_stays_empty_fails_alone() -> None:
    def generate(inputs: list[str], settings: GenerationSettings) -> tuple[list[str], dict[int, str], set[int]]:
        return list(inputs), {}, {i for i, x in enumerate(inputs) if x.startswith("y")}

    results: list[str | SummarizeError] = run_lockstep(
        [_doc("x", [SHORT]), _doc("y", [SHORT]), _doc("z", [SHORT])],
        generate,
        [[], [], []],
        lambda: GenerationError("produced an empty summary"),
    )
    assert results[0] == "x0a x0b" and results[2] == "z0a z0b"
    assert isinstance(results[1], GenerationError) and "empty summary" in str(results[1])
