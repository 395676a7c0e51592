"""reStructuredText inputs (``.rst``, ``.rest``, or text with RST directives): read with docutils.

Python projects write their READMEs and docs in reStructuredText. Read as plain text, a section's
underline, a directive (``.. code-block:: python``), a doctest and a badge's substitution
(``|PyPI| |CI|``) had been summary sentences. docutils is the reference parser (the one PyPI
renders long descriptions with), pure Python; what it parses is written as HTML and read as any
page is (:func:`.inputs.page_document`), so title, headings, lists and paragraphs mean what they
mean in a page. Code, doctests, comments, raw HTML, images, tables and substitution definitions
are no prose and are left out before writing. Directives and roles docutils does not know
(Sphinx's ``code-block``, ``:func:`x```) report no error: an unknown directive is left out, an
unknown role keeps its text ("``:func:`parse```" reads "parse"), as does a reference to a target
the file does not define ("``Trio_``" reads "Trio").
"""

from __future__ import annotations

import html
import re
from typing import Any

# Nothing is reported, nothing stops the parse, and nothing outside the text is read.
_SETTINGS: dict[str, Any] = {
    "report_level": 5,
    "halt_level": 5,
    "file_insertion_enabled": False,
    "raw_enabled": False,
    "_disable_config": True,
    "input_encoding": "unicode",
    "output_encoding": "unicode",
    "embed_stylesheet": False,
    "stylesheet_path": "",
    "syntax_highlight": "none",
}
# An interpreted text with a role docutils does not know (":func:`parse`"): its content shows, its title
# where it has one (":doc:`the guide <guide/start>`" shows "the guide"), as Sphinx shows it.
_ROLE = re.compile(r"^(?::[\w.+-]+:)?`+(.*?)(?:\s*<[^<>`]*>)?`+(?::[\w.+-]+:)?_{0,2}$", re.S)


def _shown(piece: str) -> str:
    """What an inline piece docutils could not resolve shows: a substitution it has no definition of
    ("|CI|", a badge's) nothing, an unknown role its content, a reference to no target its words."""
    if piece.startswith("|"):
        return ""
    m = _ROLE.match(piece)
    if not m:
        return piece.rstrip("_")
    # Sphinx shows ":class:`~email.header.Header`" as "Header" and drops the "!" of ":func:`!parse`".
    shown = m.group(1).lstrip("!")
    return shown[1:].rsplit(".", 1)[-1] if shown.startswith("~") else shown


def rst_to_html(text: str) -> str:
    """``text`` read as reStructuredText, as an HTML page of its prose (see the module's notes)."""
    from docutils import nodes
    from docutils.core import publish_doctree, publish_from_doctree
    from docutils.writers.html5_polyglot import Writer

    doctree = publish_doctree(text, settings_overrides=_SETTINGS)
    not_prose = (
        nodes.literal_block,
        nodes.doctest_block,
        nodes.comment,
        nodes.raw,
        nodes.image,
        nodes.figure,
        nodes.table,
        nodes.substitution_definition,
        nodes.system_message,
    )
    # A link target alone (".. _asyncio: https://…") is markup; an inline one ("_`inline target`") is words.
    for node in list(
        doctree.findall(lambda n: isinstance(n, not_prose) or (isinstance(n, nodes.target) and not n.astext()))
    ):
        if node.parent is not None:
            node.parent.remove(node)
    # A term's classifier ("unit_scale : bool or int, optional", numpydoc's parameters) had been glued to
    # the term ("unit_scalebool or int, optional"): it reads in brackets after it.
    for node in list(doctree.findall(nodes.classifier)):
        term = next(iter(node.parent.findall(nodes.term, include_self=False)), None)
        if term is not None:
            term += nodes.Text(f" ({node.astext()})")
        node.parent.remove(node)
    for node in list(doctree.findall(nodes.problematic)):
        node.parent.replace(node, nodes.Text(_shown(node.astext())))
    # A note or a warning is prose of the text; trafilatura takes an <aside> for a page's sidebar.
    for node in list(doctree.findall(nodes.Admonition)):
        kept = [child for child in node.children if not isinstance(child, nodes.title)]
        node.parent.replace(node, kept)
    writer = Writer()
    publish_from_doctree(doctree, writer=writer, settings_overrides=_SETTINGS)
    # The writer's title is HTML ("<span class="docutils literal">rpds.py</span>"); <title> holds text.
    title = html.escape(html.unescape(re.sub(r"<[^>]*>", "", writer.parts.get("title", ""))))
    return f"<html><head><title>{title}</title></head><body>{writer.parts['html_body']}</body></html>"
