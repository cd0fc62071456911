"""Dates in a line of text: every supported shape, the sanity window, and look-alikes."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.metadata.dates import date_from_url, find_dates, parse_date

NOW = date(2025, 6, 30)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("by Ana Ruiz March 4, 2025 3:05 PM 4 min read", "2025-03-04T15:05"),
        ("Mar. 4, 2025", "2025-03-04"),
        ("March 4th, 2025", "2025-03-04"),
        ("4 March 2025", "2025-03-04"),
        ("4th March 2025", "2025-03-04"),
        ("Wire Service Published 4 Mar, 2025 06:41pm", "2025-03-04T18:41"),
        ("date 2025-03-04 Spring issue out now", "2025-03-04"),
        ("2025-03-04T15:05:09+01:00", "2025-03-04T15:05:09+01:00"),
        ("2025-03-04T15:05:09.250Z", "2025-03-04T15:05:09+00:00"),
        ("2025-03-04 15:05", "2025-03-04T15:05"),
        ("2025/03/04", "2025-03-04"),
        ("04.03.2025", "2025-03-04"),
        ("04.03.2025, 15:05 Uhr", "2025-03-04T15:05"),
        ("03/24/2025", "2025-03-24"),
        ("24/03/2025", "2025-03-24"),
        ("24-03-2025", "2025-03-24"),
        ("Published: Tue 4 Mar 2025 15.05 GMT", "2025-03-04T15:05+00:00"),
        ("Updated 9:30 a.m. ET Mar. 4, 2025", "2025-03-04T09:30"),
        ("16:20, 4 March 2025", "2025-03-04T16:20"),
        ("Tuesday, March 4, 2025 at 11 am", "2025-03-04T11:00"),
        ("Jun 7, 2017 at 8:28 pm", "2017-06-07T20:28"),
        ("Tue, 04 Mar 2025 09:00:00 GMT+2", "2025-03-04T09:00:00+02:00"),
        ("2016-08-28 19:41:09 +00:00", "2016-08-28T19:41:09+00:00"),
        ("2025年3月4日", "2025-03-04"),
        ("2025년 3월 4일", "2025-03-04"),
    ],
)
def test_each_supported_shape_is_read_to_iso(text: str, expected: str) -> None:
    assert parse_date(text, now=NOW) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4. März 2025", "2025-03-04"),  # de
        ("4 mars 2025 à 15h05", "2025-03-04T15:05"),  # fr
        ("1er mars 2025", "2025-03-01"),  # fr
        ("4 de marzo de 2025", "2025-03-04"),  # es
        ("4 marzo 2025", "2025-03-04"),  # it
        ("4 de março de 2025", "2025-03-04"),  # pt
        ("4 maart 2025", "2025-03-04"),  # nl
        ("4 marca 2025 r.", "2025-03-04"),  # pl, genitive
        ("4 березня 2025 р.", "2025-03-04"),  # uk, genitive
        ("4 марта 2025 г.", "2025-03-04"),  # ru, genitive
        ("12 листопада 2024", "2024-11-12"),  # uk
        ("12 ноября 2024", "2024-11-12"),  # ru
        ("12 listopada 2024", "2024-11-12"),  # pl
        ("Dienstag, 4. März 2025", "2025-03-04"),  # de with weekday
    ],
)
def test_month_names_are_read_in_many_languages(text: str, expected: str) -> None:
    assert parse_date(text, now=NOW) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023 Jan 7", "2023-01-07"),
        ("Published: 2023 Jan 07.", "2023-01-07"),
        ("2023 January 7th", "2023-01-07"),
        ("2023, January 7", "2023-01-07"),
        ("2023-Jan-07", "2023-01-07"),
        ("J Clin Med. 2023 Mar 14;12(6):2250", "2023-03-14"),
        ("2023 Jan 7-9", None),  # a span of days is no one day
        ("2023 Jan 123", None),
        ("2023,     September 270", None),  # the day runs into a longer number
        ("2023 Jan", None),  # a month alone
        ("2023 Smarch 7", None),  # not a month
    ],
)
def test_a_year_first_before_a_month_name_and_day_is_read(text: str, expected: str | None) -> None:
    assert parse_date(text, now=NOW) == expected


def test_a_year_first_reading_yields_to_another_shape_over_the_same_characters() -> None:
    found = find_dates("Updated March 2025 April 5, 2025", now=NOW)
    assert [d.value for d in found] == ["2025-04-05"]
    assert found[0].start == len("Updated March 2025 ")


def test_dotted_numeric_dates_are_day_first_unless_only_month_first_is_a_date() -> None:
    assert parse_date("05.03.2025", now=NOW) == "2025-03-05"
    assert parse_date("06.18.2025", now=NOW) == "2025-06-18"
    assert parse_date("18.13.2025", now=NOW) is None


def test_a_dot_after_the_day_of_a_month_first_date_is_read() -> None:
    assert parse_date("December 19. 2024", now=NOW) == "2024-12-19"
    assert parse_date("📅Jul. 11. 2024", now=NOW) == "2024-07-11"
    # Without a space after it, the dot joins day and year as a decimal number does.
    assert parse_date("Dec 19.2024", now=NOW) is None


def test_ambiguous_slash_dates_need_an_order_and_are_skipped_without_one() -> None:
    assert parse_date("05/03/2025", now=NOW) is None
    assert parse_date("05/03/2025", now=NOW, slash_order="mdy") == "2025-05-03"
    assert parse_date("05/03/2025", now=NOW, slash_order="dmy") == "2025-03-05"


def test_a_slash_date_with_equal_day_and_month_needs_no_order() -> None:
    assert parse_date("04/04/2025", now=NOW) == "2025-04-04"


def test_dates_before_1995_are_rejected_as_history_not_publication() -> None:
    assert parse_date("1994-12-31", now=NOW) is None
    assert parse_date("1995-01-01", now=NOW) == "1995-01-01"


def test_dates_after_tomorrow_are_rejected_but_tomorrow_is_accepted() -> None:
    assert parse_date("2025-07-01", now=NOW) == "2025-07-01"
    assert parse_date("2025-07-02", now=NOW) is None


def test_impossible_days_and_months_are_rejected() -> None:
    assert parse_date("2025-02-29", now=NOW) is None
    assert parse_date("2024-02-29", now=NOW) == "2024-02-29"
    assert parse_date("2025-13-01", now=NOW) is None
    assert parse_date("31 April 2025", now=NOW) is None


def test_an_impossible_time_leaves_the_date_without_a_time() -> None:
    found = find_dates("March 4, 2025 27:90", now=NOW)
    assert [(m.value, m.has_time) for m in found] == [("2025-03-04", False)]


@pytest.mark.parametrize(
    "text",
    [
        "Prices rose in 2025 and fell in 2024.",
        "The 2024-2025 season starts in autumn.",
        "Call us at 555-0123 or visit room 12/14.",
        "Version 3.10.2 fixes the parser.",
        "Revenue reached 2,025 million in the fourth quarter.",
        "March was the warmest month on record.",
        "Serves 4, takes 25 minutes.",
    ],
)
def test_numbers_and_words_that_only_look_like_dates_are_not_dates(text: str) -> None:
    assert find_dates(text, now=NOW) == []


def test_the_span_covers_the_weekday_and_the_time_of_the_date() -> None:
    text = "Published: Tue 4 Mar 2025 15.05 GMT | Opinion"
    (found,) = find_dates(text, now=NOW)
    assert text[found.start : found.end] == "Tue 4 Mar 2025 15.05 GMT"
    assert found.has_time


def test_several_dates_on_one_line_are_found_in_order() -> None:
    found = find_dates("Published 3 Mar 2025, updated 2025-03-04 08:00", now=NOW)
    assert [m.value for m in found] == ["2025-03-03", "2025-03-04T08:00"]


def test_two_dates_with_month_names_on_one_line_are_both_found() -> None:
    found = find_dates("Open from March 3, 2025 to March 5, 2025", now=NOW)
    assert [m.value for m in found] == ["2025-03-03", "2025-03-05"]


def test_a_line_without_any_digit_costs_nothing_and_finds_nothing() -> None:
    assert find_dates("Subscribe to our newsletter", now=NOW) == []


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_any_text_gives_ordered_non_overlapping_spans_inside_the_text(text: str) -> None:
    found = find_dates(text, now=NOW)
    previous_end = 0
    for match in found:
        assert previous_end <= match.start < match.end <= len(text)
        previous_end = match.end


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/2025/06/18/the-pier-reopens/", "2025-06-18"),
        ("https://example.org/articles/2025-03-04+Pier+reopens", "2025-03-04"),
        ("https://example.org/news/2025_03_04/pier.html?page=2", "2025-03-04"),
        ("https://example.org/world/2025/mar/04/pier-reopens", "2025-03-04"),
        ("https://example.org/blog/2025/March/04/pier-reopens", "2025-03-04"),
        ("https://example.org/blog/2025/spring/04/pier-reopens", None),
        ("https://example.org/2025/03/", None),  # an archive of the month, not a day
        ("https://example.org/t/2024-4-4-to-2024-5-0-upgrade/724779", None),  # versions
        ("https://example.org/2025/13/04/pier", None),  # no month 13
        ("https://example.org/2025/07/04/pier", None),  # after NOW
        ("https://example.org/pier?date=2025-03-04", None),  # the query is not the address
    ],
)
def test_a_full_year_first_date_in_the_url_path_is_read(url: str, expected: str | None) -> None:
    assert date_from_url(url, now=NOW) == expected


def test_a_month_name_glued_to_the_word_before_it_is_still_read() -> None:
    # Inline elements printed side by side without a space: a name and a date, a section
    # label and a date in capitals. A lower-case letter before the month is a word that runs on.
    found = find_dates("ByJane DoeMar 5, 2025 | 6 comments", now=NOW)
    assert [m.value for m in found] == ["2025-03-05"]
    found = find_dates("Mental HealthDECEMBER 22, 2024Updated: JANUARY 02, 2025", now=NOW)
    assert [m.value for m in found] == ["2024-12-22", "2025-01-02"]
    assert find_dates("summarch 5, 2025", now=NOW) == []


def test_a_month_name_glued_to_the_year_of_a_date_before_it_is_read() -> None:
    # A publication and an update date printed side by side without a space.
    found = find_dates("Posted on May 21, 2025April 24, 2025 by Jane Doe", now=NOW)
    assert [m.value for m in found] == ["2025-05-21", "2025-04-24"]
    assert [(m.start, m.end) for m in found] == [(10, 22), (22, 36)]
