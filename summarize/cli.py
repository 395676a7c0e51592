"""Command-line interface. The only module that knows click, messages and exit codes."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from typing import Any

import click

from . import __version__
from .errors import SummarizeError
from .runtime.ct2 import COMPUTE_TYPES  # no ctranslate2 import: that happens on first use

DEFAULT_COMMAND = "summarize"
EPILOG = """\b
Subcommands:
  summarize translate FILE... --to LANG   translate whole documents (no summary)
  summarize models list|pull|info   manage models in the Hugging Face cache
Run `summarize models --help` for details. Exit codes: 0 ok, 1 processing error, 2 usage error."""


# Options the summarize and translate commands share, defined once so their names, env vars and
# help never drift apart.
lang_option = click.option(
    "--lang", envvar="SUMMARIZE_LANG", metavar="CODE", help="Language of the input (ISO 639-1); skips detection."
)
offline_option = click.option(
    "--offline", is_flag=True, envvar="SUMMARIZE_OFFLINE", help="Never touch the network (also HF_HUB_OFFLINE=1)."
)
device_option = click.option(
    "--device",
    envvar="SUMMARIZE_DEVICE",
    metavar="cpu|cuda|...",
    help="Torch device. [default: cuda when present, else cpu]",
)
threads_option = click.option(
    "--threads", type=click.IntRange(1, 256), envvar="SUMMARIZE_THREADS", help="CPU threads for the model."
)
backend_option = click.option(
    "--backend",
    type=click.Choice(["auto", "transformers", "ctranslate2"]),
    default="auto",
    show_default=True,
    envvar="SUMMARIZE_BACKEND",
    help="Model runtime. auto: CTranslate2 when installed (pip install 'summarize[fast]'), else transformers.",
)
translator_option = click.option(
    "--translator",
    envvar="SUMMARIZE_TRANSLATOR",
    metavar="NAME|HUB_ID|PATH",
    help="Translation model: nllb-600m, m2m100, opus-mt, a Hub id or a local folder. "
    "[env SUMMARIZE_TRANSLATOR; default: the best one downloaded for the pair, nllb-600m first]",
)
compute_type_option = click.option(
    "--compute-type",
    type=click.Choice(COMPUTE_TYPES),
    default="auto",
    show_default=True,
    envvar="SUMMARIZE_COMPUTE_TYPE",
    help="CTranslate2 weights/arithmetic. auto: int8 on CPU, int8_float16 on CUDA.",
)


class DefaultGroup(click.Group):
    """A group whose default command runs when the first word is not a subcommand.

    ``summarize FILE`` and ``summarize models list`` both work; a file that happens to be named
    like a subcommand can be given as ``./models``.
    """

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args[:1] in (["-h"], ["--help"], ["--version"]):
            return super().parse_args(ctx, args)
        if not args or args[0] not in self.commands:
            args = [DEFAULT_COMMAND, *args]
        return super().parse_args(ctx, args)

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # `summarize --help` shows the summarizing options, which is what people look for.
        command = self.commands[DEFAULT_COMMAND]
        with click.Context(command, info_name=ctx.info_name, parent=None) as sub:
            command.format_help(sub, formatter)


def fail(error: SummarizeError, debug: bool = False) -> None:
    if debug:
        traceback.print_exc()
    click.echo(f"summarize: error: {error}", err=True)
    sys.exit(error.exit_code)


def run_guarded(debug: bool, fn: Callable[[], int | None]) -> None:
    """Run ``fn``; library errors become one line on stderr and their exit code."""
    try:
        code = fn() or 0
    except SummarizeError as exc:
        fail(exc, debug)
    except KeyboardInterrupt:
        click.echo("summarize: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        # The reader went away (`summarize --format jsonl dir/ | head -1`): stop quietly, as cat does.
        # stdout points at /dev/null from here, so the final flush at exit cannot fail again.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(141)  # 128 + SIGPIPE, what a shell reports for a command killed by it
    except click.exceptions.Exit:
        raise
    except click.ClickException:
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


def _config_default_map() -> dict[str, Any]:
    from .config import config_path, load_config
    from .errors import UsageError

    try:
        values = load_config()
        # Keys are the options' long names (format, max_new_tokens); click knows them by parameter
        # name (fmt), and would ignore any key it does not know, typos included.
        names = {
            opt.lstrip("-").replace("-", "_"): param.name
            for param in cli.commands[DEFAULT_COMMAND].params
            for opt in param.opts
            if opt.startswith("--") and param.name not in {"inputs", "debug"}
        }
        unknown = sorted(set(values) - set(names))
        if unknown:
            raise UsageError(
                f"config file {config_path()} has unknown keys {unknown}", hint=f"use: {', '.join(sorted(names))}"
            )
        return {DEFAULT_COMMAND: {names[key]: value for key, value in values.items()}}
    except SummarizeError as exc:
        click.echo(f"summarize: error: {exc}", err=True)
        sys.exit(2)


@click.group(cls=DefaultGroup, epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="summarize")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Summarize articles, list their key points and translate them, with local models."""
    if ctx.default_map is None:
        ctx.default_map = _config_default_map()


@cli.command(DEFAULT_COMMAND, epilog=EPILOG, hidden=True)
@click.argument("inputs", nargs=-1, type=click.Path(dir_okay=True, allow_dash=True))
@click.option(
    "--model",
    "-m",
    envvar="SUMMARIZE_MODEL",
    metavar="NAME|HUB_ID|PATH",
    help="Summarization model: alias, Hub id or local folder. [env SUMMARIZE_MODEL; "
    "default: distilbart-cnn for English, mt5-xlsum otherwise]",
)
@lang_option
@click.option(
    "--points",
    "-p",
    type=click.IntRange(0, 50),
    default=5,
    show_default=True,
    envvar="SUMMARIZE_POINTS",
    help="Number of key points.",
)
@click.option(
    "--length",
    type=click.Choice(["short", "medium", "long"]),
    default="medium",
    show_default=True,
    envvar="SUMMARIZE_LENGTH",
    help="Summary length.",
)
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["text", "markdown", "json", "jsonl"]),
    default="text",
    show_default=True,
    envvar="SUMMARIZE_FORMAT",
    help="Output format.",
)
@click.option(
    "--engine",
    type=click.Choice(["auto", "abstractive", "extractive"]),
    default="auto",
    show_default=True,
    envvar="SUMMARIZE_ENGINE",
    help="auto: the model when available, else the offline extractive engine.",
)
@offline_option
@device_option
@threads_option
@backend_option
@compute_type_option
@click.option(
    "--beams",
    type=click.IntRange(1, 16),
    envvar="SUMMARIZE_BEAMS",
    help="Beam search width (overrides the model's own setting).",
)
@click.option(
    "--max-new-tokens",
    type=click.IntRange(8, 2048),
    envvar="SUMMARIZE_MAX_NEW_TOKENS",
    help="Summary length cap in tokens (overrides --length).",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, writable=True),
    metavar="DIR",
    help="Write one NAME.summary.md (.json with --format json/jsonl) per input into DIR, mirroring the input tree.",
)
@click.option(
    "--include",
    multiple=True,
    metavar="GLOB",
    help="Only files matching GLOB in folders (repeatable). [default: *.txt *.md *.markdown *.html *.htm]",
)
@click.option("--exclude", multiple=True, metavar="GLOB", help="Skip files matching GLOB in folders (repeatable).")
@click.option("--no-cache", is_flag=True, envvar="SUMMARIZE_NO_CACHE", help="Neither read nor write the result cache.")
@click.option(
    "--batch-size",
    type=click.IntRange(1, 256),
    default=8,
    show_default=True,
    envvar="SUMMARIZE_BATCH_SIZE",
    help="Model inputs per generate() call, across documents.",
)
@click.option(
    "--to",
    envvar="SUMMARIZE_TO",
    metavar="LANG",
    help="Also translate the summary and key points into LANG (ISO 639-1 code or English name, e.g. ur, urdu).",
)
@translator_option
@click.option("--translation-only", is_flag=True, help="Show the translation instead of the original (with --to).")
@click.option("--strict-lang", is_flag=True, help="Fail when the language cannot be told.")
@click.option("--quiet", "-q", is_flag=True, help="No notices or progress on stderr.")
@click.option("--debug", is_flag=True, help="Show tracebacks.")
def summarize_command(inputs: tuple[str, ...], **opts: Any) -> None:
    """Summarize INPUTS (files, folders, globs; `-` or none reads stdin) and list their key points.

    \b
    Examples:
      cat article.txt | summarize
      summarize --format json article.md
      summarize --engine extractive --points 3 news.txt
      summarize --format jsonl --out summaries/ articles/
    """
    debug = bool(opts.pop("debug"))
    run_guarded(debug, lambda: _summarize(inputs, opts))


def _summarize(inputs: tuple[str, ...], opts: dict[str, Any]) -> int:
    from pathlib import Path

    from .batch import BatchRunner, Outcome, Progress, discover
    from .cache import ResultCache
    from .pipeline import SummarizeOptions, Summarizer
    from .render import render

    quiet = bool(opts.pop("quiet"))
    fmt = opts.pop("fmt")
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

    options = SummarizeOptions(
        model=opts["model"],
        lang=opts["lang"],
        points=opts["points"],
        length=opts["length"],
        engine=opts["engine"],
        offline=bool(opts["offline"]),
        device=opts["device"],
        threads=opts["threads"],
        backend=opts["backend"],
        compute_type=opts["compute_type"],
        strict_language=bool(opts["strict_lang"]),
        beams=opts["beams"],
        max_new_tokens=opts["max_new_tokens"],
        batch_size=opts["batch_size"],
        to=opts["to"],
        translator=opts["translator"],
        translation_only=bool(opts["translation_only"]),
    )
    if not inputs:
        if sys.stdin is None or sys.stdin.isatty():
            raise click.UsageError("no input: pass a file, or pipe text into summarize")
        inputs = ("-",)
    out_dir = Path(opts["out_dir"]) if opts["out_dir"] else None
    items = discover(inputs, include=opts["include"], exclude=opts["exclude"], skip_dir=out_dir)
    if not items:
        raise click.UsageError(
            f"no input files found in {', '.join(inputs)} (default types: .txt .md .markdown .html .htm; see --include)"
        )
    failed = 0

    def report(outcome: Outcome) -> None:
        nonlocal failed
        if progress:
            progress.update()
        if outcome.error is not None:
            failed += 1
            to_stderr(f"summarize: error: {outcome.error}")
        elif outcome.result is not None:
            for warning in outcome.result.warnings:
                notify(f"warning: {outcome.result.source}: {warning}")
        if fmt == "jsonl":
            # One complete line per input as it finishes; failures carry an "error" field.
            from .render import to_json

            click.echo(to_json(outcome.to_dict(), indent=None))

    summarizer = Summarizer(options, notify=notify)
    cache = ResultCache(enabled=not opts["no_cache"])
    runner = BatchRunner(summarizer, cache, out_dir=out_dir, fmt=fmt, on_outcome=report)
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
    return 1 if failed else 0


@cli.command("translate")
@click.argument("inputs", nargs=-1, type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "--to",
    required=True,
    envvar="SUMMARIZE_TO",
    metavar="LANG",
    help="Target language: ISO 639-1 code or English name (ur, urdu, fr, ...).",
)
@lang_option
@translator_option
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
@offline_option
@device_option
@threads_option
@backend_option
@compute_type_option
@click.option(
    "--batch-size", type=click.IntRange(1, 256), default=8, show_default=True, help="Sentences per generate() call."
)
@click.option("--quiet", "-q", is_flag=True, help="No notices on stderr.")
@click.option("--debug", is_flag=True, help="Show tracebacks.")
def translate_command(inputs: tuple[str, ...], **opts: Any) -> None:
    """Translate whole documents (no summarizing), keeping their Markdown structure.

    \b
    Examples:
      summarize translate --to ur article.md
      summarize translate --to urdu --translator opus-mt -o article.ur.md article.md
      cat news.txt | summarize translate --to fr --format json
    """
    debug = bool(opts.pop("debug"))
    run_guarded(debug, lambda: _translate(inputs, opts))


def _translate(inputs: tuple[str, ...], opts: dict[str, Any]) -> int:
    from .errors import InputError
    from .render import to_json
    from .results import LanguageResult
    from .text.detect import detect_language
    from .text.inputs import read_path
    from .text.languages import normalise
    from .translation.document import translate_document
    from .translation.translator import Translator

    quiet = bool(opts["quiet"])

    def notify(message: str) -> None:
        if not quiet:
            click.echo(message, err=True)

    target = normalise(opts["to"])
    source_lang = normalise(opts["lang"]) if opts["lang"] else None
    if not inputs:
        if sys.stdin is None or sys.stdin.isatty():
            raise click.UsageError("no input: pass a file, or pipe text into summarize translate")
        inputs = ("-",)
    if opts["output"] and len(inputs) > 1:
        raise click.UsageError("--output takes one input; translate files one at a time")
    translator = Translator(
        opts["translator"],
        offline=bool(opts["offline"]),
        device=opts["device"],
        threads=opts["threads"],
        backend=opts["backend"],
        compute_type=opts["compute_type"],
        batch_size=opts["batch_size"],
        notify=notify,
    )
    payloads: list[dict[str, Any]] = []
    rendered: list[str] = []
    failed = 0
    for item in inputs:
        try:
            doc = read_path(item)
        except InputError as exc:
            if len(inputs) == 1:
                raise
            failed += 1
            click.echo(f"summarize: error: {exc}", err=True)
            continue
        language = LanguageResult(source_lang, 1.0, True, method="--lang") if source_lang else detect_language(doc.text)
        done = translate_document(doc, target, translator, language=language, fmt=opts["fmt"])
        if done.skipped:
            notify(f"note: {doc.source} is {done.skipped}; not translating")
        for warning in done.warnings:
            notify(f"warning: {doc.source}: {warning}")
        payloads.append(done.to_dict())
        header = f"== {doc.source} ==\n" if len(inputs) > 1 else ""
        rendered.append(header + done.text + ("" if done.text.endswith("\n") else "\n"))
    if not payloads:
        return 1
    if opts["fmt"] == "json":
        output = to_json(payloads if len(inputs) > 1 else payloads[0]) + "\n"
    else:
        output = "\n".join(rendered)
    if opts["output"]:
        from .atomic import write_text

        write_text(opts["output"], output)
        notify(f"summarize: wrote {opts['output']}")
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
    from .render import to_json
    from .runtime.registry import registry

    specs = registry()
    if fmt == "json":
        click.echo(
            to_json(
                [
                    {
                        "alias": s.alias,
                        "hub_id": s.hub_id,
                        "task": s.task,
                        "family": s.family,
                        "languages": list(s.languages),
                        "size": s.size,
                        "params": s.params,
                        "licence": s.licence,
                        "quality": s.quality,
                    }
                    for s in specs
                ]
            )
        )
        return
    rows = [("ALIAS", "TASK", "HUB ID", "SIZE", "LICENCE", "LANGUAGES", "PUBLISHED QUALITY")]
    rows += [(s.alias, s.task, s.hub_id, s.size, s.licence, s.language_label, s.quality) for s in specs]
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        click.echo("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=False)) + "  " + row[-1])


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
    type=click.Choice(COMPUTE_TYPES),
    default="auto",
    show_default=True,
    envvar="SUMMARIZE_COMPUTE_TYPE",
    help="Quantization to convert to (with --backend ctranslate2). auto: int8 on CPU, int8_float16 on CUDA.",
)
@click.option("--debug", is_flag=True, help="Show tracebacks.")
def models_pull(name: str, backend: str, compute_type: str, debug: bool) -> None:
    """Download NAME (alias, Hub id) into the Hugging Face cache, with a progress bar."""

    def go() -> int:
        from .runtime.registry import is_offline, parse_name, resolve

        if backend == "ctranslate2":
            from .runtime import ct2

            ct2.require()
        model_id, _, local = parse_name(name)
        if backend == "ctranslate2" and (local is not None or is_offline()):
            # Nothing to download (a local folder, or offline with the model cached): convert only.
            resolved = resolve(name, allow_download=False)
            _convert_for_ct2(resolved, compute_type)
            return 0
        if local is not None:
            click.echo(f"{name} is a local folder: nothing to download")
            return 0
        if is_offline():
            from .errors import ModelNotAvailableError

            raise ModelNotAvailableError(
                f"cannot download {model_id}: offline mode is on (HF_HUB_OFFLINE/SUMMARIZE_OFFLINE)",
                model=model_id,
                hint="unset it on a machine with network",
            )
        resolved = resolve(name, progress=True)
        click.echo(f"{resolved.model_id}: {resolved.source} -> {resolved.path}")
        if backend == "ctranslate2":
            _convert_for_ct2(resolved, compute_type)
        return 0

    run_guarded(debug, go)


def _convert_for_ct2(resolved: Any, compute_type: str) -> None:
    """Convert a resolved model into the CTranslate2 cache (``models pull --backend ctranslate2``)."""
    from .errors import UsageError
    from .runtime import ct2

    if not ct2.supports(resolved):
        raise UsageError(
            f"the ctranslate2 backend cannot run {resolved.model_id} "
            f"(architecture {ct2.model_type(resolved.path) or 'unknown'})"
        )
    device, _ = ct2.parse_device(None)
    quantization = ct2.check_compute_type(compute_type, device)
    path = ct2.convert(resolved, quantization, notify=lambda message: click.echo(message, err=True))
    click.echo(f"{resolved.model_id}: CTranslate2 {quantization} -> {path}")


@models_group.command("info")
@click.argument("name")
@click.option("--debug", is_flag=True, help="Show tracebacks.")
def models_info(name: str, debug: bool) -> None:
    """Show what NAME resolves to and whether it is on disk."""

    def go() -> int:
        from .errors import ModelNotAvailableError
        from .runtime.registry import parse_name, resolve

        model_id, spec, _ = parse_name(name)
        click.echo(f"name:      {name}")
        click.echo(f"model id:  {model_id}")
        if spec:
            click.echo(f"alias:     {spec.alias}")
            click.echo(f"task:      {spec.task} ({spec.family})")
            click.echo(f"languages: {spec.language_label}")
            click.echo(f"size:      {spec.size} ({spec.params} parameters)")
            click.echo(f"licence:   {spec.licence}")
            if spec.quality:
                click.echo(f"quality:   {spec.quality}")
            if spec.description:
                click.echo(f"about:     {spec.description}")
        try:
            resolved = resolve(name, allow_download=False)
            click.echo(f"on disk:   yes ({resolved.source}: {resolved.path})")
        except ModelNotAvailableError:
            click.echo(f"on disk:   no (run `summarize models pull {name}`)")
        return 0

    run_guarded(debug, go)


def main(argv: list[str] | None = None) -> None:
    """Console entry point."""
    cli.main(args=argv, prog_name="summarize")


if __name__ == "__main__":  # pragma: no cover
    main()
