"""The structural stage: the article's extent, and prose outside it dropped."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import cleaner
from cleaner.filters.structure import Extent, best_run, ends_like_a_sentence


def kept(doc: cleaner.Document) -> list[str]:
    return [b.text for b in doc.blocks if b.kept]


PAGE = """Skip to content
World Business Markets Sustainability Legal Breakingviews Technology
Sign in
Harbour town votes to rebuild its old stone pier

The council of a small harbour town voted on Tuesday to rebuild the stone pier that storms damaged last winter, ending two years of argument over its cost.

The new pier will keep the old stones where engineers find them sound, the council's planning chief told reporters after the vote.

Work is due to begin in the spring and should take about eighteen months, during which the ferry will use a temporary landing.

Most popular
A bakery on the high street has won a national prize for its rye bread, beating more than two hundred entries from across the country.
Fishermen say the autumn catch was the best in a decade, helped by a mild September and calm seas.
© 2025 Harbour Gazette. All rights reserved.
"""


def test_a_teaser_list_under_a_section_heading_is_dropped_though_it_is_prose() -> None:
    doc = cleaner.clean(PAGE, kind="text")
    body = kept(doc)
    assert body[0].startswith("The council of a small harbour town")
    assert body[-1].startswith("Work is due to begin")
    outside = [b for b in doc.blocks if b.text.startswith(("A bakery", "Fishermen"))]
    assert outside and all(not b.kept for b in outside)
    assert all(b.reason.startswith(("structure.", "teasers.")) for b in outside)


def test_menu_lines_before_the_headline_are_dropped() -> None:
    doc = cleaner.clean(PAGE, kind="text")
    menu = next(b for b in doc.blocks if b.text.startswith("World Business"))
    assert not menu.kept


def test_structure_false_keeps_everything_the_rules_leave() -> None:
    doc = cleaner.clean(PAGE, kind="text", structure=False)
    assert any(t.startswith("A bakery") for t in kept(doc))


def test_best_run_finds_the_positive_stretch_between_negative_edges() -> None:
    assert best_run([-3, -3, 20, -1, 15, -8, 5]) == Extent(2, 5)
    assert best_run([-1, -2]) is None
    assert best_run([]) is None


def test_a_truncated_summary_of_the_first_paragraph_is_dropped() -> None:
    page = (
        "Council votes to rebuild the stone pier\n"
        "The council of a small harbour town voted on Tuesday to rebuild the stone pier...\n"
        "The council of a small harbour town voted on Tuesday to rebuild the stone pier that "
        "storms damaged last winter.\n"
        "Work is due to begin in the spring and should take about eighteen months to finish.\n"
    )
    doc = cleaner.clean(page, kind="text")
    summary = doc.blocks[1]
    assert not summary.kept and summary.reason == "duplicates.truncated-copy"


def test_a_page_without_any_stretch_of_prose_comes_out_empty_with_its_reason() -> None:
    page = "Northgate Times\nBefore you continue\nAccept all\nReject all\nList of partners\nHelp\n"
    doc = cleaner.clean(page, kind="text")
    assert doc.text == ""
    assert doc.error is None
    assert doc.reason is not None and "structure.no-body-text" in doc.reason


# What a sentence end is, as a pattern: a stop, then closing quotes and brackets, at the end of
# the line; or a closing double quote. The function does the same without the regex call.
_SENTENCE_END = regex.compile(r"[.!?…:;。！？][\"'”’»)\]」』）]*$|[\"”»」』]$")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=list(".!?…:;。！？\"'”’»)]」』）ab \n"), max_size=8))
def test_a_sentence_end_is_what_its_pattern_says(text: str) -> None:
    assert ends_like_a_sentence(text) == (_SENTENCE_END.search(text) is not None)


def test_a_line_ending_on_a_quoted_stop_ends_like_a_sentence() -> None:
    assert ends_like_a_sentence("She said it was over.”")
    assert ends_like_a_sentence("(See the table below.)")
    assert not ends_like_a_sentence("Read the full story")


LISTING = "\n".join(
    [
        "Garden tools",
        "Spring sale on everything for the shed.",
        *(f"Hand trowel model {i} with ash handle\n£{i + 4}.99\nIn stock" for i in range(25)),
    ]
)


def test_a_listing_keeps_its_items_when_no_stretch_of_prose_holds_the_page() -> None:
    # The only sentence is one short line; the body of this page is its items, and the
    # structural stage must not cut the page down to that sentence.
    doc = cleaner.clean(LISTING, kind="text")
    body = kept(doc)
    assert "Hand trowel model 0 with ash handle" in body
    assert "Hand trowel model 24 with ash handle" in body
    assert not any(b.reason.startswith("structure.") for b in doc.blocks)
