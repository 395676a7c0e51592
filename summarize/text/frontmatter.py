"""What a Markdown file's header says of it: its title, date and author.

Static-site generators keep them at the top of each post: Jekyll's and Hugo's YAML front matter
between ``---`` lines, Hugo's and Zola's TOML between ``+++`` lines, Pelican's ``Key: value`` lines.
YAML is read by PyYAML (``safe_load``) and TOML by the standard library's ``tomllib``; a header they
cannot parse (Jekyll accepts an unquoted colon in a title, YAML does not) still gives its title, read
line by line. A date is taken only where it is written as ISO 8601 ("2023-08-08", "2020-01-07
10:00:00 +0000"), never guessed from other forms.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from .markdown import FRONT_MATTER, front_matter

_TITLE_KEYS = ("title",)
_DATE_KEYS = ("date", "published", "pubdate", "date_published")
# Jekyll's "author", Hugo's and Pelican's "authors", the Go blog's "by" (a list of lines).
_AUTHOR_KEYS = ("author", "authors", "by")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_NESTING_KEYS = ("taxonomies", "extra", "params", "data")


@dataclass(frozen=True)
class Header:
    """A Markdown file's header: what it says, and where the body after it starts."""

    end: int
    title: str | None = None
    published: str | None = None  # ISO 8601: a date, or a date and time (in UTC, "Z", where the zone is known)
    author: str | None = None


# Fields written as empty link definitions, a Markdown comment that no renderer shows ("[title]: <> (On Free
# Speech)", "[date]: <> (2019/04/16)", Vitalik Buterin's posts, whose title had gone unread).
_COMMENT_FIELDS = re.compile(r"\A(?:[ \t]*\[[A-Za-z_-]+\]:[ \t]*<>[ \t]*\([^()\n]*\)[ \t]*(?:\n|\Z))+")
_COMMENT_FIELD = re.compile(r"\[([A-Za-z_-]+)\]:[ \t]*<>[ \t]*\(([^()\n]*)\)")


def read_header(md: str) -> Header | None:
    """The header at the top of ``md`` (line endings ``\\n``), or None when it has none."""
    found = front_matter(md)
    if found is None:
        fields = _COMMENT_FIELDS.match(md)
        if fields is None:
            return None
        return _header(fields.end(), {k.lower(): v.strip() for k, v in _COMMENT_FIELD.findall(fields.group(0))})
    if found.re is not FRONT_MATTER:  # Pelican's "Key: value" lines, a template's fields
        return _header(found.end(), _lines(re.sub(r"(?m)^[ \t]*[-*][ \t]+", "", found.group(0)), separator=":"))
    fields = _parsed(found.group(0), toml=found.group(1) == "+++")
    if fields is None:  # not valid YAML or TOML: the title line alone, as written
        fields = _lines(found.group(0), separator=r"[:=]")
    return _header(found.end(), fields)


def _parsed(block: str, *, toml: bool) -> dict[str, Any] | None:
    body = "\n".join(block.rstrip("\n").split("\n")[1:-1])  # between the opening and the closing line
    data: Any
    if toml:
        import tomllib

        try:
            data = tomllib.loads(body)
        except tomllib.TOMLDecodeError:
            return None
    else:
        import yaml

        try:
            data = yaml.safe_load(body)
        except (yaml.YAMLError, ValueError):  # ValueError: a date that is none ("2023-02-30")
            return None
    if not isinstance(data, dict):
        return None
    fields = {str(k).lower(): v for k, v in data.items()}
    # A field a generator nests in a table of its own: Zola's "[taxonomies] author = […]" and "[extra]",
    # Hugo's "params:", a site's "data:" (This Week in Dart's title and date). Read where the top lacks it.
    for table in _NESTING_KEYS:
        if isinstance(nested := fields.get(table), dict):
            for k, v in nested.items():
                fields.setdefault(str(k).lower(), v)
    return fields


def _lines(block: str, *, separator: str) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for line in block.split("\n"):
        m = re.match(rf"^([A-Za-z_-]+)[ \t]*{separator}[ \t]*(.*?)[ \t]*$", line)
        # A list or a mapping written inline ("[a, b]", "{name: Ann}") is YAML's to read, and YAML failed.
        if m and m.group(1).lower() not in fields and not m.group(2).startswith(("[", "{")):
            # YAML's "! 'text'" (a non-specific tag, as Jekyll exports write it) and quotes are no part of it.
            fields[m.group(1).lower()] = re.sub(r"^!\s*", "", m.group(2)).strip().strip("'\"").strip()
    return fields


def _header(end: int, fields: dict[str, Any]) -> Header:
    def first(keys: tuple[str, ...]) -> Any:
        return next((fields[k] for k in keys if fields.get(k) not in (None, "", [])), None)

    title = first(_TITLE_KEYS)
    return Header(
        end,
        title=str(title).strip() or None if isinstance(title, str | int | float) else None,
        published=_iso(first(_DATE_KEYS)),
        author=_names(first(_AUTHOR_KEYS)),
    )


def _iso(value: Any) -> str | None:
    """An ISO 8601 date (or date and time) from what a header holds, or None."""
    if isinstance(value, str):
        text = value.strip()
        if not _ISO_DATE.match(text):
            return None
        try:
            value = dt.datetime.fromisoformat(text)
        except ValueError:
            try:
                value = dt.datetime.fromisoformat(re.sub(r"\s+([+-]\d{2}):?(\d{2})$", r"\1:\2", text).replace(" ", "T"))
            except ValueError:
                try:  # the date it starts with ("2020-01-07 10:00 PST"); the rest is no form this reads
                    return dt.date.fromisoformat(text[:10]).isoformat()
                except ValueError:  # no date at all ("2023-02-30")
                    return None
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    return None


def _names(value: Any) -> str | None:
    """An author's name, or authors' names joined by commas: a string, a list, a mapping with a name."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        if isinstance(item, dict):
            item = item.get("name")
        if isinstance(item, str) and item.strip():
            names.append(item.strip())
    return ", ".join(names) or None
