"""Formatting documents: JSON lines, plain text, Markdown, and streams of several pages."""

from __future__ import annotations

import html
import json

import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from selectolax.lexbor import LexborHTMLParser

import cleaner
from cleaner._model import Block, Document
from cleaner.output import render_stream, to_jsonl_line, to_markdown, to_text

DOC = Document(
    text="First paragraph, with “quotes” and é.\n\nSecond paragraph.",
    kind="text",
    title="Harbour ferry timetable changes",
    author="Ana Silva",
    date="2024-05-02",
    url="https://example.org/ferry",
    id="dumps/ferry.txt",
    blocks=(Block(index=0, text="First paragraph, with “quotes” and é."),),
)


def test_a_jsonl_line_is_one_line_of_json_with_non_ascii_written_as_itself() -> None:
    line = to_jsonl_line(DOC)
    assert "\n" not in line
    assert "“quotes” and é" in line
    data = json.loads(line)
    assert data["id"] == "dumps/ferry.txt" and data["text"] == DOC.text
    assert "blocks" not in data


def test_a_jsonl_line_carries_blocks_only_when_asked() -> None:
    data = json.loads(to_jsonl_line(DOC, blocks=True))
    assert [b["text"] for b in data["blocks"]] == ["First paragraph, with “quotes” and é."]


def test_a_lone_surrogate_from_a_str_input_still_gives_a_line_that_utf8_can_hold() -> None:
    line = to_jsonl_line(Document(text="broken \ud800 text", kind="text"))
    line.encode("utf-8")
    assert json.loads(line)["text"] == "broken \ud800 text"


def test_text_output_is_the_body_alone() -> None:
    assert to_text(DOC) == DOC.text


def test_markdown_has_the_title_a_metadata_line_and_the_paragraphs() -> None:
    assert to_markdown(DOC) == (
        "# Harbour ferry timetable changes\n\n"
        "*Ana Silva · 2024-05-02 · <https://example.org/ferry>*\n\n"
        "First paragraph, with “quotes” and é.\n\n"
        "Second paragraph."
    )


@pytest.mark.parametrize(
    ("line", "markdown"),
    [
        ("# 1 priority is the budget", r"\# 1 priority is the budget"),
        ("- item", r"\- item"),
        ("+ plus", r"\+ plus"),
        ("* star", r"\* star"),
        ("1. first", r"1\. first"),
        ("1984) was a year", r"1984\) was a year"),
        ("> quoted", r"\> quoted"),
        ("```python", r"\`\`\`python"),
        ("~~~", r"\~\~\~"),
        ("===", r"\==="),
        ("    indented code", "indented code"),
        ("<div>raw html</div>", r"\<div>raw html\</div>"),
        ("see [the link](http://x)", r"see \[the link\](http://x)"),
        ("a *starred* word and _under_ score", r"a \*starred\* word and \_under\_ score"),
        ("snake_case_name stays", "snake_case_name stays"),
        ("AT&T and &amp; entity", r"AT&T and \&amp; entity"),
        ("back\\slash", r"back\\slash"),
        ("2024 was a good year.", "2024 was a good year."),
    ],
)
def test_markdown_escapes_what_would_otherwise_render_as_markup(line: str, markdown: str) -> None:
    assert to_markdown(Document(text=line, kind="text")) == markdown


def test_markdown_does_not_repeat_a_title_that_opens_the_body() -> None:
    doc = Document(text="The headline\n\nThe story.", kind="text", title="The headline")
    assert to_markdown(doc) == "# The headline\n\nThe story."


def test_markdown_keeps_hashes_closing_a_title_as_text() -> None:
    doc = Document(text="", kind="text", title="Learning C #")
    assert to_markdown(doc) == r"# Learning C \#"


def test_an_error_record_has_no_text_or_markdown() -> None:
    error = Document(text="", kind="text", id="x.png", error="binary: not a page")
    assert to_text(error) == "" and to_markdown(error) == ""


def test_a_text_stream_splits_back_into_its_pages_on_form_feed_lines() -> None:
    pages = [DOC, Document(text="", kind="text"), Document(text="Third page.", kind="text")]
    stream = "".join(render_stream(pages, "text"))
    assert stream.split("\f\n") == [DOC.text + "\n", "\n", "Third page.\n"]


def test_a_single_page_stream_has_no_separator() -> None:
    assert "".join(render_stream([DOC], "text")) == DOC.text + "\n"
    assert "\n---\n" not in "".join(render_stream([DOC], "markdown"))


def test_a_markdown_stream_separates_pages_with_a_rule() -> None:
    stream = "".join(render_stream([DOC, DOC], "markdown"))
    assert stream == to_markdown(DOC) + "\n\n---\n\n" + to_markdown(DOC) + "\n"


def test_an_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="format must be"):
        list(render_stream([DOC], "xml"))  # type: ignore[arg-type]


# -- Markdown of HTML pages: the body's structure -------------------------------------------

_STRUCTURED_PAGE = """<html><head><title>Night ferries</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Night ferries approved</h1>
<p>The council voted on Tuesday to back a plan for night ferries between the piers, and the
first boats sail in spring.</p>
<h2>What changes</h2>
<ul><li>Boats every <b>30 minutes</b> after 10 pm, all through the winter months.</li>
<li>Tickets cost the same as the night bus.<ul><li>Children ride free.</li>
<li>Dogs ride free.</li></ul></li></ul>
<ol><li>Pick a pier.</li><li>Tap your card.</li></ol>
<table><tr><th>Route</th><th>Boats a night</th></tr>
<tr><td>North | South</td><td>Twelve boats</td></tr>
<tr><td>South - North</td><td>Ten boats</td></tr></table>
<pre><code>    def timetable(pier):
        if pier == "north":

            return ["late", "later"]
        return []</code></pre>
<blockquote><p>We have waited years for this, said one nurse who works late shifts.</p></blockquote>
<p># not a heading, and 1984. not a list</p>
<p>The harbour master said the crews would be hired from the town, and training starts soon.</p>
</article></body></html>"""


def _commonmark(markdown: str) -> LexborHTMLParser:
    return LexborHTMLParser(MarkdownIt("commonmark").enable("table").render(markdown))


def test_html_markdown_keeps_headings_lists_tables_code_and_quotes() -> None:
    doc = cleaner.clean(_STRUCTURED_PAGE)
    markdown = doc.markdown
    assert "- Tickets cost the same as the night bus.\n    - Children ride free." in markdown
    assert "1. Pick a pier.\n2. Tap your card." in markdown
    assert "| North \\| South | Twelve boats |" in markdown
    # Rendered by a CommonMark parser, each structure comes back.
    page = _commonmark(markdown)
    assert [h.text() for h in page.css("h1, h2")] == ["Night ferries approved", "What changes"]
    assert [li.text(deep=False).strip() for li in page.css("ul > li > ul > li")] == [
        "Children ride free.",
        "Dogs ride free.",
    ]
    assert [li.text() for li in page.css("ol > li")] == ["Pick a pier.", "Tap your card."]
    rows = [[cell.text() for cell in tr.css("th, td")] for tr in page.css("table tr")]
    assert rows == [
        ["Route", "Boats a night"],
        ["North | South", "Twelve boats"],
        ["South - North", "Ten boats"],
    ]
    code = page.css_first("pre code")
    assert code is not None
    assert code.text() == (
        'def timetable(pier):\n    if pier == "north":\n\n        return ["late", "later"]\n'
        "    return []\n"
    )
    quote = page.css_first("blockquote")
    assert quote is not None and quote.text().strip().startswith("We have waited years")
    # Body text that looks like markup stays text.
    assert "# not a heading, and 1984. not a list" in [p.text() for p in page.css("p")]


def test_a_layout_table_of_one_column_is_written_as_paragraphs() -> None:
    html = (
        "<html><body><article><p>The council voted on Tuesday to back a plan for night ferries "
        "between the piers.</p><table><tr><td>The first boats sail in the spring, the harbour "
        "master said.</td></tr><tr><td>Tickets will cost the same as the night bus does.</td>"
        "</tr></table></article></body></html>"
    )
    markdown = cleaner.clean(html).markdown
    assert "|" not in markdown
    assert "\n\nTickets will cost the same as the night bus does." in markdown


def test_a_code_fence_is_longer_than_any_backtick_run_in_the_code() -> None:
    html = (
        "<html><body><article><p>The council published its timetable script for anyone to "
        "read and run.</p><pre>print('```')\nprint('done')</pre></article></body></html>"
    )
    markdown = cleaner.clean(html, structure=False).markdown
    assert "````\nprint('```')\nprint('done')\n````" in markdown


def test_markdown_without_blocks_writes_the_body_as_paragraphs() -> None:
    doc = cleaner.clean(_STRUCTURED_PAGE, include_blocks=False)
    assert not doc.blocks
    # The item's text is there, as a paragraph of its own: no list marker, no table, no fence.
    assert "\n\nTickets cost the same as the night bus.\n\n" in doc.markdown
    assert "- Tickets" not in doc.markdown
    assert "| --- |" not in doc.markdown
    assert "```" not in doc.markdown


_MARKUP_ALPHABET = st.sampled_from([*"ab1 #*_-+>|`[]<!.)\\&;", "word", "9.", "~~"])
_TEXTS = st.lists(_MARKUP_ALPHABET, min_size=1, max_size=12).map("".join)
_ELEMENTS = st.sampled_from(["p", "h2", "li", "td", "pre", "blockquote"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_ELEMENTS, _TEXTS), min_size=1, max_size=8))
@example([("p", "__a__")])  # found by hypothesis: the inner underscores made "_a_" emphasis
def test_html_markdown_renders_to_the_words_of_the_body(parts: list[tuple[str, str]]) -> None:
    # Whatever the text holds, the Markdown we write renders to exactly the body's words:
    # the text's markup characters are escaped, and only our own structure is live.
    body = "".join(_element(tag, text) for tag, text in parts)
    doc = cleaner.clean(
        f"<html><body>{body}</body></html>", kind="html", metadata=False, structure=False
    )
    rendered = _commonmark(doc.markdown).body
    shown = rendered.text(separator=" ") if rendered is not None else ""
    assert _WORDS.findall(shown) == _WORDS.findall(" ".join(doc.paragraphs))


_WORDS = regex.compile(r"[^\s|]+")


def _element(tag: str, text: str) -> str:
    escaped = html.escape(text)
    if tag == "li":
        return f"<ul><li>{escaped}</li></ul>"
    if tag == "td":
        return f"<table><tr><td>{escaped}</td><td>{escaped}</td></tr><tr><td>x</td><td>y</td></tr></table>"
    return f"<{tag}>{escaped}</{tag}>"


@settings(max_examples=150, deadline=None)
@given(st.lists(_TEXTS, min_size=1, max_size=8))
def test_text_markdown_renders_to_the_words_of_the_body(lines: list[str]) -> None:
    doc = cleaner.clean("\n".join(lines), kind="text", metadata=False, structure=False)
    rendered = _commonmark(doc.markdown).body
    shown = rendered.text(separator=" ") if rendered is not None else ""
    assert _WORDS.findall(shown) == _WORDS.findall(" ".join(doc.paragraphs))
