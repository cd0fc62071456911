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


# An HTML page whose article has a list item before it and one after it, each of nine words
# (the word-count model scores them 0.98), and a heading of seven words (0.91) that the
# structure stage puts before the article too.
EDGES_PAGE = """<html><head><title>Harbour wall repaired</title></head><body>
<header><a href="/">Home</a> <a href="/news">News</a></header>
<ul><li>Ferry timetable for the summer season on the island</li></ul>
<article>
<h1>Harbour wall repaired before the winter storms</h1>
<p>The harbour wall, cracked in two places since the February gales, was repaired this week
by a crew from the county, who worked through two low tides a day.</p>
<p>Fishermen had warned for months that a heavy swell could breach the wall and flood the
slipway, and the council moved the repair forward by a full year.</p>
</article>
<ul><li>Lifeboat crew called out twice in one stormy night</li></ul>
<footer>Contact us</footer>
</body></html>"""
EDGES_ARTICLE = (
    "The harbour wall, cracked in two places since the February gales, was repaired this week"
    " by a crew from the county, who worked through two low tides a day.\n\n"
    "Fishermen had warned for months that a heavy swell could breach the wall and flood the"
    " slipway, and the council moved the repair forward by a full year."
)


def edge_models(tmp_path: Path, bar: dict[str, float]) -> tuple[Path, Path]:
    """Two word-count models that keep a block the structure stage put at the article's edge
    only at 0.99: one as a file written before `bar` existed, and one with `bar` set."""
    edge = {"mode": "override", "keep_above": 0.6, "drop_below": -1.0, "keep_edge_above": 0.99}
    (tmp_path / "old").mkdir()
    (tmp_path / "new").mkdir()
    return word_count_model(tmp_path / "old", edge), word_count_model(tmp_path / "new", edge | bar)


def test_a_block_after_the_article_has_its_own_keep_bar_and_old_files_keep_the_edge_bar(
    tmp_path: Path,
) -> None:
    # Without `keep_after_above` (a model file written before it) both sides need 0.99.
    old, new = edge_models(tmp_path, {"keep_after_above": 0.65})
    doc = cleaner.clean(EDGES_PAGE, kind="html", model=old, learned=None, metadata=False)
    assert doc.text == EDGES_ARTICLE
    after = next(b for b in doc.blocks if b.text.startswith("Lifeboat"))
    assert after.reason == "structure.after-article"
    # With it, the block after the article is kept at its score; the ones before stay out.
    doc = cleaner.clean(EDGES_PAGE, kind="html", model=new, learned=None, metadata=False)
    assert doc.text == EDGES_ARTICLE + "\n\nLifeboat crew called out twice in one stormy night"
    after = next(b for b in doc.blocks if b.text.startswith("Lifeboat"))
    assert after.reason == "learned.body" and after.score == pytest.approx(0.9835, abs=1e-4)
    reasons = {b.text[:5]: b.reason for b in doc.blocks if not b.kept}
    assert reasons["Ferry"] == "structure.before-article"
    assert reasons["Harbo"] == "structure.before-article"


def test_the_shipped_model_keeps_the_rest_of_a_table_below_the_article() -> None:
    # The structure stage ends the article at its last paragraph; the model keeps the table
    # below it, its first row at 0.99 and its second (0.72, 0.91) at the bar after the
    # article (the bar before it, 0.93, kept half the table).
    page = EDGES_PAGE.replace(
        "<ul><li>Lifeboat crew called out twice in one stormy night</li></ul>",
        "<table><tr><td>Length repaired</td><td>42 metres</td></tr>"
        "<tr><td>Cost</td><td>£18,000</td></tr></table>",
    )
    doc = cleaner.clean(page, kind="html", metadata=False)
    assert doc.text.endswith(
        "forward by a full year.\n\nLength repaired\n\n42 metres\n\nCost\n\n£18,000"
    )
    cost = next(b for b in doc.blocks if b.text == "Cost")
    assert cost.reason == "learned.body" and cost.score is not None and cost.score < 0.93


# An HTML page whose article's paragraphs stand in a container of their own inside <main>:
# before them, a list item inside that container (a "quick picks" line), one in a <header>
# inside it (a standfirst), and one in <main> outside it (a filter line). Each is of nine
# words (the word-count model scores them 0.98) and the structure stage puts them all before
# the article.
INSIDE_PAGE = """<html><head><title>Beaches</title></head><body>
<header><a href="/">Home</a> <a href="/guides">Guides</a></header>
<main>
<ul><li>Show only beaches with parking for more than fifty</li></ul>
<div class="story">
<header><ul><li>Our pick of the coast after a summer walking</li></ul></header>
<ul><li>Best for families: the north beach with its lifeguards</li></ul>
<p>The north beach has lifeguards from May to September, a shallow bay that stays calm on
most days, and a cafe that rents out windbreaks by the hour.</p>
<p>The south beach is wilder and better for walkers, with a cliff path that runs for three
miles to the lighthouse and back along the shore at low tide.</p>
</div>
</main>
<footer>Contact us</footer>
</body></html>"""
INSIDE_ARTICLE = (
    "The north beach has lifeguards from May to September, a shallow bay that stays calm on"
    " most days, and a cafe that rents out windbreaks by the hour.\n\n"
    "The south beach is wilder and better for walkers, with a cliff path that runs for three"
    " miles to the lighthouse and back along the shore at low tide."
)
INSIDE_LINE = "Best for families: the north beach with its lifeguards"


def test_a_block_before_the_article_inside_the_element_holding_its_runs_has_its_own_bar(
    tmp_path: Path,
) -> None:
    # Without `keep_inside_above` (a model file written before it) all three need 0.99.
    old, new = edge_models(tmp_path, {"keep_inside_above": 0.6})
    doc = cleaner.clean(INSIDE_PAGE, kind="html", model=old, learned=None, metadata=False)
    assert doc.text == INSIDE_ARTICLE
    # With it, the line in the paragraphs' container is kept at its score; the one in <main>
    # outside it and the one in a <header> inside it stay out.
    doc = cleaner.clean(INSIDE_PAGE, kind="html", model=new, learned=None, metadata=False)
    assert doc.text == INSIDE_LINE + "\n\n" + INSIDE_ARTICLE
    line = next(b for b in doc.blocks if b.text == INSIDE_LINE)
    assert line.reason == "learned.body" and line.score == pytest.approx(0.9835, abs=1e-4)
    reasons = {b.text[:4]: b.reason for b in doc.blocks if not b.kept}
    assert reasons["Show"] == "structure.before-article"
    assert reasons["Our "] == "structure.before-article"
    # An <article> holding the paragraphs holds its headline and standfirst too: no bar of
    # its own before it (nor when the container is <main> or the page).
    page = INSIDE_PAGE.replace('<div class="story">', "<article>").replace("</div>", "</article>")
    doc = cleaner.clean(page, kind="html", model=new, learned=None, metadata=False)
    assert doc.text == INSIDE_ARTICLE
