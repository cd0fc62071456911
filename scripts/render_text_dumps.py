"""Render each WCXB HTML page into a text dump, the way a crawler stores a page's visible text.

The held-out text dumps the project is judged on come from a renderer we do not have. The two
real dumps in `shared/samples/` look like a browser's `innerText`: inline elements run together
on one line (a whole menu is one line), block elements start new lines, paragraphs and headings
stand between blank lines, and image alt text shows up inline. They also keep text a browser
would hide through class-based CSS (newsletter "subscribed" messages), so that renderer does not
apply stylesheets. This script imitates it with selectolax (lexbor), in named styles so that a
benchmark can check that the cleaner does not depend on one renderer's habits:

- ``innertext``: innerText-like, as above; honours the ``hidden`` attribute and inline
  ``display:none`` / ``visibility:hidden`` (as a browser would) but not ``aria-hidden``
  (browsers render aria-hidden content too);
- ``lines``: a CSS-blind crawler: every block and every table cell on its own line, no blank
  lines, hidden elements and every option of a drop-down included.

Usage: python scripts/render_text_dumps.py [--style innertext] [--out DIR] [--limit N] [--force]
Dumps go to /tmp/cleaner-wcxb-text/<style>/ID.txt; a dump newer than both its page and this
script is not rendered again.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import regex
from selectolax.lexbor import LexborHTMLParser, LexborNode

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _wcxb

DEFAULT_OUT = Path("/tmp/cleaner-wcxb-text")


@dataclass(frozen=True, slots=True)
class RenderStyle:
    """How one imagined crawler turns a DOM into lines of text."""

    name: str
    paragraph_gap: bool  # blank line around <p> and headings
    alt_text: bool  # <img alt> rendered inline
    honour_hidden: bool  # drop [hidden] and inline display:none / visibility:hidden
    all_noscript: bool  # every <noscript> rendered, not only a server-side fallback page
    cells_as_lines: bool  # table cells on lines of their own instead of tab-separated
    all_options: bool  # every <option> of a <select>, not only the shown one


STYLES: dict[str, RenderStyle] = {
    "innertext": RenderStyle("innertext", True, True, True, False, False, False),
    "lines": RenderStyle("lines", False, True, False, True, True, True),
}

# Elements whose content is never visible text (head, scripts, vector art, fallback content of
# embedded objects, form fields whose value is not text content).
SKIPPED_TAGS = [
    "head", "script", "style", "template", "svg", "math", "iframe", "object",
    "embed", "canvas", "audio", "video", "map", "textarea", "input", "link", "meta",
]  # fmt: skip

# Elements a browser's default stylesheet lays out as blocks (display block, list-item, table,
# table-row, table-caption...): each starts and ends a line.
BLOCK_TAGS = frozenset(
    """
    address article aside blockquote body caption center dd details dialog dir div dl dt
    fieldset figcaption figure footer form frameset h1 h2 h3 h4 h5 h6 header hgroup hr html
    legend li listing main menu nav ol optgroup option p plaintext pre search section summary
    table tbody tfoot thead tr ul xmp
    """.split()  # noqa: SIM905 (a word list reads better than 50 quoted strings)
)
GAP_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6"})
CELL_TAGS = frozenset({"td", "th"})

NOSCRIPT_FALLBACK_MIN_CHARS = 500
"""A <noscript> with this much text is the page's server-rendered fallback (Discourse puts
every post there), which a browser running the scripts shows in another form; shorter ones are
"enable JavaScript" notes a browser never shows. 500 sits well above such notes (<200 chars)."""

# React streams late parts of a page into `<div hidden id="S:…">` and its scripts move them into
# place, so a rendered page shows them although the markup says hidden.
STREAMED_BOUNDARY = regex.compile(r"S:\w+")

HIDING_STYLE = regex.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", regex.IGNORECASE)
SPACES = regex.compile(r"\s+")
# Stands for a tab between table cells while whitespace is being collapsed (a real tab would be
# collapsed with the spaces around it).
CELL_MARK = "\ue000"
CELL_GAP = regex.compile(r" ?\ue000 ?")


class Pre(str):
    """Text from inside <pre>, whose spaces and line breaks are kept as they are."""


Piece = str | int  # text, or a count of line breaks required between the texts around it


def render(html: str, style: RenderStyle) -> str:
    """The page's visible text as `style` renders it, lines joined by "\\n"."""
    tree = LexborHTMLParser(html)
    tree.strip_tags(SKIPPED_TAGS, recursive=True)
    _resolve_noscript(tree, style)
    if style.honour_hidden:
        _remove_hidden(tree)
    body = tree.body or tree.root
    if body is None:
        return ""
    pieces: list[Piece] = []
    _walk(body, style, pieces)
    return _assemble(pieces, style)


def _resolve_noscript(tree: LexborHTMLParser, style: RenderStyle) -> None:
    for node in tree.css("noscript"):
        text = node.text(deep=True)
        if style.all_noscript or len(text.strip()) >= NOSCRIPT_FALLBACK_MIN_CHARS:
            node.unwrap()
        else:
            node.decompose()


def _remove_hidden(tree: LexborHTMLParser) -> None:
    for node in tree.css("[hidden], [style]"):
        attrs = node.attributes
        if _is_hidden(attrs):
            node.decompose()


def _is_hidden(attrs: dict[str, str | None]) -> bool:
    if HIDING_STYLE.search(attrs.get("style") or ""):
        return True
    return "hidden" in attrs and not STREAMED_BOUNDARY.fullmatch(attrs.get("id") or "")


def _walk(node: LexborNode, style: RenderStyle, out: list[Piece]) -> None:
    # An explicit stack instead of recursion: some pages nest thousands of elements deep.
    stack: list[LexborNode | Piece] = [node]
    while stack:
        item = stack.pop()
        if not isinstance(item, LexborNode):
            out.append(item)
            continue
        tag = item.tag
        if tag == "-text":
            out.append(SPACES.sub(" ", item.text_content or ""))
            continue
        if tag is None or tag.startswith("-"):
            continue  # comments, doctype
        closing = _open_element(item, tag, style, out)
        if closing is None:
            continue
        stack.append(closing)
        stack.extend(reversed(list(item.iter(include_text=True))))


def _open_element(node: LexborNode, tag: str, style: RenderStyle, out: list[Piece]) -> Piece | None:
    """Emit what goes before the element's content; return what goes after it, or None when
    the element was rendered whole (or not at all) and its children must not be walked."""
    if tag == "br":
        out.append("\n")
        return None
    if tag == "img":
        if style.alt_text:
            out.append(SPACES.sub(" ", node.attributes.get("alt") or ""))
        return None
    if tag == "pre":
        out.extend((1, Pre(node.text(deep=True)), 1))
        return None
    if tag == "select":
        out.extend(_select_text(node, style))
        return None
    if tag in CELL_TAGS:
        if style.cells_as_lines:
            out.append(1)
            return 1
        return CELL_MARK
    if tag in BLOCK_TAGS:
        breaks = 2 if style.paragraph_gap and tag in GAP_TAGS else 1
        out.append(breaks)
        return breaks
    return ""


def _select_text(node: LexborNode, style: RenderStyle) -> list[Piece]:
    options = [SPACES.sub(" ", o.text(deep=True)).strip() for o in node.css("option")]
    if style.all_options:
        return [piece for text in options for piece in (1, text, 1)]
    selected = node.css_first("option[selected]")
    shown = SPACES.sub(" ", selected.text(deep=True)).strip() if selected else ""
    return [shown or (options[0] if options else "")]


def _assemble(pieces: list[Piece], style: RenderStyle) -> str:
    """Join text runs into lines; between runs, as many newlines as the largest break asked."""
    lines: list[str] = []
    run: list[str] = []
    pending = 0
    for piece in [*pieces, 0]:
        if isinstance(piece, str):
            run.append(piece)
            continue
        run_lines = _run_lines(run)
        run.clear()
        if run_lines:
            if lines:
                lines.extend([""] * (pending - 1))
            lines.extend(run_lines)
            pending = 0
        pending = max(pending, piece)
    if not style.paragraph_gap:
        lines = [line for line in lines if line.strip()]
    return "\n".join(lines) + ("\n" if lines else "")


def _run_lines(run: list[str]) -> list[str]:
    """The lines of one run of inline text: <br> splits, whitespace collapses, ends trimmed."""
    if len(run) == 1 and isinstance(run[0], Pre):
        pre_lines = [line.rstrip() for line in run[0].split("\n")]
        while pre_lines and not pre_lines[-1]:
            pre_lines.pop()
        while pre_lines and not pre_lines[0]:
            pre_lines.pop(0)
        return pre_lines
    text = "".join(run)
    if not text.strip():
        return []
    lines = []
    for raw in text.split("\n"):
        line = SPACES.sub(" ", raw).strip()
        line = CELL_GAP.sub("\t", line).strip("\t ")
        lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return lines


# --- command line --------------------------------------------------------------------------


def render_all(style: RenderStyle, out_dir: Path, *, limit: int | None, force: bool) -> int:
    """Render every page (or the first `limit`) to out_dir; returns the number of failures."""
    out_dir.mkdir(parents=True, exist_ok=True)
    script_mtime = Path(__file__).stat().st_mtime
    rendered = skipped = failed = 0
    started = time.perf_counter()
    for page in _wcxb.load_pages("all")[:limit]:
        source = page.html_path()
        target = out_dir / f"{page.id}.txt"
        if not force and _up_to_date(target, source, script_mtime):
            skipped += 1
            continue
        try:
            target.write_text(render(page.read_html(), style), encoding="utf-8")
            rendered += 1
        except Exception as error:  # one bad page must not stop the batch
            failed += 1
            print(f"FAILED {page.id}: {type(error).__name__}: {error}", file=sys.stderr)
    elapsed = time.perf_counter() - started
    print(
        f"{style.name}: rendered {rendered}, up to date {skipped}, failed {failed} "
        f"in {elapsed:.1f}s -> {out_dir}"
    )
    return failed


def _up_to_date(target: Path, source: Path, script_mtime: float) -> bool:
    if not target.exists():
        return False
    mtime = target.stat().st_mtime
    return mtime >= source.stat().st_mtime and mtime >= script_mtime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--style", choices=sorted(STYLES), default="innertext")
    parser.add_argument("--out", type=Path, default=None, help="default: /tmp/.../<style>/")
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages")
    parser.add_argument("--force", action="store_true", help="render even up-to-date dumps")
    parser.add_argument("--page", help="print one page's dump (by ID) instead of writing files")
    args = parser.parse_args(argv)
    style = STYLES[args.style]
    if args.page:
        page = next(p for p in _wcxb.iter_pages("all") if p.id == args.page)
        sys.stdout.write(render(page.read_html(), style))
        return 0
    failed = render_all(
        style, args.out or DEFAULT_OUT / style.name, limit=args.limit, force=args.force
    )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
