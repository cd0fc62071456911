"""Formatting documents: JSON lines, plain text, Markdown, and streams of several pages."""

from __future__ import annotations

import json

import pytest

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
