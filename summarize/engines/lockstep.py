"""Many documents' model work in lockstep, batched across documents.

Each document's work is a generator (:data:`Steps`) that yields a request, ``(model inputs,
generation settings)``, receives the outputs and finally returns its result. :func:`run_lockstep`
advances all of them together: every round, the pending requests whose settings are equal become one
``generate()`` call (documents of similar length have equal settings), so a folder of articles costs
a few large batches rather than many small ones.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Sequence
from typing import TypeVar

from ..errors import GenerationError, SummarizeError
from ..runtime.base import GenerationSettings

T = TypeVar("T")
# A step generator yields (model inputs, settings), receives the outputs and returns its result.
Steps = Generator[tuple[list[str], GenerationSettings], list[str], T]
# Generates for a batch: the outputs, a warning per input index, and the indexes whose output stayed
# empty (their documents fail).
Generate = Callable[[list[str], GenerationSettings], tuple[list[str], dict[int, str], set[int]]]


def settings_key(settings: GenerationSettings) -> tuple[object, ...]:
    """Requests with equal keys are generated in one batch."""
    return (
        settings.max_new_tokens,
        settings.min_new_tokens,
        settings.num_beams,
        tuple(sorted((k, repr(v)) for k, v in settings.extra.items())),
    )


def run_lockstep(
    steps: Sequence[Steps[T]],
    generate: Generate,
    warnings: Sequence[list[str]],
    empty_error: Callable[[], SummarizeError],
) -> list[T | SummarizeError]:
    """The result of each of ``steps``, in order; a document that fails gets its
    :class:`SummarizeError` in its slot and the others go on. ``warnings[i]`` receives the
    generation warnings of document ``i``; ``empty_error()`` is thrown into a document whose output
    stayed empty."""
    results: list[T | SummarizeError | None] = [None] * len(steps)
    pending: dict[int, tuple[list[str], GenerationSettings]] = {}

    def advance(i: int, send: list[str] | None = None, error: SummarizeError | None = None) -> None:
        value: list[str] | None = send
        while True:
            try:
                request = steps[i].throw(error) if error is not None else steps[i].send(value)
            except StopIteration as stop:
                results[i] = stop.value
                return
            except SummarizeError as exc:
                results[i] = exc
                return
            error = None
            if request[0]:
                pending[i] = request
                return
            value = []  # nothing to generate: answer at once

    for i in range(len(steps)):
        advance(i)
    while pending:
        groups: dict[tuple[object, ...], list[int]] = {}
        for i, (_, settings) in pending.items():
            groups.setdefault(settings_key(settings), []).append(i)
        for members in groups.values():
            settings = pending[members[0]][1]
            flat: list[str] = []
            spans: list[tuple[int, int, int]] = []
            for i in members:
                spans.append((i, len(flat), len(pending[i][0])))
                flat.extend(pending[i][0])
            outs, notes, empty = generate(flat, settings)
            for i, start, n in spans:
                del pending[i]
                span = range(start, start + n)
                if any(j in empty for j in span):
                    advance(i, error=empty_error())
                    continue
                warnings[i].extend(notes[j] for j in span if j in notes)
                advance(i, send=outs[start : start + n])
    return [r if r is not None else GenerationError("internal: document was not finished") for r in results]
