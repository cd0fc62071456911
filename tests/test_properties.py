"""Invariants no list of examples covers, checked with hypothesis."""

from __future__ import annotations

import regex
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import cleaner
from cleaner.segment.text import normalise_text

_WORD = regex.compile(r"\w+")

# Lines that look like dumps: prose, menu words, prompts, dates, blank lines.
_LINES = st.one_of(
    st.text(min_size=0, max_size=120),
    st.sampled_from(
        [
            "",
            "Subscribe",
            "Skip to content",
            "Most popular",
            "by Jane Doe February 27, 2025 2:07 PM 2 min read",
            "The council voted on Tuesday to rebuild the pier that storms damaged last winter.",
            "Work is due to begin in the spring and should take about eighteen months.",
            "Home News Sport Culture Opinion",
            "Photo: Jane Doe / Harbour Gazette",
            "© 2025 Harbour Gazette. All rights reserved.",
            "He declined to comment.",
        ]
    ),
)
DUMPS = st.lists(_LINES, max_size=40).map("\n".join)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.text(max_size=2000))
def test_clean_never_raises_on_arbitrary_text(raw: str) -> None:
    doc = cleaner.clean(raw)
    assert isinstance(doc.text, str)


@SETTINGS
@given(st.binary(max_size=2000))
def test_clean_never_raises_on_arbitrary_bytes(raw: bytes) -> None:
    doc = cleaner.clean(raw)
    assert doc.error is not None or isinstance(doc.text, str)


@SETTINGS
@given(DUMPS)
def test_every_output_word_occurs_in_the_input(raw: str) -> None:
    doc = cleaner.clean(raw, kind="text")
    source = set(_WORD.findall(normalise_text(raw)))
    assert set(_WORD.findall(doc.text)) <= source
    for field in (doc.title, doc.author):
        if field:
            assert set(_WORD.findall(field)) <= source


@SETTINGS
@given(DUMPS)
def test_the_same_input_gives_the_same_output(raw: str) -> None:
    assert cleaner.clean(raw, kind="text") == cleaner.clean(raw, kind="text")


@SETTINGS
@given(DUMPS)
# Found by hypothesis in CI: the "Subscribe" line split the page into runs too small for an
# article, so the first cleaning kept it all as a listing; without that line, the second
# cleaning saw an article and dropped the menus.
@example(
    "Home News Sport Culture Opinion\nHome News Sport Culture Opinion\nHe declined to comment."
    "\nSubscribe\nHe declined to comment.\n0\n0\n0"
)
def test_cleaning_the_cleaned_text_again_changes_nothing(raw: str) -> None:
    # Without metadata extraction: the metadata stage consumes the headline and byline lines it
    # finds, and in text that was already cleaned it may take a body line for one. The rules,
    # duplicate and structure stages are idempotent (the structural run of cleaned text is all
    # of it: every prefix and suffix of a kept run weighs at least zero).
    once = cleaner.clean(raw, kind="text", metadata=False)
    if once.error or not once.text:
        return
    twice = cleaner.clean(once.text, kind="text", metadata=False)
    assert twice.text == once.text
