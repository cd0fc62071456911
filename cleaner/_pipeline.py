"""The default filter list, in the order the filters run."""

from __future__ import annotations

from cleaner._options import CleanOptions
from cleaner.filters.base import Filter, as_filter
from cleaner.filters.dom import PageRegions
from cleaner.filters.duplicates import TruncatedCopies
from cleaner.filters.metadata_lines import MetadataLines
from cleaner.filters.rules import RULEBOOK
from cleaner.filters.structure import ArticleExtent
from cleaner.filters.user import load_rules_file


def build_filters(options: CleanOptions) -> list[Filter]:
    """User rules first (so their keep rules protect), then metadata lines, an HTML page's
    furniture regions, the built-in rule categories, and last the structural stage that sees
    what all the others decided: the learned filter, which runs the structure stage itself
    and decides with it on the page kinds `CleanOptions.learned_kinds` names, or with
    `learned=False` the structure stage alone."""
    filters: list[Filter] = []
    for path in options.rules_files:
        filters.extend(load_rules_file(path))
    filters.extend(as_filter(f) for f in options.filters)
    filters.append(MetadataLines())
    filters.append(PageRegions())
    filters.append(RULEBOOK.fresh())
    filters.append(TruncatedCopies())
    kinds = options.learned_kinds()
    if kinds:
        # Imported here: numpy and the model are loaded only by a pipeline that uses them.
        from cleaner.filters.learned import LearnedFilter

        filters.append(LearnedFilter(options.model, kinds))
    elif options.structure:
        filters.append(ArticleExtent())
    return filters
