"""Metadata of whole text dumps: headline, author, date, reading time, metadata lines, language.

The dumps here are invented, shaped like the crawler dumps users have: navigation first, then
headline, byline and body, then widgets.
"""

from __future__ import annotations

from datetime import date

import pytest

import cleaner
from cleaner._model import _UNSPACED, UNSPACED_FROM, count_words
from cleaner.metadata import language
from cleaner.metadata.language import detect_language
from cleaner.metadata.text import (
    extract_text_metadata,
    find_headline,
    guess_slash_order,
    title_hint_from_url,
)

NOW = date(2025, 6, 30)

NEWS_SITE_DUMP = """\
 date 2024-11-05 The Lantern Weekly: our first print issue. Order your copy today.

order now
Skip to content
Sections
World Politics Culture Science Harbor
More
About Careers Advertising
Newsletters
Shop
Harbor City, Elections, Transport, Ilse Varga
Edit post

Harbor council backs night ferry plan, first of three votes, mayor says

by Tomas Kral November 5, 2024 9:41 AM 3 min read
Ferry passengers wait at the north pier in Harbor City on Oct. 30, 2024. (Lantern archive)

The city council voted on Nov. 5 to back a plan for night ferries between the north and south piers, the mayor's office said in a statement after the session.

"We expect the first boats to sail in spring, and this vote is only the first of three that the plan needs," Mayor Ilse Varga told reporters outside the hall.

The council will take up the budget for the crossings in December, when two more votes are due.
Author: Tomas Kral
Comments
Most popular
Subscribe
"""

WIRE_STORY_DUMP = """\
Port workers to resume talks on Monday in Rotterdam, union says

Port workers and terminal operators will meet in Rotterdam on Monday, the dockers' union said, for talks...
Reuters Published 3 Nov, 2024 04:12pm

Port workers and terminal operators will meet in Rotterdam on Monday, the dockers' union said, for talks on shift rules that have kept container ships waiting at anchor for a week.

The union said the talks would focus on night shifts and on staffing at the two largest terminals, after a series of walkouts since October.

Ship owners back the talks, saying delays have cost them dearly.
"""


def _lines(dump: str) -> list[str]:
    return dump.split("\n")


def test_a_news_dump_gives_headline_author_date_and_reading_time_from_its_byline() -> None:
    lines = _lines(NEWS_SITE_DUMP)
    meta = extract_text_metadata(lines, now=NOW)
    assert meta.title == "Harbor council backs night ferry plan, first of three votes, mayor says"
    assert meta.title_index is not None and lines[meta.title_index] == meta.title
    assert meta.author == "Tomas Kral"
    assert meta.date == "2024-11-05T09:41"
    assert meta.reading_time == 3


def test_the_byline_lines_are_reported_as_metadata_and_the_banner_date_is_not() -> None:
    lines = _lines(NEWS_SITE_DUMP)
    meta = extract_text_metadata(lines, now=NOW)
    byline = lines.index("by Tomas Kral November 5, 2024 9:41 AM 3 min read")
    author_box = lines.index("Author: Tomas Kral")
    assert meta.metadata_lines == {byline: "metadata.byline", author_box: "metadata.byline"}


def test_a_wire_story_gives_the_agency_as_author_and_skips_the_teaser_for_the_headline() -> None:
    lines = _lines(WIRE_STORY_DUMP)
    meta = extract_text_metadata(lines, now=NOW)
    assert meta.title_index == 0
    assert meta.author == "Reuters"
    assert meta.date == "2024-11-03T16:12"
    assert meta.metadata_lines == {3: "metadata.byline"}


def test_dumps_without_blank_lines_give_the_same_metadata() -> None:
    lines = [line for line in _lines(NEWS_SITE_DUMP) if line.strip()]
    meta = extract_text_metadata(lines, now=NOW)
    assert (meta.title, meta.author, meta.date) == (
        "Harbor council backs night ferry plan, first of three votes, mayor says",
        "Tomas Kral",
        "2024-11-05T09:41",
    )


def test_a_date_line_next_to_the_byline_wins_over_a_date_in_the_header() -> None:
    lines = [
        "Monday, June 2, 2025",
        "Home News Sport Weather",
        "Volunteers restore the old mill pond after ten years",
        "By Nora Quist",
        "Published: 14 May 2025",
        "Volunteers spent three weekends clearing reeds and silt from the pond, which had been "
        "left to fill in since the mill closed, and the first ducks came back last week.",
    ]
    meta = extract_text_metadata(lines, now=NOW, with_language=False)
    assert meta.author == "Nora Quist"
    assert meta.date == "2025-05-14"
    assert meta.title_index == 2
    assert meta.metadata_lines == {0: "metadata.date", 3: "metadata.byline", 4: "metadata.date"}


@pytest.mark.parametrize(
    ("updated", "published"),
    [("Updated: 20 June 2025", "Published: 2 March 2025"),
     ("Updated on 20 June 2025", "Published 2 March 2025")],
)  # fmt: skip
def test_a_publication_date_is_preferred_to_an_update_date(updated: str, published: str) -> None:
    lines = [
        "How to keep basil alive on a windowsill",
        "By Ines Carvalho",
        updated,
        published,
        "Basil wants light, warmth and water that drains away; most windowsill plants die from "
        "too much water rather than too little, so let the top of the soil dry out first.",
    ]
    meta = extract_text_metadata(lines, now=NOW, with_language=False)
    assert meta.date == "2025-03-02"


def test_a_split_byline_and_a_lone_name_beside_the_date_are_found() -> None:
    split = [
        "Repairing a cracked clay pot with epoxy and sand",
        "By",
        "Hugo Lindqvist",
        "April 12, 2025",
        "A cracked pot can often be saved: clean the break, mix epoxy with fine sand, press the "
        "halves together and leave it clamped overnight before you water the plant again.",
    ]
    meta = extract_text_metadata(split, now=NOW, with_language=False)
    assert (meta.author, meta.date, meta.title_index) == ("Hugo Lindqvist", "2025-04-12", 0)
    assert meta.metadata_lines == {1: "metadata.byline", 2: "metadata.byline", 3: "metadata.date"}

    lone = ["Repairing a cracked clay pot with epoxy and sand", "Hugo Lindqvist", *split[3:]]
    meta = extract_text_metadata(lone, now=NOW, with_language=False)
    assert (meta.author, meta.date) == ("Hugo Lindqvist", "2025-04-12")


def test_comment_headers_further_down_do_not_become_the_author() -> None:
    body = (
        "The trail climbs for two hours through beech forest before it opens onto the ridge, "
        "where the wind is strong and the views reach the sea on clear days."
    )
    comments = [
        line
        for name, day in (("Kai Brenner", "3/12/2025"), ("Lou Marchetti", "3/13/2025"))
        for line in (f"{name} {day} at 1:48am", "Great write-up, thanks for sharing the route.")
    ]
    lines = ["Walking the northern ridge in one day", body, "Comments", *comments]
    lines.insert(-2, "Pia Sorensen 3/14/2025 at 9:02pm")
    meta = extract_text_metadata(lines, now=NOW, with_language=False)
    assert meta.author is None
    assert meta.date is None


def test_a_title_hint_from_the_url_picks_the_matching_line() -> None:
    lines = [
        "Latest stories from the valley",
        "Council approves new cycle lanes on the river road",
        "Photos: the spring fair in pictures",
    ]
    hint = title_hint_from_url("https://example.org/news/council-approves-cycle-lanes-river-road")
    assert hint == "council approves cycle lanes river road"
    assert find_headline(lines, None, hint) == 1


def test_without_byline_date_or_hint_no_headline_is_guessed() -> None:
    assert find_headline(["Home", "Shop the spring sale now", "Contact us"], None) is None


def test_ambiguous_slash_dates_follow_the_pages_own_unambiguous_ones() -> None:
    assert guess_slash_order(["Posted 24/03/2025", "Edited 05/04/2025"]) == "dmy"
    assert guess_slash_order(["Posted 03/24/2025", "Edited 05/04/2025"]) == "mdy"
    assert guess_slash_order(["Posted 05/04/2025 9:00 ET"]) == "mdy"
    assert guess_slash_order(["Posted 05/04/2025"]) is None


def test_an_empty_dump_gives_empty_metadata() -> None:
    meta = extract_text_metadata([], now=NOW)
    assert (meta.title, meta.author, meta.date, meta.reading_time) == (None, None, None, None)
    assert meta.metadata_lines == {}
    assert meta.language is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "The council voted on Tuesday to back a plan for night ferries between the north and "
            "south piers, and the first boats are expected to sail in the spring.",
            "en",
        ),
        (
            "Der Stadtrat hat am Dienstag einem Plan für Nachtfähren zwischen dem Nord- und dem "
            "Südpier zugestimmt, die ersten Boote sollen im Frühjahr fahren.",
            "de",
        ),
        (
            "Міська рада у вівторок підтримала план нічних поромів між північним і південним "
            "причалами, і перші човни мають вийти навесні наступного року.",
            "uk",
        ),
    ],
)
def test_the_language_of_a_paragraph_is_detected(text: str, code: str) -> None:
    assert detect_language(text) == code


_LONG_ENGLISH = (
    "The council voted on Tuesday to back a plan for night ferries between the north and south "
    "piers. The first boats are expected to sail in the spring, and the harbour master said the "
    "crews would be hired from the town. Residents who work late shifts at the hospital and the "
    "fish market have asked for the service for years."
)


def test_a_long_text_is_identified_by_cld2_and_a_short_one_by_py3langid() -> None:
    assert count_words(_LONG_ENGLISH) >= language.CLD2_MIN_WORDS
    assert language._cld2(_LONG_ENGLISH) == "en"
    assert detect_language(_LONG_ENGLISH) == "en"
    short = "The council voted on Tuesday to back a plan for night ferries between the two piers."
    assert language.MIN_WORDS <= count_words(short) < language.CLD2_MIN_WORDS
    assert detect_language(short) == "en"


def test_without_cld2_py3langid_identifies_long_texts_too(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(language, "pycld2", None)
    assert detect_language(_LONG_ENGLISH) == "en"


def test_cld2s_old_and_script_codes_become_iso_639_1() -> None:
    hebrew = (
        "מועצת העיר הצביעה ביום שלישי בעד תוכנית למעבורות לילה בין המזח הצפוני למזח הדרומי, "
        "והסירות הראשונות צפויות להפליג באביב. מנהל הנמל אמר שהצוותים יגויסו מתושבי העיר, "
        "ותושבים שעובדים במשמרות לילה בבית החולים ובשוק הדגים ביקשו את השירות במשך שנים רבות. "
        "הכרטיסים יימכרו בתחנות ובאתר העירייה, והמחיר יהיה זהה למחיר האוטובוס הלילי בעיר."
    )
    assert count_words(hebrew) >= language.CLD2_MIN_WORDS
    assert detect_language(hebrew) == "he"  # CLD2 says "iw"


def test_chinese_and_japanese_text_without_spaces_has_a_language() -> None:
    # Words are counted as blocks count them (two characters a word), not by spaces.
    chinese = (
        "市议会周二投票支持在北码头和南码头之间开通夜间渡轮的计划，第一批渡轮预计将于明年春天启航。"
        "港务局长表示，船员将从本市居民中招聘。"
    )
    assert detect_language(chinese) == "zh"


def test_control_characters_and_noncharacters_do_not_stop_identification() -> None:
    # CLD2 rejects these; mojibake leaves C1 controls in real pages.
    noisy = _LONG_ENGLISH.replace("the town", "the\x93 town\x94").replace(
        "piers", "piers\ufdd0\uffff"
    )
    assert detect_language(noisy) == "en"
    assert detect_language(noisy + " \ud800") == "en"


def test_text_too_short_to_tell_gives_no_language() -> None:
    assert detect_language("Subscribe to our newsletter today") is None


def test_a_date_with_a_word_or_two_beside_it_gives_the_date_but_stays_in_the_body() -> None:
    lines = [
        "Menu",
        "Seven quiet beaches on the northern coast",
        "Travel | June 3, 2025",
        "The northern coast has dozens of coves that stay empty even in August, and most of them "
        "can be reached on foot from the coastal path in under an hour.",
    ]
    meta = extract_text_metadata(lines, now=NOW, with_language=False)
    assert meta.date == "2025-06-03"
    assert meta.title_index == 1
    assert 2 not in meta.metadata_lines


_PROSE = (
    "The northern coast has dozens of coves that stay empty even in August, and most of them "
    "can be reached on foot from the coastal path in under an hour."
)


def _page_with_date_lines(*date_lines: str) -> list[str]:
    # A cookie notice in prose opens the page, so the "article start" is far above the date;
    # the date lines sit deep in the page, beside no byline and no headline.
    lines = [
        "We use cookies to understand how you use this site and to improve your experience.",
        *["Menu item"] * 5,
        *[_PROSE] * 50,
    ]
    for k, line in enumerate(date_lines):
        lines.insert(40 + 5 * k, line)
    return lines


def test_the_only_date_line_of_a_page_is_its_fallback_date() -> None:
    meta = extract_text_metadata(
        _page_with_date_lines("Posted on April 13, 2023"), now=NOW, with_language=False
    )
    assert meta.date is None
    assert meta.fallback_date == "2023-04-13"


def test_several_date_lines_give_no_fallback_date() -> None:
    # Dated teasers or comments: no line tells which date is the page's own.
    meta = extract_text_metadata(
        _page_with_date_lines("April 13, 2023", "May 2, 2023"), now=NOW, with_language=False
    )
    assert (meta.date, meta.fallback_date) == (None, None)


def test_a_chosen_date_leaves_no_fallback_date() -> None:
    lines = ["Seven quiet beaches on the northern coast", "June 3, 2025", _PROSE]
    meta = extract_text_metadata(lines, now=NOW, with_language=False)
    assert meta.date == "2025-06-03"
    assert meta.fallback_date is None


def test_a_dump_whose_only_date_line_stands_apart_gets_that_date() -> None:
    doc = cleaner.clean("\n".join(_page_with_date_lines("Last updated: November 13, 2024")))
    assert doc.date == "2024-11-13"


def test_a_publication_label_gives_the_fallback_date_of_a_wordy_line_which_stays_in_the_body() -> (
    None
):
    lines = _page_with_date_lines("Essay - Published: 2025.06.17 | travel | coast | walking")
    meta = extract_text_metadata(lines, now=NOW, with_language=False)
    assert (meta.date, meta.fallback_date) == (None, "2025-06-17")
    assert 40 not in meta.metadata_lines


def test_a_date_in_a_wordy_line_without_a_publication_label_gives_no_fallback_date() -> None:
    lines = _page_with_date_lines("Essay - Revised: 2025.06.17 | travel | coast | walking")
    assert extract_text_metadata(lines, now=NOW, with_language=False).fallback_date is None


def test_two_labelled_publication_dates_give_no_fallback_date() -> None:
    # Comments each "Posted on" their own day: none of them is the page's.
    lines = _page_with_date_lines(
        "Ana wrote: Posted on June 2, 2025 at 9:00 and liked it a lot",
        "Sam wrote: Posted on June 4, 2025 at 7:00 and did not like it",
    )
    assert extract_text_metadata(lines, now=NOW, with_language=False).fallback_date is None


def test_a_line_a_byline_lead_in_opens_gives_the_fallback_date_and_stays_in_the_body() -> None:
    # The byline parser does not read "◆" as a separator; the date is still the byline's.
    lines = _page_with_date_lines("by Ana Ruiz ◆ June 17, 2025 ◆ 6 min read")
    meta = extract_text_metadata(lines, now=NOW, with_language=False)
    assert (meta.date, meta.fallback_date, meta.author) == (None, "2025-06-17", None)
    assert meta.metadata_lines == {}


def test_a_thread_started_by_line_dates_the_page_before_a_lone_date_line() -> None:
    alone = _page_with_date_lines("June 6, 2025")
    assert extract_text_metadata(alone, now=NOW, with_language=False).fallback_date == (
        "2025-06-06"
    )
    lines = _page_with_date_lines(
        "Discussion in 'Help' started by jdoe, May 26, 2025.", "June 6, 2025"
    )
    assert extract_text_metadata(lines, now=NOW, with_language=False).fallback_date == (
        "2025-05-26"
    )


def test_a_sentence_opening_with_by_and_a_date_gives_no_fallback_date() -> None:
    lines = _page_with_date_lines("By January 5, 2025, all boats must leave the harbour")
    assert extract_text_metadata(lines, now=NOW, with_language=False).fallback_date is None


def test_two_lines_a_byline_lead_in_opens_give_no_fallback_date() -> None:
    lines = _page_with_date_lines(
        "by Ana Ruiz ● June 17, 2025 ● reply", "by Sam Roe ● June 18, 2025 ● reply"
    )
    assert extract_text_metadata(lines, now=NOW, with_language=False).fallback_date is None


def test_an_update_label_on_the_line_above_marks_the_date_below_as_an_update() -> None:
    lines = [
        "Best movers in the city",
        "February 8, 2022",
        "Table of contents",
        "Last update:",
        "July 16, 2025",
        "Moving house is easier with a crew that has done it a thousand times; here is how we "
        "compared the companies and what each of them charges.",
    ]
    meta = extract_text_metadata(lines, now=date(2025, 12, 1), with_language=False)
    assert meta.date == "2022-02-08"


def test_no_character_below_the_unspaced_bound_is_chinese_or_japanese() -> None:
    # `count_words` looks for Chinese and Japanese characters only in texts with a character
    # at or above UNSPACED_FROM.
    below = (chr(code) for code in range(UNSPACED_FROM) if not 0xD800 <= code <= 0xDFFF)
    assert not any(_UNSPACED.match(char) for char in below)
    assert _UNSPACED.match(chr(UNSPACED_FROM))
    assert count_words("東京タワーに行きました") == 1 + 11 // 2
    assert count_words("“Quoted” – café") == 3


def test_every_character_cld2_rejects_is_among_those_that_send_a_text_to_be_cleaned() -> None:
    # `_cld2` replaces the rejected characters only in a text that holds one of the quick
    # test's, so that test must find every one of them.
    high = [
        chr(plane | last)
        for plane in range(0x10000, 0x110000, 0x10000)
        for last in (0xFFFE, 0xFFFF)
    ]
    rejected = [char for char in (*map(chr, range(0x10000)), *high) if language._UNSAFE.match(char)]
    assert len(rejected) == 29 + 33 + 2048 + 32 + 34
    assert all(language._MAYBE_UNSAFE.match(char) for char in rejected)
    assert language._cld2("Caf\u00e9 \x85" + _LONG_ENGLISH) == "en"


def test_the_title_hint_passes_over_blank_lines_and_known_metadata() -> None:
    lines = ["", "Pier reopens after storm repairs", "", "Pier reopens after the storm", "Text."]
    hint = "pier reopens after storm repairs"
    assert find_headline(lines, None, hint) == 1
    # The best line is metadata: the next best that shares enough of the hint wins.
    assert find_headline(lines, None, hint, skip={1: "byline"}) == 3
    assert find_headline(["", "", ""], None, hint) is None


def test_a_date_the_page_says_it_was_originally_published_on_wins_over_its_byline_date() -> None:
    lines = [
        "Seven quiet beaches on the northern coast",
        "By Ana Ruiz | 30 Sep 2022, 11:07am",
        _PROSE,
        "This article was originally published on 26 Sep 2019 at 4:12pm but has been updated.",
    ]
    meta = extract_text_metadata(lines, now=NOW, with_language=False)
    assert (meta.date, meta.original_date) == ("2022-09-30T11:07", "2019-09-26T16:12")
    assert cleaner.clean("\n\n".join(lines), kind="text").date == "2019-09-26T16:12"


def test_a_first_published_preprint_date_is_not_an_original_publication_date() -> None:
    # A paper's page says its preprint was "first published" before the paper itself.
    lines = [_PROSE, "Preprints of this paper are available, first published 04.Apr.2019."]
    assert extract_text_metadata(lines, now=NOW, with_language=False).original_date is None


def test_the_days_a_page_shows_are_those_of_every_date_outside_its_paragraphs() -> None:
    lines = [
        "Seven quiet beaches on the northern coast",
        "By Ana Ruiz, June 3, 2025",
        "Updated: June 20, 2025",
        # (A paragraph: longer than any byline.)
        f"{_PROSE} {_PROSE} The first ferry left on May 1, 2025.",
    ]
    meta = extract_text_metadata(lines, now=NOW, with_language=False)
    assert meta.shown_days == frozenset({"2025-06-03", "2025-06-20"})


def _slash_order_the_long_way(lines: list[str]) -> str | None:
    """`guess_slash_order` with every pattern searched on every dated line."""
    from collections import Counter

    from cleaner.metadata.text import _SLASH_DATE, _US_CUES

    votes: Counter[str] = Counter()
    us_cue = False
    for line in lines:
        for first, second in _SLASH_DATE.findall(line):
            a, b = int(first), int(second)
            if a > 12 >= b:
                votes["dmy"] += 1
            elif b > 12 >= a:
                votes["mdy"] += 1
        us_cue = us_cue or bool(_US_CUES.search(line))
    if votes:
        return "mdy" if votes["mdy"] >= votes["dmy"] else "dmy"
    return "mdy" if us_cue else None


@pytest.mark.parametrize(
    "lines",
    [
        ["Posted 3-24-2025", "Posted 04-05-2025"],
        ["24/03/2025 at 10:00 EST"],
        ["Updated 10:00 EDT 2025", "05/04/2025"],
        ["March 3,\u20032025 05/04/2025"],  # the comma and another white space
        ["Jan. 3, 2025", "05/04/2025"],
        ["10:00 est 2025", "05/04/2025"],  # a time zone in lower case is no cue
        ["ESTimated 2025", "05/04/2025"],
        ["3 March 2025", "05/04/2025", "2025-03-04"],
        ["2025/03/04", "1999–05–04"],
    ],
)
def test_the_slash_order_skips_patterns_only_on_lines_they_cannot_match(lines: list[str]) -> None:
    assert guess_slash_order(lines) == _slash_order_the_long_way(lines)


def test_a_repeated_title_is_found_in_any_case_and_length_the_folding_gives() -> None:
    # Blocks are folded only when their length allows them to equal the title: "ß" folds to
    # "ss", the Kelvin sign to "k", so non-ASCII blocks shorter than the title may still be it.
    from cleaner._model import Block
    from cleaner.filters.base import Page
    from cleaner.filters.metadata_lines import MetadataLines

    texts = [
        "Die Straße am Kanal",
        "DIE STRASSE AM KANAL",
        "die straße am kanal",
        "Die Straße am Kanal!",
        "Die Strasse am Kanal",
        "\u212aelvin scale",
        "kelvin scale",
        "KELVIN SCALE",
        "Kelvin",
        "",
    ]
    for title_index in (0, 1, 5, 6):
        page = Page([Block(i, t) for i, t in enumerate(texts)], "text")
        page.hints["title_index"] = title_index
        dropped = {i for i, v in MetadataLines().apply(page) if v.reason.endswith("repeated")}
        title = texts[title_index].casefold()
        expected = {i for i, t in enumerate(texts) if i != title_index and t.casefold() == title}
        assert dropped == expected
        assert dropped  # every title here is repeated


def _page_under_a_long_menu(*after_headline: str) -> tuple[list[str], int]:
    # A menu with a paragraph-like teaser opens the page and fills its first half, so neither
    # the first paragraph nor the top half is near the article; dated teasers follow it.
    menu = [
        "New: the X11 robot mop cleans wet and dry floors, charges in half an hour, finds its "
        "own way around the furniture and suits every home.",
        *[f"Menu item {k}" for k in range(60)],
    ]
    article = [
        "How robot vacuums map a home",
        *after_headline,
        _PROSE,
        _PROSE,
        "Related articles",
        *[line for day in (3, 9) for line in ("How to clean robot sensors", f"2025-03-{day:02d}")],
    ]
    return menu + article, len(menu)


def test_a_date_line_under_the_known_headline_dates_the_page_when_a_menu_holds_the_first_paragraph() -> (
    None
):
    lines, headline = _page_under_a_long_menu("2024-11-06")
    meta = extract_text_metadata(lines, now=NOW, with_language=False, headline=headline)
    assert meta.date == "2024-11-06"
    assert headline + 1 in meta.metadata_lines
    # Without the headline's line, nothing places the article among the page's dates.
    unplaced = extract_text_metadata(lines, now=NOW, with_language=False)
    assert (unplaced.date, unplaced.fallback_date) == (None, None)


def test_a_dated_byline_beside_the_headline_is_the_articles_though_more_follow_as_a_list() -> None:
    lines = [
        "Dec 17, 2024 Julia Fenwick",
        "Hardware-attested builds you can trust",
        _PROSE,
        _PROSE,
        "Other posts:",
        "Nov 25, 2024 Julia Fenwick",
        "Oct 30, 2024 Omar Sethi and Julia Fenwick",
        "Oct 29, 2024 Omar Sethi",
    ]
    meta = extract_text_metadata(lines, now=NOW, with_language=False, headline=1)
    assert (meta.author, meta.date) == ("Julia Fenwick", "2024-12-17")
    # Without the headline, four dated bylines are a list and none is the article's.
    listed = extract_text_metadata(lines, now=NOW, with_language=False)
    assert (listed.author, listed.date) == (None, None)


def test_a_short_dated_line_under_the_headline_is_the_fallback_date_but_an_offer_there_is_not() -> (
    None
):
    lines, headline = _page_under_a_long_menu("Ryan Bald 02 Feb 2024 Product Reviews 7 Comments")
    meta = extract_text_metadata(lines, now=NOW, with_language=False, headline=headline)
    assert (meta.date, meta.fallback_date) == (None, "2024-02-02")
    assert headline + 1 not in meta.metadata_lines  # it stays in the body
    offer, headline = _page_under_a_long_menu("Sale ends 03/31/2025. While supplies last.")
    meta = extract_text_metadata(offer, now=NOW, with_language=False, headline=headline)
    assert meta.fallback_date is None


def test_a_numeric_date_whose_order_is_ambiguous_records_its_other_reading() -> None:
    lines = [
        "How long a kitchen renovation takes",
        "By Dana Park",
        "09.10.2024",
        "Updated 03/24/2025",
        "Posted 2025-02-12 and 12.12.2024",
        f"{_PROSE} {_PROSE}",
    ]
    meta = extract_text_metadata(lines, now=NOW, with_language=False)
    # Day first (dotted): 9 October, or 10 September. "03/24/2025", a year-first date and a
    # date that reads the same both ways have no other reading.
    assert meta.other_readings == {"2024-10-09": "2024-09-10"}


def test_a_name_alone_under_the_headline_of_a_dated_article_is_its_author() -> None:
    lines = [
        "Menu",
        "How to prune roses in winter",
        "Lisa Pham",
        "Gardening",
        "Share this",
        "Updated March 3, 2025",
        _PROSE,
    ]
    meta = extract_text_metadata(lines, now=NOW, with_language=False, headline=1)
    assert meta.author == "Lisa Pham"


def test_a_range_name_under_a_product_pages_headline_without_a_date_is_no_author() -> None:
    lines = ["Menu", "Guitars for every player", "Electric Guitar", _PROSE]
    meta = extract_text_metadata(lines, now=NOW, with_language=False, headline=1)
    assert meta.author is None


_PROSE = (
    "Cut each cane back to an outward-facing bud, and clear away the fallen leaves so that "
    "the fungus that causes black spot has nowhere to spend the winter months."
)


def test_a_bracketed_edit_note_after_a_posts_date_leaves_it_a_date_line() -> None:
    # A forum's first post: its date, then a note on its last edit; the replies follow.
    lines = [
        "SMF or MyBB: which one should I move to?",
        "jdoe",
        "2019-02-23, 09:14 PM (This post was last modified: 2024-01-05, 03:27 AM by jdoe. "
        "Edited 1 time in total.)",
        _PROSE,
        "ana",
        "2019-02-24, 02:31 AM",
        _PROSE,
    ]
    meta = extract_text_metadata(lines, now=NOW, with_language=False)
    assert meta.date == "2019-02-23T21:14"
    assert 2 not in meta.metadata_lines  # the note is not metadata: the line stays in the body
    # Before the date, a bracket is a title's: a list of posts does not date the page by it.
    listed = ["Testing Time (and other asynchronicities), 26 August 2024", _PROSE]
    assert extract_text_metadata(listed, now=NOW, with_language=False).date is None


def test_the_only_month_and_year_line_dates_a_page_to_the_month() -> None:
    meta = extract_text_metadata(
        _page_with_date_lines("November 2015"), now=NOW, with_language=False
    )
    assert (meta.date, meta.fallback_date, meta.month_date) == (None, None, "2015-11")
    labelled = _page_with_date_lines("Date: Nov. 2003")
    assert extract_text_metadata(labelled, now=NOW, with_language=False).month_date == "2003-11"
    # An archive lists months: no one of them is the page's. Nor is a member's join date.
    archive = _page_with_date_lines("December 2024", "November 2024")
    assert extract_text_metadata(archive, now=NOW, with_language=False).month_date is None
    joined = _page_with_date_lines("Joined: Feb 2019")
    assert extract_text_metadata(joined, now=NOW, with_language=False).month_date is None


def test_a_month_line_dates_a_page_only_when_no_full_date_does() -> None:
    page = (
        '<html><head><meta property="article:modified_time" content="2025-09-17T17:00:00">'
        "</head><body><article><h1>Lessons for climate policy</h1><p>November 2003</p>"
        f"<p>{_PROSE}</p></article></body></html>"
    )
    assert cleaner.clean(page, kind="html").date == "2003-11"
    dated = page.replace("<p>November 2003</p>", "<p>November 2003</p><p>March 4, 2004</p>")
    assert cleaner.clean(dated, kind="html").date == "2004-03-04"


# -- headline without a byline, breadcrumbs, echoes of the slug, page names ---------------------

_SHOP_PROSE = (
    "Our bottles keep water cold for a whole day on the trail, and every one of them is made "
    "from steel that can be recycled when the bottle is finally worn out."
)


def test_without_byline_or_date_the_heading_above_the_first_paragraph_is_the_headline() -> None:
    dump = "\n\n".join(
        [
            "Shop Stories Help",
            "Free delivery over 40 euros",
            "Trail Bottle for Long Days",
            _SHOP_PROSE,
        ]
    )
    meta = extract_text_metadata(dump.split("\n\n"), with_language=False)
    # The line stays in the body: a guess from the first paragraph may be a subheading.
    assert (meta.title, meta.title_index) == ("Trail Bottle for Long Days", None)
    doc = cleaner.clean(dump, kind="text")
    assert doc.title == "Trail Bottle for Long Days"
    # A heading below the first paragraph is a subheading, not the headline.
    lines = ["Shop", _SHOP_PROSE, "Care and Cleaning of the Bottle"]
    assert extract_text_metadata(lines, with_language=False).title is None


def test_a_breadcrumb_ending_with_the_headline_gives_way_to_the_headline() -> None:
    lines = [
        "Home > Guides > Your Guide to Choosing an Electric Car",
        "Your Guide to Choosing an Electric Car",
        _SHOP_PROSE,
    ]
    hint = title_hint_from_url("https://example.org/guides/your-guide-to-choosing-an-electric-car")
    assert find_headline(lines, 2, hint) == 1
    assert find_headline(lines, 2) == 1
    # A line that ends with a short label ("this year") keeps it: a headline has 3+ words.
    assert find_headline(["Best gear for the trail this year", "this year", _SHOP_PROSE], 2) == 0


def test_the_headline_above_the_byline_wins_over_a_later_line_closer_to_the_slug() -> None:
    lines = [
        "The Best Lightweight Gaming Mice in 2026",
        "By Sam Horti",
        _SHOP_PROSE,
        "Best Lightweight Gaming Mouse",
        _SHOP_PROSE,
    ]
    hint = title_hint_from_url("https://example.org/articles/best-lightweight-gaming-mouse")
    assert find_headline(lines, 1, hint) == 0
    # Below the slug's line, the anchored line does not win: the slug's line came first.
    later = [lines[3], "Deals of the week", lines[0], lines[1], _SHOP_PROSE]
    assert find_headline(later, 3, hint) == 0


def test_a_product_name_shaped_like_a_persons_name_matches_the_slug() -> None:
    lines = ["Shop Women Dresses", "Iris Rust Hemp Dress", "Three layers of flowy dress", "EUR 90"]
    hint = title_hint_from_url("https://example.org/shop/dress/iris-rust-hemp-dress/")
    assert find_headline(lines, None, hint) == 1
    # Without the slug, a name-shaped line is still not taken as the headline.
    assert find_headline(["Iris Rust Hemp Dress", _SHOP_PROSE], 1) is None


def test_a_short_slug_names_the_page_by_its_line() -> None:
    url = "https://example.org/collections/water-bottles"
    dump = "\n\n".join(["Shop Bottles Bags Sale", "Water Bottles", _SHOP_PROSE])
    assert cleaner.clean(dump, kind="text", url=url).title == "Water Bottles"
    lines = ["Hire Movers in Jackson, NJ", "Jackson, NJ", _SHOP_PROSE]
    # A headline holding all the slug's words stays; a product id is no page name.
    meta = extract_text_metadata(lines, url="https://example.org/movers/jackson_nj/")
    assert meta.title == "Hire Movers in Jackson, NJ"
    lines = ["B0D1PC8551", "Wireless earbuds with a long battery life", _SHOP_PROSE]
    meta = extract_text_metadata(lines, url="https://example.org/dp/B0D1PC8551")
    assert meta.title == "Wireless earbuds with a long battery life"


def test_the_sites_name_after_the_headline_is_taken_off_the_title() -> None:
    lines = ["Marketing Tools for Small Shops | Get Local Agency", _SHOP_PROSE]
    meta = extract_text_metadata(lines, url="https://www.getlocal.agency/", with_language=False)
    assert meta.title == "Marketing Tools for Small Shops"
    url = "https://tires.bridgestone.com/learn/car-maintenance-checklist"
    lines = ["The Car Maintenance Checklist - Bridgestone Tires", _SHOP_PROSE]
    assert extract_text_metadata(lines, url=url).title == "The Car Maintenance Checklist"
    # A last part that is not the site's name stays ("Part 2" is no host).
    lines = ["Bottles for the Trail - Part 2", _SHOP_PROSE]
    assert extract_text_metadata(lines, url=url).title == "Bottles for the Trail - Part 2"


# -- forums, author cards, bylines beside a date, a list far from the article --------------------


def test_the_first_of_a_threads_dated_post_headers_gives_the_author() -> None:
    # phpBB: each post opens with "Post by NAME » date"; the first post is short, so the first
    # paragraph is a reply's, and the opening post's header is not the nearest to it.
    lines = [
        "Discuss the 7.1.0 release here",
        "Post by galitsyn » 11. Sep 2024, 18:36",
        "You can download the release here.",
        "Post by ehasis » 11. Sep 2024, 22:05",
        _PROSE,
    ]
    meta = extract_text_metadata(lines, now=NOW, with_language=False)
    assert (meta.author, meta.date) == ("galitsyn", "2024-09-11T18:36")
    assert 1 not in meta.metadata_lines  # a forum's post headers stay in its body


def test_a_discourse_threads_first_post_header_gives_the_author_and_date() -> None:
    lines = [
        "The best films of 2024",
        "Cafe Society",
        "Mahaloth January 11, 2025, 12:04am 1",
        _PROSE,
        "peccavi January 11, 2025, 1:13am 2",
        _PROSE,
    ]
    meta = extract_text_metadata(lines, now=NOW, with_language=False)
    assert (meta.author, meta.date) == ("Mahaloth", "2025-01-11T00:04")


def test_a_user_name_after_by_counts_with_a_date_on_the_next_line() -> None:
    lines = ["Scalable end-to-end interpretability", "by jsteinhardt", "18th Dec 2024", _PROSE]
    meta = extract_text_metadata(lines, now=NOW, with_language=False)
    assert (meta.author, meta.date) == ("jsteinhardt", "2024-12-18")
    assert 1 in meta.metadata_lines
    # Without the date, "by" and one word is a filter or a heading ("By Car").
    undated = extract_text_metadata([*lines[:2], _PROSE], now=NOW, with_language=False)
    assert undated.author is None


def test_a_name_under_its_photos_alt_text_is_the_author_above_or_below_the_article() -> None:
    head = ["Pros and cons of consulting", "Picture of Liz Kenny", "Liz Kenny", "Former Consultant"]
    meta = extract_text_metadata([*head, _PROSE], now=NOW, with_language=False)
    assert meta.author == "Liz Kenny"
    card = ["Avatar of Camille Cunningham", "Camille Cunningham", "Camille writes about search."]
    below = ["What is search engine optimisation?", _PROSE, _PROSE, *_PROSE_FILLER, *card]
    assert extract_text_metadata(below, now=NOW, with_language=False).author == "Camille Cunningham"
    # Two cards below the article are a list of people; a Q&A site's "user avatar" is anyone's.
    two = [*below, "Avatar of Omar Sethi", "Omar Sethi"]
    assert extract_text_metadata(two, now=NOW, with_language=False).author is None
    asker = ["How long does bread keep?", _PROSE, "Mark Mayo's user avatar", "Mark Mayo"]
    assert extract_text_metadata(asker, now=NOW, with_language=False).author is None


def test_a_dated_byline_by_the_first_paragraph_is_the_articles_though_a_list_follows_far_below() -> (
    None
):
    others = ["Tom Talbot October 7, 2024", "Tom Talbot October 21, 2024", "Omar Sethi Oct 2, 2024"]
    lines = ["51 tools every electrician needs", "Tom Talbot October 14, 2024", _PROSE]
    lines += [*_PROSE_FILLER, *others]
    meta = extract_text_metadata(lines, now=NOW, with_language=False)
    assert (meta.author, meta.date) == ("Tom Talbot", "2024-10-14")


_PROSE_FILLER = [f"Step {n}: check the wiring." for n in range(1, 26)]


def test_a_date_line_just_below_the_first_paragraph_dates_the_page() -> None:
    # The first paragraph is the article's deck; the date line follows it.
    lines = [
        "Menu",
        "Seven quiet beaches on the northern coast",
        _PROSE,
        "June 3, 2025",
        "8 min read",
        _PROSE,
    ]
    meta = extract_text_metadata(lines, now=NOW, with_language=False)
    assert meta.date == "2025-06-03"
    assert meta.metadata_lines == {3: "metadata.date", 4: "metadata.reading-time"}


def test_a_date_line_far_below_the_first_paragraph_does_not_date_the_page() -> None:
    lines = ["Menu", "Seven quiet beaches", _PROSE, "Share", "Print", "June 3, 2025", _PROSE]
    meta = extract_text_metadata(lines, now=NOW, with_language=False)
    assert meta.date is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("June 3, 2025/Living Healthy/Travel", "2025-06-03"),
        ("2025-06-03#travel#coast#walking", "2025-06-03"),
        ("June 3, 2025 · 30 min · 6279 words · Ana Ruiz", "2025-06-03"),
        ("Essay - Published: 2025.06.03 | travel | coast | walking |", "2025-06-03"),
        # a label other than a publication's, a sentence, too many words: no date
        ("Essay - Revised: 2025.06.03 | travel | coast | walking |", None),
        (
            "June 3, 2025 was the day the ferry to the northern coast stopped. It never came back.",
            None,
        ),
        ("June 3, 2025 | one two three four five six seven eight nine ten eleven", None),
    ],
)
def test_a_short_line_opened_by_a_date_dates_the_page_and_stays_in_the_body(
    line: str, expected: str | None
) -> None:
    lines = ["Menu", "Seven quiet beaches on the northern coast", line, _PROSE, _PROSE]
    meta = extract_text_metadata(lines, now=NOW, with_language=False)
    assert meta.date == expected
    assert meta.metadata_lines == {}


def test_only_the_first_line_with_a_date_among_words_may_date_the_page() -> None:
    # The first dated line is a related story's teaser with its title: no date; the date-led
    # line after it is not looked at.
    lines = [
        "Seven quiet beaches on the northern coast",
        "Read next: The ferry returns, a long story of the harbor June 2, 2025",
        "June 3, 2025 | Travel & Coast",
        _PROSE,
    ]
    assert extract_text_metadata(lines, now=NOW, with_language=False).date is None


def test_a_date_led_line_in_the_lower_half_of_the_dump_does_not_date_the_page() -> None:
    lines = ["Seven quiet beaches", _PROSE, *["Menu item"] * 4, "June 3, 2025 | Travel & Coast"]
    assert extract_text_metadata(lines, now=NOW, with_language=False).date is None
