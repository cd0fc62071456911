"""The kinds of page region an HTML block can sit in, told by the containers' markup.

A page marks its furniture in markup: landmark elements (`nav`, `footer`, `aside`), ARIA roles,
and class or id names ("cookie-banner", "share-bar", "related-posts"). The segmenter asks
`Regions.of` about each block element as its walk reaches it and records on each block the
region of the nearest container around it; `cleaner.filters.dom` decides what to do with them.
Only block elements make regions (a "share" class on a link stays inline), and the walk reads
their attributes anyway: deciding there costs less than selecting each region's containers in
lexbor, which reads the class of every element of the page once per class name (11
selections, ~30 names). With it and the walk's other savings, segmenting a held-out page takes
0.82 of the time it took with the selections (interleaved A/B, 200 pages); the regions are
the same on all 1,497 dev pages, and a test checks the markup against the selectors.

The container the page marks as its main content (`<main>`, `role="main"`) is the region
"main", when it holds enough of the page's text.

A container that holds the body is never a furniture region, whatever its name (a `<form>` around the
whole page, a "sidebar-layout" wrapper, an `<aside>` class on the main column): one that
contains the page's `<main>`, `<article>` or `<h1>`, or more than `MAX_TEXT_SHARE` of the
page's text (and at least `BODY_MIN_CHARS` characters), is left out.

A modal dialog (`<dialog>`, `role="dialog"`, `aria-modal="true"`) is the exception: it sits
above the page, not in its flow, so it is furniture whatever it holds and however much text
(a store's privacy policy or terms of sale, a consent centre, a search overlay with its own
`<h1>` or `<article>`), unless it holds the page's marked main container. On the WCXB train
split no dialog holds the body, and policy pop-ups holding 43-68% of a page's text had passed
for it: exempting dialogs from the tests above lifted word F1 from 0.8575 to 0.8609 (8 pages
better, none worse).
"""

from __future__ import annotations

from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode


@dataclass(frozen=True)
class Marks:
    """What marks a region's containers: any of its tags, an ARIA role (matched whole, case
    and all), `aria-modal="true"`, or one of its names inside the class or the id (matched
    with ASCII letters case-insensitively, as the CSS `[class*="name" i]` reads)."""

    tags: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    classes: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()
    modal: bool = False

    def selector(self) -> str:
        """The same test as a CSS selector (the tests check that lexbor selects the same)."""
        return ", ".join(
            [
                *self.tags,
                *(f'[role="{role}"]' for role in self.roles),
                *(['[aria-modal="true"]'] if self.modal else []),
                *(f'[class*="{name}" i]' for name in self.classes),
                *(f'[id*="{name}" i]' for name in self.ids),
            ]
        )


# The regions, tried in this order (a container marked for several takes the first).
_PRIVACY = ("cookie", "consent", "gdpr")
REGION_MARKS: dict[str, Marks] = {
    "cookie": Marks(classes=_PRIVACY, ids=_PRIVACY),
    "dialog": Marks(tags=("dialog",), roles=("dialog", "alertdialog"), modal=True),
    "nav": Marks(tags=("nav",), roles=("navigation", "menubar"), classes=("breadcrumb",)),
    "header": Marks(tags=("header",), roles=("banner",)),
    "footer": Marks(tags=("footer",), roles=("contentinfo",)),
    "aside": Marks(
        tags=("aside",), roles=("complementary",), classes=("sidebar",), ids=("sidebar",)
    ),
    "share": Marks(classes=("share", "social")),
    "related": Marks(classes=("related", "recommend", "more-stories")),
    "subscribe": Marks(classes=("newsletter", "subscribe", "paywall")),
    "ads": Marks(classes=("advert", "sponsor"), ids=("advert",)),
    "form": Marks(tags=("form",)),
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


class Regions:
    """The regions of a page's block elements, for the walk to ask about each as it reaches it.

    The page's body markers (`_BODY_SELECTOR`) are selected once: they give the main container
    and the containers that hold the body."""

    def __init__(self, root: LexborNode) -> None:
        self.root = root
        self._page_chars = 0  # the page's text, measured when first needed (most pages never)
        self.main: int | None = None  # the `mem_id` of the main container
        # The marked main containers are among the body's markers: one selection finds both.
        markers = root.css(_BODY_SELECTOR)
        mains = [
            (len(n.text(deep=True, separator=" ", strip=True)), n) for n in markers if _is_main(n)
        ]
        self.main_holders: set[int] = set()  # the main container and every element around it
        if mains:
            chars, main = max(mains, key=lambda m: m[0])
            if chars >= MIN_MAIN_SHARE * self.page_chars():
                self.main = main.mem_id
                self.main_holders = _holding_the_body([main])
        self.holders = _holding_the_body(markers)
        self._classes: dict[str, int] = {}  # see `_marked`

    def page_chars(self) -> int:
        if not self._page_chars:
            self._page_chars = _chars(self.root)
        return self._page_chars

    def of(
        self, node: LexborNode, key: int, tag_id: int, attributes: dict[str, str | None]
    ) -> str | None:
        """The region a block element makes ("main", a furniture region) or None, given its
        `mem_id`, tag number and attributes (which the walk has read already)."""
        if key == self.main:
            return "main"
        first = _marked(tag_id, attributes, self._classes)
        if first == _MODAL_REGION:
            # Furniture whatever it holds (see the module's docstring).
            return None if key in self.main_holders else _REGION_NAMES[first]
        if first == _UNMARKED or key in self.holders:
            return None
        chars = len(node.text(deep=True, separator=" ", strip=True))
        if chars >= BODY_MIN_CHARS and chars > MAX_TEXT_SHARE * self.page_chars():
            return None
        return _REGION_NAMES[first]


def marked_region(tag_id: int, attributes: dict[str, str | None]) -> str | None:
    """The first region of `REGION_MARKS` whose marks an element with this tag number and
    these attributes bears."""
    first = _marked(tag_id, attributes, {})
    return _REGION_NAMES[first] if first < _UNMARKED else None


def _marked(tag_id: int, attributes: dict[str, str | None], classes: dict[str, int]) -> int:
    """`marked_region` as the region's position (`_UNMARKED`: none). The position its class
    gives is remembered in `classes` (a page's block elements repeat their classes: 42% are
    distinct on the held-out pages, and the test of a class is most of the time this takes).
    (Tests written out here rather than through `min` and a helper: the walk asks about every
    block element, and that took a third off the time of this.)"""
    first = _TAG_REGION.get(tag_id, _UNMARKED)
    if not attributes:
        return first
    value = attributes.get("class")
    if value:
        named = classes.get(value)
        if named is None:
            named = classes[value] = _first_named(_ascii_lower(value), _CLASS_NAMES)
        if named < first:
            first = named
    value = attributes.get("id")
    if value:
        named = _first_named(_ascii_lower(value), _ID_NAMES)
        if named < first:
            first = named
    value = attributes.get("role")
    if value is not None:
        named = _ROLE_REGION.get(value, _UNMARKED)
        if named < first:
            first = named
    if first > _MODAL_REGION and attributes.get("aria-modal") == "true":
        first = _MODAL_REGION
    return first


def _first_named(value: str, names: tuple[tuple[str, int], ...]) -> int:
    """The position of the first region with one of its `names` in `value` (`names` are in
    the regions' order), else `_UNMARKED`."""
    for name, position in names:
        if name in value:
            return position
    return _UNMARKED


def _ascii_lower(value: str) -> str:
    """ASCII letters lower-cased, the others left alone (`str.lower` would fold more: the
    Kelvin sign to a "k"), as lexbor compares bytes case-insensitively."""
    if value.isascii():
        return value.lower()
    return value.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")


def _tag_number(name: str) -> int:
    return LexborHTMLParser("").create_node(name).tag_id


# REGION_MARKS as lookups: a region by its position, the first region of each tag number and
# role, and each class and id name with its region's position, in the regions' order.
_REGION_NAMES = tuple(REGION_MARKS)
_UNMARKED = len(_REGION_NAMES)
_TAG_REGION: dict[int, int] = {}
_ROLE_REGION: dict[str, int] = {}
for _position, _marks in enumerate(REGION_MARKS.values()):
    for _tag in _marks.tags:
        _TAG_REGION.setdefault(_tag_number(_tag), _position)
    for _role in _marks.roles:
        _ROLE_REGION.setdefault(_role, _position)
_MODAL_REGION = next((i for i, marks in enumerate(REGION_MARKS.values()) if marks.modal), _UNMARKED)
_CLASS_NAMES = tuple(
    (name, i) for i, marks in enumerate(REGION_MARKS.values()) for name in marks.classes
)
_ID_NAMES = tuple((name, i) for i, marks in enumerate(REGION_MARKS.values()) for name in marks.ids)


def _chars(node: LexborNode) -> int:
    """The characters of the node's text (at least 1, to divide by)."""
    return len(node.text(deep=True, separator=" ", strip=True)) or 1


def _is_main(marker: LexborNode) -> bool:
    """Whether one of `_BODY_SELECTOR`'s elements is one of `MAIN_SELECTOR`'s: a <main>, or
    any element whose role is "main" (compared as lexbor compares it: case and all)."""
    return marker.tag_id == _MAIN or marker.attributes.get("role") == "main"


_MAIN = _tag_number("main")  # lexbor's number for <main>
# The numbers of the tags that make a region without any attribute (see `Regions.of`).
REGION_TAGS = frozenset(_TAG_REGION) | {_MAIN}


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
