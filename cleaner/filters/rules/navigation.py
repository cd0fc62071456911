"""Rules for the 'navigation' category (to be written)."""

from cleaner.filters.rules._base import LineRule

RULES: tuple[LineRule, ...] = ()
