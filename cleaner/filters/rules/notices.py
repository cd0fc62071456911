"""Rules for the 'notices' category (to be written)."""

from cleaner.filters.rules._base import LineRule

RULES: tuple[LineRule, ...] = ()
