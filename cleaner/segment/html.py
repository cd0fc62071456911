"""Split an HTML page into blocks with selectolax (lexbor).

Every block-level element that holds text of its own becomes a block: the text of its inline
content, joined as a browser lays it out, with its tag, heading level, DOM path, class/id tokens
and the share of its text inside links. Invisible subtrees (scripts, styles, templates) are
removed in lexbor before the walk, and so are `noscript`, `hidden` and inline `display:none`
subtrees unless the page shows next to nothing without them (see `SCRIPTED_SELECTOR`). A block
of inline content alone is read in one lexbor call; only containers are walked in Python.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode

from cleaner._model import Block
from cleaner.segment.regions import find_regions

# Removed before walking: never visible text.
INVISIBLE_SELECTOR = "script, style, template, svg, math, iframe, object, embed, canvas, head"
# Removed too, unless the page shows next to nothing without them: what a browser shows only
# with scripts off (`noscript`), and what it hides until a script reveals it (`hidden`,
# inline `display:none`). Forums serve their posts to crawlers inside <noscript>; pages that
# stream their HTML park the content in a hidden container that a script moves into place.
SCRIPTED_SELECTOR = "noscript, [hidden], [style*='display:none'], [style*='display: none']"

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


def segment_html(html: str, *, flat: frozenset[str] = frozenset()) -> list[Block]:
    return segment_tree(LexborHTMLParser(html), html=html, flat=flat)


def segment_tree(
    tree: LexborHTMLParser, *, html: str | None = None, flat: frozenset[str] = frozenset()
) -> list[Block]:
    """The blocks of a parsed page (its invisible subtrees are removed from `tree`).

    The containers of the regions named in `flat` (see `cleaner.segment.regions`) are not
    walked: each gives a block per text node, read in one lexbor call. The pipeline passes
    the regions whose blocks it drops whole (`cleaner.filters.dom.FLAT_REGIONS`).

    When the page shows next to no text but its scripted subtrees hold much (see
    `SCRIPTED_SELECTOR`), and `html` is given to parse the page again, the blocks are read
    with those subtrees in.
    """
    _remove(tree, INVISIBLE_SELECTOR)
    scripted = tree.css(SCRIPTED_SELECTOR)
    # An upper bound (nested subtrees count twice); only decides whether to look again.
    scripted_chars = sum(len(node.text(deep=True, strip=True)) for node in scripted)
    for node in scripted:
        node.decompose()
    blocks = _collect(tree, flat)
    if html is None or scripted_chars < REVEAL_MIN_CHARS:
        return blocks
    shown = sum(len(b.text) for b in blocks)
    if scripted_chars < REVEAL_RATIO * shown:
        return blocks
    again = LexborHTMLParser(html)
    _remove(again, INVISIBLE_SELECTOR)
    revealed = _collect(again, flat)
    return revealed if sum(len(b.text) for b in revealed) > REVEAL_RATIO * shown else blocks


def _remove(tree: LexborHTMLParser, selector: str) -> None:
    for node in tree.css(selector):
        node.decompose()


def _collect(tree: LexborHTMLParser, flat: frozenset[str]) -> list[Block]:
    root = tree.body or tree.root
    if root is None:
        return []
    collector = _Collector(find_regions(tree, root), flat)
    collector.walk(root)
    return collector.blocks


class _Collector:
    def __init__(self, regions: dict[int, str], flat: frozenset[str]) -> None:
        self.flat = flat  # regions read in one call, not walked
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.link_chars = 0
        self.owner: LexborNode | None = None
        self.regions = regions
        self.region = ""  # the region of the innermost furniture container open
        self.paths: dict[int, str] = {}  # the start of its children's paths, by mem_id
        self.ids: dict[int, int] = {}  # an element's number (Block.element) by its mem_id

    def walk(self, root: LexborNode) -> None:
        # An explicit stack: real pages nest deeper than Python's recursion limit allows.
        # Entries are (node, links above it, inside <pre>, the owner and region to restore when
        # a block closes) where a node of None marks the end of a block element.
        stack: list[tuple[LexborNode | None, int, bool, LexborNode | None, str]] = [
            (root, 0, False, None, "")
        ]
        regions = self.regions
        mixed, link_chars = _leaves(root)
        parts = self.parts
        while stack:
            node, in_link, in_pre, restore, restore_region = stack.pop()
            if node is None:
                if parts:  # most block boundaries close nothing (nested containers)
                    self.flush()
                self.owner = restore
                self.region = restore_region
                continue
            tag = node.tag or ""
            if tag == "-text":
                text = node.text_content
                if text:
                    # Source line breaks are spaces, except in preformatted text.
                    parts.append(text if in_pre else text.replace("\n", " "))
                    if in_link:
                        self.link_chars += len(text.strip())
                continue
            if tag == "br":
                parts.append("\n")
                continue
            if tag in BLOCK_TAGS:
                if parts:
                    self.flush()
                # Only block containers make regions: a "share" class on a link stays inline.
                region = regions.get(node.mem_id) if regions else None
                if region is not None and region in self.flat:
                    self.emit_flat(node, region)
                    continue
                if not in_pre and tag not in LINE_KEEPING_TAGS and node.mem_id not in mixed:
                    # Most blocks hold inline content alone (a paragraph, a list item): lexbor
                    # joins their text nodes, and the walk does not visit each one; the block
                    # is made at once, as the end of the element would make it.
                    text = node.text(deep=True)
                    if text and not text.isspace():
                        if in_link:  # each text node's characters, stripped
                            links = len(node.text(deep=True, strip=True))
                        else:
                            links = link_chars.get(node.mem_id, 0)
                        block_region = self.region if region is None else region
                        self.emit(node, text.replace("\n", " "), links, block_region)
                    continue
                stack.append((None, in_link, in_pre, self.owner, self.region))
                self.owner = node
                if region is not None:
                    self.region = region
            link = in_link + (1 if tag == "a" else 0)
            pre = in_pre or tag in LINE_KEEPING_TAGS
            if not pre and tag in BLOCK_TAGS:
                # A container of blocks alone (most are): the whitespace between its blocks
                # only ever joins the ends of a block's text, which are stripped, so its text
                # nodes are not visited.
                own = node.text(deep=False)
                if not own or own.isspace():
                    elements = list(node.iter(include_text=False))
                    if all(child.tag in _BETWEEN_BLOCKS for child in elements):
                        stack.extend((c, link, pre, None, "") for c in reversed(elements))
                        continue
            children = []
            child = node.child
            while child is not None:
                children.append(child)
                child = child.next
            stack.extend((c, link, pre, None, "") for c in reversed(children))

    def flush(self) -> None:
        """Make the blocks of the text gathered for the open block element."""
        raw = "".join(self.parts)
        self.parts.clear()
        link_chars, self.link_chars = self.link_chars, 0
        if self.owner is not None and not raw.isspace():
            self.emit(self.owner, raw, link_chars, self.region)

    def emit(self, owner: LexborNode, raw: str, link_chars: int, region: str) -> None:
        """The blocks of an element's text: one, or one a line where <br> broke it or the
        element keeps its line breaks (<pre>)."""
        if owner.tag in LINE_KEEPING_TAGS:
            lines = _code_lines(raw)
        elif "\n" in raw:  # a <br> ends a line
            lines = [(" ".join(line.split()), 0) for line in raw.split("\n")]
        else:
            lines = [(" ".join(raw.split()), 0)]
        self.add(owner, lines, region, link_chars)

    def emit_flat(self, container: LexborNode, region: str) -> None:
        """The blocks of a furniture container read in one lexbor call instead of walked: a
        block for each of its text nodes, all with the container's tag, path and share of
        link text. Its menu items and footer links come out much as the walk makes them (a
        link apiece), a sentence with a link in it as a few pieces."""
        raw = container.text(deep=True, separator="\n")
        if raw.isspace() or not raw:
            return
        lines = [(" ".join(line.split()), 0) for line in raw.split("\n")]
        chars = sum(len(line) for line, _ in lines)
        links = sum(len(a.text(deep=True, strip=True)) for a in container.css("a"))
        self.add(container, lines, region, links, chars)

    def add(
        self,
        owner: LexborNode,
        lines: list[tuple[str, int]],
        region: str,
        link_chars: int,
        chars: int | None = None,
    ) -> None:
        """A block for each non-empty (text, blank lines above) of `lines`, all with `owner`'s
        tag, path and numbers. The share of link text is `link_chars` over `chars`, or over
        each line's own length when `chars` is None."""
        tag = owner.tag or ""
        heading = int(tag[1]) if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit() else 0
        above = owner.parent
        path, attrs = self.path_of(owner, above), _attrs(owner)
        element = self.number(owner.mem_id)
        parent = self.number(above.mem_id) if above is not None else 0
        for text, gap in lines:
            if not text:
                continue
            self.blocks.append(
                Block.of_element(
                    len(self.blocks),
                    text,
                    tag=tag,
                    heading=heading,
                    path=path,
                    attrs=attrs,
                    link_density=min(1.0, link_chars / max(1, chars or len(text))),
                    region=region,
                    element=element,
                    parent=parent,
                    gap_before=gap,
                )
            )

    def number(self, key: int) -> int:
        """The number of the element whose `mem_id` is `key`, in the order blocks meet it."""
        found = self.ids.get(key)
        if found is None:
            found = self.ids[key] = len(self.ids) + 1
        return found

    def path_of(self, node: LexborNode, parent: LexborNode | None) -> str:
        """`_path(node)` (`parent` is its parent), with the start each parent gives its
        children's paths remembered: siblings share it."""
        key = 0 if parent is None else parent.mem_id
        prefix = self.paths.get(key)
        if prefix is None:
            if parent is None or parent.tag in ("html", None):
                prefix = ""  # nothing above to share: the node's own path
            else:
                prefix = "/".join(_path(parent).split("/")[-(PATH_DEPTH - 1) :]) + "/"
            self.paths[key] = prefix
        return prefix + (node.tag or "") if prefix else _path(node)


def _code_lines(raw: str) -> list[tuple[str, int]]:
    """The lines of preformatted text, each with the blank lines above it: trailing spaces
    dropped, and the indentation all lines share (the page source's, not the code's)."""
    lines = [line.rstrip() for line in raw.split("\n")]
    indents = [len(line) - len(line.lstrip()) for line in lines if line]
    cut = min(indents, default=0)
    out: list[tuple[str, int]] = []
    gap = 0
    for line in lines:
        if not line:
            gap += 1
            continue
        out.append((line[cut:], gap if out else 0))
        gap = 0
    return out


# What may stand between the blocks of a container whose whitespace is skipped (see `walk`):
# blocks, line breaks, comments; any other element may hold inline text.
_BETWEEN_BLOCKS = frozenset(BLOCK_TAGS | {"br", "-comment"})
# Elements whose text keeps its line breaks: a block holding one is walked node by node.
LINE_KEEPING_TAGS = frozenset({"pre", "textarea"})
# What an inline-only block must not hold: a nested block, a line break, or text that keeps
# its line breaks.
# (One `:is()` is matched faster in lexbor than the same list of selectors: 0.53 against 0.63 ms
# a page on the held-out WCXB pages, the same elements.)
_NOT_INLINE = f":is({', '.join(sorted(BLOCK_TAGS | LINE_KEEPING_TAGS | {'br'}))})"


def _leaves(root: LexborNode) -> tuple[set[int], dict[int, int]]:
    """The blocks under `root` that hold something besides inline content (their `mem_id`),
    and the characters of link text in each block, found with two selections in lexbor.

    A block holds a nested block (or a `<br>`, a `<pre>`) exactly when it is the nearest
    block above one: the elements between them are all inline.
    """
    mixed = set()
    for node in root.css(_NOT_INLINE):
        block = _block_above(node)
        if block is not None:
            mixed.add(block.mem_id)
    link_chars: dict[int, int] = {}
    for link in root.css("a"):
        block = _block_above(link)
        if block is not None:
            key = block.mem_id
            # Each text node's characters, stripped, as the walk counts them.
            link_chars[key] = link_chars.get(key, 0) + len(link.text(deep=True, strip=True))
    return mixed, link_chars


def _block_above(node: LexborNode) -> LexborNode | None:
    parent = node.parent
    while parent is not None and parent.tag not in BLOCK_TAGS:
        parent = parent.parent
    return parent


def _path(node: LexborNode) -> str:
    parts: list[str] = []
    current: LexborNode | None = node
    while current is not None and len(parts) < PATH_DEPTH and current.tag not in ("html", None):
        parts.append(current.tag)
        current = current.parent
    return "/".join(reversed(parts))


def _attrs(node: LexborNode) -> str:
    attributes = node.attributes
    values = [attributes.get(k) or "" for k in ("id", "class", "role", "aria-label")]
    return " ".join(v for v in values if v)
