"""Translating a whole document (``summarize translate``): the workflow between reading and printing.

Which text is translated (a web page's main text as Markdown; Markdown and plain text as written),
whether it is Markdown, whether there is anything to translate (:func:`source_for`),
and the right-to-left wrap of Markdown output.
"""

from __future__ import annotations

from ..results import DocumentTranslation, LanguageResult
from ..text.inputs import Document
from ..text.markdown import wrap_rtl_document
from .planner import source_for
from .translator import Translator


def is_markdown(doc: Document) -> bool:
    """Whether ``doc`` is Markdown: as the reader read it (a Markdown file, or a text that looks it), or a
    web page, whose main text is read as the Markdown trafilatura writes of it (headings, lists and
    paragraphs kept)."""
    return doc.markdown or doc.page


def output_format(doc: Document, fmt: str) -> str:
    """The format ``doc``'s translation is written in: ``fmt``, with ``auto`` told from the document."""
    if fmt != "auto":
        return fmt
    return "markdown" if is_markdown(doc) else "text"


def translate_document(
    doc: Document, target: str, translator: Translator, *, language: LanguageResult, fmt: str = "auto"
) -> DocumentTranslation:
    """Translate ``doc`` (in ``language``) into ``target``, keeping its structure.

    A document already in ``target`` is returned as it is, with ``skipped`` saying so. With
    ``fmt`` ``markdown`` (or ``auto`` for a Markdown document) the text is ready to write as
    Markdown: right-to-left text is wrapped in ``<div dir="rtl">``, front matter kept first.
    """
    text = doc.raw
    choice = source_for(language, target)
    if choice.code is None:
        return DocumentTranslation(doc.source, language, target, text, None, skipped=choice.skipped)
    warnings = [choice.warning] if choice.warning else []
    done = translator.translate_markdown(text, choice.code, target, markdown=is_markdown(doc))
    out = done.texts[0]
    if output_format(doc, fmt) == "markdown":
        out = wrap_rtl_document(out, target)
    return DocumentTranslation(
        doc.source, language, target, out, done.model, pivot=done.pivot, warnings=warnings + done.warnings
    )
