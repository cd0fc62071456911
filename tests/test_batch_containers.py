"""Containers of many pages: WARC files and JSON Lines files, good and broken."""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import pytest
from batch_pages import ARTICLE, write
from warc_pages import gzip_members, html_page, response, warc_record

from cleaner._model import Document
from cleaner._options import CleanOptions
from cleaner.batch import BatchJob, InputStats, JsonFields, Source, clean_sources, find_inputs
from cleaner.batch.pages import form_of
from cleaner.ingest.decode import decode_with_charset

JOB = BatchJob(CleanOptions(include_blocks=False))


def clean(
    paths: list[Path], job: BatchJob = JOB, **kw: object
) -> tuple[list[Document], InputStats]:
    stats = InputStats()
    sources = find_inputs([str(p) for p in paths]).sources
    return list(clean_sources(sources, job, stats=stats, **kw)), stats  # type: ignore[arg-type]


def errors(docs: list[Document]) -> dict[str, str]:
    return {str(d.id): d.error.split(":")[0] for d in docs if d.error}


# --- WARC --------------------------------------------------------------------------------------


def mixed_warc() -> list[bytes]:
    cafe = html_page("Le café du port", "La façade a été refaite à l'identique.\n")
    return [
        warc_record("warcinfo", b"software: test\r\n", record_id="<urn:uuid:info>"),
        warc_record("request", b"GET /1 HTTP/1.1\r\n\r\n", record_id="<urn:uuid:req>"),
        response(1),
        # Declared in the HTTP header only, with no <meta>: the header decides.
        response(2, cafe.encode("latin-1"), content_type="text/html; charset=ISO-8859-1"),
        response(3, b"\x89PNG\r\n\x1a\n", content_type="image/png"),
        warc_record("metadata", b"fetchTimeMs: 12\r\n", record_id="<urn:uuid:meta>"),
        warc_record(
            "response",
            b"20250101 example.org. 300 IN A 192.0.2.1",
            record_id="<urn:uuid:dns>",
            uri="dns:example.org",
            content_type="text/dns",
        ),
        response(4, ARTICLE.encode(), content_type="text/plain"),
    ]


@pytest.mark.parametrize("packed", [False, True])
def test_a_warc_gives_one_page_per_html_or_text_response_with_its_record_id_url_and_charset(
    tmp_path: Path, packed: bool
) -> None:
    records = mixed_warc()
    name = "crawl.warc.gz" if packed else "crawl.warc"
    warc = write(tmp_path / name, gzip_members(records) if packed else b"".join(records))
    docs, stats = clean([warc])
    assert [(d.id, d.url, d.kind) for d in docs] == [
        ("<urn:uuid:1>", "https://example.org/1", "html"),
        ("<urn:uuid:2>", "https://example.org/2", "html"),
        ("<urn:uuid:4>", "https://example.org/4", "text"),
    ]
    assert all(d.error is None for d in docs)
    assert "every twenty minutes" in docs[0].text and docs[0].title == "Ferry news 1"
    assert "La façade a été refaite" in docs[1].text
    assert dict(stats.skipped) == {"warcinfo": 1, "request": 1, "metadata": 1, "not-html": 2}


def test_a_warc_is_recognised_by_its_first_bytes_whatever_its_name(tmp_path: Path) -> None:
    plain = write(tmp_path / "crawl-00001", b"".join(mixed_warc()))
    packed = write(tmp_path / "crawl-00002.dat", gzip_members(mixed_warc()))
    assert (form_of(str(plain)), form_of(str(packed))) == ("warc", "warc")
    assert form_of(str(write(tmp_path / "page.dat", ARTICLE))) == "page"


def test_a_record_with_a_broken_header_is_an_error_record_and_the_next_records_are_read(
    tmp_path: Path,
) -> None:
    broken = b"WARC/1.0\r\nthis is not a header\r\n\r\n"
    warc = write(tmp_path / "c.warc", response(1) + broken + response(2))
    docs, _ = clean([warc])
    offset = len(response(1))
    assert [d.id for d in docs] == ["<urn:uuid:1>", f"{warc}@{offset}", "<urn:uuid:2>"]
    assert errors(docs) == {f"{warc}@{offset}": "bad-record"}


def test_a_corrupt_gzip_member_is_an_error_record_and_reading_goes_on_at_the_next_record(
    tmp_path: Path,
) -> None:
    members = [gzip.compress(response(n), mtime=0) for n in range(1, 5)]
    damaged = members[1][:30] + b"\x00garbage\xff" * 8
    warc = write(tmp_path / "c.warc.gz", members[0] + damaged + members[2] + members[3])
    docs, _ = clean([warc])
    where = f"{warc}@{len(members[0])}"
    assert [d.id for d in docs] == ["<urn:uuid:1>", where, "<urn:uuid:3>", "<urn:uuid:4>"]
    assert errors(docs) == {where: "bad-record"}
    assert "reading went on at the next record" in str(docs[1].error)


def test_a_truncated_warc_gives_its_last_record_an_error_with_the_records_id(
    tmp_path: Path,
) -> None:
    data = gzip_members([response(1), response(2)])
    warc = write(tmp_path / "cut.warc.gz", data[:-40])
    docs, _ = clean([warc])
    assert [d.id for d in docs] == ["<urn:uuid:1>", "<urn:uuid:2>"]
    assert errors(docs) == {"<urn:uuid:2>": "bad-record"}
    assert "truncated" in str(docs[1].error)


def test_chunked_deflate_and_gzip_bodies_are_unpacked(tmp_path: Path) -> None:
    import zlib

    page = html_page("Ferry news").encode()
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(c), c) for c in (page[:50], page[50:])) + b"0\r\n\r\n"
    deflated = zlib.compress(page)
    records = [
        response(1, chunked, headers=["Transfer-Encoding: chunked"]),
        response(2, deflated, headers=["Content-Encoding: deflate"]),
        response(3, gzip.compress(page), headers=["Content-Encoding: gzip"]),
    ]
    docs, _ = clean([write(tmp_path / "enc.warc.gz", gzip_members(records))])
    assert [d.error for d in docs] == [None, None, None]
    assert all("every twenty minutes" in d.text for d in docs)


def test_a_record_above_the_size_limit_is_refused_and_the_next_one_is_read(
    tmp_path: Path,
) -> None:
    big = html_page("Big", ARTICLE * 100).encode()
    warc = write(tmp_path / "c.warc.gz", gzip_members([response(1, big), response(2)]))
    docs, _ = clean([warc], BatchJob(CleanOptions(max_bytes=10_000, include_blocks=False)))
    assert errors(docs) == {"<urn:uuid:1>": "too-large"}
    assert docs[1].error is None


def test_a_latin_charset_a_server_sends_by_default_gives_way_to_valid_utf8() -> None:
    assert decode_with_charset("café".encode(), "iso-8859-1") == "café"
    # ISO-8859-1 is read as windows-1252, as browsers do: 0x93/0x94 are curly quotes.
    assert decode_with_charset(b"\x93caf\xe9\x94", "iso-8859-1") == "\u201ccafé\u201d"
    assert decode_with_charset("кофе".encode("koi8-r"), "koi8-r") == "кофе"
    assert decode_with_charset(b"\xef\xbb\xbfcaf\xc3\xa9", "iso-8859-1") is None  # BOM decides
    assert decode_with_charset(b"caf\xe9", "no-such-charset") is None


# --- JSON Lines --------------------------------------------------------------------------------


def jsonl(*records: object) -> bytes:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    return ("\n".join(lines) + "\n").encode()


def test_jsonl_fields_are_found_by_their_usual_names_and_every_line_gets_one_record(
    tmp_path: Path,
) -> None:
    path = write(
        tmp_path / "export.jsonl",
        jsonl(
            {"id": "a", "url": "https://example.org/a", "html": html_page("Ferry news")},
            {"text": ARTICLE, "link": "https://example.org/b"},
            "",
            {"doc_id": 7, "raw_content": ARTICLE, "metadata": {"url": "https://example.org/c"}},
            '{"id": "broken", "text": "no closing brace"',
            '["a", "list"]',
            {"id": "d", "title": "no page field"},
            {"id": "e", "html": "", "text": ARTICLE},
        ),
    )
    docs, _ = clean([path])
    assert [(d.id, d.url) for d in docs] == [
        ("a", "https://example.org/a"),
        (f"{path}:2", "https://example.org/b"),
        ("7", "https://example.org/c"),
        (f"{path}:5", None),
        (f"{path}:6", None),
        ("d", None),
        ("e", None),
    ]
    assert errors(docs) == {f"{path}:5": "bad-record", f"{path}:6": "bad-record", "d": "bad-record"}
    assert docs[0].kind == "html" and docs[0].title == "Ferry news"
    assert all("every twenty minutes" in d.text for d in docs if not d.error)


def test_named_fields_win_over_the_usual_names_and_may_point_into_nested_objects(
    tmp_path: Path,
) -> None:
    record = {
        "text": "the wrong field",
        "page": {"body": ARTICLE, "address": "https://example.org/x"},
        "key": "k1",
        "id": "wrong",
    }
    path = write(tmp_path / "export.jsonl", jsonl(record))
    fields = JsonFields(text="page.body", url="page.address", id="key")
    docs, _ = clean([path], BatchJob(CleanOptions(include_blocks=False), fields=fields))
    assert [(d.id, d.url, d.error) for d in docs] == [("k1", "https://example.org/x", None)]
    assert "every twenty minutes" in docs[0].text


def test_a_gzipped_jsonl_with_a_corrupt_tail_reports_the_rest_as_one_error_record(
    tmp_path: Path,
) -> None:
    # Distinct lines, so that half the gzip data holds many of them.
    lines = (
        {"id": f"p{i}", "text": ARTICLE + hashlib.sha1(b"%d" % i).hexdigest()} for i in range(200)
    )
    packed = gzip.compress(jsonl(*lines))
    path = write(tmp_path / "export.jsonl.gz", packed[: len(packed) // 2])
    docs, _ = clean([path])
    assert len(docs) >= 2
    assert all(d.error is None for d in docs[:-1])
    assert docs[-1].id == f"{path}:{len(docs)}"
    assert str(docs[-1].error).startswith("bad-record: cannot read past line")


def test_a_line_above_the_limit_is_refused_and_the_next_line_is_read(tmp_path: Path) -> None:
    path = write(
        tmp_path / "export.jsonl",
        jsonl({"id": "big", "text": ARTICLE * 100}, {"id": "small", "text": ARTICLE}),
    )
    docs, _ = clean([path], BatchJob(CleanOptions(max_bytes=10_000, include_blocks=False)))
    assert [(d.id, d.error and d.error.split(":")[0]) for d in docs] == [
        (f"{path}:1", "too-large"),
        ("small", None),
    ]


def test_a_jsonl_file_is_recognised_by_its_first_bytes(tmp_path: Path) -> None:
    path = write(tmp_path / "export.dat", gzip.compress(jsonl({"id": "a", "text": ARTICLE})))
    assert form_of(str(path)) == "jsonl"
    assert form_of(str(write(tmp_path / "page.dat", "{ not json lines }\n"))) == "page"


def test_repeated_ids_are_renamed_the_same_way_in_every_run_and_counted(tmp_path: Path) -> None:
    path = write(
        tmp_path / "export.jsonl",
        jsonl(
            *({"id": "same", "text": ARTICLE + str(i)} for i in range(3)),
            {"id": "other", "text": ARTICLE},
        ),
    )
    first, stats = clean([path])
    second, _ = clean([path], workers=2, chunk_pages=1)
    assert [d.id for d in first] == ["same", "same#2", "same#3", "other"]
    assert [d.id for d in second] == [d.id for d in first]
    assert stats.renamed == 2


def test_pages_files_warcs_and_jsonl_files_mixed_keep_input_order_with_two_workers(
    tmp_path: Path,
) -> None:
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "b.warc.gz", gzip_members(mixed_warc()))
    write(tmp_path / "c.jsonl", jsonl({"id": "j1", "text": ARTICLE}, "{broken"))
    write(tmp_path / "d.html", html_page("Last"))
    alone, _ = clean([tmp_path])
    pooled, stats = clean([tmp_path], workers=2, chunk_pages=1)
    assert pooled == alone
    names = [Path(str(d.id)).name for d in pooled]
    assert names == [
        "a.txt",
        "<urn:uuid:1>",
        "<urn:uuid:2>",
        "<urn:uuid:4>",
        "j1",
        "c.jsonl:2",
        "d.html",
    ]
    assert sum(stats.skipped.values()) == 5


def test_a_source_known_to_be_a_page_is_not_opened_as_a_container(tmp_path: Path) -> None:
    path = write(tmp_path / "export.jsonl", jsonl({"id": "a", "text": ARTICLE}))
    job = BatchJob(CleanOptions(structure=False))
    (doc,) = clean_sources([Source("as-is", str(path), form="page")], job)
    assert doc.id == "as-is" and '"id": "a"' in doc.text
