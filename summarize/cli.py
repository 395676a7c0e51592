"""Command-line interface: parses options, calls the application, prints. The only module with click.

Every option of ``summarize`` is declared once, in :mod:`summarize.settings`; this module turns
that table into click options (without click's own defaults or environment handling) and hands
what was typed to :func:`summarize.settings.resolve`, which applies the environment, the config
file and the defaults and checks each value once.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable
from typing import Any

import click

from . import __version__, settings
from .cli_options import DEFAULT_COMMAND, DefaultCommand, DefaultGroup, settings_options
from .errors import SummarizeError

EPILOG = """\b
Subcommands:
  summarize translate FILE... --to LANG   translate whole documents (no summary)
  summarize models list|pull|info   manage models in the Hugging Face cache
Run `summarize models --help` for details. Exit codes: 0 ok, 1 processing error, 2 usage error."""


def fail(error: SummarizeError, debug: bool = False) -> None:
    if debug:
        traceback.print_exc()
    click.echo(f"summarize: error: {error}", err=True)
    sys.exit(error.exit_code)


def run_guarded(debug: bool, fn: Callable[[], int | None]) -> None:
    """Run ``fn``; library errors become one line on stderr and their exit code."""
    debug = debug or _global("debug")
    try:
        code = fn() or 0
        sys.stdout.flush()  # a closed pipe shows here, inside the guard, not at exit
    except SummarizeError as exc:
        fail(exc, debug)
    except KeyboardInterrupt:
        click.echo("summarize: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        # The reader went away (`summarize --format jsonl dir/ | head -1`): stop quietly, as cat does.
        # stdout points at /dev/null from here, so the final flush at exit cannot fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(141)  # 128 + SIGPIPE, what a shell reports for a command killed by it
    except (click.exceptions.Exit, click.ClickException):
        raise
    except Exception as exc:  # a bug: still one line unless --debug
        if debug:
            traceback.print_exc()
        first = str(exc).splitlines()[0] if str(exc) else ""
        click.echo(
            f"summarize: internal error: {type(exc).__name__}: {first} (run with --debug for details)",
            err=True,
        )
        sys.exit(1)
    sys.exit(code)


def _global(name: str) -> bool:
    ctx = click.get_current_context(silent=True)
    while ctx is not None:
        if isinstance(ctx.obj, dict) and ctx.obj.get(name):
            return True
        ctx = ctx.parent
    return False


def _given(opts: dict[str, Any]) -> dict[str, Any]:
    """What was typed: None (and an empty repeatable option) means not given."""
    given = {k: v for k, v in opts.items() if v is not None and v != ()}
    if _global("quiet"):
        given["quiet"] = True
    return given


@click.group(cls=DefaultGroup, epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="summarize")
def cli() -> None:
    """Summarize articles, list their key points and translate them, with local models."""


SUMMARIZE_SETTINGS = tuple(n for n in settings.OPTIONS if n != "placement")


@cli.command(DEFAULT_COMMAND, cls=DefaultCommand, epilog=EPILOG, hidden=True)
@click.argument("inputs", nargs=-1, type=click.Path(dir_okay=True, allow_dash=True))
@settings_options(*SUMMARIZE_SETTINGS)
@click.option("--debug", is_flag=True, help="Show tracebacks.")
def summarize_command(inputs: tuple[str, ...], debug: bool, **opts: Any) -> None:
    """Summarize INPUTS (files, folders, globs; `-` or none reads stdin) and list their key points.

    \b
    Examples:
      cat article.txt | summarize
      summarize --format json article.md
      summarize --engine extractive --points 3 news.txt
      summarize --format jsonl --out summaries/ articles/
    """
    run_guarded(debug, lambda: _summarize(inputs, _given(opts)))


def _summarize(inputs: tuple[str, ...], given: dict[str, Any]) -> int:
    from pathlib import Path

    from .batch import BatchRunner, Outcome, Progress
    from .cache import ResultCache
    from .discover import output_paths
    from .pipeline import NOT_TRANSLATED, Summarizer
    from .render import OutputFiles, render, to_json
    from .text.sources import FetchOptions

    values = settings.resolve(given, names=SUMMARIZE_SETTINGS).values
    options = settings.summarize_options(values)
    fmt, quiet = values["format"], values["quiet"]
    progress: Progress | None = None

    def to_stderr(message: str) -> None:
        # Above the progress bar while it is drawn, so neither garbles the other.
        if progress:
            progress.write(message)
        else:
            click.echo(message, err=True)

    def notify(message: str) -> None:
        if not quiet:
            to_stderr(message)

    out_dir = Path(values["out"]) if values["out"] else None
    items = _discover(inputs, values, out_dir)
    for item in items:
        for alias in item.aliases:
            notify(f"note: {alias} is the same file as {item.source}: summarized once, as {item.source}")
    failed = 0

    def report(outcome: Outcome) -> None:
        nonlocal failed
        if progress:  # one step per document: a feed's entries each count
            progress.update(outcome)
        if outcome.error is not None:
            failed += 1
            to_stderr(f"summarize: error: {outcome.error}")
        elif outcome.result is not None:
            for warning in outcome.result.warnings:
                if not warning.startswith(NOT_TRANSLATED):  # the run's error says it, once, at the end
                    notify(f"warning: {outcome.result.source}: {warning}")
        if fmt == "jsonl":
            # One complete line per input as it finishes; failures carry an "error" field.
            click.echo(to_json(outcome.to_dict(), indent=None))

    if values["executor"] == "ray":
        ray_failed = _summarize_on_ray(items, values, options, out_dir, report, notify)
        return 1 if failed or ray_failed else 0
    summarizer = Summarizer(options, notify=notify, cache=ResultCache(enabled=not values["no_cache"]))
    write = None
    if out_dir is not None:
        write = OutputFiles(output_paths(items, out_dir, fmt), fmt, translation_only=options.translation_only)
    fetch = FetchOptions(values["timeout"], values["max_bytes"], values["offline"], values["follow_links"])
    runner = BatchRunner(summarizer, write=write, on_outcome=report, fetch=fetch)
    progress = Progress(len(items), enabled=not quiet and sys.stderr is not None and sys.stderr.isatty())
    try:
        outcomes = runner.run(items)
    finally:
        progress.close()
        progress = None
    results = [o.result for o in outcomes if o.result is not None]
    if out_dir is not None:
        notify(f"summarize: wrote {sum(o.output is not None for o in outcomes)} file(s) to {out_dir}")
    elif results and fmt != "jsonl":
        click.echo(render(results, fmt, translation_only=options.translation_only), nl=False)
    if summarizer.translation_error is not None:
        # The summaries are out (untranslated); the run still failed at what was asked.
        to_stderr(f"summarize: error: {summarizer.translation_error}")
        return 1
    return 1 if failed else 0


def _discover(inputs: tuple[str, ...], values: dict[str, Any], out_dir: Any) -> list[Any]:
    """The inputs to summarize: paths, folders, URLs (and ``--urls FILE``), or stdin when none is given."""
    from .discover import discover
    from .text.sources import read_url_list
    from .text.suffixes import DEFAULT_SUFFIXES

    if values["urls"]:
        inputs = (*inputs, *read_url_list(values["urls"]))
    if not inputs:
        if sys.stdin is None or sys.stdin.isatty():
            raise click.UsageError("no input: pass a file, or pipe text into summarize")
        inputs = ("-",)
    if values["executor"] == "ray":  # also reads URIs (s3://, gs://, file://), on the actors
        from .uris import discover_inputs as discover
    items = discover(inputs, include=values["include"], exclude=values["exclude"], skip_dir=out_dir)
    if not items:
        raise click.UsageError(
            f"no input files found in {', '.join(inputs)} (default types: {' '.join(DEFAULT_SUFFIXES)}; see --include)"
        )
    return items


def _summarize_on_ray(
    items: Any, values: dict[str, Any], options: Any, out_dir: Any, report: Callable[..., None], notify: Any
) -> bool:
    """``--executor ray``: the batch on Ray (see summarize/scale.py); True when an input failed."""
    from .render import render
    from .scale import RayOptions, run_on_ray
    from .uris import output_sink

    fmt = values["format"]
    # --out DIR or URI (s3://, gs://, file://): the local names, written by this process.
    targets, write, exists = output_sink(items, values["out"], fmt, translation_only=options.translation_only)
    outcomes: list[Any] = []

    def collect(outcome: Any) -> None:
        outcomes.append(outcome)
        report(outcome)

    ray_options = RayOptions(values["ray_address"], values["actors"], values["cpus_per_actor"], values["force"])
    tty = not values["quiet"] and sys.stderr is not None and sys.stderr.isatty()
    done = run_on_ray(
        items, options, ray_options=ray_options, targets=targets, exists=exists, write=write, on_outcome=collect,
        notify=notify, progress=tty,
    )  # fmt: skip
    results = [o.result for o in sorted(outcomes, key=lambda o: o.index) if o.result is not None]
    if out_dir is not None:
        notify(f"summarize: wrote {sum(o.output is not None for o in outcomes)} file(s) to {values['out']}")
    elif results and fmt != "jsonl":
        click.echo(render(results, fmt, translation_only=options.translation_only), nl=False)
    notify(f"summarize: {done.line()}")
    return done.failed > 0


TRANSLATE_SETTINGS = (
    "lang", "translator", "offline", "device", "threads", "backend", "compute_type", "vocab_map", "quiet"
)  # fmt: skip


@cli.command("translate")
@click.argument("inputs", nargs=-1, type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "--to",
    required=True,
    metavar="LANG",
    help="Target language: ISO 639-1 code or English name (ur, urdu, fr, ...). [env SUMMARIZE_TO]",
    envvar="SUMMARIZE_TO",
)
@settings_options("lang", "translator")
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["auto", "text", "markdown", "json"]),
    default="auto",
    show_default=True,
    help="auto: markdown for .md input (right-to-left text wrapped in <div dir=rtl>), else text.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, writable=True),
    metavar="FILE",
    help="Write the translation to FILE (atomically) instead of stdout; one input only.",
)
@settings_options("offline", "device", "threads", "backend", "compute_type", "vocab_map")
@click.option(
    "--batch-size", type=click.IntRange(1, 256), default=8, show_default=True, help="Sentences per generate() call."
)
@settings_options("quiet")
@click.option("--debug", is_flag=True, help="Show tracebacks.")
def translate_command(
    inputs: tuple[str, ...], to: str, fmt: str, output: str | None, batch_size: int, debug: bool, **opts: Any
) -> None:
    """Translate whole documents (no summarizing), keeping their Markdown structure.

    \b
    Examples:
      summarize translate --to ur article.md
      summarize translate --to urdu --translator opus-mt -o article.ur.md article.md
      cat news.txt | summarize translate --to fr --format json
    """
    given = _given(opts)
    given["to"] = to
    run_guarded(debug, lambda: _translate(inputs, given, fmt, output, batch_size))


def _translate(
    inputs: tuple[str, ...], given: dict[str, Any], fmt_opt: str, output_file: str | None, batch_size: int
) -> int:
    from .errors import InputError
    from .pipeline import Summarizer
    from .render import to_json
    from .text.inputs import Document
    from .text.sources import FetchOptions, read_source

    values = settings.resolve(given, names=("to", *TRANSLATE_SETTINGS)).values
    quiet = values["quiet"]

    def notify(message: str) -> None:
        if not quiet:
            click.echo(message, err=True)

    if not inputs:
        if sys.stdin is None or sys.stdin.isatty():
            raise click.UsageError("no input: pass a file, or pipe text into summarize translate")
        inputs = ("-",)
    if output_file and len(inputs) > 1:
        raise click.UsageError("--output takes one input; translate files one at a time")
    # Read as `summarize` reads its inputs: a file, `-`, a URL (a page, a PDF), a feed (each entry).
    docs: list[Document | InputError] = []
    fetch = FetchOptions(offline=values["offline"])
    for item in inputs:
        try:
            docs.extend(read_source(item, fetch))
        except InputError as exc:
            docs.append(exc)
    several = len(docs) > 1
    if output_file and several:
        raise click.UsageError(f"--output takes one document; {inputs[0]} holds {len(docs)} (a feed's entries)")
    options = settings.summarize_options({**values, "batch_size": batch_size})
    summarizer = Summarizer(options, notify=notify)
    payloads: list[dict[str, Any]] = []
    rendered: list[str] = []
    failed = 0
    for doc in docs:
        if isinstance(doc, InputError):
            if not several:
                raise doc
            failed += 1
            click.echo(f"summarize: error: {doc}", err=True)
            continue
        done = summarizer.translate_document(doc, fmt=fmt_opt)
        if done.skipped:
            notify(f"note: {doc.source} is {done.skipped}; not translating")
        for warning in done.warnings:
            notify(f"warning: {doc.source}: {warning}")
        payloads.append(done.to_dict())
        header = f"== {doc.source} ==\n" if several else ""
        rendered.append(header + done.text + ("" if done.text.endswith("\n") else "\n"))
    if not payloads:
        return 1
    output = to_json(payloads if several else payloads[0]) + "\n" if fmt_opt == "json" else "\n".join(rendered)
    if output_file:
        from .atomic import write_text

        write_text(output_file, output)
        notify(f"summarize: wrote {output_file}")
    else:
        click.echo(output, nl=False)
    return 1 if failed else 0


@cli.group("models")
def models_group() -> None:
    """List, download and inspect models."""


@models_group.command("list")
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def models_list(fmt: str) -> None:
    """Show the registry: alias, Hub id, size, licence, languages, published quality."""
    from . import models
    from .render import to_json

    run_guarded(
        False, lambda: click.echo(to_json(models.catalogue()) if fmt == "json" else "\n".join(models.catalogue_table()))
    )


@models_group.command("pull")
@click.argument("name")
@click.option(
    "--backend",
    type=click.Choice(["transformers", "ctranslate2"]),
    default="transformers",
    show_default=True,
    help="ctranslate2: also convert the model for the CTranslate2 backend now (for offline use).",
)
@click.option(
    "--compute-type",
    type=click.Choice(settings.COMPUTE_TYPES),
    default="auto",
    show_default=True,
    envvar="SUMMARIZE_COMPUTE_TYPE",
    help="Quantization to convert to (with --backend ctranslate2). auto: int8 on CPU, int8_float16 on CUDA.",
)
@click.option("--debug", is_flag=True, help="Show tracebacks.")
def models_pull(name: str, backend: str, compute_type: str, debug: bool) -> None:
    """Download NAME (alias, Hub id) into the Hugging Face cache, with a progress bar."""
    from . import models

    def go() -> None:
        notify = lambda message: click.echo(message, err=True)  # noqa: E731
        for line in models.pull(name, backend=backend, compute_type=compute_type, notify=notify):
            click.echo(line)

    run_guarded(debug, go)


@models_group.command("info")
@click.argument("name")
@click.option("--debug", is_flag=True, help="Show tracebacks.")
def models_info(name: str, debug: bool) -> None:
    """Show what NAME resolves to and whether it is on disk."""
    from . import models

    run_guarded(
        debug, lambda: click.echo("\n".join(f"{label + ':':<10} {value}" for label, value in models.info(name)))
    )


def main(argv: list[str] | None = None) -> None:
    """Console entry point."""
    cli.main(args=argv, prog_name="summarize")


if __name__ == "__main__":  # pragma: no cover
    main()
