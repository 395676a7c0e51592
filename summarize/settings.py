"""The one settings layer: every option's name, type, range, environment variable and default.

The command line, the pre-commit hook and the Python API all resolve their options here, with one
precedence: flag (or keyword argument) > ``SUMMARIZE_*`` environment variable > config file
(``$SUMMARIZE_CONFIG``, else ``config.toml`` in the user config folder) > ``[tool.summarize]`` in
``pyproject.toml`` (the hook only) > default. Each value is parsed and checked once, and an invalid
one is reported with where it came from: ``SUMMARIZE_POINTS=abc: not a whole number``,
``~/.config/summarize/config.toml: points = 100 is outside 0–50``. The files themselves are read
by ``config_files``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from .config_files import load_config, load_pyproject
from .env import parse_flag
from .errors import UnknownLanguageError, UsageError
from .runtime.choices import BACKENDS, COMPUTE_TYPES
from .text.languages import normalise as normalise_language
from .text.suffixes import DEFAULT_SUFFIXES

ENGINES = ("auto", "abstractive", "extractive")
LENGTHS = ("short", "medium", "long")
FORMATS = ("text", "markdown", "json", "jsonl")
PLACEMENTS = ("after-title", "after-front-matter", "end")
EXECUTORS = ("local", "ray")
# engines/faithful.py's MODES and DEFAULT_MODE, written out: importing it loads text/facts.py (slow for --help).
FAITHFULNESS_MODES = ("off", "warn", "repair")
DEFAULT_FAITHFULNESS = "repair"
KINDS = ("auto", "newsletter", "article")  # engines/newsletter.py's KINDS


@dataclass(frozen=True)
class Option:
    """One option: its type and allowed values, its flag, environment variable and default."""

    name: str  # the key in config files and the keyword in the Python API
    kind: str  # str, int, float, bool, choice, lang, list, range (MIN[,MAX] whole numbers)
    default: Any = None
    help: str = ""
    choices: tuple[str, ...] = ()
    low: float | None = None
    high: float | None = None
    short: str | None = None  # -p
    env: bool = True  # read SUMMARIZE_<NAME>
    metavar: str | None = None

    @property
    def flag(self) -> str:
        return "--" + self.name.replace("_", "-")

    @property
    def env_var(self) -> str | None:
        return f"SUMMARIZE_{self.name.upper()}" if self.env else None


def _options(*items: Option) -> dict[str, Option]:
    return {o.name: o for o in items}


OPTIONS: dict[str, Option] = _options(
    Option("model", "str", None, "Summarization model: alias, Hub id or local folder "
           "[default: distilbart-cnn for English, mt5-xlsum otherwise]", short="-m", metavar="NAME|HUB_ID|PATH"),
    Option("lang", "lang", None, "Language of the input (ISO 639-1); skips detection.", metavar="CODE"),
    Option("points", "int", 5, "Number of key points.", low=0, high=50, short="-p"),
    Option("length", "choice", "medium", "Summary length.", choices=LENGTHS),
    Option("format", "choice", "text", "Output format.", choices=FORMATS, short="-f"),
    Option("engine", "choice", "auto", "auto: the model when available, else the offline extractive engine.",
           choices=ENGINES),
    Option("faithfulness", "choice", DEFAULT_FAITHFULNESS, "What happens to a summary sentence stating a number, "
           "date, name or quote the article lacks: repair it, warn only, or no check.", choices=FAITHFULNESS_MODES),
    Option("keep_boilerplate", "bool", False, "Summarize recurring newsletter text and calls to action too "
           "(they are left out by default)."),
    Option("kind", "choice", "auto", "newsletter: key points are the lead items of the sections; article: never; "
           "auto: Markdown shaped like a newsletter.", choices=KINDS),
    Option("offline", "bool", False, "Never touch the network (also HF_HUB_OFFLINE=1)."),
    Option("device", "str", None, "Torch device [default: cuda when present, else cpu].", metavar="cpu|cuda|..."),
    Option("threads", "int", None, "CPU threads for the model.", low=1, high=256),
    Option("backend", "choice", "auto", "Model runtime. auto: CTranslate2 when installed "
           "(pip install 'summarize[fast]'), else transformers.", choices=BACKENDS),
    Option("compute_type", "choice", "auto", "CTranslate2 weights/arithmetic. auto: int8 on CPU, "
           "int8_float16 on CUDA.", choices=COMPUTE_TYPES),
    Option("vocab_map", "bool", True, "NLLB and M2M100 on CTranslate2 score only the target script's tokens "
           "(about 2x faster steps); --no-vocab-map scores all."),
    Option("beams", "int", None, "Beam search width (overrides the model's own setting).", low=1, high=16),
    Option("max_new_tokens", "int", None, "Summary length cap in tokens (overrides --length).", low=8, high=2048),
    Option("out", "str", None, "Write one NAME.summary.md (.json with --format json/jsonl) per input into DIR, "
           "mirroring the input tree.", env=False, metavar="DIR"),
    Option("include", "list", (), "Only files matching GLOB in folders (repeatable) "
           f"[default: {' '.join('*' + s for s in DEFAULT_SUFFIXES)}].", env=False, metavar="GLOB"),
    Option("exclude", "list", (), "Skip files matching GLOB in folders (repeatable).", env=False, metavar="GLOB"),
    Option("urls", "str", None, "Also summarize the URLs in FILE, one per line (- reads stdin).", env=False,
           metavar="FILE"),
    Option("timeout", "int", 20, "Seconds to fetch a URL in all, redirects included.", low=1, high=3600),
    Option("max_bytes", "int", 20_000_000, "Largest web page, PDF or feed fetched, in bytes.", low=1,
           high=2_000_000_000),
    Option("follow_links", "bool", False, "Feed entries without text: fetch the page they link to."),
    Option("no_cache", "bool", False, "Neither read nor write the result cache."),
    Option("batch_size", "int", 8, "Model inputs per generate() call, across documents.", low=1, high=256),
    Option("to", "lang", None, "Also translate the summary and key points into LANG (ISO 639-1 code or "
           "English name, e.g. ur, urdu).", metavar="LANG"),
    Option("translator", "str", None, "Translation model: nllb-600m, m2m100, opus-mt, a Hub id or a local folder "
           "[default: the best one downloaded for the pair, nllb-600m first].", metavar="NAME|HUB_ID|PATH"),
    Option("translation_only", "bool", False, "Show the translation instead of the original (with --to).",
           env=False),
    Option("strict_lang", "bool", False, "Fail when the language cannot be told.", env=False),
    Option("quiet", "bool", False, "No notices or progress on stderr.", short="-q", env=False),
    Option("executor", "choice", "local", "Where a batch runs: here, or on Ray (a local Ray, or the cluster at "
           "--ray-address; pip install 'summarize[ray]').", choices=EXECUTORS),
    Option("ray_address", "str", None, "Ray cluster to run on (with --executor ray) [default: $RAY_ADDRESS when set, "
           "else a local Ray started for the run].", metavar="ADDRESS"),
    Option("actors", "range", None, "Ray actors, each with one model: a fixed number or MIN,MAX to autoscale "
           "[default: 1 to as many as the cluster's CPUs allow].", low=1, high=100000, metavar="MIN[,MAX]"),
    Option("cpus_per_actor", "float", 1.0, "CPUs Ray reserves for each actor (fractions allowed, e.g. 0.5).",
           low=0.01, high=1024, metavar="N"),
    Option("force", "bool", False, "With --executor ray and --out: redo documents whose output already exists.",
           env=False),
    Option("placement", "choice", "after-title", "Where the hook puts a new block.", choices=PLACEMENTS, env=False),
)  # fmt: skip

# What the pre-commit hook reads from [tool.summarize] and its own arguments.
HOOK_KEYS = ("model", "to", "translator", "lang", "points", "length", "engine", "faithfulness", "keep_boilerplate",
             "kind", "placement", "offline", "batch_size", "backend", "compute_type", "vocab_map", "no_cache",
             "quiet")  # fmt: skip
HOOK_DEFAULTS = {"engine": "abstractive"}  # a missing model fails loudly instead of writing another engine's block


# --- parsing and checking one value -------------------------------------------------------------
def _shown(value: Any) -> str:
    """A value as written in TOML (strings quoted, true/false), for messages."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    return repr(value)


def check_value(option: Option, value: Any) -> Any:
    """``value`` (a string from a flag or the environment, or a TOML/Python value) as the option's type.

    Raises ``ValueError`` with what is wrong, without the source: the caller names it.
    """
    kind = option.kind
    if kind == "bool":
        if isinstance(value, bool):
            return value
        flag = parse_flag(value) if isinstance(value, str) else None
        if flag is not None:
            return flag
        raise ValueError("not true or false")
    if kind == "int":
        if isinstance(value, str):
            try:
                value = int(value.strip())
            except ValueError:
                raise ValueError("not a whole number") from None
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError("not a whole number")
        low = option.low if option.low is not None else value
        high = option.high if option.high is not None else value
        if not low <= value <= high:
            raise ValueError(f"outside {option.low}–{option.high}")
        return value
    if kind in ("float", "range"):
        return _check_number(option, value)
    if kind == "list":
        if isinstance(value, str):
            return (value,)
        if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
            return tuple(value)
        raise ValueError("not a list of strings")
    if not isinstance(value, str):
        raise ValueError("not a string")
    if kind == "choice":
        if value not in option.choices:
            raise ValueError(f"not one of {', '.join(option.choices)}")
        return value
    if kind == "lang":
        try:
            return normalise_language(value)
        except UnknownLanguageError:
            raise ValueError(f"unknown language {value!r}") from None
    return value


def _check_number(option: Option, value: Any) -> Any:
    """A ``float`` option's number, or a ``range`` option's ``(MIN, MAX)`` (``"2"`` is ``(2, 2)``)."""
    if option.kind == "float":
        if isinstance(value, str):
            try:
                value = float(value.strip())
            except ValueError:
                raise ValueError("not a number") from None
        if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
            raise ValueError("not a number")
        numbers: tuple[float, ...] = (float(value),)
    else:
        parts = [value] if isinstance(value, int) else (value.split(",") if isinstance(value, str) else value)
        if not isinstance(parts, list | tuple) or not 1 <= len(parts) <= 2:
            raise ValueError("not MIN or MIN,MAX")
        try:
            numbers = tuple(p if isinstance(p, int) and not isinstance(p, bool) else int(str(p).strip()) for p in parts)
        except ValueError:
            raise ValueError("not MIN or MIN,MAX (whole numbers)") from None
        if numbers[0] > numbers[-1]:
            raise ValueError("MIN is above MAX")
    low = option.low if option.low is not None else min(numbers)
    high = option.high if option.high is not None else max(numbers)
    if not all(low <= n <= high for n in numbers):
        raise ValueError(f"outside {option.low:g}–{option.high:g}")
    return numbers[0] if option.kind == "float" else (int(numbers[0]), int(numbers[-1]))


# --- resolving ---------------------------------------------------------------------------------
@dataclass
class Resolved:
    """Every option's value and where it came from (``flag``, ``env``, ``config``, ``pyproject``, ``default``)."""

    values: dict[str, Any]
    origins: dict[str, str] = field(default_factory=dict)

    def __getitem__(self, name: str) -> Any:
        return self.values[name]


def resolve(
    given: Mapping[str, Any] | None = None,
    *,
    names: Any = None,
    flag_label: Callable[[Option, Any], str] | None = None,
    pyproject: Path | None = None,
    use_pyproject: bool = False,
    defaults: Mapping[str, Any] | None = None,
    environ: Mapping[str, str] | None = None,
) -> Resolved:
    """Resolve ``names`` (default: every option) from flags/keywords ``given`` (None = not given),
    the environment, the config file, ``[tool.summarize]`` (when ``use_pyproject``) and defaults.

    Raises :class:`UsageError` naming the source of the first invalid value.
    """
    given = {k: v for k, v in (given or {}).items() if v is not None}
    environ = os.environ if environ is None else environ
    wanted = [OPTIONS[n] for n in (names or OPTIONS)]
    config, config_label = load_config(OPTIONS.keys())
    project, project_label = load_pyproject(pyproject, HOOK_KEYS) if use_pyproject else ({}, "")
    label = flag_label or (lambda o, v: f"{o.flag} {v}")
    out = Resolved({})
    for option in wanted:
        # (origin, raw value, source for messages, how the message names the value)
        candidates: list[tuple[str, Any, str, str]] = []
        if option.name in given:
            candidates.append(("flag", given[option.name], label(option, given[option.name]), ""))
        if option.env_var and environ.get(option.env_var, "") != "":
            raw = environ[option.env_var]
            candidates.append(("env", raw, f"{option.env_var}={raw}", ""))
        for origin, section, where in (("config", config, config_label), ("pyproject", project, project_label)):
            if option.name in section:
                value = section[option.name]
                candidates.append((origin, value, where, f"{option.name} = {_shown(value)} is "))
        if not candidates:
            out.values[option.name] = (defaults or {}).get(option.name, option.default)
            out.origins[option.name] = "default"
            continue
        origin, raw, where, named = candidates[0]
        try:
            out.values[option.name] = check_value(option, raw)
        except ValueError as exc:
            raise UsageError(f"{named}{exc}", source=where, hint=_fix(option)) from None
        out.origins[option.name] = origin
    return out


def _fix(option: Option) -> str:
    if option.kind == "choice":
        return f"use one of: {', '.join(option.choices)}"
    if option.kind == "int":
        return f"use a whole number from {option.low} to {option.high}" if option.low is not None else "use a number"
    if option.kind == "float":
        return f"use a number from {option.low:g} to {option.high:g}"
    if option.kind == "range":
        return f"use N or MIN,MAX, whole numbers from {option.low:g}"
    if option.kind == "lang":
        return "use an ISO 639-1 code or English name, e.g. ur, en, fr, urdu"
    if option.kind == "bool":
        return "use true or false"
    return f"see {option.flag} in summarize --help"


# --- the options of a summary --------------------------------------------------------------------
@dataclass
class SummarizeOptions:
    """Everything that changes a summary or picks a model; defaults match the command line's.

    Values are checked with the same rules as flags, environment and config file; build one with
    :func:`summarize_options` to have the environment and config file apply as well.
    """

    model: str | None = None
    lang: str | None = None
    points: int = 5
    length: str = "medium"
    engine: str = "auto"
    offline: bool = False
    device: str | None = None
    threads: int | None = None
    strict_lang: bool = False
    beams: int | None = None
    max_new_tokens: int | None = None
    batch_size: int = 8
    backend: str = "auto"
    compute_type: str | None = None  # CTranslate2 only; None/auto: int8 on CPU, int8_float16 on CUDA
    to: str | None = None  # translate the summary and key points into this language (ISO 639-1)
    translator: str | None = None  # alias, Hub id or folder; None picks the best one per pair
    translation_only: bool = False  # text/Markdown output shows the translation instead of the original
    faithfulness: str = DEFAULT_FAITHFULNESS  # off, warn, repair: unsupported numbers, names, quotes
    keep_boilerplate: bool = False  # summarize recurring newsletter text and calls to action too
    kind: str = "auto"  # newsletter, article, or auto: Markdown shaped like a newsletter
    vocab_map: bool = True  # CTranslate2 vocabulary maps for NLLB and M2M100 translations

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if value is not None and f.name in OPTIONS:
                try:
                    setattr(self, f.name, check_value(OPTIONS[f.name], value))
                except ValueError as exc:
                    raise UsageError(f"{exc}", source=f"{f.name}={value!r}", hint=_fix(OPTIONS[f.name])) from None
        if self.compute_type == "auto":
            self.compute_type = None
        if self.translation_only and not self.to:
            raise UsageError("--translation-only needs --to LANG")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SummarizeOptions:
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise UsageError(f"unknown options {unknown}", hint=f"use: {', '.join(sorted(known))}")
        return cls(**dict(data))


SUMMARY_OPTION_NAMES = tuple(f.name for f in fields(SummarizeOptions))


def summarize_options(resolved: Resolved | Mapping[str, Any]) -> SummarizeOptions:
    """The :class:`SummarizeOptions` part of resolved settings."""
    values = resolved.values if isinstance(resolved, Resolved) else resolved
    return SummarizeOptions(**{k: values[k] for k in SUMMARY_OPTION_NAMES if k in values})


def from_keywords(api: str, **kwargs: Any) -> SummarizeOptions:
    """Options for the Python API: keyword arguments > environment > config file > default."""
    unknown = sorted(set(kwargs) - set(SUMMARY_OPTION_NAMES))
    if unknown:
        raise UsageError(f"{api}() got unknown options {unknown}", hint=f"use: {', '.join(SUMMARY_OPTION_NAMES)}")
    resolved = resolve(kwargs, names=SUMMARY_OPTION_NAMES, flag_label=lambda o, v: f"{api}({o.name}={v!r})")
    return summarize_options(resolved)
