"""Training the learned filter on labelled pages (`cleaner train`); not part of cleaning.

    pages.py      labelled pages: a page file and its expected body
    labels.py     what the learned filter sees of a page, and which blocks are body
    network.py    fitting the block model with numpy
    modelfile.py  the model file's format
    run.py        the whole: record, label, fit each kind, score, write

Cleaning never imports this package; it needs numpy, like the learned filter, and nothing more.
"""

from cleaner.training.pages import LabelledPage, TrainingError, load_labelled_pages
from cleaner.training.run import KindReport, TrainOptions, TrainResult, train

__all__ = [
    "KindReport",
    "LabelledPage",
    "TrainOptions",
    "TrainResult",
    "TrainingError",
    "load_labelled_pages",
    "train",
]
