"""The same batch on a Ray cluster (``--executor ray``): one model per actor, the outputs of a local run.

The driver (this process) finds the inputs, leaves out those whose ``--out`` file already exists
(unless ``force``), and orders the rest as :class:`~summarize.batch.BatchRunner` does, smallest first,
in windows of ``batch_size``. Each window is one Ray Data block (one row per document: its path, not
its lines), so every actor batch holds the very documents a local window would, and the summaries
are the local ones. A pool of actors (:class:`SummarizeActor`, Ray Data ``map_batches`` with a
callable class) each builds one :class:`~summarize.pipeline.Summarizer`, loads its model once, and
runs each window through a ``BatchRunner`` of its own: reading, detecting, generating. Results come
back to the driver as they finish; the driver writes the ``--out`` files (atomically, so a file that
exists is complete, and Ctrl-C leaves no half-written one) and reports each outcome. A window whose
actor dies is run again by Ray on a new actor; its documents are written once, when it returns.
"""

from __future__ import annotations

import gc
import json
import os
import socket
import tempfile
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from . import errors
from .batch import BatchRunner, Outcome
from .discover import InputItem
from .errors import InputError, OutputError, SummarizeError, UsageError
from .pipeline import Summarizer
from .results import SummaryResult
from .settings import SummarizeOptions
from .uris import fetch, is_uri, uri_sizes

INSTALL_HINT = "pip install 'summarize[ray]'"
Notify = Callable[[str], None]
Exists = Callable[[Any], bool]


@dataclass(frozen=True)
class RayOptions:
    """Where and how wide a Ray run goes."""

    address: str | None = None  # None: $RAY_ADDRESS when set, else a local Ray for this run
    actors: tuple[int, int] | None = None  # (min, max); None: 1 to as many as the CPUs allow
    cpus_per_actor: float = 1.0
    force: bool = False  # redo documents whose output exists


@dataclass
class RunReport:
    """What a run did: documents done, failed and skipped, its seconds, and Ray's start-up share."""

    done: int = 0
    failed: int = 0
    skipped: int = 0
    seconds: float = 0.0
    startup_seconds: float = 0.0

    def line(self) -> str:
        """The run's final line: ``N done, M failed, K skipped, S s``."""
        return f"{self.done} done, {self.failed} failed, {self.skipped} skipped, {self.seconds:.1f} s"


def require_ray() -> Any:
    """The ``ray`` module, or a usage error saying how to install it."""
    try:
        import ray
        import ray.data  # ray without its [data] extra lacks pyarrow
    except ImportError:
        raise UsageError("--executor ray needs Ray Data, which is not installed", hint=INSTALL_HINT) from None
    return ray


# --- the actor ------------------------------------------------------------------------------------
def _error_payload(error: SummarizeError) -> dict[str, Any]:
    return {"type": type(error).__name__, "message": error.message, "hint": error.hint, "source": error.source}


def _error_from(payload: Mapping[str, Any]) -> SummarizeError:
    """The per-document error an actor reported, as its own class where it can be rebuilt."""
    cls = getattr(errors, str(payload.get("type")), None)
    kwargs = {"source": payload.get("source"), "hint": payload.get("hint")}
    if isinstance(cls, type) and issubclass(cls, SummarizeError) and cls is not errors.ModelNotAvailableError:
        return cls(str(payload["message"]), **kwargs)
    return SummarizeError(str(payload["message"]), **kwargs)


class SummarizeActor:
    """One Ray actor: one :class:`Summarizer` (its model loaded once), called with one window at a time.

    A run-level failure (the model folder missing on this node, a model that cannot load) is not
    raised, since Ray would retry it for ever on every actor; it comes back as a ``fatal`` row and
    the driver stops the run with its message.
    """

    def __init__(self, options: Mapping[str, Any], model_is_path: bool = False):
        self.options = SummarizeOptions.from_dict(options)
        self.notices: list[str] = []
        self.fatal: str | None = None
        model = self.options.model
        if model_is_path and model and not Path(model).is_dir():
            self.fatal = (
                f"the model folder {model} is not on node {socket.gethostname()}: with --executor ray, "
                "--model PATH must exist at that path on every node (copy it there, or give a Hub id "
                "and let each node use its Hugging Face cache)"
            )
            return
        self.summarizer = Summarizer(self.options, notify=self.notices.append)

    def __call__(self, batch: Mapping[str, Any]) -> dict[str, list[Any]]:
        """Summarize one window; returns one row per document: ``index`` and its JSON ``payload``."""
        indexes = [int(i) for i in batch["index"]]
        rows = list(zip(batch["source"], batch["path"], batch["relative"], strict=True))
        with tempfile.TemporaryDirectory(prefix="summarize-ray-") as tmp:
            items: list[InputItem] = []
            unread: list[Outcome] = []
            for n, (source, path, rel) in enumerate(rows):
                local = Path(str(path))
                if is_uri(str(path)):
                    # A URI is copied here first, so it is read exactly as a local file is.
                    try:
                        local = fetch(str(path), Path(tmp) / str(n))
                    except (OSError, ValueError) as exc:
                        error = InputError(f"cannot be read: {str(exc).splitlines()[0]}", source=str(source))
                        unread.append(Outcome(InputItem(str(source), None, PurePosixPath(str(rel))), n, error=error))
                        continue
                items.append(InputItem(str(source), local, PurePosixPath(str(rel))))
            self.before(items)
            positions = [n for n in range(len(rows)) if n not in {o.index for o in unread}]
            outcomes: list[Outcome] = []
            if self.fatal is None:
                try:
                    outcomes = BatchRunner(self.summarizer).run(items)
                except SummarizeError as exc:  # about the run, not one document (the model is missing, ...)
                    self.fatal = str(exc)
        if self.fatal is not None:
            return {"index": indexes, "payload": [json.dumps({"fatal": self.fatal})] * len(indexes)}
        done = [(indexes[positions[o.index]], self._payload(o)) for o in outcomes]
        done += [(indexes[o.index], self._payload(o)) for o in unread]
        if self.notices:
            done[0][1]["notices"], self.notices = list(self.notices), []
        return {"index": [i for i, _ in done], "payload": [json.dumps(p) for _, p in done]}

    def before(self, items: Sequence[InputItem]) -> None:
        """Called with each window before it runs (tests override it to kill the actor)."""

    @staticmethod
    def _payload(outcome: Outcome) -> dict[str, Any]:
        if outcome.result is not None:
            return {"result": outcome.result.to_dict()}
        assert outcome.error is not None
        return {"error": _error_payload(outcome.error)}


# --- the driver -----------------------------------------------------------------------------------
def split_done(
    items: Sequence[InputItem], targets: Mapping[InputItem, Any] | None, force: bool, exists: Exists | None = None
) -> tuple[list[InputItem], list[InputItem]]:
    """(to do, skipped): an input whose output file exists is done (files are written atomically)."""
    if targets is None or force:
        return list(items), []
    exists = exists or (lambda target: Path(target).is_file())
    finished = {item for item in items if exists(targets[item])}
    return [item for item in items if item not in finished], [item for item in items if item in finished]


def windows(
    items: Sequence[InputItem], batch_size: int, sizes: Mapping[InputItem, int] | None = None
) -> list[list[tuple[int, InputItem]]]:
    """The local runner's windows: smallest first, ``batch_size`` documents each, with input positions."""
    sizes = sizes or {}
    order = sorted(range(len(items)), key=lambda i: (sizes.get(items[i], items[i].size), i))
    size = max(1, batch_size)
    return [[(i, items[i]) for i in order[start : start + size]] for start in range(0, len(order), size)]


def _location(item: InputItem) -> str:
    """Where actors read ``item``: its URI, or its absolute path (the same on every node)."""
    if item.path is None:
        if is_uri(item.source):
            return item.source
        raise UsageError("--executor ray cannot read standard input", hint="pass files, folders or URIs")
    return os.path.abspath(item.path)


def prepare_models(options: SummarizeOptions, notify: Notify) -> bool:
    """Where ``--model`` is on this machine and CTranslate2 will run it, convert it once before any
    actor starts (so actors on this node, or sharing its cache, find it converted). Returns whether
    the model is a local folder, which every node must then have at the same path.
    """
    if options.engine == "extractive" or not options.model:
        return False
    local = Path(options.model).expanduser()
    from .runtime import ct2
    from .runtime.loader import ModelLoader, RuntimeOptions

    loader = ModelLoader(
        RuntimeOptions(options.backend, options.device, options.threads, options.compute_type, options.offline),
        notify=notify,
    )
    try:
        # Never downloaded here: the driver may be a laptop, and each node has its own cache.
        resolved = loader.resolve(options.model, allow_download=False)
    except errors.ModelNotAvailableError:
        return local.is_dir()  # the actors resolve it on their nodes (and say so if they cannot)
    on_ct2_device = (options.device or "cpu").partition(":")[0] in {"cpu", "cuda"}
    wants_ct2 = options.backend == "ctranslate2" or (options.backend == "auto" and on_ct2_device and ct2.available())
    if wants_ct2 and ct2.supports(resolved):
        device, _ = ct2.parse_device(options.device)
        ct2.convert(resolved, ct2.check_compute_type(options.compute_type, device), notify=notify)
    return local.is_dir()


def _ray_messages_to_stderr() -> None:
    """Send Ray's own messages ("(raylet) A worker died ...", actors' prints) to stderr.

    Ray prints them to stdout (``ray._private.worker.print_to_stdstream``), where they would corrupt
    ``--format jsonl``; its listener thread looks the function up on each message, so this also
    works for a Ray that was started before.
    """
    try:
        from ray._private import worker
    except ImportError:
        return
    original = getattr(worker, "print_to_stdstream", None)
    if original is None or getattr(original, "summarize_stderr", False):
        return

    def to_stderr(data: dict[str, Any], ignore_prefix: bool) -> Any:
        return original({**data, "is_err": True}, ignore_prefix)

    to_stderr.summarize_stderr = True  # type: ignore[attr-defined]
    worker.print_to_stdstream = to_stderr


def _start(ray: Any, address: str | None, quiet: bool) -> bool:
    """Connect to (or start) Ray; True when this call started it (and so must shut it down)."""
    if ray.is_initialized():
        return False
    import logging

    # No address and no RAY_ADDRESS (which `ray job submit` sets for its driver): a Ray of this run's
    # own ("local"), never whatever cluster happens to run on this machine.
    address = address or os.environ.get("RAY_ADDRESS") or "local"
    ray.init(address=address, logging_level=logging.ERROR, log_to_driver=not quiet, include_dashboard=False)
    return True


def run_on_ray(
    items: Sequence[InputItem],
    options: SummarizeOptions,
    *,
    ray_options: RayOptions | None = None,
    targets: Mapping[InputItem, Any] | None = None,
    exists: Exists | None = None,
    write: Callable[[Outcome], Any] | None = None,
    on_outcome: Callable[[Outcome], None] | None = None,
    notify: Notify | None = None,
    progress: bool = False,
    actor_cls: type[SummarizeActor] = SummarizeActor,
) -> RunReport:
    """Summarize ``items`` on Ray; each outcome goes to ``write`` (the ``--out`` sink) and ``on_outcome``.

    ``targets`` (the ``--out`` files, paths or URIs) lets a second run skip what the first one
    finished; ``exists`` tells whether a target is there (default: a local file).
    Raises :class:`UsageError` without Ray, and :class:`SummarizeError` when actors cannot run at all.
    """
    ray = require_ray()
    ro = ray_options or RayOptions()
    notify = notify or (lambda message: None)
    on_outcome = on_outcome or (lambda outcome: None)
    started = time.perf_counter()
    report = RunReport()
    todo, skipped = split_done(items, targets, ro.force, exists)
    report.skipped = len(skipped)
    paths = {item: _location(item) for item in todo}
    model_is_path = prepare_models(options, notify) if todo else False
    if model_is_path and options.model:
        options = SummarizeOptions.from_dict(
            {**options.to_dict(), "model": os.path.abspath(os.path.expanduser(options.model))}
        )
    if not todo:
        report.seconds = time.perf_counter() - started
        return report
    _ray_messages_to_stderr()
    owner = _start(ray, ro.address, quiet=not progress)
    try:
        report.startup_seconds = time.perf_counter() - started
        ds = _dataset(ray, todo, paths, options, ro, model_is_path, progress, actor_cls)
        noticed: set[str] = set()
        before = set(threading.enumerate())
        batches = iter(ds.iter_batches(batch_size=None, batch_format="numpy"))
        try:
            for batch in batches:
                for index, raw in zip(batch["index"], batch["payload"], strict=True):
                    payload = json.loads(str(raw))
                    if "fatal" in payload:
                        raise SummarizeError(payload["fatal"])
                    for message in payload.get("notices", ()):
                        if message not in noticed:
                            noticed.add(message)
                            notify(message)
                    item = todo[int(index)]
                    outcome = _outcome(item, int(index), payload, write)
                    report.failed += outcome.error is not None
                    report.done += outcome.result is not None
                    on_outcome(outcome)
        finally:
            # Ray Data's executor runs in threads of its own, stopped when the iterator closes; left to
            # the garbage collector (after Ctrl-C or an error) one could touch Ray after the shutdown
            # below, and Ray's core then ends the process with code 1 where 130 was due.
            close = getattr(batches, "close", None)
            if close is not None:
                close()
            wait_for_threads(before)
    finally:
        if owner:
            ray.shutdown()
    report.seconds = time.perf_counter() - started
    return report


def wait_for_threads(before: set[threading.Thread], seconds: float = 10.0) -> None:
    """Let the threads started since ``before`` end (at most ``seconds`` in all) before Ray shuts down.

    Closing the iterator only signals Ray Data's reading threads (``iter_threaded``); one still in a
    ``ray.get`` when ``ray.shutdown`` runs touches a core worker that is gone, and Ray's core then
    ends the whole process with code 1 where Ctrl-C's 130 was due (a clean-clone CI run failed so).
    ``gc.collect`` first: the generators they serve can sit in reference cycles, and only their
    closing tells the threads to stop. Ray Data's block prefetcher parks on a condition for the
    life of the process and touches Ray only between waits; it is left alone, or every Ctrl-C would
    wait the whole bound.
    """
    gc.collect()
    deadline = time.monotonic() + seconds
    for thread in threading.enumerate():
        if thread in before or thread is threading.current_thread() or thread.name == "Prefetcher":
            continue
        thread.join(max(0.0, deadline - time.monotonic()))


def _dataset(
    ray: Any,
    todo: Sequence[InputItem],
    paths: Mapping[InputItem, str],
    options: SummarizeOptions,
    ro: RayOptions,
    model_is_path: bool,
    progress: bool,
    actor_cls: type[SummarizeActor],
) -> Any:
    """One block per local window, mapped by a pool of ``actor_cls`` actors."""
    import pyarrow as pa
    from ray.data import ActorPoolStrategy, DataContext

    context = DataContext.get_current()
    context.enable_progress_bars = progress
    context.print_on_execution_start = progress
    if not progress:
        import logging

        # Off a terminal (or with --quiet) Ray Data's own progress and execution lines are noise.
        logging.getLogger("ray.data").setLevel(logging.ERROR)
    blocks = [
        pa.table(
            {
                "index": [i for i, _ in window],
                "source": [item.source for _, item in window],
                "path": [paths[item] for _, item in window],
                "relative": [item.relative.as_posix() for _, item in window],
            }
        )
        for window in windows(todo, options.batch_size, uri_sizes(todo))
    ]
    low, high = ro.actors or (1, max(1, int(ray.cluster_resources().get("CPU", 1) // ro.cpus_per_actor)))
    high = min(high, len(blocks))
    return ray.data.from_arrow(blocks).map_batches(
        actor_cls,
        fn_constructor_kwargs={"options": options.to_dict(), "model_is_path": model_is_path},
        batch_size=None,  # one block, one window: never split nor merged
        batch_format="numpy",
        compute=ActorPoolStrategy(min_size=min(low, high), max_size=high),
        # Fractional CPUs let actors share a core with Ray's own tasks. An actor that dies is replaced
        # and its window run again: Ray Data gives its actors max_restarts=-1 and max_task_retries=-1.
        num_cpus=ro.cpus_per_actor,
    )


def _outcome(
    item: InputItem, index: int, payload: Mapping[str, Any], write: Callable[[Outcome], Any] | None
) -> Outcome:
    if "error" in payload:
        return Outcome(item, index, error=_error_from(payload["error"]))
    outcome = Outcome(item, index, result=SummaryResult.from_dict(payload["result"]))
    if write is not None:
        try:
            outcome.output = write(outcome)
        except OutputError as exc:  # one output that cannot be written fails that input only
            exc.source = exc.source or item.source
            outcome.result, outcome.error = None, exc
    return outcome
