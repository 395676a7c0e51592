"""What papers written in Markdown leave in their text, read in the thirtieth session (ten JOSS papers'
``paper.md``): Pandoc's citations and inline footnotes, LaTeX's ``\\cite``, the back matter's sections (who funded
and helped, the references), a table's caption, a word a typesetter broke at a hyphen, a paper's thanks.
Samples are written for the tests, in the papers' shapes."""

from __future__ import annotations

import pytest

from summarize.text.furniture import is_furniture
from summarize.text.inline import inline_to_text, without_citations
from summarize.text.mdprose import read_markdown
from summarize.text.tidy import tidy_text
from tests.test_furniture import _extractive, _shown

PAPER = """---
title: 'ferrytide: a Python package for island timetables'
tags:
  - Python
---

# Summary

ferrytide models the sailings between an island group and its mainland port [@Roe2019].
It reads timetables, tide tables and weather forecasts and predicts which sailings will run [@Doe2020; @Poe2021].
Operators in Cornwall and the Hebrides use it to plan winter timetables^[https://example.org/ferrytide].
Its forecasts of cancelled sailings were right for 9 days in 10 over the winter of 2025.

# Statement of need

Island operators plan sailings by hand, as described in [@Roe2019], and cancellations reach passengers late.
ferrytide gives them a week's warning of a cancelled sailing, with its reason.

Table: Sailings predicted and run in the winter of 2025, by route.

# Acknowledgements

We thank Jane Doe and John Roe for testing and feedback on early versions of the package.
The work was supported by the Island Transport Fund under grant IT-2024-17.

# References
"""


def test_a_papers_citations_back_matter_and_table_caption_leave_what_it_shows() -> None:
    shown = _shown(_extractive(PAPER))
    for gone in ("@Doe2020", "[@", "example.org", "Island Transport Fund", "We thank", "Table:", "by route"):
        assert gone not in shown
    assert "predicts which sailings will run" in shown


def test_a_citation_read_as_a_noun_keeps_its_keys() -> None:
    text = read_markdown(PAPER).text
    assert "as described in @Roe2019, and cancellations" in text
    assert "its mainland port." in text


@pytest.mark.parametrize(
    ("line", "text"),
    [
        ("in wind energy [@Allen2002c].", "in wind energy."),
        ("shown [@Ramsay:1998; @Sadeghi:2000], yet", "shown, yet"),
        ("HARM-Noble (@noble_primitive_2006, @noble_direct_2009)", "HARM-Noble"),
        ("autoencoders \\cite{suzuki_survey_2022} aim", "autoencoders aim"),
        ("iharm3D^[https://github.com/AFD-Illinois/iharm3d] is", "iharm3D is"),
        ("as outlined in @gammie_harm_2003 and", "as outlined in @gammie_harm_2003 and"),
        ("[@jane](https://github.com/jane) wrote", "@jane wrote"),
        ("mail [jane@example.org] now", "mail jane@example.org now"),
    ],
)
def test_pandoc_and_latex_citations_go_and_in_text_ones_and_links_stay(line: str, text: str) -> None:
    assert inline_to_text(without_citations(line)) == text


def test_a_bracketed_handle_with_a_link_defined_for_it_is_a_link() -> None:
    md = "[@kooparse] published [a post about a memory arena][arena].\n\n[@kooparse]: https://github.com/kooparse\n"
    assert "kooparse published a post about a memory arena." in read_markdown(md).text
    assert read_markdown("The tool [@Roe2019] fits models.\n").text == "The tool fits models."


def test_back_matter_goes_to_the_next_heading_of_its_level() -> None:
    md = "# Paper\n\nThe tool fits models.\n\n# Funding\n\nA grant.\n\n## Details\n\nMore.\n\n# Results\n\nIt works."
    text = read_markdown(md).text
    assert "grant" not in text and "More." not in text
    assert "It works." in text


def test_a_definition_list_is_no_table_caption() -> None:
    text = read_markdown("Term\n: its definition, read as prose.\n").text
    assert "its definition" in text


def test_a_word_broken_at_a_hyphen_is_joined_where_it_is_a_common_word() -> None:
    assert tidy_text("representation and genera- tion of data, unified imple- mentations.") == (
        "representation and generation of data, unified implementations."
    )
    assert (
        tidy_text("pre- and post-war, short- and long-term rates.") == "pre- and post-war, short- and long-term rates."
    )


@pytest.mark.parametrize(
    ("sentence", "furniture"),
    [
        ("We thank Jeremy Hemberger and Genevieve Pugesek for beta testing and feedback.", True),
        ("The authors would like to thank Jane Doe for helpful comments on the draft.", True),
        ("We thank the firefighters, the mayor said, for their courage.", False),
    ],
)
def test_a_papers_thanks_are_furniture(sentence: str, furniture: bool) -> None:
    assert is_furniture(sentence, "en") is furniture


def test_a_space_before_a_stop_or_a_comma_goes() -> None:
    assert tidy_text("Chris Buckler, reports .\nHe said , no.") == "Chris Buckler, reports.\nHe said, no."
    kept = "Use .NET and .5 litres, said the French « Bonjour ! »."
    assert tidy_text(kept) == kept
