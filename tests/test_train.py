"""`cleaner train`: training the learned filter's model on the user's labelled pages.

The pages are small news stories written here. Each has, in the middle of its body, a
paragraph that opens with a figure ("5 readers wrote to us about ..."), a letters-page teaser
that this user counts as boilerplate: the shipped model keeps such a paragraph, so a model
trained on these labels must learn to drop it.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

import cleaner
from cleaner.cli import main
from cleaner.evaluate.scores import word_f1
from cleaner.filters.learned import DEFAULT_MODEL, FEATURE_NAMES, MODEL_VERSION, load_model
from cleaner.training import (
    LabelledPage,
    TrainingError,
    TrainOptions,
    load_labelled_pages,
    train,
)
from cleaner.training.labels import coverage
from cleaner.training.network import Network, _gradients, new_network, weighted_log_loss
from cleaner.training.run import page_f1, record_pages, train_recorded

TOPICS = ("harbour", "library", "railway", "orchard", "bridge", "market")
UNSEEN_TOPIC = "museum"


def story(topic: str, readers: int) -> tuple[str, str, str]:
    """A text dump, its expected body, and its letters teaser."""
    body = [
        f"The {topic} committee met on Tuesday evening to discuss its plans for the coming "
        "year, and members agreed on a budget.",
        f"Residents had asked for longer opening hours at the {topic}, which the council said "
        "it would consider in the spring.",
        "A spokesperson said the work would start in March and should be finished before the "
        "summer holidays begin.",
        f"Local businesses welcomed the decision, saying that the {topic} brings visitors to "
        "the town centre every weekend.",
        f"The next public meeting about the {topic} will be held in the town hall, and "
        "everyone is welcome to attend.",
    ]
    teaser = (
        f"{readers} readers wrote to us about the {topic} this week, and their letters appear "
        "on the opinion pages."
    )
    lines = ["Home", "News", "Sport", "", f"Council approves new {topic} works", ""]
    for paragraph in [body[0], body[1], teaser, *body[2:]]:
        lines += [paragraph, ""]
    lines += ["Contact us", "Privacy"]
    return "\n".join(lines) + "\n", "\n\n".join(body), teaser


def write_labelled(folder: Path, topics: tuple[str, ...] = TOPICS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i, topic in enumerate(topics):
        raw, body, _ = story(topic, readers=i + 2)
        (folder / f"{topic}.txt").write_text(raw, encoding="utf-8")
        (folder / f"{topic}.json").write_text(json.dumps({"body": body}), encoding="utf-8")
    return folder


def teaser_block(model: Path | None) -> cleaner.Block:
    """The teaser's block on a page of a topic no labelled page has."""
    raw, _, teaser = story(UNSEEN_TOPIC, readers=40)
    doc = cleaner.clean(raw, kind="text", learned=True, model=model)
    return next(b for b in doc.blocks if b.text == teaser)


def trained(tmp_path: Path, options: TrainOptions | None = None, name: str = "model") -> Path:
    result = train(load_labelled_pages([write_labelled(tmp_path / "pages")]), options)
    path = tmp_path / f"{name}.json"
    path.write_text(result.model, encoding="utf-8")
    return path


# -- changing decisions -------------------------------------------------------------------------


def test_the_shipped_model_keeps_the_teaser_paragraph_the_user_calls_boilerplate() -> None:
    # The premise of the tests below: without training, the teaser stays.
    assert teaser_block(None).kept


@pytest.mark.parametrize("from_scratch", [False, True], ids=["fine-tuned", "from-scratch"])
def test_a_model_trained_on_six_labelled_pages_drops_the_teaser_on_an_unseen_page(
    tmp_path: Path, from_scratch: bool
) -> None:
    model = trained(tmp_path, TrainOptions(from_scratch=from_scratch))
    block = teaser_block(model)
    assert not block.kept
    assert block.reason == "learned.boilerplate"
    assert block.score is not None and block.score < 0.1


@pytest.mark.parametrize("from_scratch", [False, True], ids=["fine-tuned", "from-scratch"])
def test_the_unseen_page_keeps_its_body_with_the_trained_model(
    tmp_path: Path, from_scratch: bool
) -> None:
    model = trained(tmp_path, TrainOptions(from_scratch=from_scratch))
    raw, body, _ = story(UNSEEN_TOPIC, readers=40)
    doc = cleaner.clean(raw, kind="text", learned=True, model=model)
    assert doc.text == body


def test_the_report_shows_the_model_fitting_the_labels_better_than_the_base(
    tmp_path: Path,
) -> None:
    result = train(load_labelled_pages([write_labelled(tmp_path)]))
    text = result.kinds["text"]
    assert (text.pages, text.method) == (len(TOPICS), "fine-tuned")
    assert text.f1_base < 1.0 and text.f1_new == 1.0
    assert 0.5 < text.positive < 1.0
    assert result.kinds["html"].method == "kept"
    assert "html: no pages; its model is kept from the shipped model" in result.describe()


def test_the_report_figures_are_those_of_cleaning_the_pages_with_the_model(
    tmp_path: Path,
) -> None:
    # The report scores the pages from their recordings, without cleaning them again: that
    # must decide exactly as the pipeline does, rules only and with a model.
    pages = load_labelled_pages([write_labelled(tmp_path / "pages")])
    pages += load_labelled_pages([Path(__file__).parents[1] / "fixtures" / "text"])[:4]
    recorded = record_pages(pages)
    model_path = tmp_path / "model.json"
    model_path.write_text(train_recorded(recorded).model, encoding="utf-8")
    for p in recorded:
        page = p.page
        doc = cleaner.clean(page.raw, kind=page.kind, url=page.url)
        assert page_f1(p, None) == word_f1(doc.text, page.body).f1, page.name
        for model in (DEFAULT_MODEL, model_path):
            doc = cleaner.clean(page.raw, kind=page.kind, url=page.url, model=model, learned=True)
            expected = word_f1(doc.text, page.body).f1
            assert page_f1(p, load_model(model)[page.kind]) == expected, page.name


# -- the model file -----------------------------------------------------------------------------


def test_the_written_model_loads_and_keeps_the_base_format_and_decision_rules(
    tmp_path: Path,
) -> None:
    path = trained(tmp_path)
    models = load_model(path)
    assert set(models) == {"html", "text"}
    spec = json.loads(path.read_text(encoding="utf-8"))
    base = json.loads(DEFAULT_MODEL.read_text(encoding="utf-8"))
    assert spec["version"] == MODEL_VERSION
    assert tuple(spec["features"]) == FEATURE_NAMES
    for key in ("mode", "keep_above", "drop_below", "drop_prose_below"):
        assert spec["kinds"]["text"][key] == base["kinds"]["text"][key]
    # No HTML page was given: the HTML model is the base's, exactly.
    assert spec["kinds"]["html"] == base["kinds"]["html"]
    assert spec["kinds"]["text"]["layers"] != base["kinds"]["text"]["layers"]


def test_fine_tuning_starts_from_the_base_model_and_from_scratch_does_not(
    tmp_path: Path,
) -> None:
    base = json.loads(DEFAULT_MODEL.read_text(encoding="utf-8"))["kinds"]["text"]
    tuned = json.loads(trained(tmp_path, TrainOptions(epochs=1), "one").read_text())
    scratch = json.loads(trained(tmp_path, TrainOptions(from_scratch=True), "new").read_text())
    tuned_text, scratch_text = tuned["kinds"]["text"], scratch["kinds"]["text"]
    # One epoch of Adam moves a weight by about its learning rate at most.
    step = np.abs(np.array(tuned_text["layers"][0]["w"]) - np.array(base["layers"][0]["w"]))
    assert 0 < step.max() < 1e-3
    assert tuned_text["mean"] == base["mean"] and tuned_text["scale"] == base["scale"]
    assert scratch_text["mean"] != base["mean"]


def test_a_given_base_gives_its_decision_rules_and_its_other_kind(tmp_path: Path) -> None:
    spec = json.loads(DEFAULT_MODEL.read_text(encoding="utf-8"))
    spec["kinds"]["html"]["keep_above"] = 0.55
    spec["kinds"]["text"]["drop_below"] = 0.25
    base = tmp_path / "base.json"
    base.write_text(json.dumps(spec), encoding="utf-8")
    kinds = json.loads(trained(tmp_path, TrainOptions(base=base)).read_text())["kinds"]
    assert kinds["html"] == spec["kinds"]["html"]
    assert kinds["text"]["drop_below"] == 0.25
    assert kinds["text"]["mean"] == spec["kinds"]["text"]["mean"]


def test_the_same_pages_and_seed_give_the_same_bytes(tmp_path: Path) -> None:
    for from_scratch in (False, True):
        options = TrainOptions(from_scratch=from_scratch, seed=7)
        a = trained(tmp_path, options, "a").read_bytes()
        b = trained(tmp_path, options, "b").read_bytes()
        assert a == b
    other = trained(tmp_path, TrainOptions(from_scratch=True, seed=8), "c").read_bytes()
    assert other != a


# -- labels and the network ---------------------------------------------------------------------


def test_a_one_word_heading_inside_the_body_is_body_but_a_one_word_menu_item_is_not() -> None:
    gold = "The river rose overnight.\n\nFlooding\n\nVolunteers filled sandbags at dawn."
    texts = ["Flooding", "The river rose overnight.", "Flooding", "Volunteers filled sandbags."]
    assert coverage(texts, gold).tolist() == [0.0, 1.0, 1.0, 1.0]


def test_the_gradients_are_those_of_the_penalised_weighted_log_loss() -> None:
    rng = np.random.default_rng(0)
    x, y, w = rng.normal(size=(40, 5)), rng.random(40) > 0.5, rng.random(40) + 0.5
    net = new_network(x, 4, seed=1)
    anchor = [(a + 0.1, b) for a, b in net.layers]
    l2 = 0.3

    def loss(n: Network) -> float:
        penalty = sum(((a - c) ** 2).sum() for (a, _), (c, _) in zip(n.layers, anchor, strict=True))
        return weighted_log_loss(n, x, y, w) + 0.5 * l2 * float(penalty)

    grads = _gradients(net, x, y.astype(float), w, anchor, l2)
    for (weights, biases), (g_weights, g_biases) in zip(net.layers, grads, strict=True):
        for array, grad in ((weights, g_weights), (biases, g_biases)):
            index = tuple(int(rng.integers(0, n)) for n in array.shape)
            old = array[index]
            array[index] = old + 1e-6
            up = loss(net)
            array[index] = old - 1e-6
            down = loss(net)
            array[index] = old
            assert (up - down) / 2e-6 == pytest.approx(grad[index], rel=1e-4, abs=1e-8)


# -- errors -------------------------------------------------------------------------------------


def test_pages_whose_bodies_are_all_empty_are_refused() -> None:
    raw, _, _ = story("harbour", 3)
    page = LabelledPage(name="p", raw=raw.encode(), kind="text", body="")
    with pytest.raises(TrainingError, match="every expected body is empty"):
        train([page])


def test_bodies_that_are_not_text_of_their_pages_are_refused() -> None:
    raw, _, _ = story("harbour", 3)
    page = LabelledPage(name="p", raw=raw.encode(), kind="text", body="Nothing like the page.")
    with pytest.raises(TrainingError, match="no block of any page matches"):
        train([page])


def test_a_model_file_written_among_the_labelled_pages_is_passed_over(tmp_path: Path) -> None:
    folder = write_labelled(tmp_path / "pages")
    (folder / "model.json").write_text(DEFAULT_MODEL.read_text(encoding="utf-8"))
    assert len(load_labelled_pages([folder])) == len(TOPICS)


def test_a_regression_baseline_among_the_labelled_pages_is_passed_over(tmp_path: Path) -> None:
    # A fixture folder is a labelled folder: `cleaner fixtures update` leaves its baseline there.
    folder = write_labelled(tmp_path / "pages")
    (folder / "cleaner-baseline.json").write_text('{"version": 1, "pages": {}}')
    assert len(load_labelled_pages([folder])) == len(TOPICS)


def test_the_projects_fixture_folder_is_a_labelled_folder() -> None:
    fixtures = Path(__file__).resolve().parents[1] / "fixtures"
    pages = load_labelled_pages([fixtures])
    assert len(pages) >= 40
    assert {page.kind for page in pages} == {"html", "text"}


# -- the command --------------------------------------------------------------------------------


def test_cleaner_train_writes_a_model_that_cleaner_clean_uses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = write_labelled(tmp_path / "pages")
    model = tmp_path / "mine.json"
    assert main(["train", str(folder), "-o", str(model)]) == 0
    out = capsys.readouterr().out
    assert f"text: {len(TOPICS)} pages" in out and "fine-tuned" in out
    assert "html: no pages" in out and f"wrote {model}" in out
    raw, _, teaser = story(UNSEEN_TOPIC, readers=40)
    page = tmp_path / "unseen.txt"
    page.write_text(raw, encoding="utf-8")
    assert main(["clean", str(page), "--model", str(model), "-q"]) == 0
    assert teaser not in json.loads(capsys.readouterr().out)["text"]


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda d: None, "no labelled pages"),
        (lambda d: (d / "a.txt").write_text("A page.\n"), "no labelled pages"),
        (lambda d: (d / "a.json").write_text('{"body": "A page."}'), "its page a.html"),
        (lambda d: (d / "a.json").write_text('{"text": "A page."}'), "no 'body' string"),
        (lambda d: (d / "a.json").write_text("{body"), "cannot read"),
    ],
    ids=["empty", "pages-without-labels", "label-without-page", "no-body", "bad-json"],
)
def test_a_folder_without_usable_labelled_pages_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], setup: object, message: str
) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    setup(folder)  # type: ignore[operator]
    model = tmp_path / "model.json"
    assert main(["train", str(folder), "-o", str(model)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("cleaner train: error:") and message in err
    assert not model.exists()


@pytest.mark.parametrize(
    ("output", "message"),
    [("pages", "it is a folder"), ("pages/a.txt/model.json", "not a folder")],
    ids=["a-folder", "inside-a-file"],
)
def test_an_output_that_cannot_be_written_is_a_usage_error_before_training(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], output: str, message: str
) -> None:
    folder = write_labelled(tmp_path / "pages")
    (folder / "a.txt").write_text("A page.\n")
    assert main(["train", str(folder), "-o", str(tmp_path / output)]) == 2
    assert message in capsys.readouterr().err


def test_bad_options_are_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = write_labelled(tmp_path / "pages")
    bad_base = tmp_path / "base.json"
    bad_base.write_text('{"version": 0}')
    out = str(tmp_path / "model.json")
    assert main(["train", str(folder), "-o", out, "--epochs", "0"]) == 2
    assert main(["train", str(folder), "-o", out, "--base", str(bad_base)]) == 2
    assert "bad base model" in capsys.readouterr().err
    assert main(["train", str(folder), "-o", out, "--base", str(bad_base), "--from-scratch"]) == 2
    assert main(["train", str(folder)]) == 2
    assert main(["train", str(tmp_path / "missing"), "-o", out]) == 2
    assert "missing: not a folder" in capsys.readouterr().err
    assert not Path(out).exists()
