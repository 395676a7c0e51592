"""Many inputs in one run: summarized cached and batched, reported as each finishes.

Documents are taken in windows of ``batch_size``, smallest first, so each window holds documents
of similar length and its generate() calls are batched across them (see
:meth:`Summarizer.summarize_many`). Results stream out window by window, as they finish; where
they are written is the caller's (a sink it is given), so this module renders nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .discover import InputItem
from .errors import InputError, OutputError, SummarizeError
from .pipeline import Summarizer
from .results import SummaryResult
from .text.inputs import STDIN, Document
from .text.sources import FetchOptions, read_source


@dataclass
class Outcome:
    """What happened to one input: a result (maybe from the cache) or an error."""

    item: InputItem
    index: int  # position in the input order
    result: SummaryResult | None = None
    error: SummarizeError | None = None
    output: Path | None = None
    entry: int | None = None  # a feed's entry (1, 2, ...): a feed is one input with one outcome per entry
    entries: int = 1  # how many outcomes its input gives (a feed's entries)

    @property
    def source(self) -> str:
        """The input as named in messages and JSON: a feed entry by its own link."""
        if self.entry is not None:
            if self.result is not None:
                return self.result.source
            if self.error is not None and self.error.source:
                return self.error.source
        return self.item.source

    def to_dict(self) -> dict[str, Any]:
        """The JSON object for this input; a failed input has ``error`` (and ``error_type``)."""
        if self.result is not None:
            return self.result.to_dict()
        assert self.error is not None
        message = self.error.message + (f" ({self.error.hint})" if self.error.hint else "")
        return {"source": self.source, "error": message, "error_type": type(self.error).__name__}


OutcomeCallback = Callable[[Outcome], None]


class BatchRunner:
    """Summarize many inputs with one :class:`Summarizer` (one model load each, its result cache).

    ``write`` (the ``--out`` sink, :class:`summarize.render.OutputFiles`) is called with each result
    and returns the file it wrote; an :class:`OutputError` there fails that input only.
    """

    def __init__(
        self,
        summarizer: Summarizer,
        *,
        write: Callable[[Outcome], Path] | None = None,
        on_outcome: OutcomeCallback | None = None,
        fetch: FetchOptions | None = None,
    ):
        self.summarizer = summarizer
        self.fetch = fetch or FetchOptions(offline=summarizer.options.offline)
        self.write = write
        self.on_outcome = on_outcome or (lambda outcome: None)
        self.outcomes: list[Outcome] = []

    @property
    def batch_size(self) -> int:
        return max(1, int(self.summarizer.options.batch_size or 1))

    def run(self, items: Sequence[InputItem]) -> list[Outcome]:
        """Process ``items``; outcomes are reported as they finish and returned in input order."""
        # Smallest first: each window holds documents of similar length, which batch well.
        order = sorted(range(len(items)), key=lambda i: (items[i].size, i))
        for start in range(0, len(order), self.batch_size):
            self._window([(i, items[i]) for i in order[start : start + self.batch_size]])
        return sorted(self.outcomes, key=lambda o: (o.index, o.entry or 0))

    def _read(self, item: InputItem) -> list[Document | InputError]:
        """The documents of one input: one for a file, a page or a PDF, one per entry for a feed."""
        where = item.url or (str(item.path) if item.path is not None else STDIN)
        docs = read_source(where, self.fetch)
        for doc in docs:
            if isinstance(doc, Document) and doc.source == where:
                doc.source = item.source  # the input as the user named it (a feed entry keeps its link)
        return docs

    def _window(self, window: list[tuple[int, InputItem]]) -> None:
        todo: list[tuple[Outcome, Document]] = []
        for index, item in window:
            try:
                docs = self._read(item)
            except InputError as exc:
                exc.source = item.source
                self._emit(Outcome(item, index, error=exc))
                continue
            feed = len(docs) > 1 or any(isinstance(d, InputError) or d.source != item.source for d in docs)
            for n, doc in enumerate(docs, 1):
                slot = Outcome(item, index, entry=n if feed else None, entries=len(docs))
                if isinstance(doc, InputError):  # one feed entry without text: that entry fails alone
                    slot.error = doc
                    self._emit(slot)
                else:
                    todo.append((slot, doc))
        if not todo:
            return
        results = self.summarizer.summarize_many([d for _, d in todo])
        for (slot, _), res in zip(todo, results, strict=True):
            if isinstance(res, SummarizeError):
                slot.error = res
            else:
                slot.result = res
            self._emit(slot)

    def _emit(self, outcome: Outcome) -> None:
        if self.write is not None and outcome.result is not None:
            try:
                outcome.output = self.write(outcome)
            except OutputError as exc:
                # One output that cannot be written (a folder in the way, a full disk) fails that
                # input only, like an unreadable input does.
                exc.source = exc.source or outcome.item.source
                outcome.result, outcome.error = None, exc
        self.outcomes.append(outcome)
        self.on_outcome(outcome)


class Progress:
    """A tqdm bar on stderr (documents done, rate, ETA) when ``enabled``; otherwise does nothing.

    It starts at one document per input; a feed's first outcome adds its other entries to the total,
    so the bar never runs past its end."""

    def __init__(self, total: int, enabled: bool):
        self.bar = None
        self.expanded: set[int] = set()  # inputs whose entries are already in the total
        if enabled and total > 1:
            import sys

            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="doc", file=sys.stderr, dynamic_ncols=True, leave=False)

    def update(self, outcome: Outcome | None = None) -> None:
        if self.bar is None:
            return
        if outcome is not None and outcome.entries > 1 and outcome.index not in self.expanded:
            self.expanded.add(outcome.index)
            self.bar.total += outcome.entries - 1
            self.bar.refresh()
        self.bar.update(1)

    def write(self, message: str) -> None:
        """A message above the bar (it would otherwise be drawn over)."""
        import sys

        if self.bar is not None:
            self.bar.write(message, file=sys.stderr)
        else:
            print(message, file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
