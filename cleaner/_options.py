"""One frozen options record, passed down the pipeline instead of loose keyword arguments."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cleaner.filters.base import FilterLike

# A page larger than this is refused with an error record rather than cleaned: text dumps of
# real articles are under 200 kB, and the biggest wcxb-dev HTML page is 5.3 MB unpacked.
DEFAULT_MAX_BYTES = 20_000_000


@dataclass(frozen=True, slots=True)
class CleanOptions:
    """How `clean` treats a page.

    `filters` are extra filters (plain functions or `Filter` objects) run after the built-in
    rules and before the structural stage; `rules_files` are user pattern files (see
    `cleaner.filters.user`). `structure=False` skips the article-extent stage and the learned
    filter that works with it, keeping every block the rules leave alone. `learned` is where
    the learned filter (`cleaner.filters.learned`) decides with the structure stage: by default
    (None) on HTML pages only, `True` on text dumps too, `False` nowhere (the structure stage
    decides by itself, as before the filter existed). `model` is another model file for it
    (default: the one shipped in `cleaner/models/`); giving one without `learned` switches the
    filter on for both kinds. `include_blocks=False` leaves
    `Document.blocks` empty, which saves memory in large batches. `raise_errors=True` raises `InputError` on input that is
    not a page instead of returning a Document with `error` set.
    """

    filters: Sequence[FilterLike] = ()
    rules_files: Sequence[str | Path] = ()
    structure: bool = True
    # On text dumps the filter is off by default: its cross-validated gain there is small
    # (+0.006 word F1 on innertext dumps) and cleaning its output again would change it
    # (see "How it works" in the README).
    learned: bool | None = None
    model: str | Path | None = None
    metadata: bool = True
    include_blocks: bool = True
    max_bytes: int = DEFAULT_MAX_BYTES
    language_hint: str | None = None
    raise_errors: bool = False

    def learned_kinds(self) -> tuple[str, ...]:
        """The page kinds the learned filter decides on, by `learned` and `model`."""
        if not self.structure or self.learned is False:
            return ()
        if self.learned or self.model is not None:
            return ("html", "text")
        return ("html",)


def files_problem(rules_files: Sequence[str | Path], model: str | Path | None = None) -> str | None:
    """The first problem with the files a clean would read (user rules files, a model file),
    as a usage error says it, or None: commands check them before any page is read."""
    from cleaner._exceptions import RulesFileError
    from cleaner.filters.user import load_rules_file

    for path in rules_files:
        try:
            load_rules_file(path)
        except RulesFileError as exc:
            return f"bad rules file: {exc}"
    if model is not None:
        from cleaner.filters.learned import ModelFileError, load_model  # numpy: only when asked

        try:
            load_model(model)
        except ModelFileError as exc:
            return f"bad model file: {exc}"
    return None
