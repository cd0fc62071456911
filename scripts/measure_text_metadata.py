"""Measure text-dump metadata extraction (author, date, title) against the wcxb-dev gold.

Each page's text dump is read from /tmp/cleaner-wcxb-text/<style>/ID.txt when
scripts/render_text_dumps.py has made it, else rendered on the fly with selectolax
(`body.text(separator="\\n")`, cruder: inline elements split lines). The dump's non-empty lines
go through `extract_text_metadata`, and the values are compared with the gold:

- author: case-folded equality or containment either way ("Jane Doe" vs "Jane Doe, MD");
- date: the same day (a gold date given only to the month is compared on the month);
- title: case-folded equality after collapsing spaces, or containment either way.

It also reports how often a line marked as metadata (to be dropped from the body) is a line
of the gold body. For each field it reports recall (right answers over pages with a gold value), wrong answers
(a non-null value that does not match, over pages with a gold value) and precision (right over
all non-null answers on those pages), plus how often a value is given on pages without gold.

With `--folds` it also reports each field per site fold (fold = the first 8 hex digits of the
SHA-1 of the page's site, modulo 5), to see whether a change helps on most sites or on a few.

Usage: python scripts/measure_text_metadata.py [--split all|train|heldout] [--style innertext]
       [--limit N] [--show-errors N] [--field author|date|title] [--url] [--language] [--folds]
       [--page-date]
`--page-date` scores the date `Cleaner.clean` gives the dump instead of the text metadata's own:
with no markup, that is the text's date, else its lone date line, its month line or its
headline's date (and, with `--url`, the URL's day first).
`--language` instead calibrates `cleaner.metadata.language` on the gold bodies.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import _wcxb

from cleaner._api import _page_date
from cleaner.metadata import language as language_module
from cleaner.metadata.html import HeadMetadata
from cleaner.metadata.text import TextMetadata, extract_text_metadata

DUMPS = Path("/tmp/cleaner-wcxb-text")
FIELDS = ("author", "date", "title")


def dump_lines(page: _wcxb.Page, style: str) -> list[str]:
    path = DUMPS / style / f"{page.id}.txt"
    if path.exists():
        text = path.read_text(encoding="utf-8", errors="replace")
    else:
        from selectolax.lexbor import LexborHTMLParser

        body = LexborHTMLParser(page.read_html()).body
        text = body.text(separator="\n") if body is not None else ""
    return [line.strip() for line in text.split("\n") if line.strip()]


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


_JOINERS = regex.compile(r"\s*(?:,\s*and\s+|,|;|\s+and\s+|\s*&\s*)\s*")


def author_matches(found: str, gold: str) -> bool:
    """Equal or contained after case folding, with "A and B" and "A, B" taken as the same list."""
    a, b = _JOINERS.sub(", ", _norm(found)), _JOINERS.sub(", ", _norm(gold))
    return bool(a) and (a == b or a in b or b in a)


def date_matches(found: str, gold: str) -> bool:
    return found[: len(gold[:10])] == gold[:10]


def title_matches(found: str, gold: str) -> bool:
    a = regex.sub(r"[\W_]+", " ", _norm(found)).strip()
    b = regex.sub(r"[\W_]+", " ", _norm(gold)).strip()
    return bool(a) and (a == b or a in b or b in a)


MATCHERS: dict[str, Callable[[str, str], bool]] = {
    "author": author_matches,
    "date": date_matches,
    "title": title_matches,
}


def measure(args: argparse.Namespace) -> None:
    pages = _wcxb.load_pages(args.split)[: args.limit or None]
    counts = {f: {"gold": 0, "right": 0, "wrong": 0, "none_gold": 0, "extra": 0} for f in FIELDS}
    by_fold = {
        (f, k): {"gold": 0, "right": 0, "wrong": 0, "none_gold": 0, "extra": 0}
        for f in FIELDS
        for k in range(FOLDS)
    }
    errors: dict[str, list[str]] = {f: [] for f in FIELDS}
    seconds: list[float] = []
    dropped: dict[str, list[int]] = {}  # reason -> [lines marked, of which lines of the gold body]
    for page in pages:
        lines = dump_lines(page, args.style)
        start = time.perf_counter()
        meta = extract_text_metadata(
            lines, url=page.url if args.url else None, with_language=args.with_language
        )
        seconds.append(time.perf_counter() - start)
        if args.page_date:
            # The date `Cleaner.clean` gives a text dump: no markup, so the text's date, else
            # its lone date line, its month line, its headline's date (and the URL's day).
            url = page.url if args.url else None
            meta = dataclasses.replace(meta, date=_page_date(HeadMetadata(), meta, url))
        fold = site_fold(page.url)
        for name in FIELDS:
            _score(name, page, meta, counts[name], errors[name])
            _score(name, page, meta, by_fold[name, fold], [])
        _count_dropped(page, lines, meta, dropped)
    for name in FIELDS:
        _report(name, counts[name])
    if args.folds:
        for name in FIELDS:
            if args.field in (None, name):
                for k in range(FOLDS):
                    _report(f"{name} fold {k}", by_fold[name, k])
    for reason, (marked, in_body) in sorted(dropped.items()):
        print(
            f"{reason}: {marked} lines marked, {in_body / marked:.1%} of them are a line of the "
            "gold body"
        )
    mean_ms = 1000 * statistics.fmean(seconds)
    p95_ms = 1000 * sorted(seconds)[int(0.95 * (len(seconds) - 1))]
    print(f"time per page: mean {mean_ms:.2f} ms, p95 {p95_ms:.2f} ms over {len(seconds)} pages")
    for name in FIELDS:
        if args.field in (None, name):
            for line in errors[name][: args.show_errors]:
                print(line)


FOLDS = 5


def site_fold(url: str) -> int:
    """The page's site fold: the first 8 hex digits of the SHA-1 of its site, modulo 5."""
    digest = hashlib.sha1(_wcxb.site_of(url).encode("utf-8")).hexdigest()
    return int(digest[:8], 16) % FOLDS


def _count_dropped(
    page: _wcxb.Page, lines: list[str], meta: TextMetadata, dropped: dict[str, list[int]]
) -> None:
    """How often a line the pipeline would drop as metadata is, word for word, gold body."""
    body = {line.strip() for line in page.body.split("\n") if line.strip()}
    marked = dict(meta.metadata_lines)
    if meta.title_index is not None:
        marked[meta.title_index] = "metadata.title"
    for index, reason in marked.items():
        tally = dropped.setdefault(reason, [0, 0])
        tally[0] += 1
        tally[1] += lines[index] in body


def _score(
    name: str, page: _wcxb.Page, meta: TextMetadata, c: dict[str, int], errors: list[str]
) -> None:
    gold = getattr(page, name)
    found = getattr(meta, name)
    if not gold:
        c["none_gold"] += 1
        c["extra"] += found is not None
        return
    c["gold"] += 1
    if found is None:
        errors.append(f"[{name} missed] {page.id} gold={gold!r}")
    elif MATCHERS[name](found, gold):
        c["right"] += 1
    else:
        c["wrong"] += 1
        errors.append(f"[{name} WRONG] {page.id} gold={gold!r} found={found!r}")


def _report(name: str, c: dict[str, int]) -> None:
    given = c["right"] + c["wrong"]
    recall = c["right"] / c["gold"] if c["gold"] else 0.0
    wrong = c["wrong"] / c["gold"] if c["gold"] else 0.0
    precision = c["right"] / given if given else 0.0
    extra = c["extra"] / c["none_gold"] if c["none_gold"] else 0.0
    print(
        f"{name:6s} gold on {c['gold']:4d} pages: right {recall:6.1%}  wrong {wrong:6.1%}  "
        f"precision {precision:6.1%} | value given on {extra:6.1%} of {c['none_gold']} pages "
        "without gold"
    )


def calibrate_language(args: argparse.Namespace) -> None:
    """Agreement of the detector on a body's first N words with its answer on the whole body."""
    pages = _wcxb.load_pages(args.split)[: args.limit or None]
    identifier = language_module._identifier()
    full = {p.id: identifier.classify(p.body)[0] for p in pages if len(p.body.split()) >= 100}
    langs: dict[str, int] = {}
    for code in full.values():
        langs[code] = langs.get(code, 0) + 1
    print(
        f"{len(full)} bodies of 100+ words; languages: {sorted(langs.items(), key=lambda x: -x[1])[:10]}"
    )
    bodies = {p.id: p.body for p in pages if p.id in full}
    for n_words in (5, 10, 15, 20, 30, 50):
        agree = sum(
            identifier.classify(" ".join(bodies[i].split()[:n_words]))[0] == code
            for i, code in full.items()
        )
        print(f"first {n_words:3d} words agree with the whole body: {agree / len(full):.1%}")
    for chars in (1000, 2000, 4000, 8000):
        agree = sum(identifier.classify(bodies[i][:chars])[0] == code for i, code in full.items())
        print(f"first {chars:5d} chars agree: {agree / len(full):.1%}")
    start = time.perf_counter()
    for body in bodies.values():
        language_module.detect_language(body)
    per_page = 1000 * (time.perf_counter() - start) / len(bodies)
    print(
        f"detect_language per page (gold body, capped at {language_module.MAX_CHARS} chars): {per_page:.2f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", default="all", choices=("all", "train", "heldout"))
    parser.add_argument("--style", default="innertext")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--show-errors", type=int, default=0)
    parser.add_argument("--field", choices=FIELDS)
    parser.add_argument("--url", action="store_true", help="pass the page URL (slug title hint)")
    parser.add_argument("--with-language", action="store_true", help="time language detection too")
    parser.add_argument("--language", action="store_true", help="calibrate language detection")
    parser.add_argument("--folds", action="store_true", help="report each site fold too")
    parser.add_argument(
        "--page-date",
        action="store_true",
        help="score the date Cleaner.clean gives the dump (with its fallbacks), not the text's",
    )
    args = parser.parse_args()
    if args.language:
        calibrate_language(args)
    else:
        measure(args)


if __name__ == "__main__":
    main()
