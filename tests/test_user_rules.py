"""User rules files: site patterns added without touching the package."""

from __future__ import annotations

from pathlib import Path

import pytest

import cleaner
from cleaner.filters.user import load_rules_file

PAGE = """Sponsored by Harbour Bank
The council voted on Tuesday to rebuild the stone pier that storms damaged last winter, ending years of argument.
“We will keep every stone that is still sound,” the planning chief said after the vote.
Work is due to begin in the spring and should take about eighteen months to finish.
"""


def write(tmp_path: Path, text: str, name: str = "my-sites.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_drop_rule_removes_matching_lines_with_the_file_and_rule_as_reason(
    tmp_path: Path,
) -> None:
    rules = write(
        tmp_path, '[[drop]]\nname = "sponsored"\npattern = "^Sponsored by "\nmax_words = 12\n'
    )
    doc = cleaner.clean(PAGE, kind="text", rules_files=[rules], structure=False)
    first = doc.blocks[0]
    assert not first.kept and first.reason == "my-sites.sponsored"
    assert "Sponsored" not in doc.text


def test_a_drop_rule_leaves_lines_longer_than_its_word_limit(tmp_path: Path) -> None:
    rules = write(tmp_path, '[[drop]]\nname = "stone"\npattern = "stone"\nmax_words = 5\n')
    doc = cleaner.clean(PAGE, kind="text", rules_files=[rules], structure=False)
    assert "rebuild the stone pier" in doc.text


def test_a_keep_rule_protects_a_line_from_the_built_in_rules(tmp_path: Path) -> None:
    page = "Subscribe\n" + PAGE
    rules = write(tmp_path, '[[keep]]\nname = "cta"\npattern = "^Subscribe$"\n')
    doc = cleaner.clean(page, kind="text", rules_files=[rules], structure=False)
    assert doc.blocks[0].kept and doc.blocks[0].reason == "my-sites.cta"
    assert cleaner.clean(page, kind="text", structure=False).blocks[0].kept is False


@pytest.mark.parametrize(
    "text",
    [
        "[[drop]]\nname = 'x'\n",  # no pattern
        "[[drop]]\nname = 'x'\npattern = '('\n",  # bad regex
        "[[drop]]\nname = 'x'\npattern = 'a'\nmax_words = 0\n",
        "[[remove]]\nname = 'x'\npattern = 'a'\n",  # unknown table
        "[[drop]\n",  # not TOML
    ],
)
def test_a_bad_rules_file_is_reported_with_its_path(tmp_path: Path, text: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(cleaner.RulesFileError, match=r"my-sites\.toml"):
        load_rules_file(path)


def test_a_missing_rules_file_is_a_rules_file_error(tmp_path: Path) -> None:
    with pytest.raises(cleaner.RulesFileError):
        load_rules_file(tmp_path / "absent.toml")
