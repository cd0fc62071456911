"""A small fixture folder for the tests of `cleaner fixtures`, its report and its pytest
plugin: text dumps (fast to clean) whose verdicts are easy to predict."""

from __future__ import annotations

import json
from pathlib import Path

PARAGRAPHS = (
    "The harbour ferry will run every twenty minutes instead of every half hour from Monday, "
    "the port authority said in a statement on Thursday.",
    "Passengers on the early crossing have complained for months that the boats were too full "
    "to board, and the authority said the change answers those complaints.",
)
HEADLINE = "Harbour ferry timetable changes from Monday"
DUMP = "\n".join(
    [
        "Home",
        "News",
        "Sport",
        HEADLINE,
        "By Ann Author",
        *PARAGRAPHS,
        "Subscribe to our newsletter",
        "Share on Facebook",
        "",
    ]
)
BODY = "\n\n".join(PARAGRAPHS)
# An HTML page whose text shows markup, for the report's escaping, and kept and dropped
# blocks for its counts.
SCRIPT_PAGE = """<!DOCTYPE html><html lang="en"><head><title>Escapes</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>How to write &lt;script&gt; tags safely</h1>
<p>Never paste <code>&lt;script&gt;alert("owned")&lt;/script&gt;</code> into a page you do
not control: a browser runs it as soon as it is parsed, before anyone can stop it.</p>
<p>Escape the angle brackets instead, so that the text &amp; its quotes stay text and the
reader sees exactly what the author typed in the paragraph.</p></article>
<footer>© 2025 Example Press · Privacy · Terms</footer></body></html>"""
# A user rule that drops the second paragraph: a "rules change" that hurts a page.
HARMFUL_RULES = '[[drop]]\nname = "early-crossing"\npattern = "early crossing"\n'


def expectation(**fields: object) -> str:
    data: dict[str, object] = {
        "body": BODY,
        "with": ["boats were too full to board"],
        "without": ["Subscribe to our newsletter"],
    }
    data.update(fields)
    return json.dumps(data, ensure_ascii=False)


def fixture_folder(root: Path, **pages: str) -> Path:
    """`root` holding a page NAME.txt (the dump) and NAME.json for each keyword NAME=json;
    with no keyword, one page `ferry` that the cleaner gets exactly right."""
    root.mkdir(parents=True, exist_ok=True)
    for name, expected in (pages or {"ferry": expectation()}).items():
        (root / f"{name}.txt").write_text(DUMP, encoding="utf-8")
        (root / f"{name}.json").write_text(expected, encoding="utf-8")
    return root
