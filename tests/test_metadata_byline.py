"""Byline lines and reading-time notes: shapes that are caught, body sentences that are not."""

from __future__ import annotations

from datetime import date

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.metadata import _vocab, byline
from cleaner.metadata.byline import (
    is_byline_prefix,
    parse_byline,
    parse_byline_pair,
    parse_name_line,
)
from cleaner.metadata.reading import find_reading_time, is_reading_time_line, reading_minutes

NOW = date(2025, 6, 30)


@pytest.mark.parametrize(
    ("line", "author", "kind", "day", "minutes"),
    [
        (
            "by Ana Ruiz March 4, 2025 3:05 PM 4 min read",
            "Ana Ruiz",
            "by",
            "2025-03-04T15:05",
            4,
        ),
        ("By Jane Doe and John Roe", "Jane Doe and John Roe", "by", None, None),
        ("By JANE DOE, Staff Writer", "JANE DOE", "by", None, None),
        ("Author: Tomas Kral", "Tomas Kral", "label", None, None),
        ("Written by Priya Natarajan", "Priya Natarajan", "by", None, None),
        ("Posted on 2024-11-05 by admin", "admin", "by", "2024-11-05", None),
        ("Jane Doe | March 3, 2025", "Jane Doe", "name-date", "2025-03-03", None),
        ("Wire Desk Published 3 Mar, 2025 04:12pm", "Wire Desk", "name-date", None, None),
        ("Reuters Published 3 Mar, 2025 04:12pm", "Reuters", "agency", "2025-03-03T16:12", None),
        ("Von Anna Schmidt", "Anna Schmidt", "by", None, None),
        ("Par Jean Dupont", "Jean Dupont", "by", None, None),
        ("Por María López", "María López", "by", None, None),
        ("Автор: Олена Коваль", "Олена Коваль", "label", None, None),
        ("Автор Олена Коваль", "Олена Коваль", "label", None, None),
        (
            "By Jan van der Berg & Ana de la Cruz",
            "Jan van der Berg & Ana de la Cruz",
            "by",
            None,
            None,
        ),
        ("· by Lena Park · Updated on 8 January 2025", "Lena Park", "by", "2025-01-08", None),
        ("by Lena Park ● June 17, 2025 ● 6 min read", "Lena Park", "by", "2025-06-17", 6),
        ("March 15, 2025 · 3 min read · By Campus Online", "Campus Online", "by", "2025-03-15", 3),
        (
            "By Omar Haddad ⋅ Senior Review Analyst ⋅ Updated May 5, 2025",
            "Omar Haddad",
            "by",
            "2025-05-05",
            None,
        ),
        ("By Claire Wong, Co-Founder & COO", "Claire Wong", "by", None, None),
        ("Written By Dana Holt-Bell, MD", "Dana Holt-Bell, MD", "by", None, None),
        (
            "12 Comments | Rosa Quinn | Last Updated: March 11, 2024",
            "Rosa Quinn",
            "name-date",
            "2024-03-11",
            None,
        ),
        (
            "By Theo Marsh – Updated May 9, 2025 at 1:00 PM EST | Fact-checked by Ivy Lane",
            "Theo Marsh",
            "by",
            "2025-05-09T13:00",
            None,
        ),
        ("By Nadia Petrova for the Evening Post", "Nadia Petrova", "by", None, None),
        ("By The Associated Press", "The Associated Press", "by", None, None),
        ("By Harbor Staff", "Harbor Staff", "by", None, None),
        ("Door Jan de Vries 27 februari 2025", "Jan de Vries", "by", "2025-02-27", None),
        # forums: the thread's opening poster, phpBB's post headers, Discourse's first post
        ("Thread starter jdoe_42", "jdoe_42", "post", None, None),
        ("Thread starter Chris Hall", "Chris Hall", "post", None, None),
        ("Pippin06 Discussion starter", "Pippin06", "post", None, None),
        ("Post by galitsyn » 11. Sep 2024, 18:36", "galitsyn", "post", "2024-09-11T18:36", None),
        (
            "Postby Outer Armatonisdaristan » Tue Aug 27, 2019 1:47 am",
            "Outer Armatonisdaristan",
            "post",
            "2019-08-27T01:47",
            None,
        ),
        ("raoul (Raoul Duke) May 3, 2024, 8:45am 1", "raoul", "post", "2024-05-03T08:45", None),
        ("hayley.p May 3, 2024, 8:45am 1", "hayley.p", "post", "2024-05-03T08:45", None),
        # groups that sign: "the" or "our" before them, or role words ending in a group word
        ("By The Currency Editors", "The Currency Editors", "by", None, None),
        ("written by Our Editors", "Our Editors", "by", None, None),
        ("by Marketing Team", "Marketing Team", "by", None, None),
        # topics beside a "by" segment
        ("by Jason Rostar | SEO | 8 min Read", "Jason Rostar", "by", None, 8),
        (
            "By: jdoe | December 16, 2024 | Categories: Uncategorized",
            "jdoe",
            "by",
            "2024-12-16",
            None,
        ),
    ],
)
def test_byline_shapes_give_author_kind_date_and_reading_time(
    line: str, author: str, kind: str, day: str | None, minutes: int | None
) -> None:
    found = parse_byline(line, now=NOW)
    assert found is not None
    assert found.author == author
    if kind != "name-date" or day is not None:
        assert found.kind == kind
    if day is not None:
        assert found.date == day
    assert found.reading_time == minutes


def test_joined_authors_are_also_listed_one_by_one() -> None:
    found = parse_byline("By Jane Doe, John Roe and Mia Chen", now=NOW)
    assert found is not None
    assert found.authors == ("Jane Doe", "John Roe", "Mia Chen")


@pytest.mark.parametrize(
    "line",
    [
        "By the end of the year, prices rose.",
        "Written by hand, the letter was found in a drawer.",
        "By Monday, prices rose.",
        "By 2030, emissions must fall by half.",
        "By Christmas the market had recovered.",
        "By clicking Subscribe you agree to our terms",
        "By using this site, you agree to cookies.",
        "Jane Doe said on March 3, 2025 that prices rose.",
        "Published by Penguin Random House in 2019 and reprinted.",
        "Photo by Jane Doe",
        "Reviewed by Dr. Jane Doe",
        "Last edited by moderator42 on 12. Sep 2024, 11:14",
        "Updated March 5, 2025",
        "Most Popular | March 3, 2025",
        "Editors Picks | March 3, 2025",
        "Top 10 Trends | March 3, 2025",
        "Shop By Category",
        "By Car",
        "By Use Case",
        "Friday By Appointment Only",
        "Door Frame Repair Kit",
        "Par 3 Golf Course",
        "text: string;",
        "Author: username",
        "Written by: ",
        "Thread starter",
        "peccavi January 11, 2025, 1:13am 2",  # a reply's header, not the first post's
        "By The Way Forward",
        "The Team | March 3, 2025",
        "Our Editors | March 3, 2025",
        "Jane Doe | SEO | March 3, 2025",  # topics are passed over only beside a "by"
        "By Jane Doe | Why the coastal path is worth a whole day of your time",
    ],
)
def test_body_sentences_and_look_alikes_are_not_bylines(line: str) -> None:
    assert parse_byline(line, now=NOW) is None


def test_a_user_name_after_by_counts_only_with_a_date_on_the_line() -> None:
    assert parse_byline("by admin", now=NOW) is None
    found = parse_byline("by admin on March 3, 2025", now=NOW)
    assert found is not None
    assert found.author == "admin"


@pytest.mark.parametrize(
    ("prefix", "names", "author"),
    [
        ("By", "Daniel Reyes", "Daniel Reyes"),
        ("Written by", "Mara Olsen", "Mara Olsen"),
        ("Author:", "Greenfield Labs", "Greenfield Labs"),
        ("About the Author", "Sam Okafor", "Sam Okafor"),
        ("Posted by :", "Lee Park", "Lee Park"),
    ],
)
def test_a_lead_in_line_and_a_names_line_make_one_byline(
    prefix: str, names: str, author: str
) -> None:
    assert is_byline_prefix(prefix)
    found = parse_byline_pair(prefix, names, now=NOW)
    assert found is not None
    assert found.author == author


def test_a_lead_in_line_followed_by_a_common_word_is_not_a_byline() -> None:
    assert parse_byline_pair("Authors", "Regular Contributors", now=NOW) is None
    assert parse_byline_pair("Text", "string", now=NOW) is None


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Rosa Quinn", "Rosa Quinn"),
        ("Picture of Adam Hale Adam Hale", "Adam Hale"),
        ("Jonah FieldsJonah Fields", "Jonah Fields"),
        ("Mira Jovanovic headshot", "Mira Jovanovic"),
        ("Profile photo of author Ben Kerr", "Ben Kerr"),
    ],
)
def test_a_line_holding_only_a_name_gives_the_name(line: str, name: str) -> None:
    assert parse_name_line(line) == name


@pytest.mark.parametrize(
    "line",
    ["Recent Posts", "HR Strategy", "Great Post.", "Share", "Table of Contents", "Thoughts on Zig"],
)
def test_title_case_labels_are_not_taken_for_names(line: str) -> None:
    assert parse_name_line(line) is None


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("2 min read", 2),
        ("5 minute read", 5),
        ("5-minute read", 5),
        ("11 Mins Read", 11),
        ("Reading time: 4 minutes", 4),
        ("Read time 6 min", 6),
        ("Lesezeit: 3 Minuten", 3),
        ("3 Min. Lesezeit", 3),
        ("Temps de lecture : 4 min", 4),
        ("4 min de lectura", 4),
        ("Tempo di lettura: 7 minuti", 7),
        ("Czas czytania: 5 min", 5),
        ("Время чтения: 7 минут", 7),
        ("3 хв читання", 3),
        ("3-5 min read", 3),
    ],
)
def test_reading_time_notes_give_their_minutes(text: str, minutes: int) -> None:
    assert reading_minutes(text) == minutes
    assert is_reading_time_line(text)


@pytest.mark.parametrize(
    "text",
    [
        "It took 5 minutes to read the file.",
        "A 10 minute walk from the station.",
        "Bake for 25 min until golden.",
        "The 300 min read-through of the script.",
    ],
)
def test_sentences_about_minutes_are_not_reading_times(text: str) -> None:
    assert find_reading_time(text) is None


def test_a_reading_time_inside_a_byline_is_found_but_the_line_is_not_only_that() -> None:
    line = "by Ana Ruiz March 4, 2025 3:05 PM 4 min read"
    assert reading_minutes(line) == 4
    assert not is_reading_time_line(line)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_parsing_any_line_never_raises(line: str) -> None:
    parse_byline(line, now=NOW)
    parse_name_line(line)
    find_reading_time(line)


def test_a_role_segment_is_told_as_one_pattern_with_a_lookahead_for_the_role_tells_it() -> None:
    # `_is_role_segment` splits that pattern in two (the lookahead was the slow part).
    one = regex.compile(rf"(?=.*{byline._ROLE})\(?{byline._ROLE_PHRASE}\)?[\s,;:.]*")
    segments = (
        "Senior Review Analyst", "Staff Writer", "(Chief Editor)", "Head of News.", "Jane Doe",
        "Reuters", "updated 3 hours ago", "the staff", "Photographer\nJane", "STAFF WRITER",
        "Redakteurin", "Jane Doe Staff", "Editor-at-large", "Tech Desk;", "Guest", "",
    )  # fmt: skip
    told = [byline._is_role_segment(s) for s in segments]
    assert told == [one.fullmatch(s) is not None for s in segments]
    assert sum(told) >= 8


def _meta_only_by_token(text: str) -> bool:
    return all(_vocab.is_meta_token(t) for t in _vocab._TOKEN.findall(text))


def _others_by_token(text: str) -> int:
    return sum(not _vocab.is_meta_token(t) for t in _vocab._TOKEN.findall(text))


def _edges_by_token(text: str) -> str:
    spans = [m.span() for m in _vocab._TOKEN.finditer(text) if not _vocab.is_meta_token(m[0])]
    if not spans:
        return ""
    end = spans[-1][1]
    while end < len(text) and (text[end].isalnum() or text[end] == "_"):
        end += 1  # never inside a word: "ridwan123"
    return text[spans[0][0] : end]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "Reuters Published",
        "Published Reuters",
        "Updated 12 March 2025 | Jane Doe, Staff Writer · 5 min read",
        "By Jane Doe",
        "Thread starter ridwan123",
        "jdoe_42 · 3 min read",
        "2025 · 12 · ²³",  # superscript digits are digits to `str.isdigit`
        "İSTANBUL Updated",  # "İ" case-folds to two characters
        "STRASSE Straße",
        "| · / ,",
        "Jane",
        f"{_vocab.DATE_MARK} {_vocab.READING_MARK}",
        "Jane Doe Published March 3",
    ],
)
def test_the_metadata_word_tests_agree_with_testing_each_token(text: str) -> None:
    # `is_meta_only`, `count_other_words` and `strip_meta_edges` test the tokens without
    # a call each: the same answers as `is_meta_token` on every token.
    assert _vocab.is_meta_only(text) == _meta_only_by_token(text)
    assert _vocab.count_other_words(text) == _others_by_token(text)
    assert _vocab.strip_meta_edges(text) == _edges_by_token(text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["By", "Jane", "Doe", "Published", "updated", "March", "3", "²", "|", "·", ",",
             "İ", "ß", "min", "read", "Staff", " ", "  ", "\u00a0", "Reuters", "—"]
        ),
        max_size=10,
    ).map(" ".join)
)  # fmt: skip
def test_the_metadata_word_tests_agree_with_testing_each_token_on_any_line(text: str) -> None:
    assert _vocab.is_meta_only(text) == _meta_only_by_token(text)
    assert _vocab.count_other_words(text) == _others_by_token(text)
    assert _vocab.strip_meta_edges(text) == _edges_by_token(text)


def test_a_by_or_a_label_glued_to_the_name_by_the_markup_is_not_part_of_the_name() -> None:
    glued_by = parse_byline("ByNina Pineda | March 3, 2025", now=date(2025, 6, 30))
    glued_label = parse_byline("Korin MillerPublished: March 3, 2025", now=date(2025, 6, 30))
    assert glued_by is not None and glued_by.author == "Nina Pineda"
    assert glued_label is not None and glued_label.author == "Korin Miller"


def test_a_name_with_an_inner_capital_keeps_it() -> None:
    found = parse_byline("By Jane McDonald | March 3, 2025", now=date(2025, 6, 30))
    assert found is not None and found.author == "Jane McDonald"
