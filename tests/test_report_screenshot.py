"""The HTML report in a real browser: headless Chromium renders an explain report, and the
screenshot shows as many kept and dropped blocks as the Document has.

Skipped where no Chromium is installed (Debian: `apt-get install chromium`)."""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from fixture_pages import SCRIPT_PAGE

import cleaner
from cleaner.evaluate.report import explain_html

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM = next((path for name in BROWSERS if (path := shutil.which(name))), None)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium to render the report (apt-get install chromium)"
)
WIDTH, HEIGHT = 900, 500  # the report of the page below ends at about 400 pixels
# The report's colours (cleaner/evaluate/report.py): each block has a 5-pixel left border in
# its state's colour over a light background of the same hue.
KEPT_BORDER, KEPT_BACKGROUND = (0x1E, 0x8E, 0x3E), (0xE6, 0xF4, 0xEA)
DROPPED_BORDER, DROPPED_BACKGROUND = (0x9A, 0xA0, 0xA6), (0xF1, 0xF3, 0xF4)
BORDER_WIDTH = 5
COLOUR_TOLERANCE = 6
"""Per channel: a browser may shift a flat colour by a step or two when it composites."""


def _screenshot(page: Path, png: Path) -> None:
    command = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",  # tests may run as root, where Chromium refuses its sandbox
        "--disable-gpu",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        f"--window-size={WIDTH},{HEIGHT}",
        f"--screenshot={png}",
        page.as_uri(),
    ]
    subprocess.run(command, capture_output=True, timeout=60, check=False)
    assert png.is_file(), "Chromium wrote no screenshot"


def _pixels(png: Path) -> list[list[tuple[int, ...]]]:
    """Rows of RGB pixels from an 8-bit RGB or RGBA, non-interlaced PNG (what Chromium
    writes), decoded by hand to need no imaging library."""
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    position, chunks, header = 8, [], b""
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        position += 12 + length
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks.append(body)
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and colour in (2, 6) and interlace == 0
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * channels
    previous = bytearray(stride)
    rows = []
    for y in range(height):
        start = y * (stride + 1)
        line = _unfilter(
            raw[start], bytearray(raw[start + 1 : start + 1 + stride]), previous, channels
        )
        rows.append([tuple(line[x : x + 3]) for x in range(0, stride, channels)])
        previous = line
    return rows


def _unfilter(kind: int, line: bytearray, previous: bytearray, step: int) -> bytearray:
    if kind == 1:
        for i in range(step, len(line)):
            line[i] = (line[i] + line[i - step]) & 0xFF
    elif kind == 2:
        line = bytearray((a + b) & 0xFF for a, b in zip(line, previous, strict=True))
    elif kind == 3:
        for i in range(len(line)):
            left = line[i - step] if i >= step else 0
            line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
    elif kind == 4:
        for i in range(len(line)):
            a = line[i - step] if i >= step else 0
            b, c = previous[i], previous[i - step] if i >= step else 0
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
    return line


def _near(pixel: tuple[int, ...], colour: tuple[int, int, int]) -> bool:
    return all(abs(p - c) <= COLOUR_TOLERANCE for p, c in zip(pixel, colour, strict=True))


def _bordered_blocks(rows: list[list[tuple[int, ...]]], border: tuple, background: tuple) -> int:
    """How many blocks the screenshot shows with this border: runs of rows where a
    5-pixel border of the colour is followed by the block's background."""
    blocks, inside = 0, False
    for row in rows:
        found = any(
            all(_near(row[x + i], border) for i in range(BORDER_WIDTH))
            and _near(row[x + BORDER_WIDTH], background)
            for x in range(len(row) // 4)  # blocks start near the left edge
            if _near(row[x], border)
        )
        blocks += found and not inside
        inside = found
    return blocks


def test_a_report_renders_in_chromium_with_as_many_kept_and_dropped_blocks_as_the_document(
    tmp_path: Path,
) -> None:
    doc = cleaner.clean(SCRIPT_PAGE, kind="html")
    kept = sum(block.kept for block in doc.blocks)
    dropped = len(doc.blocks) - kept
    assert kept >= 2 and dropped >= 2  # the page has both, or the test proves little
    page, png = tmp_path / "report.html", tmp_path / "report.png"
    page.write_text(explain_html(doc, "escapes.html"), encoding="utf-8")
    _screenshot(page, png)
    rows = _pixels(png)
    assert (len(rows), len(rows[0])) == (HEIGHT, WIDTH)
    colours = {pixel for row in rows[::7] for pixel in row[::7]}
    white = sum(pixel == (255, 255, 255) for row in rows for pixel in row)
    assert len(colours) > 20 and white < 0.95 * WIDTH * HEIGHT, "the screenshot is blank"
    assert _bordered_blocks(rows, KEPT_BORDER, KEPT_BACKGROUND) == kept
    assert _bordered_blocks(rows, DROPPED_BORDER, DROPPED_BACKGROUND) == dropped
    html = page.read_text(encoding="utf-8")
    assert f"{kept} kept</span>" in html and f"{dropped} dropped</span>" in html
