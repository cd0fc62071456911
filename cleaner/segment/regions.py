"""The kinds of page region an HTML block can sit in, found by CSS selection in lexbor.

A page marks its furniture in markup: landmark elements (`nav`, `footer`, `aside`), ARIA roles,
and class or id names ("cookie-banner", "share-bar", "related-posts"). The segmenter selects
these containers once per page (in lexbor, not in a Python walk over every node) and records
on each block the region of the nearest one around it; `cleaner.filters.dom` decides what to
do with them.

The container the page marks as its main content (`<main>`, `role="main"`) is the region
"main", when it holds enough of the page's text.

A container that holds the body is never a furniture region, whatever its name (a `<form>` around the
whole page, a "sidebar-layout" wrapper, an `<aside>` class on the main column): one that
contains the page's `<main>`, `<article>` or `<h1>`, or more than `MAX_TEXT_SHARE` of the
page's text (and at least `BODY_MIN_CHARS` characters), is left out.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode

# Region -> CSS selector, tried in this order (a container matching several takes the first).
# Class and id names are matched as substrings, case-insensitively.
REGION_SELECTORS: dict[str, str] = {
    "cookie": (
        '[id*="cookie" i], [class*="cookie" i], [id*="consent" i], [class*="consent" i], '
        '[id*="gdpr" i], [class*="gdpr" i]'
    ),
    "dialog": 'dialog, [role="dialog"], [role="alertdialog"], [aria-modal="true"]',
    "nav": 'nav, [role="navigation"], [role="menubar"], [class*="breadcrumb" i]',
    "header": 'header, [role="banner"]',
    "footer": 'footer, [role="contentinfo"]',
    "aside": 'aside, [role="complementary"], [class*="sidebar" i], [id*="sidebar" i]',
    "share": '[class*="share" i], [class*="social" i]',
    "related": '[class*="related" i], [class*="recommend" i], [class*="more-stories" i]',
    "subscribe": '[class*="newsletter" i], [class*="subscribe" i], [class*="paywall" i]',
    "ads": '[class*="advert" i], [id*="advert" i], [class*="sponsor" i]',
    "form": "form",
}

# A container with more than this share of the page's text holds the body, not furniture.
MAX_TEXT_SHARE = 0.4
# A container holds the body by its share of the text only when it holds this much text: on a
# page with next to no text (an app shell whose article loads later) a cookie banner is most
# of what there is. The train split scores the same with 0, 500 or 1,000 (word F1 0.8321).
BODY_MIN_CHARS = 500
# What only the body's containers hold: a furniture-named container around any of these holds
# the body (or the article's own header, with its headline), so it is not furniture.
_BODY_SELECTOR = 'main, article, [role="main"], h1'


# The page's main content container, as the page marks it. Its elements are picked out of
# `_BODY_SELECTOR`'s by `_is_main`, which reads this selector as lexbor does: a selection of
# the page less (0.7% of the time of cleaning a held-out page, interleaved A/B).
MAIN_SELECTOR = 'main, [role="main"]'
# The marked main container counts only when it holds at least this share of the page's text
# (a `<main>` around a search box or a cookie notice is not the page's content). On the WCXB
# train split, dropping what lies outside it gave word F1 0.7933 with no minimum, 0.7931 at
# 0.3 and 0.7924 at 0.5, against 0.7915 without; 0.3 keeps most of the gain and guards against
# a page whose marked main holds almost nothing.
MIN_MAIN_SHARE = 0.3


def find_regions(tree: LexborHTMLParser, root: LexborNode) -> dict[int, str]:
    """The region of each furniture container under `root`, by the node's `mem_id`, and the
    region "main" for the container the page marks as its main content."""
    page_chars = 0  # the page's text, measured when first needed (most pages never need it)
    regions: dict[int, str] = {}
    # The marked main containers are among the body's markers: one selection finds both.
    markers = root.css(_BODY_SELECTOR)
    mains = [(len(n.text(deep=True, separator=" ", strip=True)), n) for n in markers if _is_main(n)]
    if mains:
        page_chars = _chars(root)
        chars, main = max(mains, key=lambda m: m[0])
        if chars >= MIN_MAIN_SHARE * page_chars:
            regions[main.mem_id] = "main"
    holders = _holding_the_body(markers)
    for region, selector in REGION_SELECTORS.items():
        for node in root.css(selector):
            if node.mem_id in regions or node.mem_id in holders:
                continue
            chars = len(node.text(deep=True, separator=" ", strip=True))
            if chars >= BODY_MIN_CHARS:
                page_chars = page_chars or _chars(root)
                if chars > MAX_TEXT_SHARE * page_chars:
                    continue
            regions[node.mem_id] = region
    return regions


def _chars(node: LexborNode) -> int:
    """The characters of the node's text (at least 1, to divide by)."""
    return len(node.text(deep=True, separator=" ", strip=True)) or 1


def _is_main(marker: LexborNode) -> bool:
    """Whether one of `_BODY_SELECTOR`'s elements is one of `MAIN_SELECTOR`'s: a <main>, or
    any element whose role is "main" (compared as lexbor compares it: case and all)."""
    return marker.tag_id == _MAIN or marker.attributes.get("role") == "main"


_MAIN = LexborHTMLParser("").create_node("main").tag_id  # lexbor's number for <main>


def _holding_the_body(markers: list[LexborNode]) -> set[int]:
    """The `mem_id` of every element that is or contains one of `markers` (the elements of
    `_BODY_SELECTOR`): a walk up from each (a page has a few), instead of a selection under
    every furniture container."""
    holders: set[int] = set()
    for marker in markers:
        node: LexborNode | None = marker
        while node is not None and node.mem_id not in holders:
            holders.add(node.mem_id)
            node = node.parent
    return holders
