"""Splitting input into blocks."""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from cleaner import Block, Cleaner
from cleaner.segment import segment_html, segment_text, segment_tree
from cleaner.segment.html import mend_markup


def test_a_text_dump_gives_one_block_per_line_and_remembers_blank_lines() -> None:
    blocks = segment_text("Skip to content\r\n\r\n\r\nHeadline here\n  indented   line\u200b \n")
    assert [b.text for b in blocks] == ["Skip to content", "Headline here", "indented line"]
    assert [b.gap_before for b in blocks] == [0, 2, 0]


@given(st.text(min_size=1), st.integers(min_value=0, max_value=5))
def test_a_text_line_block_is_the_block_the_dataclass_builds(text: str, gap: int) -> None:
    # `Block.of_line` builds blocks its own fast way; every field must come out as Block(...)
    # gives it, with or without the caller's word count.
    expected = Block(7, text, gap)
    for made in (Block.of_line(7, text, gap), Block.of_line(7, text, gap, len(text.split()))):
        assert type(made) is Block
        assert made == expected
        assert made.n_words == expected.n_words
        for f in fields(Block):
            assert getattr(made, f.name) == getattr(expected, f.name), f.name


@given(st.text(min_size=1), st.text(max_size=12), st.floats(min_value=0.0, max_value=1.0))
def test_an_html_block_is_the_block_the_dataclass_builds(
    text: str, name: str, density: float
) -> None:
    fields_given = {
        "tag": name,
        "heading": 2,
        "path": f"body/{name}",
        "attrs": name,
        "link_density": density,
        "region": name,
    }
    made = Block.of_element(3, text, **fields_given)
    expected = Block(3, text, **fields_given)
    assert type(made) is Block
    for f in fields(Block):
        assert getattr(made, f.name) == getattr(expected, f.name), f.name


@given(
    st.text(min_size=1),
    st.booleans(),
    st.none() | st.text(max_size=12),
    st.text(max_size=20),
    st.none() | st.floats(allow_nan=False),
)
def test_a_decided_block_is_the_block_the_dataclass_builds(
    text: str, kept: bool, decided_by: str | None, reason: str, score: float | None
) -> None:
    # `Block.decided` copies the block its own fast way: every other field stays as it was.
    block = Block.of_element(
        3, text, tag="p", heading=0, path="body/p", attrs="x", link_density=0.5, region="aside"
    )
    made = block.decided(kept, decided_by, reason, score)
    expected = replace(block, kept=kept, decided_by=decided_by, reason=reason, score=score)
    assert type(made) is Block
    for f in fields(Block):
        assert getattr(made, f.name) == getattr(expected, f.name), f.name


def test_chinese_and_japanese_words_are_counted_by_characters() -> None:
    (block,) = segment_text("北浜市電に新停留場、来春開業へ")
    assert block.n_words >= 6


def test_html_blocks_follow_block_elements_and_keep_inline_text_together() -> None:
    html = (
        "<html><head><title>t</title><style>p{}</style></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        "<h2>A <em>short</em> heading</h2>"
        "<p>First line\n of a wrapped paragraph<br>after a break</p>"
        "<div hidden>secret</div><script>var x = 1;</script>"
        "<pre>a = 1\nb = 2</pre></body></html>"
    )
    blocks = segment_html(html)
    assert [b.text for b in blocks] == [
        "Home News",
        "A short heading",
        "First line of a wrapped paragraph",
        "after a break",
        "a = 1",
        "b = 2",
    ]
    assert blocks[0].tag == "nav" and blocks[0].link_density > 0.8
    assert blocks[1].heading == 2
    assert blocks[2].path.endswith("body/p")


def test_text_after_a_nested_block_belongs_to_the_outer_block() -> None:
    blocks = segment_html("<div>before<p>inside</p>after</div>")
    assert [(b.text, b.tag) for b in blocks] == [
        ("before", "div"),
        ("inside", "p"),
        ("after", "div"),
    ]


_PARAGRAPH = (
    "The agent stopped again this morning after the update, and the event log shows nothing "
    "about the reason, so we restarted the service by hand and kept watching the metrics. "
)


def test_a_page_that_shows_nothing_without_scripts_is_read_from_its_noscript_copy() -> None:
    # A forum's crawler view: the app shell is empty, the posts sit inside <noscript>.
    html = (
        "<html><body><div id='app'></div><noscript><div role='main'><h1>Agents crashing</h1>"
        f"<p>{_PARAGRAPH * 4}</p><p>{_PARAGRAPH * 4}</p></div></noscript></body></html>"
    )
    texts = [b.text for b in segment_html(html)]
    assert texts[0] == "Agents crashing"
    assert len(texts) == 3


def test_a_hidden_menu_stays_out_of_a_page_that_shows_its_article() -> None:
    hidden_menu = "".join(f"<li>Menu entry number {i}</li>" for i in range(80))
    html = (
        f"<html><body><ul hidden>{hidden_menu}</ul><noscript>Please turn on JavaScript</noscript>"
        f"<article><p>{_PARAGRAPH * 12}</p></article></body></html>"
    )
    texts = [b.text for b in segment_html(html)]
    assert len(texts) == 1 and texts[0].startswith("The agent stopped")


def test_a_self_closed_iframe_in_noscript_does_not_swallow_the_page() -> None:
    # A tag manager's pixel written as XML: lexbor would read the rest of the page as the
    # iframe's text (and the walk would drop it with the iframe).
    html = (
        "<html><body><noscript><iframe src='https://example.com/ns.html' height='0' />"
        "</noscript><h1>Deploy anything</h1><p>Ship the app in minutes.</p></body></html>"
    )
    assert [b.text for b in segment_html(html)] == ["Deploy anything", "Ship the app in minutes."]
    doc = Cleaner().clean(html, kind="html")
    assert "Ship the app in minutes." in doc.text


def test_mend_markup_closes_only_an_iframe_that_opens_a_noscript() -> None:
    assert mend_markup("<noscript>\n <iframe src='a' /></noscript><p>x</p>") == (
        "<noscript>\n <iframe src='a' ></iframe></noscript><p>x</p>"
    )
    # Already closed, outside a noscript, or after other content in it: left as it is.
    for html in (
        "<noscript><iframe src='a'></iframe></noscript>",
        "<div><iframe src='a' /></div>",
        "<noscript><img src='b'><iframe src='a' /></noscript>",
        "<p>no frames</p>",
    ):
        assert mend_markup(html) is html


def test_a_collapsed_accordion_is_read_but_a_hidden_tab_panel_and_menu_are_not() -> None:
    # The answers of a FAQ open under their questions: hidden only until clicked.
    html = (
        "<html><body><h2>Questions</h2>"
        '<button aria-expanded="false" aria-controls="a1">How long does delivery take?</button>'
        '<div id="a1" style="display:none"><p>Three to five working days.</p></div>'
        '<a role="button" aria-controls="a2">Can I return a desk?</a>'
        '<div id="a2" hidden><p>Yes, within thirty days.</p></div>'
        '<button role="tab" aria-controls="t1">Push notifications</button>'
        '<div id="t1" hidden><p>Open the settings and allow this site.</p></div>'
        '<ul id="menu" hidden><li>Sale</li></ul></body></html>'
    )
    assert [b.text for b in segment_html(html)] == [
        "Questions",
        "How long does delivery take?",
        "Three to five working days.",
        "Can I return a desk?",
        "Yes, within thirty days.",
        "Push notifications",
    ]


def test_link_density_counts_each_linked_text_node_without_its_spaces() -> None:
    # "the full " and "story" are linked: 8 + 5 characters of the 24 in the block.
    (paragraph,) = segment_html("<p>Read <a href='#'>the full <b>story</b></a> here</p>")
    assert paragraph.text == "Read the full story here"
    assert paragraph.link_density == 13 / 24
    # A block inside a link: all its text is linked, bar the space between two text nodes.
    (card,) = segment_html("<a href='#'><div>Card <i>title</i></div></a>")
    assert card.link_density == 9 / 10


def test_a_container_whose_blocks_stand_between_no_break_spaces_gives_the_same_blocks() -> None:
    # White space of ASCII between a container's blocks is skipped in lexbor; a no-break
    # space sends the container through the node-by-node walk, which must agree.
    plain = segment_html("<div>\n  <p>One paragraph.</p>\n  <p>Another one.</p>\n</div>")
    spaced = segment_html("<div>\u00a0<p>One paragraph.</p>\u00a0<p>Another one.</p>\u00a0</div>")
    assert [b.text for b in plain] == ["One paragraph.", "Another one."]
    assert [b.to_dict() for b in spaced] == [b.to_dict() for b in plain]


def test_unknown_and_prefixed_elements_stay_inline_and_upper_case_tags_are_blocks() -> None:
    # The walk tells elements apart by lexbor's tag numbers: names lexbor does not know get
    # numbers of their own, and <DIV> is a div.
    blocks = segment_html(
        "<P>Read <my-widget>this</my-widget> and <o:p>that</o:p> now</P><DIV>Next</DIV>"
    )
    assert [(b.text, b.tag) for b in blocks] == [("Read this and that now", "p"), ("Next", "div")]


def test_blocks_made_undescribed_lack_only_their_path_and_attributes() -> None:
    html = (
        "<body><nav class='menu'><a href='/'>Home</a></nav>"
        "<article id='story'><h1 class='title'>Ferry resumes</h1>"
        "<p>The ferry <a href='/x'>crossed</a> on Monday.<br>It carried forty.</p>"
        "<ul role='list'><li>One</li><li>Two</li></ul></article></body>"
    )
    described = segment_tree(LexborHTMLParser(html), html=html)
    bare = segment_tree(LexborHTMLParser(html), html=html, described=False)
    assert [(b.path, b.attrs) for b in described] == [
        ("body/nav", "menu"),
        ("body/article/h1", "title"),
        ("body/article/p", ""),
        ("body/article/p", ""),
        ("body/article/ul/li", ""),
        ("body/article/ul/li", ""),
    ]
    assert [(b.path, b.attrs) for b in bare] == [("", "")] * 6
    assert [replace(b, path="", attrs="") for b in described] == bare


def test_segment_tree_gives_the_elements_its_blocks_number() -> None:
    elements: list[Any] = []
    html = "<html><body><div id='a'><p>One line.</p><ul><li>Two</li></ul></div></body></html>"
    blocks = segment_tree(LexborHTMLParser(html), elements=elements)
    assert [b.text for b in blocks] == ["One line.", "Two"]
    for block in blocks:
        assert elements[block.element - 1].tag == block.tag
    assert [elements[b.parent - 1].tag for b in blocks] == ["div", "ul"]
