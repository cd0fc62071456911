"""Where a batch's records go: a folder of one file per page (names made safe), Parquet."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from cleaner._model import Document
from cleaner.batch.outputs import (
    MAX_STEM_BYTES,
    FolderWriter,
    PageNames,
    ParquetWriter,
    safe_stem,
    write_inside,
)

BODY = "The harbour ferry will run every twenty minutes instead of every half hour."


def page(page_id: str, text: str = BODY, error: str | None = None) -> Document:
    return Document(text="" if error else text, kind="text", id=page_id, error=error)


@pytest.mark.parametrize(
    ("page_id", "stem"),
    [
        ("dumps/2024/a.txt", "dumps_2024_a.txt"),
        ("../../etc/passwd", "etc_passwd"),
        ("/etc/passwd", "etc_passwd"),
        ("..", "page"),
        (".hidden", "hidden"),
        ("a\x00b\nc", "a_b_c"),
        ("<urn:uuid:8f0c-11>", "urn_uuid_8f0c-11"),
        ("C:\\Windows\\win.ini", "C_Windows_win.ini"),
        ("con", "page_con"),
        ("NUL.txt", "page_NUL.txt"),
        ("café \u202eexe.txt", "café_exe.txt"),
        ("", "page"),
    ],
)
def test_a_page_id_becomes_a_plain_file_name_inside_the_folder(page_id: str, stem: str) -> None:
    assert safe_stem(page_id) == stem


def test_a_very_long_id_is_cut_with_a_digest_that_keeps_two_similar_ids_apart() -> None:
    first, second = "é" * 400 + "/one", "é" * 400 + "/two"
    stems = safe_stem(first), safe_stem(second)
    assert stems[0] != stems[1]
    assert all(len(s.encode("utf-8")) <= MAX_STEM_BYTES for s in stems)
    assert stems[0].startswith("éé")


def test_names_that_collide_once_made_safe_or_by_case_get_a_digest_the_same_each_run() -> None:
    ids = ["a/b", "a_b", "A_B", "a?b"]
    names = _names(ids)
    assert names == _names(ids)
    assert names[0] == "a_b"
    assert len({n.lower() for n in names}) == 4
    assert all(n.lower().startswith("a_b-") for n in names[1:])


def _names(ids: list[str]) -> list[str]:
    names = PageNames()
    return [names.name_for(i) for i in ids]


def test_the_folder_holds_a_file_per_cleaned_page_and_an_index_line_per_page(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    docs = [page("../../escape"), page("bad.png", error="binary: not a page"), page("/abs/x")]
    FolderWriter(str(out), "text").write_all(docs)
    assert sorted(os.listdir(out)) == ["abs_x.txt", "escape.txt", "index.jsonl"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    assert (out / "escape.txt").read_text(encoding="utf-8") == BODY + "\n"
    index = [json.loads(line) for line in (out / "index.jsonl").read_text().splitlines()]
    assert [(r["id"], r["file"], r["error"]) for r in index] == [
        ("../../escape", "escape.txt", None),
        ("bad.png", None, "binary: not a page"),
        ("/abs/x", "abs_x.txt", None),
    ]
    assert "text" not in index[0]


def test_a_symbolic_link_left_in_the_folder_is_replaced_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "precious.txt"
    outside.write_text("keep me")
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "page.md").symlink_to(outside)
    write_inside(str(folder), "page.md", "new text")
    assert outside.read_text() == "keep me"
    assert not (folder / "page.md").is_symlink()
    assert (folder / "page.md").read_text() == "new text"
    for bad in ("../x.md", "..", "a/b.md", ""):
        with pytest.raises(ValueError):
            write_inside(str(folder), bad, "text")


def test_parquet_has_a_row_per_page_errors_included_in_row_groups(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    import cleaner.batch.outputs

    monkeypatch.setattr(cleaner.batch.outputs, "PARQUET_ROW_GROUP_PAGES", 2)
    docs = [page(f"p{i}") for i in range(4)] + [page("bad", error="empty: nothing")]
    path = tmp_path / "pages.parquet"
    ParquetWriter(str(path)).write_all(docs)
    table = pq.read_table(path)
    assert table.column("id").to_pylist() == ["p0", "p1", "p2", "p3", "bad"]
    assert table.column("error").to_pylist() == [None] * 4 + ["empty: nothing"]
    assert table.column("text").to_pylist()[0] == BODY
    assert pq.ParquetFile(path).num_row_groups == 3
    assert os.listdir(tmp_path) == ["pages.parquet"]
