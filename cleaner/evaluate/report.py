"""HTML reports: a page's blocks coloured kept or dropped, with the deciding filter on hover.

`explain_html` shows one cleaned page; `run_html` a whole fixture run: a summary table of
the pages, worst first, each linking to its section, where the blocks are coloured by what
the expectation says of them too (a dropped block the body wanted is "missing", a kept
block it did not want is "extra"). The file is self-contained (inline CSS, no script, no
fetch) and every text from the page is escaped. Counts are written into `data-` attributes
(`data-blocks`, `data-kept`, `data-dropped`) for tools and tests to read.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterable, Sequence

import regex

from cleaner._model import Block, Document
from cleaner.evaluate.diff import normalise, paragraph_diff, verdict_label
from cleaner.evaluate.regression import FixtureRun, PageResult
from cleaner.evaluate.render import corpus_line, summary_line, worst_first

_ANCHOR_UNSAFE = regex.compile(r"[^A-Za-z0-9_-]+")
TOP_REASONS = 8
"""The drop reasons listed under a page's counts: enough to show what cleaned the page."""

_STYLE = """
:root { --kept: #1e8e3e; --kept-bg: #e6f4ea; --dropped: #9aa0a6; --dropped-bg: #f1f3f4;
        --missing: #d93025; --missing-bg: #fce8e6; --extra: #e37400; --extra-bg: #fef3e0; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0;
       color: #202124; background: #fff; }
main { max-width: 1000px; margin: 0 auto; padding: 16px 24px 48px; }
h1 { font-size: 22px; margin: 8px 0; } h2 { font-size: 18px; margin: 32px 0 6px; }
.counts { font-size: 16px; margin: 6px 0; }
.pill { display: inline-block; padding: 1px 10px; border-radius: 10px; font-weight: 600; }
.pill.kept { background: var(--kept-bg); color: var(--kept); }
.pill.dropped { background: var(--dropped-bg); color: #5f6368; }
.pill.missing { background: var(--missing-bg); color: var(--missing); }
.pill.extra { background: var(--extra-bg); color: var(--extra); }
.meta, .reasons, .legend, .problems { color: #5f6368; font-size: 13px; margin: 4px 0; }
.problems { color: var(--missing); }
ol.blocks { list-style: none; padding: 0; margin: 12px 0; }
.block { display: flex; gap: 12px; padding: 3px 8px; margin: 2px 0; border-left: 5px solid;
         border-radius: 2px; }
.block .text { flex: 1; white-space: pre-wrap; overflow-wrap: anywhere; }
.block .why { flex: 0 0 220px; font: 12px/1.6 ui-monospace, monospace; text-align: right;
              color: #5f6368; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.block.kept { background: var(--kept-bg); border-color: var(--kept); }
.block.dropped { background: var(--dropped-bg); border-color: var(--dropped); color: #80868b; }
.block.missing { background: var(--missing-bg); border-color: var(--missing); color: #202124; }
.block.extra { background: var(--extra-bg); border-color: var(--extra); }
.block.heading .text { font-weight: 650; }
.block:hover { outline: 1px solid #5f6368; }
table.summary { border-collapse: collapse; font-size: 13px; width: 100%; }
table.summary th, table.summary td { padding: 3px 8px; border-bottom: 1px solid #e8eaed;
                                     text-align: right; }
table.summary th:first-child, table.summary td:first-child { text-align: left; }
tr.regression td, tr.error td { background: var(--missing-bg); }
tr.worse td { background: var(--extra-bg); }
.diff { font-size: 13px; margin: 8px 0; padding: 0; list-style: none; }
.diff li { margin: 2px 0; } .diff .sign { font-weight: 700; }
.diff .missing .sign { color: var(--missing); } .diff .extra .sign { color: var(--extra); }
.diff .why { color: #5f6368; font-family: ui-monospace, monospace; }
"""


def explain_html(doc: Document, name: str, expected: Sequence[str] | None = None) -> str:
    """A report of one cleaned page: its blocks in order, coloured kept or dropped, and
    missing or extra against the `expected` body paragraphs when there are some."""
    wanted = None if expected is None else {normalise(p) for p in expected}
    body = [
        f"<h1>cleaner explain: {_e(name)}</h1>",
        *_page_header(doc, wanted),
        _legend(expectations=wanted is not None),
        _blocks(doc.blocks, expected=wanted),
    ]
    return _document(f"cleaner explain: {name}", body)


def run_html(run: FixtureRun) -> str:
    """A report of a fixture run: the summary table, the corpus lines, then every page."""
    pages = worst_first(run)
    body = [
        f"<h1>cleaner fixtures check: {_e(str(run.directory))}</h1>",
        f'<p class="counts" data-pages="{len(pages)}" '
        f'data-regressions="{len(run.regressions)}">{_e(summary_line(run))}</p>',
        *(f'<p class="meta">{_e(corpus_line(c))}</p>' for c in run.corpora.values()),
        _legend(expectations=True),
        _summary_table(pages),
        *(_page_section(page) for page in pages),
    ]
    return _document("cleaner fixtures check", body)


def anchor(name: str) -> str:
    return "page-" + _ANCHOR_UNSAFE.sub("-", name).strip("-")


def _summary_table(pages: Sequence[PageResult]) -> str:
    rows = [
        "<table class=summary><thead><tr><th>page</th><th>kind</th><th>word F1</th>"
        "<th>vs baseline</th><th>shingle F1</th><th>with</th><th>leaks</th><th>floor</th>"
        "<th>status</th></tr></thead><tbody>"
    ]
    for page in pages:
        s = page.score
        delta = "" if page.delta is None else f"{page.delta:+.4f}" if page.delta else "0"
        rows.append(
            f'<tr class="{page.status}"><td><a href="#{anchor(page.name)}">{_e(page.name)}</a>'
            f"</td><td>{s.kind}</td><td>{s.word_f1:.3f}</td><td>{delta}</td>"
            f"<td>{s.shingle_f1:.3f}</td><td>{s.with_total - len(s.with_missing)}/"
            f"{s.with_total}</td><td>{len(s.without_leaked)}/{s.without_total}</td>"
            f"<td>{page.floor:.2f}</td><td>{page.status}</td></tr>"
        )
    rows.append("</tbody></table>")
    return "".join(rows)


def _page_section(page: PageResult) -> str:
    doc, score = page.doc, page.score
    expected = {normalise(p) for p in page.fixture.paragraphs}
    base = "" if page.pinned is None else f", baseline {page.pinned.score.word_f1:.3f}"
    parts = [
        f'<section id="{anchor(page.name)}" data-status="{page.status}">',
        f"<h2>{_e(page.name)} — {page.status}</h2>",
        f'<p class="meta">word F1 {score.word_f1:.3f} (precision {score.word_precision:.3f}, '
        f"recall {score.word_recall:.3f}){base}, floor {page.floor:.2f} · "
        f'<a href="#top">back to the summary</a></p>',
        *_page_header(doc, expected),
    ]
    if page.problems:
        parts.append(
            '<ul class="problems">' + "".join(f"<li>{_e(p)}</li>" for p in page.problems) + "</ul>"
        )
    changes = paragraph_diff(page.fixture.paragraphs, doc)
    if changes:
        parts.append('<ul class="diff">')
        for change in changes:
            sign = "−" if change.change == "missing" else "+"
            parts.append(
                f'<li class="{change.change}"><span class="sign">{sign} ¶{change.position}</span> '
                f'{_e(change.text)} <span class="why">— {_e(change.why)}</span></li>'
            )
        parts.append("</ul>")
    parts += [_blocks(doc.blocks, expected), "</section>"]
    return "\n".join(parts)


def _page_header(doc: Document, expected: set[str] | None = None) -> list[str]:
    blocks = doc.blocks
    kept = sum(b.kept for b in blocks)
    pills = [
        f'<span class="pill kept">{kept} kept</span>',
        f'<span class="pill dropped">{len(blocks) - kept} dropped</span>',
    ]
    if expected is not None:
        missing = sum(_state(b, expected) == "missing" for b in blocks)
        extra = sum(_state(b, expected) == "extra" for b in blocks)
        pills += [
            f'<span class="pill missing">{missing} missing</span>',
            f'<span class="pill extra">{extra} extra</span>',
        ]
    meta = " · ".join(
        f"{label}: {_e(value)}"
        for label, value in (
            ("kind", doc.kind),
            ("title", doc.title),
            ("author", doc.author),
            ("date", doc.date),
            ("language", doc.language),
            ("url", doc.url),
        )
        if value
    )
    lines = [
        f'<p class="counts" data-blocks="{len(blocks)}" data-kept="{kept}" '
        f'data-dropped="{len(blocks) - kept}">{" ".join(pills)} of {len(blocks)} blocks</p>',
        f'<p class="meta">{meta}</p>',
    ]
    reasons = Counter(_reason(b) for b in blocks if not b.kept)
    if reasons:
        top = ", ".join(f"{_e(r)} {n}" for r, n in reasons.most_common(TOP_REASONS))
        lines.append(f'<p class="reasons">dropped by: {top}</p>')
    if doc.error:
        lines.append(f'<p class="problems">error: {_e(doc.error)}</p>')
    return lines


def _blocks(blocks: Iterable[Block], expected: set[str] | None) -> str:
    items = ['<ol class="blocks">']
    for block in blocks:
        state = "kept" if block.kept else "dropped"
        if expected is not None:
            state = _state(block, expected)
        classes = f"block {state}" + (" heading" if block.heading else "")
        tip = f"#{block.index} {verdict_label(block)}"
        if block.region:
            tip += f"\nregion: {block.region}"
        if state in ("missing", "extra"):
            tip += f"\n{state}: the expected body {'has' if state == 'missing' else 'lacks'} it"
        items.append(
            f'<li class="{classes}" title="{_e(tip)}" data-kept="{int(block.kept)}">'
            f'<span class="text">{_e(block.text)}</span>'
            f'<span class="why">{_e(_reason(block))}</span></li>'
        )
    items.append("</ol>")
    return "\n".join(items)


def _state(block: Block, expected: set[str]) -> str:
    wanted = normalise(block.text) in expected
    if block.kept:
        return "kept" if wanted or not block.text.strip() else "extra"
    return "missing" if wanted else "dropped"


def _reason(block: Block) -> str:
    if block.decided_by is None:
        return "kept" if block.kept else "dropped"
    reason = block.reason or block.decided_by
    return reason if block.score is None else f"{reason} {block.score:.2f}"


def _legend(*, expectations: bool) -> str:
    pills = [
        '<span class="pill kept">kept</span>',
        '<span class="pill dropped">dropped</span>',
    ]
    if expectations:
        pills += [
            '<span class="pill missing">missing: dropped, but the body has it</span>',
            '<span class="pill extra">extra: kept, but the body lacks it</span>',
        ]
    return (
        f'<p class="legend">{" ".join(pills)} · the deciding filter is on the right; '
        "hover over a block for its reason and score</p>"
    )


def _document(title: str, body: Sequence[str]) -> str:
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{_e(title)}</title><style>{_STYLE}</style></head>",
            '<body><main id="top">',
            *body,
            "</main></body></html>",
            "",
        ]
    )


def _e(text: str | None) -> str:
    return html.escape(text or "", quote=True)
