"""Metadata an HTML page declares: JSON-LD, OpenGraph, <meta> names and <title>."""

from __future__ import annotations

from datetime import UTC, datetime

from selectolax.lexbor import LexborHTMLParser

import cleaner
from cleaner.metadata.html import HeadMetadata, extract_head_metadata

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
BODY = (
    "<body><article><h1>The pier reopens after the storm</h1>"
    "<p>The town pier reopened on Thursday after three months of repairs, the council said in a "
    "statement that thanked the volunteers who cleared the debris.</p></article></body>"
)


def _head(head: str, body: str = BODY, lang: str = "en") -> str:
    return f'<html lang="{lang}"><head>{head}</head>{body}</html>'


# The same article without a printed headline: what the head declares is all there is.
BODY_WITHOUT_H1 = BODY.replace("<h1>The pier reopens after the storm</h1>", "")


def _meta(head: str, body: str = BODY_WITHOUT_H1) -> HeadMetadata:
    return extract_head_metadata(LexborHTMLParser(_head(head, body)), now=NOW)


def test_an_article_object_in_json_ld_gives_headline_authors_and_date() -> None:
    meta = _meta(
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Pier reopens",'
        ' "author": [{"@type": "Person", "name": "Jane Doe"}, {"name": "Sam Roe"}],'
        ' "datePublished": "2025-02-27T14:07:00+02:00", "publisher": {"name": "Harbour Times"}}'
        "</script>"
    )
    assert meta.title == "Pier reopens"
    assert meta.author == "Jane Doe and Sam Roe"
    assert meta.date == "2025-02-27T14:07"
    assert meta.sitename == "Harbour Times"


def test_the_article_object_is_found_inside_a_graph_after_the_page_object() -> None:
    meta = _meta(
        '<script type="application/ld+json">{"@graph": [{"@type": "WebPage", "name": "Home page"},'
        ' {"@type": ["BlogPosting"], "headline": "Ten walks by the sea", "datePublished": "2024-06-01"}]}'
        "</script>"
    )
    assert meta.title == "Ten walks by the sea"
    assert meta.date == "2024-06-01"


def test_broken_json_ld_leaves_opengraph_and_meta_names_to_answer() -> None:
    meta = _meta(
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>'
        '<meta property="og:title" content="Pier reopens">'
        '<meta name="author" content="By Jane Doe">'
        '<meta property="article:published_time" content="2025-02-27">'
    )
    assert meta.title == "Pier reopens"
    assert meta.author == "Jane Doe"
    assert meta.date == "2025-02-27"


def test_an_author_given_as_a_profile_link_is_not_a_name() -> None:
    meta = _meta(
        '<meta property="article:author" content="https://www.facebook.com/janedoe">'
        '<meta name="author" content="Jane Doe">'
    )
    assert meta.author == "Jane Doe"


def test_dates_in_the_future_or_before_the_web_are_refused() -> None:
    assert _meta('<meta name="date" content="2031-01-01">').date is None
    assert _meta('<meta name="date" content="1970-01-01">').date is None
    assert _meta('<meta name="date" content="last Tuesday">').date is None


def test_the_site_name_is_taken_off_the_title_element() -> None:
    meta = _meta(
        "<title>Pier reopens after the storm | Harbour Times</title>"
        '<meta property="og:site_name" content="Harbour Times">'
    )
    assert meta.title == "Pier reopens after the storm"
    # A separator inside the headline stays when the last part is not the site's name.
    kept = _meta("<title>Storm: the pier reopens</title>")
    assert kept.title == "Storm: the pier reopens"


def test_the_printed_h1_is_the_headline_when_it_shares_words_with_the_declared_title() -> None:
    # Sites declare a title tuned for search and print another above the article.
    meta = _meta('<meta property="og:title" content="Pier Reopens: What You Need to Know">', BODY)
    assert meta.title == "The pier reopens after the storm"


def test_an_h1_that_says_something_else_is_not_the_headline() -> None:
    logo = BODY.replace("The pier reopens after the storm", "Harbour Times")
    meta = _meta('<meta property="og:title" content="Pier reopens after the storm">', logo)
    assert meta.title == "Pier reopens after the storm"


def test_a_title_escaped_twice_by_the_site_is_unescaped() -> None:
    meta = _meta('<meta property="og:title" content="Pier reopens &amp;#8211; at last">')
    assert meta.title == "Pier reopens \u2013 at last"


def test_language_and_canonical_url_come_from_the_markup() -> None:
    meta = extract_head_metadata(
        LexborHTMLParser(
            '<html lang="de-AT"><head><link rel="canonical" href="https://example.org/a"></head>'
            "<body><p>x</p></body></html>"
        ),
        now=NOW,
    )
    assert meta.language == "de"
    assert meta.url == "https://example.org/a"


def test_clean_prefers_declared_metadata_and_fills_gaps_from_the_text() -> None:
    page = _head(
        '<meta property="og:title" content="The pier reopens after the storm">',
        body=BODY.replace("<h1>", "<p>By Jane Doe</p><h1>"),
    )
    doc = cleaner.clean(page)
    assert doc.title == "The pier reopens after the storm"
    assert doc.author == "Jane Doe"  # no author declared: the byline in the text
    assert doc.kind == "html"


def test_a_page_without_any_declared_metadata_still_cleans() -> None:
    doc = cleaner.clean(_head(""), kind="html")
    assert "three months of repairs" in doc.text
    assert doc.sitename is None and doc.description is None


def test_the_article_time_element_dates_a_page_that_declares_nothing() -> None:
    page = (
        '<html><body><aside><time datetime="2024-01-05">Jan 5</time></aside>'
        '<article><time datetime="2025-02-27T14:07">Feb 27</time><p>Text.</p></article>'
        "</body></html>"
    )
    assert extract_head_metadata(LexborHTMLParser(page), now=NOW).date == "2025-02-27T14:07"


def test_microdata_and_rel_author_name_the_author() -> None:
    microdata = (
        '<html><body><article><span itemprop="author" itemscope><span itemprop="name">Jane Doe'
        "</span></span><p>Text.</p></article></body></html>"
    )
    assert extract_head_metadata(LexborHTMLParser(microdata), now=NOW).author == "Jane Doe"
    rel = '<html><body><p>By <a rel="author" href="/jane">Jane Doe</a></p></body></html>'
    assert extract_head_metadata(LexborHTMLParser(rel), now=NOW).author == "Jane Doe"


def test_the_last_modification_dates_a_page_only_when_nothing_else_does() -> None:
    modified = '<meta property="article:modified_time" content="2025-03-02T08:00:00+00:00">'
    assert cleaner.clean(_head(modified), kind="html").date == "2025-03-02T08:00"
    # The text states when the article was published: that wins over the modification.
    dated = BODY.replace("<h1>", "<p>March 1, 2025</p><h1>")
    assert cleaner.clean(_head(modified, body=dated), kind="html").date == "2025-03-01"


def test_a_time_element_outside_the_article_is_only_a_fallback() -> None:
    sidebar = BODY + '<aside><time datetime="2025-02-20">Feb 20</time></aside>'
    assert _meta("", sidebar).date is None
    assert cleaner.clean(_head("", body=sidebar), kind="html").date == "2025-02-20"


def test_json_ld_with_a_raw_line_break_inside_a_string_still_gives_its_date() -> None:
    meta = _meta(
        '<script type="application/ld+json">{"@type": "DiscussionForumPosting",'
        ' "description": "First line\n\tsecond line", "datePublished": "2024-02-21 13:00:00"}'
        "</script>"
    )
    assert meta.date == "2024-02-21T13:00"


def test_microdata_date_created_dates_a_question_before_its_answers() -> None:
    page = (
        '<html><body><div><time itemprop="dateCreated" datetime="2011-02-11 23:49:17Z">'
        "14 years ago</time></div><main><p>Question.</p>"
        '<time itemprop="dateCreated" datetime="2011-02-12 01:01:43Z"></time><p>Answer.</p>'
        "</main></body></html>"
    )
    assert extract_head_metadata(LexborHTMLParser(page), now=NOW).date == "2011-02-11T23:49"


def test_a_meta_date_written_in_words_is_read_but_not_a_json_ld_one() -> None:
    assert _meta('<meta name="published" content="July 17, 2025">').date == "2025-07-17"
    assert _meta('<meta name="date" content=" March 27, 2025. ">').date == "2025-03-27"
    # A sentence that mentions a date is not a date.
    assert (
        _meta('<meta name="date" content="Updated weekly since May 2, 2024 by staff">').date is None
    )
    # schema.org asks for ISO 8601; a JSON-LD date written in words is a careless template.
    written_ld = (
        '<script type="application/ld+json">{"@type": "Article", "datePublished": "Jun 24, 2025"}'
        "</script>"
    )
    assert _meta(written_ld).date is None


def test_a_citation_date_written_year_first_as_nlm_writes_it_is_read() -> None:
    # PubMed Central's journal pages write "YYYY Mon D" in the Highwire citation tags.
    assert _meta('<meta name="citation_publication_date" content="2023 Jan 7">').date == (
        "2023-01-07"
    )
    assert _meta('<meta name="citation_date" content="2023 Jan">').date is None


def test_an_article_time_element_whose_datetime_is_written_in_words_dates_the_page() -> None:
    page = (
        '<html><body><article><time datetime="on Friday December 19, 2025 @08:00PM">Friday'
        "</time><p>Text.</p></article></body></html>"
    )
    assert extract_head_metadata(LexborHTMLParser(page), now=NOW).date == "2025-12-19T20:00"


def test_json_ld_put_in_a_meta_tag_gives_the_date() -> None:
    meta = _meta(
        '<meta name="script:ld+json" content="{&quot;@type&quot;:&quot;Article&quot;,'
        '&quot;datePublished&quot;:&quot;2025-11-17T09:00:00-05:00&quot;}">'
    )
    assert meta.date == "2025-11-17T09:00"


_DISAGREEING = (
    '<script type="application/ld+json">{"@type": "Article",'
    ' "datePublished": "2024-08-29T10:00:00+00:00"}</script>'
    '<meta name="date" content="November 25, 2025">'
)


def test_declarations_that_disagree_keep_the_first_as_the_date_and_the_rest_as_other_dates() -> (
    None
):
    meta = _meta(_DISAGREEING + '<meta name="dc.date" content="2024-08-29">')
    assert (meta.date, meta.other_dates) == ("2024-08-29T10:00", ("2025-11-25",))


def test_declarations_that_agree_on_the_day_give_no_other_dates() -> None:
    meta = _meta(_DISAGREEING.replace("November 25, 2025", "2024-08-29T12:00:00+02:00"))
    assert (meta.date, meta.other_dates) == ("2024-08-29T10:00", ())


def test_when_declarations_disagree_the_date_the_page_shows_wins() -> None:
    shown = BODY.replace("</h1>", "</h1><p>Nov 25, 2025</p>")
    assert cleaner.clean(_head(_DISAGREEING, body=shown), kind="html").date == "2025-11-25"
    # Shown neither (while the first declaration's day is shown lower down): the first
    # declaration stands.
    unshown = BODY.replace("</h1>", "</h1><p>Nov 27, 2025</p>").replace(
        "</article>", "<p>First posted Aug 29, 2024</p></article>"
    )
    assert cleaner.clean(_head(_DISAGREEING, body=unshown), kind="html").date == (
        "2024-08-29T10:00"
    )


_JSON_LD_DATE = (
    '<script type="application/ld+json">{"@type": "Article",'
    ' "datePublished": "2024-08-29T10:00:00+00:00"}</script>'
)
_META_DATE = '<meta property="article:published_time" content="2024-08-29T10:00:00+00:00">'


def test_the_head_says_whether_its_date_is_the_json_ld_publication_date() -> None:
    assert _meta(_JSON_LD_DATE).date_in_json_ld
    assert not _meta(_META_DATE).date_in_json_ld
    # A <meta> date stands first when the JSON-LD one does not parse.
    broken = _JSON_LD_DATE.replace("2024-08-29T10:00:00+00:00", "soon")
    assert (_meta(broken + _META_DATE).date, _meta(broken + _META_DATE).date_in_json_ld) == (
        "2024-08-29T10:00",
        False,
    )


def test_a_json_ld_date_the_page_never_shows_gives_way_to_the_date_it_shows() -> None:
    shown = BODY.replace("</h1>", "</h1><p>Updated Nov 27, 2025</p>")
    assert cleaner.clean(_head(_JSON_LD_DATE, body=shown), kind="html").date == "2025-11-27"


def test_a_json_ld_date_the_page_also_shows_stays_the_date() -> None:
    both = BODY.replace("</h1>", "</h1><p>Updated Nov 27, 2025</p>").replace(
        "</article>", "<p>First posted Aug 29, 2024</p></article>"
    )
    assert cleaner.clean(_head(_JSON_LD_DATE, body=both), kind="html").date == "2024-08-29T10:00"


def test_a_meta_date_the_page_never_shows_stays_the_date() -> None:
    shown = BODY.replace("</h1>", "</h1><p>Updated Nov 27, 2025</p>")
    assert cleaner.clean(_head(_META_DATE, body=shown), kind="html").date == "2024-08-29T10:00"


def test_a_full_date_in_the_headline_dates_a_page_that_says_nothing_else() -> None:
    dated = BODY.replace("after the storm", "after the storm: update 2024-10-04")
    assert cleaner.clean(_head("", body=dated), kind="html").date == "2024-10-04"
    assert cleaner.clean(_head(_META_DATE, body=dated), kind="html").date == "2024-08-29T10:00"
    assert cleaner.clean(_head("", body=BODY), kind="html").date is None


def test_the_one_head_selection_finds_what_each_selection_finds_alone() -> None:
    # Capitals in names and values, an empty content, a script of another type, an SVG
    # script, an <h1> in the head and in a table: each list must be the selection's own, in
    # page order.
    from cleaner.metadata.html import _head_nodes

    page = (
        "<html><head><META NAME=a CONTENT=x><meta content='' property=b><meta name=c>"
        "<script type='Application/LD+JSON'>{}</script><script type=text/javascript>1</script>"
        "<h1>In the head</h1></head><body><svg><script type='application/ld+json'>{}</script>"
        "</svg><table><tr><td><h1>Cell</h1></td></tr></table><meta itemprop=d content=y>"
        '<script type="application/ld+json">[]</script><H1>Last</H1></body></html>'
    )
    tree = LexborHTMLParser(page)
    metas, scripts, headings, _ = _head_nodes(tree)
    assert metas == [n.attributes for n in tree.css("meta[content]")]
    alone = [tree.css(selector) for selector in ('script[type="application/ld+json"]', "h1")]
    assert [[n.mem_id for n in nodes] for nodes in (scripts, headings)] == [
        [n.mem_id for n in nodes] for nodes in alone
    ]
    assert [len(metas), len(scripts), len(headings)] == [3, 3, 3]


def test_the_head_selection_marks_every_fallback_markup_its_exact_selection_finds() -> None:
    # Each fallback (`_markup_author`, `_markup_date`, `_first_time`) skips its selection of
    # the page when `_head_nodes` leaves its mark out: a mark must be there whenever the
    # exact selection finds something, whatever the case of names and values, and whatever
    # else the element is (a <meta> without content, a JSON-LD script, an <h1>).
    from cleaner.metadata.html import _head_nodes

    marked = {
        "author": '[itemprop="author"]',
        "date": '[itemprop="datePublished"], [itemprop="dateCreated"]',
        "rel": 'a[rel~="author"]',
        "time": "time[datetime]",
    }
    pieces = [
        "<span itemprop=author>Jo Doe</span>",
        "<meta itemprop=datePublished>",
        "<script type='application/ld+json' itemprop=dateCreated>{}</script>",
        "<script itemprop=author>1</script>",
        "<h1 itemprop=author>Title</h1>",
        "<a REL='nofollow Author' href=/jo>Jo</a>",
        "<a rel=authors href=/x>X</a>",
        "<TIME DATETIME=2024-01-02>Jan 2</TIME>",
        "<time>Jan 3</time>",
        "<div itemprop=DatePublished>2024-01-04</div>",
    ]
    for piece in ["", *pieces, "".join(pieces)]:
        tree = LexborHTMLParser(f"<html><head></head><body><p>Text</p>{piece}</body></html>")
        metas, scripts, _, markup = _head_nodes(tree)
        for mark, selector in marked.items():
            if tree.css(selector):
                assert mark in markup, (piece, mark)
        assert metas == [n.attributes for n in tree.css("meta[content]")]
        assert [n.mem_id for n in scripts] == [
            n.mem_id for n in tree.css('script[type="application/ld+json"]')
        ]
    assert _head_nodes(LexborHTMLParser("<p>Text</p><time>now</time>"))[3] == frozenset()


def test_several_json_ld_authors_read_as_a_byline_prints_them_with_and_before_the_last() -> None:
    ld = (
        '<script type="application/ld+json">{"@type": "Article", "author": ['
        '{"name": "Ana Ruiz"}, {"name": "Ben Ode"}, {"name": "Cy Tran"}]}</script>'
    )
    assert _meta(ld).author == "Ana Ruiz, Ben Ode and Cy Tran"


def test_a_template_leftover_in_the_author_field_is_no_author() -> None:
    for leftover in ("page.head.extra.author", "223509017", "{{ author }}"):
        assert _meta(f'<meta name="author" content="{leftover}">').author is None


def test_a_user_name_with_dots_is_still_an_author() -> None:
    assert _meta('<meta name="author" content="sara.r.peter">').author == "sara.r.peter"


def test_a_by_or_stray_punctuation_before_a_declared_name_is_taken_off() -> None:
    ld = '<script type="application/ld+json">{"@type": "Article", "author": ", USA TODAY"}</script>'
    assert _meta(ld).author == "USA TODAY"
    link = BODY_WITHOUT_H1.replace("<p>", '<a rel="author" href="/k">By Keith Barry</a><p>', 1)
    assert _meta("", link).author == "Keith Barry"


def test_a_utc_time_element_that_shows_the_day_before_is_dated_as_shown() -> None:
    # The site renders the instant in its own time zone: readers see February 23.
    shown = (
        '<html><body><article><h1>A home gym on a budget</h1><span itemprop="datePublished">'
        '<time datetime="2026-02-24T04:13:00Z">February 23, 2026</time></span><p>Text.</p>'
        "</article></body></html>"
    )
    assert extract_head_metadata(LexborHTMLParser(shown), now=NOW).date == "2026-02-23"
    assert cleaner.clean(shown, kind="html").date == "2026-02-23"
    # A timestamp with the site's own offset, or a shown day further away, is kept as written.
    offset = shown.replace("04:13:00Z", "04:13:00+01:00")
    assert extract_head_metadata(LexborHTMLParser(offset), now=NOW).date == "2026-02-24T04:13"
    far = shown.replace("February 23", "February 20")
    assert extract_head_metadata(LexborHTMLParser(far), now=NOW).date == "2026-02-24T04:13"


def test_a_creation_timestamp_attribute_dates_a_page_that_says_nothing_else() -> None:
    page = (
        '<html><body><shreddit-post created-timestamp="2026-03-03T09:47:05.754000+0000">'
        "<h1>Best laptop for college?</h1><p>Looking for something light.</p></shreddit-post>"
        "</body></html>"
    )
    assert extract_head_metadata(LexborHTMLParser(page), now=NOW).fallback_date == (
        "2026-03-03T09:47"
    )
    assert cleaner.clean(page, kind="html").date == "2026-03-03T09:47"
    # An epoch number is no date here: a script's counter looks the same.
    epoch = page.replace("2026-03-03T09:47:05.754000+0000", "1772531225")
    assert cleaner.clean(epoch, kind="html").date is None
