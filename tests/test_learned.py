"""The learned filter: how its model's score decides blocks, and how it is switched off.

Most tests use small hand-made model files (a single weight on one feature) so that what the
filter must do is known exactly; the last ones check the shipped model.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from learned_models import word_count_model

import cleaner
from cleaner.filters.learned import (
    DEFAULT_MODEL,
    MODEL_VERSION,
    LearnedFilter,
    ModelFileError,
    load_model,
)

# A text dump: a menu, a short article of three paragraphs, a footer line that no rule knows.
PAGE = "\n".join(
    [
        "Home",
        "World",
        "Sport",
        "",
        "The river rose by two metres overnight, and the town's lower streets were closed.",
        "",
        "Volunteers filled sandbags from dawn, while the council opened the school as a shelter.",
        "",
        "By evening the water had begun to fall, and most families were allowed to return.",
        "",
        "Weather desk",
    ]
)
LONG_LINES = {
    "The river rose by two metres overnight, and the town's lower streets were closed.",
    "Volunteers filled sandbags from dawn, while the council opened the school as a shelter.",
    "By evening the water had begun to fall, and most families were allowed to return.",
}


def test_a_replacing_model_keeps_exactly_the_open_blocks_it_scores_as_body(
    tmp_path: Path,
) -> None:
    model = word_count_model(tmp_path, {"mode": "replace", "threshold": 0.5})
    doc = cleaner.clean(PAGE, kind="text", learned=True, model=model, metadata=False)
    kept = {b.text for b in doc.blocks if b.kept}
    assert kept == LONG_LINES
    desk = next(b for b in doc.blocks if b.text == "Weather desk")
    assert desk.decided_by == "learned" and desk.reason == "learned.boilerplate"
    for block in doc.blocks:
        # The rules' drops stand; every block they left open is the model's.
        assert block.decided_by in ("rules", "learned")
        if block.decided_by == "learned":
            assert block.reason == ("learned.body" if block.kept else "learned.boilerplate")


def test_the_blocks_show_the_model_score_where_it_decided(tmp_path: Path) -> None:
    model = word_count_model(tmp_path, {"mode": "replace", "threshold": 0.5})
    doc = cleaner.clean(PAGE, kind="text", learned=True, model=model, metadata=False)
    for block in doc.blocks:
        if block.decided_by == "learned":
            assert block.score is not None
            assert (block.score >= 0.5) == block.kept
        else:
            assert block.score is None
    desk = next(b for b in doc.blocks if b.text == "Weather desk")
    expected = 1 / (1 + math.exp(8 * (math.log1p(5) - math.log1p(2))))
    assert desk.score == pytest.approx(expected, abs=1e-4)


def test_an_overriding_model_keeps_what_the_structure_stage_dropped_when_confident(
    tmp_path: Path,
) -> None:
    # Without the model the structure stage drops the trailing "Weather desk"; a model that
    # calls every block body with certainty keeps it, and it says so on the block.
    model = word_count_model(tmp_path, {"mode": "override", "keep_above": 0.0, "drop_below": -1.0})
    rules_only = cleaner.clean(PAGE, kind="text", learned=False, metadata=False)
    desk = next(b for b in rules_only.blocks if b.text == "Weather desk")
    assert not desk.kept and desk.decided_by == "structure"
    doc = cleaner.clean(PAGE, kind="text", learned=True, model=model, metadata=False)
    desk = next(b for b in doc.blocks if b.text == "Weather desk")
    assert desk.kept and desk.reason == "learned.body" and desk.score is not None


def test_a_model_never_confident_leaves_the_structure_stage_output_unchanged(
    tmp_path: Path,
) -> None:
    model = word_count_model(tmp_path, {"mode": "override", "keep_above": 1.1, "drop_below": -0.1})
    with_model = cleaner.clean(PAGE, kind="text", learned=True, model=model)
    assert with_model == cleaner.clean(PAGE, kind="text", learned=False)


def test_learned_false_gives_no_block_to_the_learned_filter(tmp_path: Path) -> None:
    model = word_count_model(tmp_path, {"mode": "override", "keep_above": 0.0, "drop_below": -1.0})
    on = cleaner.clean(PAGE, kind="text", learned=True, model=model, metadata=False)
    off = cleaner.clean(PAGE, kind="text", model=model, learned=False, metadata=False)
    assert any(b.decided_by == "learned" for b in on.blocks)
    assert not any(b.decided_by == "learned" for b in off.blocks)
    assert all(b.score is None for b in off.blocks)
    assert on.text.endswith("Weather desk")
    assert off.text.endswith("allowed to return.")


def test_by_default_the_filter_decides_html_pages_and_leaves_text_dumps_to_the_structure_stage(
    tmp_path: Path,
) -> None:
    assert cleaner.CleanOptions().learned_kinds() == ("html",)
    assert cleaner.CleanOptions(learned=True).learned_kinds() == ("html", "text")
    assert cleaner.CleanOptions(learned=False).learned_kinds() == ()
    assert cleaner.CleanOptions(structure=False, learned=True).learned_kinds() == ()
    # A model file given without `learned` is meant to be used: on both kinds.
    model = word_count_model(tmp_path, {"mode": "override", "keep_above": 0.0, "drop_below": -1.0})
    assert cleaner.CleanOptions(model=model).learned_kinds() == ("html", "text")
    # The shipped model: a text dump is cleaned as with the filter off; an HTML page is not.
    default = cleaner.Cleaner()
    assert default.clean(PAGE, kind="text") == cleaner.clean(PAGE, kind="text", learned=False)
    assert isinstance(default.filters[-1], LearnedFilter)
    assert default.filters[-1].kinds == {"html"}


def test_structure_false_runs_neither_the_structure_stage_nor_the_learned_filter(
    tmp_path: Path,
) -> None:
    model = word_count_model(tmp_path, {"mode": "replace", "threshold": 0.5})
    doc = cleaner.clean(
        PAGE, kind="text", learned=True, model=model, structure=False, metadata=False
    )
    assert {b.decided_by for b in doc.blocks} <= {None, "rules"}


def test_a_model_file_of_another_version_is_refused_with_a_clear_error(tmp_path: Path) -> None:
    model = word_count_model(tmp_path, {"mode": "replace"}, version=MODEL_VERSION + 1)
    with pytest.raises(ModelFileError, match="model version"):
        cleaner.clean(PAGE, kind="text", learned=True, model=model)


def test_a_model_for_other_features_is_refused(tmp_path: Path) -> None:
    model = word_count_model(tmp_path, {"mode": "replace"}, features=["log_words"])
    with pytest.raises(ModelFileError, match="features"):
        cleaner.Cleaner(learned=True, model=model)


@pytest.mark.parametrize("content", ["not json", "[]", '{"version": 1}'])
def test_a_broken_model_file_is_refused_naming_the_file(tmp_path: Path, content: str) -> None:
    path = tmp_path / "broken.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ModelFileError, match=r"broken\.json"):
        load_model(path)


def test_a_missing_model_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ModelFileError, match="cannot read"):
        load_model(tmp_path / "nowhere.json")


# -- the shipped model ------------------------------------------------------------------------


def test_the_shipped_model_is_small_and_loads() -> None:
    assert DEFAULT_MODEL.stat().st_size < 5_000_000
    models = load_model()
    assert set(models) == {"html", "text"}


def test_the_shipped_model_decides_html_and_text_pages_with_scores_in_range() -> None:
    paragraphs = "".join(f"<p>{line}</p>" for line in sorted(LONG_LINES))
    html = (
        f"<html><body><nav><a href='/'>Home</a></nav><article>{paragraphs}</article></body></html>"
    )
    for raw, kind in ((html, "html"), (PAGE, "text")):
        doc = cleaner.clean(raw, kind=kind, learned=True)  # type: ignore[arg-type]
        assert set(doc.paragraphs) >= LONG_LINES or set(doc.text.split("\n\n")) >= LONG_LINES
        for block in doc.blocks:
            if block.decided_by == "learned":
                assert block.score is not None and 0.0 <= block.score <= 1.0
            else:
                assert block.score is None


def test_the_filter_never_empties_a_page_the_structure_stage_left_content_on(
    tmp_path: Path,
) -> None:
    # A model that calls every block boilerplate with certainty: its drops would leave nothing,
    # so they are withdrawn.
    model = word_count_model(tmp_path, {"mode": "override", "keep_above": 1.1, "drop_below": 1.0})
    tiny = "<html><body><h1>Le café du port</h1><p>La façade a été refaite.</p></body></html>"
    doc = cleaner.clean(tiny, kind="html", model=model, metadata=False)
    assert doc.text == "La façade a été refaite."
    assert not any(b.decided_by == "learned" for b in doc.blocks)
    # The shipped model on the same page, as a batch cleans it by default.
    assert cleaner.clean(tiny, kind="html").text == "La façade a été refaite."
