"""Split an HTML page into blocks with selectolax (lexbor).

Every block-level element that holds text of its own becomes a block: the text of its inline
content, joined as a browser lays it out, with its tag, heading level, DOM path, class/id tokens
and the share of its text inside links. Invisible subtrees (scripts, styles, templates) are
removed in lexbor before the walk, and so are `noscript`, `hidden` and inline `display:none`
subtrees unless the page shows next to nothing without them (see `SCRIPTED_SELECTOR`) or a
disclosure toggle opens them (`DISCLOSURE_SELECTOR`). A block of inline content alone is read
in one lexbor call; only containers are walked in Python.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import repeat
from operator import attrgetter

from selectolax.lexbor import LexborHTMLParser, LexborNode

from cleaner._model import Block, _Builder, count_words
from cleaner.segment.regions import REGION_TAGS, Regions

# Removed before walking: never visible text.
INVISIBLE_SELECTOR = "script, style, template, svg, math, iframe, object, embed, canvas, head"
# Removed too, unless the page shows next to nothing without them: what a browser shows only
# with scripts off (`noscript`), and what it hides until a script reveals it (`hidden`,
# inline `display:none`). Forums serve their posts to crawlers inside <noscript>; pages that
# stream their HTML park the content in a hidden container that a script moves into place.
SCRIPTED_SELECTOR = "noscript, [hidden], [style*='display:none'], [style*='display: none']"

DISCLOSURE_SELECTOR = '[aria-controls][aria-expanded], [aria-controls][role="button"]'
"""The toggles of disclosure widgets (accordions, "show more" panels). A scripted subtree (see
`SCRIPTED_SELECTOR`) that one of them names in `aria-controls` is hidden only until the reader
opens it, and is read like the rest of the page: a FAQ's answers, a product's folded details.
What other controls name (tab panels, menus) is not: with every `aria-controls` target read,
train word F1 was 0.8652, two forum pages losing most of their score to hidden tab panels of
push-notification help. With disclosures alone, train word F1 0.8645 -> 0.8658 (7 pages
better, 2 worse), and 0.8660 (8 better, 1 worse) once `cleaner.filters.rules.notices` drops
the official-site banner of US government pages, which hides two sentences in a disclosure.
(Those figures were taken with a comment-thread rule since taken out; without it, with the
banner rule: 0.8611 -> 0.8625, 7 better, 1 worse.)"""

REVEAL_MIN_CHARS = 1_000
REVEAL_RATIO = 1.5
"""The scripted subtrees are read when they hold at least REVEAL_MIN_CHARS characters of text
and REVEAL_RATIO times the text shown without them (and reading them gives that much more).
On the WCXB train split this lifts word F1 from 0.793 (never read) to 0.811 (forum pages
0.56 to 0.72); ratios 0.5 to 1.5 score alike (0.811), 2 and 4 a little less (0.810, 0.809);
a minimum of 300 or 1,000 characters scores the same, 3,000 loses forum pages (0.810)."""
_BLOCK_TAG_NAMES = (
    "address article aside blockquote body center dd details dialog dir div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu "
    "nav ol p pre section summary table tbody td tfoot th thead tr ul option caption"
)
BLOCK_TAGS = frozenset(_BLOCK_TAG_NAMES.split(" "))
# How many ancestors the path records: enough to tell an article's paragraphs from a sidebar's.
PATH_DEPTH = 6


# A self-closed `<iframe .../>` is as a start tag to an HTML parser, and an iframe's content is
# raw text up to `</iframe>`. A browser running scripts reads a `<noscript>` as raw text too, so
# a tracking pixel written `<noscript><iframe src="..." /></noscript>` is harmless there; lexbor
# parses the `<noscript>` as markup, and the iframe swallows the rest of the page as its text
# (removed with it, `INVISIBLE_SELECTOR`). When an iframe removed so holds the end of its
# `<noscript>` as text, the page is parsed again with such iframes closed (`mend_markup`).
# Looked for among the invisible elements the walk removes anyway, so a page without it pays
# nothing more: mending every page's markup beforehand cost 2% of the time of cleaning one.
# How far back from an `<iframe` the `<noscript` is looked for:
NOSCRIPT_LOOKBACK = 64


def mend_markup(html: str) -> str:
    """`html` with every self-closed `<iframe .../>` that opens a `<noscript>` (white space
    between them aside) closed by an `</iframe>` (see `NOSCRIPT_LOOKBACK`). Tags written in
    lower case, as pages write them (on WCXB the pages that need it write it so)."""
    start = html.find("<iframe")
    if start == -1:
        return html
    pieces: list[str] = []
    done = 0
    while start != -1:
        end = html.find(">", start)
        if end == -1:
            break
        if html[end - 1] == "/" and _opens_noscript(html, start):
            pieces += (html[done : end - 1], "></iframe>")
            done = end + 1
        start = html.find("<iframe", end)
    if not pieces:
        return html
    pieces.append(html[done:])
    return "".join(pieces)


def _opens_noscript(html: str, start: int) -> bool:
    """Whether the tag at `start` is the first thing inside a `<noscript>`."""
    opening = html.rfind("<noscript", max(0, start - NOSCRIPT_LOOKBACK), start)
    if opening == -1:
        return False
    close = html.find(">", opening, start)
    return close != -1 and not html[close + 1 : start].strip()


def segment_html(html: str, *, flat: frozenset[str] = frozenset()) -> list[Block]:
    return segment_tree(LexborHTMLParser(html), html=html, flat=flat)


def segment_tree(
    tree: LexborHTMLParser,
    *,
    html: str | None = None,
    flat: frozenset[str] = frozenset(),
    described: bool = True,
    elements: list[LexborNode] | None = None,
) -> list[Block]:
    """The blocks of a parsed page (its invisible subtrees are removed from `tree`).

    With `described=False` the blocks' `path` and `attrs` are left empty: the pipeline's own
    filters read neither (only a Document's blocks and user filters show them), and making
    them took 5% of the time of cleaning a page with `include_blocks=False` (interleaved A/B
    page by page, 300 dev pages, five rounds: 0.935 to 0.960 of the time, median 0.950; the
    same text and metadata on all 1,497).

    The containers of the regions named in `flat` (see `cleaner.segment.regions`) are not
    walked: each gives a block per text node, read in one lexbor call. The pipeline passes
    the regions whose blocks it drops whole (`cleaner.filters.dom.FLAT_REGIONS`).

    When the page shows next to no text but its scripted subtrees hold much (see
    `SCRIPTED_SELECTOR`), and `html` is given to parse the page again, the blocks are read
    with those subtrees in.

    A list given as `elements` is filled with the elements the blocks number: element k
    (`Block.element`, `Block.parent`) is its item k - 1 (the learned filter asks them where a
    block stands in the page).
    """
    if _remove_invisible(tree) and html is not None:
        mended = mend_markup(html)
        if mended is not html:
            html = mended
            tree = LexborHTMLParser(html)
            _remove_invisible(tree)
    scripted = _hidden_until_scripted(tree)
    # An upper bound (nested subtrees count twice); only decides whether to look again.
    scripted_chars = sum(len(node.text(deep=True, strip=True)) for node in scripted)
    for node in scripted:
        node.decompose()
    blocks, nodes = _collect(tree, flat, described)
    if html is not None and scripted_chars >= REVEAL_MIN_CHARS:
        shown = sum(len(b.text) for b in blocks)
        if scripted_chars >= REVEAL_RATIO * shown:
            again = LexborHTMLParser(html)
            _remove_invisible(again)
            revealed, shown_nodes = _collect(again, flat, described)
            if sum(len(b.text) for b in revealed) > REVEAL_RATIO * shown:
                blocks, nodes = revealed, shown_nodes
    if elements is not None:
        elements[:] = nodes
    return blocks


def _hidden_until_scripted(tree: LexborHTMLParser) -> list[LexborNode]:
    """The subtrees of `SCRIPTED_SELECTOR`, less those a disclosure toggle controls (see
    `DISCLOSURE_SELECTOR`)."""
    scripted = tree.css(SCRIPTED_SELECTOR)
    if not any(node.attributes.get("id") for node in scripted):
        return scripted
    controlled = {
        name
        for toggle in tree.css(DISCLOSURE_SELECTOR)
        for name in (toggle.attributes.get("aria-controls") or "").split()
    }
    return [node for node in scripted if node.attributes.get("id") not in controlled]


def _remove_invisible(tree: LexborHTMLParser) -> bool:
    """Removes the subtrees of `INVISIBLE_SELECTOR`; whether an iframe among them had
    swallowed the end of a `<noscript>` (see `mend_markup`).

    The `<head>` goes first, at once (the parser makes one a page), so that the selection
    neither walks its metas, links and scripts nor returns them to be decomposed after the
    head that held them was freed. (Same blocks on all 1,497 dev pages; about 8 us of a
    page's 9 ms, too little for a page-level A/B.)"""
    head = tree.head
    if head is not None:
        head.decompose()
    swallowed = False
    for node in tree.css(INVISIBLE_SELECTOR):
        if node.tag_id == _IFRAME and not swallowed:
            swallowed = "</noscript" in (node.text(deep=False) or "")
        node.decompose()
    return swallowed


def _collect(
    tree: LexborHTMLParser, flat: frozenset[str], described: bool
) -> tuple[list[Block], list[LexborNode]]:
    """The blocks of the tree, and the elements they number (`Block.element`, `Block.parent`:
    element k is the list's item k - 1)."""
    root = tree.body or tree.root
    if root is None:
        return [], []
    collector = _Collector(Regions(root), flat, described)
    collector.walk(root)
    return collector.blocks, collector.elements


class _Collector:
    def __init__(self, regions: Regions, flat: frozenset[str], described: bool = True) -> None:
        self.flat = flat  # regions read in one call, not walked
        self.described = described  # whether blocks get their path and attributes
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.link_chars = 0
        self.owner: LexborNode | None = None
        self.regions = regions
        self.region = ""  # the region of the innermost furniture container open
        self.prefixes: dict[int, str] = {}  # the start of its children's paths, by mem_id
        self.ids: dict[int, int] = {}  # an element's number (Block.element) by its mem_id
        self.elements: list[LexborNode] = []  # the elements by their number, from 1

    def walk(self, root: LexborNode) -> None:
        # An explicit stack: real pages nest deeper than Python's recursion limit allows.
        # Entries are (node, links above it, inside <pre>, the owner and region to restore when
        # a block closes) where a node of None marks the end of a block element.
        # Elements are told apart by lexbor's tag number (`tag_id`), not by name: lexbor
        # decodes the name into a new string on every call. (That, and making an inline
        # block's text and word count in one go, took 5% off the time of cleaning a train
        # page; interleaved A/B, the same blocks on all 1,497 dev pages.)
        stack: list[tuple[LexborNode | None, int, bool, LexborNode | None, str]] = [
            (root, 0, False, None, "")
        ]
        regions = self.regions
        flat = self.flat
        described = self.described
        mixed, links_in = _leaves(root)
        parts = self.parts
        nones, blanks = repeat(None), repeat("")  # the rest of a child's stack entry
        while stack:
            node, in_link, in_pre, restore, restore_region = stack.pop()
            if node is None:
                if parts:  # most block boundaries close nothing (nested containers)
                    self.flush()
                self.owner = restore
                self.region = restore_region
                continue
            tag_id = node.tag_id
            if tag_id == _TEXT:
                text = node.text_content
                if text:
                    # Source line breaks are spaces, except in preformatted text.
                    parts.append(text if in_pre else text.replace("\n", " "))
                    if in_link:
                        self.link_chars += len(text.strip())
                continue
            if tag_id == _BR:
                parts.append("\n")
                continue
            tag = _BLOCK_NAMES.get(tag_id)
            if tag is not None:
                if parts:
                    self.flush()
                key = node.mem_id
                # Only block containers make regions: a "share" class on a link stays inline.
                attributes = node.attributes
                # An element without attributes makes a region by its tag alone.
                if attributes or tag_id in REGION_TAGS:
                    region = regions.of(node, key, tag_id, attributes)
                else:
                    region = None
                if region is not None and region in flat:
                    self.emit_flat(node, tag, region, _attrs(attributes) if described else "")
                    continue
                if not in_pre and tag_id != _PRE and key not in mixed:
                    # Most blocks hold inline content alone (a paragraph, a list item): lexbor
                    # joins their text nodes, and the walk does not visit each one; the block
                    # is made at once, as the end of the element would make it.
                    words = node.text(deep=True).split()
                    if words:
                        # Link text: each text node's characters, stripped.
                        if in_link:
                            links = len(node.text(deep=True, strip=True))
                        elif key in links_in:
                            links = sum(len(a.text(deep=True, strip=True)) for a in links_in[key])
                        else:
                            links = 0
                        block_region = self.region if region is None else region
                        line = (" ".join(words), 0, len(words))
                        attrs = _attrs(attributes) if described else ""
                        self.add(node, tag, [line], block_region, links, attrs)
                    continue
                stack.append((None, in_link, in_pre, self.owner, self.region))
                self.owner = node
                if region is not None:
                    self.region = region
                pre = in_pre or tag_id == _PRE
                if not pre:
                    # A container of blocks alone (most are): the whitespace between its
                    # blocks only ever joins the ends of a block's text, which are stripped,
                    # so its text nodes are not visited.
                    # (lexbor leaves out the text nodes of ASCII white space; any other text,
                    # a no-break space too, sends the container the long way, which makes
                    # the same blocks. One call instead of reading the container's own text
                    # first: 1.4% of the time of cleaning a held-out page.)
                    elements = list(node.iter(include_text=True, skip_empty=True))
                    if _BETWEEN_BLOCKS.issuperset(map(_TAG_ID, elements)):
                        stack.extend(
                            zip(reversed(elements), repeat(in_link), repeat(pre), nones, blanks)
                        )
                        continue
                link = in_link
            else:
                link = in_link + 1 if tag_id == _A else in_link
                pre = in_pre or tag_id == _TEXTAREA
            # All its child nodes (elements, text, white space too, comments), as stack
            # entries made in C by `zip` (a third of the time of a generator expression).
            children = list(node.iter(include_text=True))
            stack.extend(zip(reversed(children), repeat(link), repeat(pre), nones, blanks))

    def flush(self) -> None:
        """Make the blocks of the text gathered for the open block element."""
        raw = "".join(self.parts)
        self.parts.clear()
        link_chars, self.link_chars = self.link_chars, 0
        owner = self.owner
        if owner is not None and not raw.isspace():
            tag = owner.tag or ""
            # Elsewhere a <br> ends a line.
            lines = _code_lines(raw) if tag in LINE_KEEPING_TAGS else _spaced_lines(raw)
            self.add(owner, tag, lines, self.region, link_chars)

    def emit_flat(self, container: LexborNode, tag: str, region: str, attrs: str) -> None:
        """The blocks of a furniture container read in one lexbor call instead of walked: a
        block for each of its text nodes, all with the container's tag, path and share of
        link text. Its menu items and footer links come out much as the walk makes them (a
        link apiece), a sentence with a link in it as a few pieces."""
        # (Text nodes of ASCII white space alone, most of a menu's, would only make empty
        # lines: lexbor leaves them out, 1-2% of the time of cleaning a held-out page.)
        raw = container.text(deep=True, separator="\n", skip_empty=True)
        if raw.isspace() or not raw:
            return
        lines = _spaced_lines(raw)
        chars = sum(len(line) for line, _, _ in lines)
        links = sum(len(a.text(deep=True, strip=True)) for a in container.css("a"))
        self.add(container, tag, lines, region, links, attrs, chars)

    def add(
        self,
        owner: LexborNode,
        tag: str,
        lines: Sequence[tuple[str, int, int | None]],
        region: str,
        link_chars: int,
        attrs: str | None = None,
        chars: int | None = None,
    ) -> None:
        """A block for each non-empty (text, blank lines above, words or None) of `lines`,
        all with `owner`'s tag, path and numbers. The share of link text is `link_chars` over
        `chars`, or over each line's own length when `chars` is None. `attrs` are the owner's
        (`_attrs`), when the caller has read them. Blocks made undescribed (see
        `segment_tree`) get neither a path nor attributes."""
        heading = _HEADINGS.get(tag, 0)
        above = owner.parent
        ids = self.ids
        key = owner.mem_id
        element = ids.get(key) or self._number(owner, key)
        if above is None:
            parent = 0
        else:
            above_key = above.mem_id
            parent = ids.get(above_key) or self._number(above, above_key)
        if not self.described:
            path = attrs = ""
        elif above is None:
            path = _path(owner)
        else:
            prefix = self.prefixes.get(above_key)
            if prefix is None:
                prefix = self.prefix(above, above_key)
            path = prefix + tag if prefix else _path(owner)
        if attrs is None:
            attrs = _attrs(owner.attributes)
        blocks = self.blocks
        for text, gap, n_split in lines:
            if not text:
                continue
            # Built by position with `Block`'s fast builder (see `Block.of_line`), its
            # fields in `Block`'s order: passing a page's hundreds of blocks their fields by
            # name through `Block.of_element` cost 2% of the time of cleaning it (train
            # split, interleaved A/B).
            block = _Builder(
                len(blocks), text, gap, count_words(text, n_split), tag, heading, path, attrs,
                min(1.0, link_chars / max(1, chars or len(text))), region, True, None, "", None,
                element, parent,
            )  # fmt: skip
            blocks.append(block)  # type: ignore[arg-type]

    def _number(self, node: LexborNode, key: int) -> int:
        """Number an element met for the first time (its `mem_id` is `key`), from 1, and
        remember it in `elements`."""
        number = self.ids[key] = len(self.ids) + 1
        self.elements.append(node)
        return number

    def prefix(self, parent: LexborNode, key: int) -> str:
        """The start of the paths of the children of `parent` (whose `mem_id` is `key`): the
        last PATH_DEPTH - 1 tags of its own path (see `_path`) and a slash, or "" for the
        page's <html>. Found from the nearest element above whose own start is known, and
        remembered for every element on the way: the blocks of a page share a few ancestors."""
        prefixes = self.prefixes
        climbed: list[tuple[int, str]] = []  # (mem_id, tag) of the elements not yet known
        node: LexborNode | None = parent
        base = ""  # the start known above them
        while node is not None:
            tag = node.tag
            if tag in ("html", None):
                prefixes[key] = ""
                break
            climbed.append((key, tag))
            node = node.parent
            if node is not None:
                key = node.mem_id
                known = prefixes.get(key)
                if known is not None:
                    base = known
                    break
        for key, tag in reversed(climbed):
            path = base + tag  # the element's own path: at most PATH_DEPTH tags
            if path.count("/") == PATH_DEPTH - 1:
                path = path[path.index("/") + 1 :]
            base = prefixes[key] = path + "/"
        return base


def _spaced_lines(raw: str) -> list[tuple[str, int, int]]:
    """Each line of `raw` with its runs of white space made single spaces, no blank lines
    above it, and its number of words."""
    return [(" ".join(words), 0, len(words)) for words in map(str.split, raw.split("\n"))]


def _code_lines(raw: str) -> list[tuple[str, int, int | None]]:
    """The lines of preformatted text, each with the blank lines above it (and None: its words
    are counted when its block is made): trailing spaces dropped, and the indentation all lines
    share (the page source's, not the code's)."""
    lines = [line.rstrip() for line in raw.split("\n")]
    indents = [len(line) - len(line.lstrip()) for line in lines if line]
    cut = min(indents, default=0)
    out: list[tuple[str, int, int | None]] = []
    gap = 0
    for line in lines:
        if not line:
            gap += 1
            continue
        out.append((line[cut:], gap if out else 0, None))
        gap = 0
    return out


# Elements whose text keeps its line breaks: a block holding one is walked node by node.
LINE_KEEPING_TAGS = frozenset({"pre", "textarea"})


def _tag_numbers(names: frozenset[str]) -> dict[str, int]:
    """lexbor's number (`LexborNode.tag_id`) for each tag name. The walk tells elements apart
    by number: reading `tag` makes lexbor decode the name into a new string on every call.
    No element of another name has these numbers (lexbor numbers unknown names page by page,
    above its own), and <svg> and <math>, whose elements share the numbers of HTML's, are
    removed before the walk."""
    page = LexborHTMLParser("")
    return {name: page.create_node(name).tag_id for name in names}


def _text_and_comment_numbers() -> tuple[int, int]:
    """The numbers lexbor gives text nodes and comments."""
    paragraph = LexborHTMLParser("<p>text<!-- comment --></p>").css_first("p")
    assert paragraph is not None
    text, comment = paragraph.iter(include_text=True)
    return text.tag_id, comment.tag_id


_NUMBERS = _tag_numbers(BLOCK_TAGS | LINE_KEEPING_TAGS | {"a", "br", "iframe"})
_BLOCK_NAMES = {_NUMBERS[name]: name for name in BLOCK_TAGS}  # a block's name by its number
_A, _BR, _PRE, _TEXTAREA, _IFRAME = (
    _NUMBERS[name] for name in ("a", "br", "pre", "textarea", "iframe")
)
_TEXT, _COMMENT = _text_and_comment_numbers()
_TAG_ID = attrgetter("tag_id")
_HEADINGS = {f"h{level}": level for level in range(1, 7)}
# What may stand between the blocks of a container whose whitespace is skipped (see `walk`):
# blocks, line breaks, comments; any other element may hold inline text.
_BETWEEN_BLOCKS = frozenset(_BLOCK_NAMES) | {_BR, _COMMENT}
# What an inline-only block must not hold: a nested block, a line break, or text that keeps
# its line breaks.
_NOT_INLINE = frozenset(_BLOCK_NAMES) | {_BR, _PRE, _TEXTAREA}


def _leaves(root: LexborNode) -> tuple[set[int], dict[int, list[LexborNode]]]:
    """The blocks under `root` that hold something besides inline content (their `mem_id`),
    and the links in each block that holds inline content alone (the walk counts the others'
    link text as it goes), found in one pass over the elements. The links' text is read only
    for the blocks the walk makes: most links sit in menus and footers, which it reads flat.

    A block holds a nested block (or a `<br>`, a `<pre>`) exactly when it is the nearest
    block above one: the elements between them are all inline.
    """
    # One pass over the elements, telling them apart by number, costs less than selecting
    # the same elements in lexbor with `:is(<the block tags>, br, pre, textarea)` and then
    # "a": 0.8 against 1.6 ms a page (200 train pages; the same elements, in the same order).
    # With the remembered path starts (`_Collector.prefix`), 5% of the time of cleaning a page.
    mixed = set()
    links = []
    for node in root.traverse():
        tag_id = node.tag_id
        if tag_id in _NOT_INLINE:
            # `_block_above`, written out: this runs for most elements of a page.
            block = node.parent
            while block is not None and block.tag_id not in _BLOCK_NAMES:
                block = block.parent
            if block is not None:
                mixed.add(block.mem_id)
        elif tag_id == _A:
            links.append(node)
    links_in: dict[int, list[LexborNode]] = {}
    for link in links:
        block = _block_above(link)
        if block is not None:
            key = block.mem_id
            if key not in mixed:
                links_in.setdefault(key, []).append(link)
    return mixed, links_in


def _block_above(node: LexborNode) -> LexborNode | None:
    parent = node.parent
    while parent is not None and parent.tag_id not in _BLOCK_NAMES:
        parent = parent.parent
    return parent


def _path(node: LexborNode) -> str:
    parts: list[str] = []
    current: LexborNode | None = node
    while current is not None and len(parts) < PATH_DEPTH and current.tag not in ("html", None):
        parts.append(current.tag)
        current = current.parent
    return "/".join(reversed(parts))


def _attrs(attributes: dict[str, str | None]) -> str:
    """An element's id, class, role and aria-label, those it has, in one string. (An element
    without attributes, a fifth of the blocks, answers at once; that and reading the four
    without a list and a generator took 1% off the time of cleaning a page.)"""
    if not attributes:
        return ""
    get = attributes.get
    return " ".join([v for v in (get("id"), get("class"), get("role"), get("aria-label")) if v])
