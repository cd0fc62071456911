"""Rules for the 'captions' category (to be written)."""

from cleaner.filters.rules._base import LineRule

RULES: tuple[LineRule, ...] = ()
