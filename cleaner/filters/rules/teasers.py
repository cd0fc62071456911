"""Rules for the 'teasers' category (to be written)."""

from cleaner.filters.rules._base import LineRule

RULES: tuple[LineRule, ...] = ()
