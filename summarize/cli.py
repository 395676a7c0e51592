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
from .errors import SummarizeError

DEFAULT_COMMAND = "summarize"
EPILOG = """\b
Subcommands:
  summarize translate FILE... --to LANG   translate whole documents (no summary)
  summarize models list|pull|info   manage models in the Hugging Face cache
Run `summarize models --help` for details. Exit codes: 0 ok, 1 processing error, 2 usage error."""
# Options that may come before a subcommand (`summarize --offline models pull NAME`).
GLOBAL_FLAGS = {"--offline": "offline", "-q": "quiet", "--quiet": "quiet", "--debug": "debug"}


def setting(name: str, help: str | None = None) -> Callable[[Any], Any]:
    """The click option for the setting ``name``: no default and no envvar of click's own."""
    o = settings.OPTIONS[name]
    decls = [o.flag, *([o.short] if o.short else []), name]
    text = help or o.help
    extras = []
    if o.default not in (None, (), False):
        extras.append(f"default: {o.default}")
    if o.env_var:
        extras.append(f"env {o.env_var}")
    if extras:
        text += f" [{'; '.join(extras)}]"
    if o.kind == "bool" and o.default is True:  # on unless turned off: --no-NAME
        return click.option(f"{o.flag}/--no-{o.flag[2:]}", *decls[1:], default=None, help=text)
    if o.kind == "bool":
        return click.option(*decls, is_flag=True, default=None, help=text)
    if o.kind == "list":
        return click.option(*decls, multiple=True, default=None, metavar=o.metavar or "VALUE", help=text)
    if o.kind == "choice":
        metavar = "[" + "|".join(o.choices) + "]"
    elif o.kind == "int":
        metavar = "N" if o.low is None else f"{o.low}-{o.high}"
    else:
        metavar = o.metavar or "TEXT"
    return click.option(*decls, default=None, metavar=metavar, help=text)


def settings_options(*names: str) -> Callable[[Any], Any]:
    def decorate(fn: Any) -> Any:
        for name in reversed(names):
            fn = setting(name)(fn)
        return fn

    return decorate


class DefaultContext(click.Context):
    """The default command's context: its usage line reads ``summarize [OPTIONS]``, not ``summarize summarize``."""

    @property
    def command_path(self) -> str:  # type: ignore[override]
        return self.parent.command_path if self.parent is not None else super().command_path


class DefaultCommand(click.Command):
    context_class = DefaultContext


class DefaultGroup(click.Group):
    """A group whose default command runs when the first word is not a subcommand.

    ``summarize FILE`` and ``summarize models list`` both work; a file that happens to be named
    like a subcommand can be given as ``./models``. ``--offline``, ``-q`` and ``--debug`` may come
    before a subcommand; any other option there is a usage error that shows the right order.
    """

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args[:1] in (["-h"], ["--help"], ["--version"]):
            return super().parse_args(ctx, args)
        at = _first_word(args)
        if at is not None and at > 0 and args[at] in self.commands:
            args = _move_global_flags(ctx, args, at)
        if not args or args[0] not in self.commands:
            args = [DEFAULT_COMMAND, *args]
        return super().parse_args(ctx, args)

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # `summarize --help` shows the summarizing options, which is what people look for.
        command = self.commands[DEFAULT_COMMAND]
        with DefaultContext(command, info_name=ctx.info_name, parent=None) as sub:
            command.format_help(sub, formatter)


def _first_word(args: list[str]) -> int | None:
    """The index of the first argument that is not an option or an option's value."""
    takes_value = {o.flag for o in settings.OPTIONS.values() if o.kind != "bool"}
    takes_value |= {o.short for o in settings.OPTIONS.values() if o.short and o.kind != "bool"}
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--" or not arg.startswith("-") or arg == "-":
            return i + 1 if arg == "--" and i + 1 < len(args) else (None if arg == "--" else i)
        i += 2 if arg in takes_value else 1
    return None


def _move_global_flags(ctx: click.Context, args: list[str], at: int) -> list[str]:
    """Apply ``--offline``/``-q``/``--debug`` given before a subcommand; refuse other options there."""
    before = args[:at]
    wrong = [a for a in before if a not in GLOBAL_FLAGS]
    if wrong:
        raise click.UsageError(
            f"{' '.join(wrong)} must come after the subcommand: summarize {args[at]} ... {' '.join(wrong)}", ctx=ctx
        )
    ctx.ensure_object(dict)
    for flag in before:
        ctx.obj[GLOBAL_FLAGS[flag]] = True
        if flag == "--offline":
            os.environ["SUMMARIZE_OFFLINE"] = "1"  # models pull/info and translate all read it
    return args[at:]


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
    from .discover import discover, output_paths
    from .pipeline import Summarizer
    from .render import OutputFiles, render, to_json

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

    if not inputs:
        if sys.stdin is None or sys.stdin.isatty():
            raise click.UsageError("no input: pass a file, or pipe text into summarize")
        inputs = ("-",)
    out_dir = Path(values["out"]) if values["out"] else None
    items = discover(inputs, include=values["include"], exclude=values["exclude"], skip_dir=out_dir)
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
            click.echo(to_json(outcome.to_dict(), indent=None))

    summarizer = Summarizer(options, notify=notify, cache=ResultCache(enabled=not values["no_cache"]))
    write = None
    if out_dir is not None:
        write = OutputFiles(output_paths(items, out_dir, fmt), fmt, translation_only=options.translation_only)
    runner = BatchRunner(summarizer, write=write, on_outcome=report)
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
    from .text.inputs import read_path

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
    options = settings.summarize_options({**values, "batch_size": batch_size})
    summarizer = Summarizer(options, notify=notify)
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
        done = summarizer.translate_document(doc, fmt=fmt_opt)
        if done.skipped:
            notify(f"note: {doc.source} is {done.skipped}; not translating")
        for warning in done.warnings:
            notify(f"warning: {doc.source}: {warning}")
        payloads.append(done.to_dict())
        header = f"== {doc.source} ==\n" if len(inputs) > 1 else ""
        rendered.append(header + done.text + ("" if done.text.endswith("\n") else "\n"))
    if not payloads:
        return 1
    output = to_json(payloads if len(inputs) > 1 else payloads[0]) + "\n" if fmt_opt == "json" else "\n".join(rendered)
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
    run_guarded(False, lambda: _models_list(fmt))


def _models_list(fmt: str) -> None:
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
    type=click.Choice(settings.COMPUTE_TYPES),
    default="auto",
    show_default=True,
    envvar="SUMMARIZE_COMPUTE_TYPE",
    help="Quantization to convert to (with --backend ctranslate2). auto: int8 on CPU, int8_float16 on CUDA.",
)
@click.option("--debug", is_flag=True, help="Show tracebacks.")
def models_pull(name: str, backend: str, compute_type: str, debug: bool) -> None:
    """Download NAME (alias, Hub id) into the Hugging Face cache, with a progress bar."""

    def go() -> int:
        from .runtime.hub import is_offline, resolve
        from .runtime.registry import parse_name

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
            f"the ctranslate2 backend cannot run {resolved.model_id} (architecture {resolved.model_type or 'unknown'})"
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
        from .runtime.hub import resolve
        from .runtime.registry import parse_name

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
