"""The public surface and the contracts of `clean` and `Document`."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from dataclasses import replace

import pytest

import cleaner
from cleaner import Block, CleanOptions, Document, Verdict

ARTICLE = """Home News Sport Culture
Ferry service resumes after winter storm

The harbour ferry made its first crossing in nine days on Monday, carrying about forty passengers and a van of post.

Crews spent the weekend clearing ice from the landing ramps, the operator said in a statement.

He declined to comment further.
Share on Facebook
Most popular
"""


def test_public_surface_is_the_documented_one() -> None:
    assert cleaner.__all__ == sorted(cleaner.__all__)
    assert set(cleaner.__all__) == {
        "BatchJob",
        "BinaryInput",
        "Block",
        "CleanOptions",
        "Cleaner",
        "CleanerError",
        "Document",
        "EmptyInput",
        "Filter",
        "InputError",
        "InputTooLarge",
        "Page",
        "RulesFileError",
        "Verdict",
        "__version__",
        "clean",
        "clean_sources",
        "drop",
        "find_inputs",
        "keep",
    }
    for name in cleaner.__all__:
        assert hasattr(cleaner, name)


def test_clean_returns_an_immutable_document_with_every_block_and_its_reason() -> None:
    doc = cleaner.clean(ARTICLE, kind="text")
    assert isinstance(doc, Document)
    assert doc.kind == "text"
    assert len(doc.blocks) == len([line for line in ARTICLE.splitlines() if line.strip()])
    assert all(isinstance(b, Block) for b in doc.blocks)
    assert all(b.kept or b.reason for b in doc.blocks)
    with pytest.raises(AttributeError):
        doc.text = "changed"  # type: ignore[misc]


def test_body_paragraphs_are_separated_by_a_blank_line_in_reading_order() -> None:
    doc = cleaner.clean(ARTICLE, kind="text")
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0].startswith("The harbour ferry made its first crossing")
    assert paragraphs[-1] == "He declined to comment further."


def test_to_dict_is_json_ready_and_can_leave_blocks_out() -> None:
    doc = cleaner.clean(ARTICLE, kind="text")
    data = json.loads(json.dumps(doc.to_dict()))
    assert data["text"] == doc.text and data["kind"] == "text"
    assert len(data["blocks"]) == len(doc.blocks)
    assert "blocks" not in doc.to_dict(blocks=False)


def test_bytes_are_decoded_by_their_declared_or_detected_charset() -> None:
    text = "Привет, мир. Это статья о погоде в городе, где зима была долгой и снежной в этом году."
    doc = cleaner.clean(text.encode("cp1251"), kind="text")
    assert doc.error is None
    assert "зима была долгой" in doc.text


def test_utf8_bom_and_utf16_are_decoded() -> None:
    body = "A ferry crossed the harbour on Monday for the first time in nine days of storm."
    assert body in cleaner.clean(b"\xef\xbb\xbf" + body.encode(), kind="text").text
    assert body in cleaner.clean(body.encode("utf-16"), kind="text").text


_HTML_PAGE = (
    "<html><head><meta charset='{charset}'><title>Café notes</title></head><body>"
    "<nav><a href='/'>Home</a> · <a href='/news'>News</a></nav><article><h1>Café notes</h1>"
    "<p>The café by the harbour reopened on Monday after the storm, its façade repainted "
    "and its terrace rebuilt by the crews who cleared the landing ramps — “at last”, the "
    "owner said.</p><p>Its menu is the same as before, the owner said, save for a new "
    "crème brûlée and a longer list of teas.</p></article></body></html>"
)


@pytest.mark.parametrize(
    ("charset", "wrap"),
    [
        ("utf-8", lambda data: data),  # parsed from the bytes as they came
        ("utf-8", lambda data: b"\xef\xbb\xbf" + data),  # a byte-order mark
        ("utf-8", gzip.compress),
        ("windows-1252", lambda data: data),  # a legacy encoding: decoded, then encoded
    ],
)
def test_html_bytes_give_what_their_text_gives(
    charset: str, wrap: Callable[[bytes], bytes]
) -> None:
    page = _HTML_PAGE.format(charset=charset)
    encoding = "cp1252" if charset == "windows-1252" else "utf-8"
    # (The dash and quotes are not in windows-1252's Latin-1 half but are in the code page.)
    from_bytes = cleaner.clean(wrap(page.encode(encoding)), kind="html")
    from_text = cleaner.clean(page, kind="html")
    assert from_bytes.error is None
    assert "crème brûlée" in from_bytes.text and "“at last”" in from_bytes.text
    assert (from_bytes.text, from_bytes.title) == (from_text.text, from_text.title)


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        (b"", "empty"),
        ("   \n\t  ", "empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary"),
        (bytes(range(32)) * 100, "binary"),
    ],
)
def test_bad_input_gives_a_record_with_a_clear_error(raw: str | bytes, code: str) -> None:
    doc = cleaner.clean(raw)
    assert doc.text == ""
    assert doc.error is not None and doc.error.startswith(code)


def test_bad_input_raises_when_asked_to() -> None:
    with pytest.raises(cleaner.EmptyInput):
        cleaner.clean("", raise_errors=True)


def test_input_above_the_size_limit_is_refused_with_an_error_record() -> None:
    doc = cleaner.clean("word " * 1000, max_bytes=100)
    assert doc.error is not None and doc.error.startswith("too-large")


def test_a_page_that_is_all_boilerplate_gives_empty_text_and_the_reason() -> None:
    doc = cleaner.clean("Skip to content\nSubscribe\nAccept all cookies\n", kind="text")
    assert doc.text == ""
    assert doc.error is None
    assert doc.reason and "dropped" in doc.reason


def test_options_can_be_passed_as_an_object_or_as_keywords() -> None:
    a = cleaner.clean(ARTICLE, kind="text", options=CleanOptions(structure=False))
    b = cleaner.clean(ARTICLE, kind="text", structure=False)
    assert a == b
    assert "Home News Sport Culture" in a.text


def test_a_cleaner_object_reuses_its_pipeline_and_gives_the_same_result() -> None:
    engine = cleaner.Cleaner(structure=False)
    assert engine.clean(ARTICLE, kind="text") == cleaner.clean(
        ARTICLE, kind="text", structure=False
    )
    assert engine.clean(ARTICLE, kind="text") == engine.clean(ARTICLE, kind="text")


def test_clean_without_options_shares_one_pipeline_between_calls() -> None:
    from cleaner._api import _default_cleaner

    shared = _default_cleaner()
    memo = shared.filters[[type(f).__name__ for f in shared.filters].index("RuleBook")]._memo
    first = cleaner.clean(ARTICLE, kind="text")
    assert _default_cleaner() is shared
    assert "Share on Facebook" in memo  # the call filled the shared memo...
    # ...and what it remembers does not change a later result: a fresh pipeline agrees.
    assert (
        cleaner.clean(ARTICLE, kind="text")
        == first
        == cleaner.Cleaner().clean(ARTICLE, kind="text")
    )
    # Options, as an object or as keywords, build a pipeline of their own.
    assert "Home News Sport Culture" in cleaner.clean(ARTICLE, kind="text", structure=False).text
    assert "Home News Sport Culture" not in first.text


def test_include_blocks_false_leaves_the_blocks_out() -> None:
    assert cleaner.clean(ARTICLE, kind="text", include_blocks=False).blocks == ()


def test_an_html_page_cleaned_without_its_blocks_is_the_same_document_less_them() -> None:
    # Without blocks to show, the blocks are made without their DOM paths and attributes,
    # which no built-in filter reads.
    page = (
        "<html><head><title>Ferry service resumes</title></head><body>"
        "<nav class='menu'><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        "<article class='story'><h1>Ferry service resumes after winter storm</h1>"
        + "".join(f"<p>{line}</p>" for line in ARTICLE.splitlines()[2:] if line)
        + "</article><footer>© Harbour News</footer></body></html>"
    )
    with_blocks = cleaner.clean(page, kind="html")
    without = cleaner.clean(page, kind="html", include_blocks=False)
    assert with_blocks.blocks and not without.blocks
    assert without == replace(with_blocks, blocks=())


def test_kind_is_detected_from_the_input() -> None:
    assert cleaner.clean(ARTICLE).kind == "text"
    html = (
        "<!doctype html><html><body><p>"
        + "A sentence of the body text. " * 5
        + "</p></body></html>"
    )
    assert cleaner.clean(html).kind == "html"


def test_an_unknown_kind_is_a_usage_error() -> None:
    with pytest.raises(ValueError, match="kind"):
        cleaner.clean(ARTICLE, kind="pdf")  # type: ignore[arg-type]


def test_a_user_function_filter_drops_lines_with_its_name_as_reason() -> None:
    def no_ferries(block: Block) -> bool:
        return "ferry" not in block.text.casefold()

    doc = cleaner.clean(ARTICLE, kind="text", filters=[no_ferries])
    dropped = [b for b in doc.blocks if b.decided_by == "no_ferries"]
    assert dropped and all("ferry" in b.text.casefold() for b in dropped)
    assert "ferry" not in doc.text.casefold()


def test_a_user_keep_verdict_protects_a_line_from_later_filters() -> None:
    def keep_share(block: Block) -> Verdict | None:
        return cleaner.keep("mine.share") if block.text == "Share on Facebook" else None

    doc = cleaner.clean(ARTICLE, kind="text", filters=[keep_share], structure=False)
    assert "Share on Facebook" in doc.text
    assert any(b.reason == "mine.share" and b.kept for b in doc.blocks)


def test_a_filter_returning_something_odd_is_reported_clearly() -> None:
    with pytest.raises(TypeError, match="returned int"):
        cleaner.clean(ARTICLE, kind="text", filters=[lambda b: 3], raise_errors=True)  # type: ignore[list-item,return-value]


_DECLARED_UTC = (
    '<html><head><meta property="article:published_time" content="2025-12-19T02:41:41+00:00">'
    "</head><body><article><h1>The pier reopens after the storm</h1><p>The town pier reopened "
    "on Thursday after three months of repairs, the council said in a statement.</p></article>"
    "</body></html>"
)


def test_the_day_in_the_url_wins_over_a_declared_utc_timestamp_of_the_next_day() -> None:
    doc = cleaner.clean(_DECLARED_UTC, url="https://example.org/2025/12/18/pier-reopens/")
    assert doc.date == "2025-12-18"


def test_a_declared_date_on_the_urls_day_keeps_its_time() -> None:
    doc = cleaner.clean(_DECLARED_UTC, url="https://example.org/2025/12/19/pier-reopens/")
    assert doc.date == "2025-12-19T02:41"


def test_the_day_in_the_url_dates_a_page_that_says_nothing_else() -> None:
    page = "Pier reopens\n\nThe town pier reopened on Thursday after three months of repairs."
    assert cleaner.clean(page, url="https://example.org/news/2024-05-03-pier").date == "2024-05-03"
    assert cleaner.clean(page, url="https://example.org/news/pier").date is None


_NEWSLETTER_BOX_DATE = (
    "<html><head><title>Night ferries: the plan | Lantern</title></head><body><nav>"
    "<a href='/'>Home</a> <a href='/news'>Night ferries: the plan</a></nav><main>"
    "<h1>Night ferries: the plan</h1><div class='newsletter-details-wrapper'>"
    "<p>November 2, 2022</p><p>|</p></div><article>"
    + "<p>The council voted on Monday to back a plan for night ferries between the north and "
    "south piers, the mayor's office said in a statement after the session.</p>"
    * 2
    + "</article></main></body></html>"
)


def test_a_date_under_the_h1_in_a_box_classed_as_a_newsletter_dates_the_page() -> None:
    # The box is furniture ("subscribe") and is dropped from the body, but the lines just
    # under the headline are read for the date whatever region holds them; the breadcrumb
    # that repeats the headline in the menu is not taken for it.
    doc = cleaner.clean(_NEWSLETTER_BOX_DATE)
    assert doc.date == "2022-11-02"
    assert "November 2, 2022" not in doc.text
    moved = _NEWSLETTER_BOX_DATE.replace(
        "<div class='newsletter-details-wrapper'><p>November 2, 2022</p><p>|</p></div>",
        "<div class='newsletter-details-wrapper'><p>Sign up</p><p>|</p><p>Get our emails</p>"
        "<p>November 2, 2022</p></div>",
    )
    assert cleaner.clean(moved).date is None  # further down, the box is furniture again


def _dotted_date_page(head: str, shown: str) -> str:
    return (
        f"<html><head>{head}</head><body><article><h1>How long a kitchen renovation takes"
        f"</h1><p>By Dana Park</p><p>{shown}</p><p>A kitchen renovation runs through four "
        "phases, from planning to the final inspection, and each one has its own delays.</p>"
        "</article></body></html>"
    )


def test_a_numeric_date_the_markup_declares_in_the_other_order_takes_the_declared_day() -> None:
    # "09.10.2024" is read day first (9 October); the page's JSON-LD says 10 September, a
    # day the text would otherwise never show, so the JSON-LD date gives way to the shown one.
    ld = (
        '<script type="application/ld+json">{"@type": "Article", '
        '"datePublished": "2024-09-10T16:07:00"}</script>'
    )
    assert cleaner.clean(_dotted_date_page(ld, "09.10.2024")).date == "2024-09-10T16:07"
    # A date that no order makes the declared one is still the text's.
    assert cleaner.clean(_dotted_date_page(ld, "21.10.2024")).date == "2024-10-21"


def test_a_numeric_date_shown_in_the_other_order_of_the_declared_modification_takes_it() -> None:
    # With no publication declared, a modification date that is the shown digits in the
    # other order settles the order; a date written in words is not read the other way.
    modified = '<meta property="article:modified_time" content="2025-12-02T10:00:00">'
    assert cleaner.clean(_dotted_date_page(modified, "12.02.2025")).date == "2025-12-02T10:00"
    assert cleaner.clean(_dotted_date_page(modified, "02.12.2025")).date == "2025-12-02"
    assert cleaner.clean(_dotted_date_page(modified, "February 12, 2025")).date == "2025-02-12"


def test_a_declared_author_that_is_the_site_itself_gives_way_to_the_printed_byline() -> None:
    page = (
        '<html><head><meta property="og:site_name" content="Glowline">'
        '<script type="application/ld+json">{"@type": "Article", "author": {"name": "Glowline"}}'
        "</script></head><body><article><h1>How much to charge for a yoga class</h1>"
        "<p>By Shauna Mitchell | March 3, 2025</p>"
        "<p>Pricing a class starts with what it costs you to teach it, and then with what the "
        "studios around you ask for an hour of the same kind of teaching.</p></article></body></html>"
    )
    assert cleaner.clean(page, kind="html").author == "Shauna Mitchell"


def test_a_date_in_a_span_printed_against_the_name_before_it_dates_the_page() -> None:
    # The spans run together in the text ("Jane DoeMar 5, 2025"); the JSON-LD date is a
    # first draft's that the page never shows, so the shown date is the page's.
    page = (
        '<html><head><script type="application/ld+json">{"@type": "Article", '
        '"datePublished": "2025-01-01T03:00:00"}</script></head><body><article>'
        "<h1>The best clothing boxes this year</h1><div><span>By</span><span>Jane Doe</span>"
        "<span>Mar 5, 2025</span></div><p>Clothing boxes offer a fun way to change a wardrobe "
        "all year long, and there is one for every budget and every style.</p></article>"
        "<aside><p>Kids' boxes</p><p>Jan 2, 2025</p></aside></body></html>"
    )
    assert cleaner.clean(page, kind="html").date == "2025-03-05"
