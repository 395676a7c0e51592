"""The command line's option machinery: click options made from the settings table, and the
default command that lets ``summarize FILE`` and ``summarize models list`` live side by side."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import click

from . import settings

DEFAULT_COMMAND = "summarize"
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
