"""HTML furniture regions: found while segmenting, dropped by the "dom" filter."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

import cleaner
from cleaner.segment import segment_html
from cleaner.segment.regions import REGION_MARKS, marked_region

ARTICLE = (
    "<article><h1>The pier reopens after the storm</h1>"
    "<p>The town pier reopened on Thursday after three months of repairs, the council said in a "
    "statement that thanked the volunteers who cleared the debris.</p>"
    "<p>Fishing boats were back at their moorings by noon, and the café at the end of the pier "
    "served its first customers since November.</p></article>"
)


def _page(*parts: str) -> str:
    return "<html><body>" + "".join(parts) + "</body></html>"


def _regions(html: str) -> dict[str, str]:
    return {b.text: b.region for b in segment_html(html)}


def test_blocks_record_the_landmark_or_named_container_they_sit_in() -> None:
    regions = _regions(
        _page(
            "<nav><ul><li>Home</li><li>News</li></ul></nav>",
            ARTICLE,
            '<div class="cookie-banner"><p>We use cookies to improve your experience.</p></div>',
            "<footer><p>Contact us</p></footer>",
        )
    )
    assert regions["Home"] == "nav"
    assert regions["We use cookies to improve your experience."] == "cookie"
    assert regions["Contact us"] == "footer"
    assert regions["The pier reopens after the storm"] == ""


def test_a_container_that_holds_the_article_is_never_a_region() -> None:
    # A site that names its main column "sidebar-layout" or wraps the page in a form.
    regions = _regions(_page('<div class="sidebar-layout">', ARTICLE, "</div>"))
    assert set(regions.values()) == {""}
    regions = _regions(_page("<form>", ARTICLE, "</form>"))
    assert set(regions.values()) == {""}


def test_a_named_inline_element_does_not_split_its_paragraph() -> None:
    regions = _regions(_page('<p>Read the <span class="share-count">full</span> report here.</p>'))
    assert regions == {"Read the full report here.": ""}


def test_furniture_is_dropped_with_its_region_as_reason_and_the_article_stays() -> None:
    doc = cleaner.clean(
        _page(
            "<nav><p>Harbour Times</p><p>Local news</p></nav>",
            ARTICLE,
            '<div class="related-posts"><h2>Most read</h2><p>Council votes on the new bus lanes '
            "after a long debate that ran late into the night.</p></div>",
        ),
        kind="html",
    )
    assert "three months of repairs" in doc.text
    assert "bus lanes" not in doc.text
    reasons = {b.text: b.reason for b in doc.blocks}
    assert reasons["Harbour Times"] == "dom.nav"
    assert reasons["Most read"] == "dom.related"


def test_header_and_aside_regions_are_recorded_but_left_to_the_other_filters() -> None:
    doc = cleaner.clean(
        _page(
            ARTICLE.replace(
                "<article>", "<article><aside><p>Key point: the pier is open.</p></aside>"
            ),
        ),
        kind="html",
    )
    block = next(b for b in doc.blocks if b.text == "Key point: the pier is open.")
    assert block.region == "aside"
    assert not (block.reason or "").startswith("dom.")


def test_text_dumps_have_no_regions() -> None:
    doc = cleaner.clean(
        "Home\n\nThe pier reopened on Thursday after three months of repairs.\n", kind="text"
    )
    assert all(b.region == "" for b in doc.blocks)


def test_blocks_outside_the_marked_main_content_are_dropped() -> None:
    doc = cleaner.clean(
        _page(
            "<div><p>Harbour Times, your town's paper since 1881, every day.</p></div>",
            "<main>",
            ARTICLE,
            "</main>",
        ),
        kind="html",
    )
    reasons = {b.text: b.reason for b in doc.blocks}
    assert reasons["Harbour Times, your town's paper since 1881, every day."] == "dom.outside-main"
    assert "three months of repairs" in doc.text


def test_a_main_element_with_almost_no_text_is_not_taken_for_the_content() -> None:
    doc = cleaner.clean(
        _page("<main><p>Search</p></main>", ARTICLE),
        kind="html",
    )
    assert "three months of repairs" in doc.text
    assert all(b.reason != "dom.outside-main" for b in doc.blocks)


def test_a_modal_dialog_is_dropped_though_its_text_reads_like_an_article() -> None:
    policy = (
        "<p>We process personal information for our legitimate business purposes, which include "
        "providing the services you ask for and keeping your account secure.</p>"
    )
    doc = cleaner.clean(
        _page(ARTICLE, f'<div role="dialog" aria-modal="true"><h2>Privacy</h2>{policy}</div>'),
        kind="html",
    )
    assert "legitimate business purposes" not in doc.text
    assert "The town pier reopened" in doc.text
    assert any(b.reason == "dom.dialog" for b in doc.blocks)


def test_a_cookie_banner_on_a_page_with_next_to_no_text_is_still_furniture() -> None:
    # An app shell before its article loads: the banner is most of the page's text, which
    # must not make it pass for the body.
    html = _page(
        '<div class="consent-banner"><p>We and our partners use cookies to run this site and '
        "measure traffic.</p></div>",
        "<header><p>Harbour Times</p></header>",
    )
    assert _regions(html)[
        "We and our partners use cookies to run this site and measure traffic."
    ] == ("cookie")


def test_a_flat_region_gives_a_block_per_text_node_with_the_containers_tag_and_path() -> None:
    html = _page(
        '<nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>'
        "</ul></nav>",
        ARTICLE,
        "<footer><p>Write to us at the <a href='/c'>contact page</a>.</p></footer>",
    )
    walked = segment_html(html)
    flat = segment_html(html, flat=frozenset({"nav", "footer"}))
    assert [b.text for b in flat if b.region == "nav"] == ["Home", "News"]
    assert {(b.tag, b.path, b.attrs) for b in flat if b.region == "nav"} == {
        ("nav", "body/nav", "menu")
    }
    assert all(b.link_density == 1.0 for b in flat if b.region == "nav")
    # A sentence with a link in it comes out in pieces, its words all there.
    footer = [b.text for b in flat if b.region == "footer"]
    assert footer == ["Write to us at the", "contact page", "."]
    # The rest of the page is read as before (elements are numbered as blocks meet them).
    assert [(b.index, b.text, b.path) for b in walked if not b.region] == [
        (b.index, b.text, b.path) for b in flat if not b.region
    ]


def test_the_pipeline_reads_dropped_regions_flat_and_the_body_is_the_same() -> None:
    html = _page(
        "<nav><ul><li>Home</li><li>News</li><li>Sport</li></ul></nav>",
        ARTICLE,
        "<footer><ul><li>About</li><li>Jobs</li></ul></footer>",
    )
    flat_doc = cleaner.clean(html)
    walked_doc = cleaner.clean(html, filters=[lambda block: None])  # user filters: walked
    assert flat_doc.text == walked_doc.text
    assert [(b.text, b.reason) for b in flat_doc.blocks if b.region] == [
        ("Home", "dom.nav"),
        ("News", "dom.nav"),
        ("Sport", "dom.nav"),
        ("About", "dom.footer"),
        ("Jobs", "dom.footer"),
    ]
    assert {b.tag for b in flat_doc.blocks if b.region} == {"nav", "footer"}
    assert {b.tag for b in walked_doc.blocks if b.region} == {"li"}


def test_a_date_in_the_footer_is_not_taken_for_the_pages_date() -> None:
    html = _page(ARTICLE, "<footer><p>March 3, 2024</p></footer>")
    assert cleaner.clean(html).date is None
    # Walked line by line (a user filter runs first), the footer's lone date line is read.
    assert cleaner.clean(html, filters=[lambda block: None]).date == "2024-03-03"


def test_a_main_element_or_a_role_of_exactly_main_marks_the_main_content() -> None:
    # As the selector `main, [role="main"]` reads: a role is matched whole and case and all.
    for tag, attributes, is_main in (
        ("main", "", True),
        ("div", ' role="main"', True),
        ("div", ' role="Main"', False),
        ("section", ' role="main navigation"', False),
    ):
        html = _page(f"<{tag}{attributes}>{ARTICLE}</{tag}>", "<p>A line beside it.</p>")
        regions = _regions(html)
        assert (regions["The pier reopens after the storm"] == "main") is is_main, attributes
        assert regions["A line beside it."] == ""


# Elements that bear, or nearly bear, the marks of `REGION_MARKS`: case, the Kelvin sign (which
# `str.lower` would fold to a "k"), a role matched whole, several regions' marks on one element.
_MARKED_ELEMENTS = (
    '<div class="Cookie-Notice">a</div><div id="GDPR">b</div><div class="coo\u212aie">c</div>'
    '<div role="Navigation">d</div><div role="navigation">e</div><div role="menubar x">f</div>'
    '<div aria-modal="true">g</div><div aria-modal="TRUE">h</div><dialog>i</dialog>'
    '<nav class="share-bar">j</nav><section class="social consent">k</section>'
    '<ul class="related-posts sidebar">l</ul><div id="advert-top" class="sponsor">m</div>'
    '<form class="newsletter">n</form><header role="contentinfo">o</header><aside>p</aside>'
    '<div class="more-stories">q</div><div class="breadcrumbs">r</div><div class>s</div>'
    '<footer id="x" role="banner">t</footer><div class="PAYWALL recommend">u</div>'
    '<p class="sidebar-\u00e9t\u00e9 subscribe">v</p><div id="Sidebar" role="complementary">w</div>'
)


def test_an_elements_region_is_the_first_whose_css_selector_lexbor_matches_it() -> None:
    # The regions were selected in lexbor, one selector a region; the walk now reads them off
    # each element's markup, and must agree with what those selectors select.
    tree = LexborHTMLParser(f"<html><body>{_MARKED_ELEMENTS}</body></html>")
    body = tree.body
    assert body is not None
    expected: dict[int, str] = {}
    for region, marks in REGION_MARKS.items():
        for node in body.css(marks.selector()):
            expected.setdefault(node.mem_id, region)
    elements = [node for node in body.iter() if node.tag_id is not None]
    assert len(elements) == 23
    found = {
        node.mem_id: region
        for node in elements
        if (region := marked_region(node.tag_id, node.attributes)) is not None
    }
    assert found == expected
    # All but c, d, f, h and s bear a region's marks.
    assert len(found) == 18


def test_a_modal_policy_holding_most_of_the_page_and_its_own_h1_is_still_furniture() -> None:
    # A store's terms of sale sit in a pop-up inside the footer: more text than the page
    # itself, and a heading of their own. Neither makes the overlay the page's body.
    clause = (
        "<p>Clause {n}. You agree to use the platform only for lawful purposes and in a way that "
        "does not infringe the rights of anyone else or restrict their use of it.</p>"
    )
    terms = "".join(clause.format(n=n) for n in range(1, 9))
    html = _page(
        "<div><h1>Wool runners</h1>"
        "<p>Soft merino wool and a light foam sole make these the shoes you reach for every "
        "morning, whatever the day holds.</p>"
        "<p>Machine washable: take out the insoles and laces, and wash them apart.</p></div>",
        '<footer><p>Terms of service</p><div role="dialog" aria-modal="true">'
        f"<h1>Terms of service</h1>{terms}</div></footer>",
    )
    doc = cleaner.clean(html, kind="html")
    assert doc.text == (
        "Wool runners\n\n"
        "Soft merino wool and a light foam sole make these the shoes you reach for every "
        "morning, whatever the day holds.\n\n"
        "Machine washable: take out the insoles and laces, and wash them apart."
    )
    assert {b.reason for b in doc.blocks if b.text.startswith("Clause")} == {"dom.dialog"}


def test_a_dialog_around_the_marked_main_content_is_not_furniture() -> None:
    html = _page('<div role="dialog"><main>', ARTICLE, "</main></div>")
    assert set(_regions(html).values()) == {"main"}
