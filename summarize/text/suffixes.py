"""What a file's name says it is: one list for the reader (:mod:`.inputs`), the folder search
(:mod:`summarize.discover`) and ``--help``. Plain constants, so the settings layer imports them without
loading any reader."""

from __future__ import annotations

# Markdown's names as GitHub knows them; an XHTML file is a page too.
MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mdwn", ".mkd", ".mkdn", ".mkdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
RST_SUFFIXES = {".rst", ".rest"}
ORG_SUFFIXES = {".org"}  # Org-mode: read by :mod:`.org` as Markdown
MAIL_SUFFIXES = {".eml"}
# Subtitles, by format (SubRip, WebVTT, YouTube's SBV): read by :mod:`.subtitles`.
SUBTITLE_SUFFIXES = {".srt": "srt", ".vtt": "vtt", ".sbv": "sbv"}
NOTEBOOK_SUFFIXES = {".ipynb"}  # Jupyter notebooks: read by :mod:`.notebooks`
_CODE_SUFFIXES = (
    ".py .js .mjs .cjs .ts .tsx .jsx .java .c .h .cc .cpp .hpp .cs .go .rs .rb .php .sh .bash .zsh .ps1 .swift"
    " .kt .scala .sql .css .scss .lua .pl"
)
# Data and code, no article: read as text, a JSON file's summary had been its JSON and a script's its code. A
# one-line error names what the file is (:data:`.inputs.NOT_ARTICLES`).
NOT_ARTICLE_SUFFIXES = {
    **dict.fromkeys((".json", ".jsonl", ".ndjson"), "json"),
    **dict.fromkeys((".csv", ".tsv"), "table"),
    **dict.fromkeys((".yaml", ".yml", ".toml", ".ini", ".cfg"), "config"),
    **dict.fromkeys(_CODE_SUFFIXES.split(), "code"),
}
# What folders are searched for without --include: text, Markdown, reStructuredText, Org, pages and emails
# (not PDFs, Word or RTF files, subtitles, notebooks or gzip files, which a folder of sources often holds beside its
# articles).
DEFAULT_SUFFIXES = (
    ".txt",
    *sorted(MARKDOWN_SUFFIXES),
    *sorted(RST_SUFFIXES),
    *sorted(ORG_SUFFIXES),
    *sorted(HTML_SUFFIXES),
    *sorted(MAIL_SUFFIXES),
)
