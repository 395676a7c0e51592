"""``--executor ray`` against a local Ray (2 CPUs): the local run's outputs, errors, a killed actor, resume.

One Ray is shared by the module (starting it takes seconds); every test runs under an alarm, so a
pipeline that waits for a CPU it will never get fails instead of hanging CI.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from summarize.cli import cli
from summarize.discover import discover, output_paths
from summarize.render import OutputFiles
from summarize.scale import RayOptions, SummarizeActor, run_on_ray
from summarize.settings import SummarizeOptions
from tests.conftest import SHARED

ROOT = Path(__file__).resolve().parents[1]
TEST_SECONDS = 240  # per test; a healthy one takes 5-30 s on a busy 2-core machine
RAY = ["--executor", "ray", "--actors", "1,2", "--cpus-per-actor", "0.5"]


def _alarm(seconds: int) -> None:
    def expired(signum: int, frame: Any) -> None:
        raise TimeoutError(f"a Ray test ran past {seconds} s (a pipeline waiting for CPUs?)")

    signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)


@pytest.fixture(scope="module")
def ray_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("ray-cache")


@pytest.fixture(scope="module")
def local_ray(ray_cache: Path) -> Iterator[Any]:
    """A local Ray with 2 CPUs for the module; its workers use a cache folder of the tests' own."""
    import logging

    import ray

    _alarm(120)
    env = {"SUMMARIZE_CACHE_DIR": str(ray_cache), "HF_HUB_OFFLINE": "1", "HF_HOME": str(ray_cache / "hf")}
    ray.init(
        num_cpus=2,
        include_dashboard=False,
        log_to_driver=False,
        logging_level=logging.ERROR,
        runtime_env={"env_vars": env},
    )
    signal.alarm(0)
    try:
        yield ray
    finally:
        ray.shutdown()


@pytest.fixture(autouse=True)
def _bounded() -> Iterator[None]:
    _alarm(TEST_SECONDS)
    yield
    signal.alarm(0)


def _articles(n: int) -> list[str]:
    with open(SHARED / "cnndm_dev_100.jsonl", encoding="utf-8") as fh:
        return [json.loads(line)["article"][: 1200 + 150 * i] for i, line in zip(range(n), fh, strict=False)]


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    """Seven articles of different lengths (three formats) and two that fail (binary, empty)."""
    root = tmp_path / "articles"
    (root / "sub").mkdir(parents=True)
    texts = _articles(7)
    for i, text in enumerate(texts[:5]):
        (root / f"a{i}.txt").write_text(text, encoding="utf-8")
    (root / "sub" / "b.md").write_text(f"---\ntitle: B\n---\n\n# Story B\n\n{texts[5]}\n", encoding="utf-8")
    (root / "sub" / "c.html").write_text(f"<html><body><article><p>{texts[6]}</p></article></body></html>")
    (root / "sub" / "binary.txt").write_bytes(b"\x89PNG\x00\x00\x01")
    (root / "empty.txt").write_text("  \n", encoding="utf-8")
    return root


def run(args: list[str]) -> Any:
    return CliRunner().invoke(cli, args, catch_exceptions=False)


def _rows(stdout: str) -> dict[str, dict[str, Any]]:
    """jsonl rows by source, timings aside (they differ from run to run)."""
    rows = [json.loads(line) for line in stdout.splitlines()]
    for row in rows:
        row.pop("timings", None)
    return {row["source"]: row for row in rows}


def _tree(folder: Path) -> dict[str, Any]:
    """Every output file by its path below ``folder``; JSON files without their timings."""
    out: dict[str, Any] = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".json":
            data = json.loads(text)
            data.pop("timings")
            out[path.relative_to(folder).as_posix()] = data
        else:
            out[path.relative_to(folder).as_posix()] = text
    return out


def _same_as_local(corpus: Path, tmp_path: Path, args: list[str], fmt: str) -> dict[str, dict[str, Any]]:
    local = run([*args, "--format", fmt, "--out", str(tmp_path / "local"), str(corpus)])
    on_ray = run([*args, *RAY, "--format", fmt, "--out", str(tmp_path / "ray"), str(corpus)])
    assert local.exit_code == on_ray.exit_code == 1, on_ray.output  # the two bad inputs
    assert "7 done, 2 failed, 0 skipped" in on_ray.stderr
    assert _tree(tmp_path / "ray") == _tree(tmp_path / "local")
    if fmt == "jsonl":
        assert _rows(on_ray.stdout) == _rows(local.stdout)
    return _rows(on_ray.stdout) if fmt == "jsonl" else {}


def test_extractive_outputs_and_errors_equal_a_local_run(local_ray: Any, corpus: Path, tmp_path: Path) -> None:
    rows = _same_as_local(corpus, tmp_path, ["--engine", "extractive", "--points", "3"], "jsonl")
    errors = {Path(s).name: r for s, r in rows.items() if "error" in r}
    assert set(errors) == {"binary.txt", "empty.txt"}
    assert errors["binary.txt"]["error_type"] == "InputError" and "binary" in errors["binary.txt"]["error"]
    assert len(_tree(tmp_path / "ray")) == 7


def test_tiny_model_outputs_equal_a_local_run(
    local_ray: Any, corpus: Path, tmp_path: Path, tiny_bart: Path, ray_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Driver and actors share one cache here, as one node does: the model is converted (CTranslate2
    # is installed, backend auto) by the driver before the actors start, and found by them.
    monkeypatch.setenv("SUMMARIZE_CACHE_DIR", str(ray_cache))
    args = ["--model", str(tiny_bart), "--engine", "abstractive", "--points", "2", "--batch-size", "3"]
    rows = _same_as_local(corpus, tmp_path, args, "jsonl")
    assert {r["engine"] for r in rows.values() if "error" not in r} == {"abstractive"}
    assert list((ray_cache / "ct2").iterdir()), "the driver converts the model before the actors start"
    # Markdown files as well: the same names and the same text.
    _same_as_local(corpus, tmp_path / "md", args, "markdown")


class CrashOnce(SummarizeActor):
    """Kills its own process (as an OOM killer or a lost node would) on the first window with crash.txt."""

    def before(self, items: Any) -> None:
        for item in items:
            if item.path.name == "crash.txt":
                flag = item.path.with_name("crashed.flag")
                if not flag.exists():
                    flag.write_text(str(os.getpid()), encoding="utf-8")
                    os._exit(1)


def test_a_killed_actor_is_retried_and_every_document_has_one_output(
    local_ray: Any, corpus: Path, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    (corpus / "crash.txt").write_text(_articles(8)[7], encoding="utf-8")
    items = discover([str(corpus)])
    out = tmp_path / "out"
    targets = output_paths(items, out, "json")
    seen: list[str] = []
    options = SummarizeOptions(engine="extractive", points=2, batch_size=2)
    report = run_on_ray(
        items,
        options,
        ray_options=RayOptions(actors=(2, 2), cpus_per_actor=0.5),
        targets=targets,
        write=OutputFiles(targets, "json"),
        on_outcome=lambda outcome: seen.append(outcome.item.source),
        actor_cls=CrashOnce,
    )
    assert (corpus / "crashed.flag").exists(), "the actor must have died once"
    assert sorted(seen) == sorted(item.source for item in items)  # each exactly once
    assert (report.done, report.failed) == (8, 2)
    assert len(list(out.rglob("*.json"))) == 8
    # Ray's own note about the dead worker goes to stderr: stdout is the --format jsonl stream.
    captured = capfd.readouterr()
    assert "(raylet)" not in captured.out and "(raylet)" in captured.err


def test_second_run_skips_complete_outputs_and_force_redoes_them(local_ray: Any, corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["--engine", "extractive", *RAY, "--out", str(out), str(corpus)]
    first = run(args)
    assert "7 done, 2 failed, 0 skipped" in first.stderr, first.stderr
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*.md")}
    again = run(args)
    assert "0 done, 2 failed, 7 skipped" in again.stderr, again.stderr  # the failed ones are tried again
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.md")} == stamps
    forced = run([*args, "--force"])
    assert "7 done, 2 failed, 0 skipped" in forced.stderr, forced.stderr
    assert all(p.stat().st_mtime_ns != stamp for p, stamp in stamps.items())
    assert not [p for p in out.rglob("*") if p.name.startswith(".summarize-")]  # no temporary files left


def test_model_folder_missing_on_a_node_names_the_requirement(tmp_path: Path) -> None:
    actor = SummarizeActor(SummarizeOptions(model=str(tmp_path / "gone"), engine="abstractive").to_dict(), True)
    batch = {"index": [0], "source": ["a.txt"], "path": [str(tmp_path / "a.txt")], "relative": ["a.txt"]}
    payload = json.loads(actor(batch)["payload"][0])
    assert "is not on node" in payload["fatal"] and "must exist at that path on every node" in payload["fatal"]


def test_executor_ray_without_ray_is_a_usage_error_naming_the_extra(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(_articles(1)[0], encoding="utf-8")
    code = (
        "import sys; sys.modules['ray'] = None; from summarize.cli import main; "
        f"main(['--executor', 'ray', '--engine', 'extractive', {str(article)!r}])"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 2, done.stderr
    assert "pip install 'summarize[ray]'" in done.stderr and "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1


def test_uri_inputs_are_read_on_the_actors_with_the_local_names_and_summaries(
    local_ray: Any, corpus: Path, tmp_path: Path
) -> None:
    args = ["--engine", "extractive", "--points", "2", "--format", "json"]
    local = run([*args, "--out", str(tmp_path / "local"), str(corpus)])
    on_ray = run([*args, *RAY, "--out", (tmp_path / "ray").as_uri(), corpus.as_uri()])  # --out a URI too
    assert local.exit_code == on_ray.exit_code == 1, on_ray.output
    assert f"{corpus.as_uri()}/sub/binary.txt: is a binary file" in on_ray.stderr
    again = run([*args, *RAY, "--out", (tmp_path / "ray").as_uri(), corpus.as_uri()])
    assert "0 done, 2 failed, 7 skipped" in again.stderr, again.stderr

    def without_source(tree: dict[str, Any]) -> dict[str, Any]:
        return {name: {k: v for k, v in data.items() if k != "source"} for name, data in tree.items()}

    assert without_source(_tree(tmp_path / "ray")) == without_source(_tree(tmp_path / "local"))
    assert json.loads((tmp_path / "ray" / "a0.summary.json").read_text())["source"] == (corpus / "a0.txt").as_uri()


def test_a_missing_uri_and_stdin_are_usage_errors(tmp_path: Path) -> None:
    missing = run(["--executor", "ray", (tmp_path / "nothing").as_uri()])
    assert missing.exit_code == 2 and "no such file or folder" in missing.stderr
    piped = CliRunner().invoke(cli, ["--executor", "ray", "-"], input="Some text to summarize. " * 20)
    assert piped.exit_code == 2 and "cannot read standard input" in piped.stderr


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"SUMMARIZE_CPUS_PER_ACTOR": "half"}, "SUMMARIZE_CPUS_PER_ACTOR=half: not a number"),
        ({"SUMMARIZE_CPUS_PER_ACTOR": "0"}, "SUMMARIZE_CPUS_PER_ACTOR=0: outside 0.01–1024"),
        ({"SUMMARIZE_ACTORS": "4,2"}, "SUMMARIZE_ACTORS=4,2: MIN is above MAX"),
        ({"SUMMARIZE_EXECUTOR": "spark"}, "SUMMARIZE_EXECUTOR=spark: not one of local, ray"),
    ],
)
def test_ray_settings_name_their_source(
    env: dict[str, str], message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    article = tmp_path / "a.txt"
    article.write_text(_articles(1)[0], encoding="utf-8")
    result = run(["--engine", "extractive", str(article)])
    assert result.exit_code == 2 and message in result.stderr, result.stderr


def test_ctrl_c_stops_cleanly_and_leaves_no_partial_files(tmp_path: Path) -> None:
    """SIGINT to a real `summarize --executor ray` (its own local Ray): exit 130, only complete files."""
    import time

    folder = tmp_path / "many"
    folder.mkdir()
    texts = _articles(20)
    for i in range(1000):  # far more than the run can finish before the signal
        (folder / f"a{i:04d}.txt").write_text(texts[i % 20], encoding="utf-8")
    out = tmp_path / "out"
    args = ["--engine", "extractive", "--executor", "ray", "--actors", "1", "--cpus-per-actor", "0.5"]
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    # The default SIGINT handler, even where CI starts tests with SIGINT ignored (as `cmd &` does).
    code = "import signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); " + (
        "from summarize.cli import main; main(sys.argv[1:])"
    )
    command = [sys.executable, "-c", code, *args, "--batch-size", "1", "--out", str(out), str(folder)]
    proc = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and len(list(out.glob("*.md")) if out.exists() else []) < 5:
            assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
            time.sleep(0.2)
        proc.send_signal(signal.SIGINT)
        stderr = proc.communicate(timeout=60)[1]
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, stderr
    assert "summarize: interrupted" in stderr and "Traceback" not in stderr
    written = list(out.iterdir())
    assert 5 <= len(written) < 1000
    for path in written:  # no temporary file, no half-written one
        assert path.name.endswith(".summary.md") and path.read_text(encoding="utf-8").startswith("## Summary")


def test_the_driver_converts_a_local_model_once_before_actors_start(
    tiny_bart: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from summarize.runtime import ct2
    from summarize.scale import prepare_models

    monkeypatch.setenv("SUMMARIZE_CACHE_DIR", str(tmp_path / "cache"))
    notes: list[str] = []
    options = SummarizeOptions(model=str(tiny_bart), engine="abstractive", backend="ctranslate2")
    assert prepare_models(options, notes.append) is True  # a folder: every node needs it at this path
    assert [n for n in notes if "converting" in n]
    assert all(ct2.is_complete(p) for p in (tmp_path / "cache" / "ct2").iterdir())
    notes.clear()
    assert prepare_models(options, notes.append) is True and notes == []  # converted once
    assert prepare_models(SummarizeOptions(model="nobody/not-downloaded"), notes.append) is False  # left to nodes


def test_a_model_no_actor_can_find_stops_the_run_with_its_message(local_ray: Any, corpus: Path) -> None:
    result = run(["--engine", "abstractive", "--model", "nobody/not-downloaded", "--offline", *RAY, str(corpus)])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("summarize: error:")]
    assert len(errors) == 1 and "nobody/not-downloaded" in errors[0], result.stderr


def test_uri_outputs_on_an_object_store_have_the_local_names(tmp_path: Path, corpus: Path) -> None:
    """pyarrow's in-memory file system stands in for S3: the same names, found again for resuming."""
    from summarize.batch import Outcome
    from summarize.pipeline import Summarizer
    from summarize.uris import output_sink

    items = [i for i in discover([str(corpus)]) if i.path is not None and i.path.suffix in (".md", ".html")]
    targets, write, exists = output_sink(items, "mock:///bucket/out", "markdown")
    local = output_paths(items, tmp_path, "markdown")
    assert targets is not None and exists is not None
    assert sorted(t.split("/out/", 1)[1] for t in targets.values()) == sorted(
        p.relative_to(tmp_path).as_posix() for p in local.values()
    )
    assert not any(exists(t) for t in targets.values())
    with Summarizer(SummarizeOptions(engine="extractive")) as summarizer:
        outcome = Outcome(items[0], 0, result=summarizer.summarize(items[0].path.read_text(), items[0].source))
    written = write(outcome)
    with write.filesystem.open_input_stream(written) as stream:
        assert stream.read().decode("utf-8").startswith("## Summary")
    write._existing = None  # a new run lists the folder again
    assert exists(written) and not exists(targets[items[1]])


def test_threads_started_by_the_run_end_before_ray_shuts_down() -> None:
    """What the Ctrl-C exit code rests on: a reading thread still busy when the iterator closes is
    waited for (within the bound), Ray Data's parked prefetcher and older threads are not."""
    import threading
    import time

    from summarize.scale import wait_for_threads

    stop_old = threading.Event()
    old = threading.Thread(target=stop_old.wait, daemon=True)
    old.start()
    before = set(threading.enumerate())
    reading = threading.Thread(target=time.sleep, args=(0.5,), name="iter_threaded", daemon=True)
    parked = threading.Event()
    prefetcher = threading.Thread(target=parked.wait, name="Prefetcher", daemon=True)
    reading.start()
    prefetcher.start()
    try:
        started = time.monotonic()
        wait_for_threads(before, seconds=5.0)
        assert not reading.is_alive()  # waited for
        assert prefetcher.is_alive() and old.is_alive()  # not waited for: the call took far less than 5 s
        assert time.monotonic() - started < 3.0
        slow = threading.Thread(target=time.sleep, args=(30,), daemon=True)
        slow.start()
        started = time.monotonic()
        wait_for_threads(before, seconds=0.3)  # the bound holds for a thread that will not end
        assert slow.is_alive() and time.monotonic() - started < 3.0
    finally:
        parked.set()
        stop_old.set()
