"""The cleaning options every command that cleans takes (`clean`, `fixtures`, `explain`):
declared once, and read back into `CleanOptions` fields once."""

from __future__ import annotations

import argparse
from typing import Any, Protocol


class _Adds(Protocol):
    def add_argument(self, *names: str, **settings: Any) -> Any: ...


def add_cleaning_options(parser: _Adds) -> None:
    """--rules, --no-structure, --learned / --no-learned and --model, on a parser or group."""
    parser.add_argument(
        "--rules",
        action="append",
        default=[],
        metavar="FILE",
        help="a user rules file (TOML); may be repeated",
    )
    parser.add_argument(
        "--no-structure",
        action="store_true",
        help="skip the article-extent stage: keep every block the rules leave",
    )
    parser.add_argument(
        "--learned",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="the learned filter on text dumps too (--no-learned: nowhere; default: on HTML "
        "pages only)",
    )
    parser.add_argument(
        "--model",
        metavar="FILE",
        help="the learned filter's model file (default: the one shipped; without "
        "--no-learned it decides on both kinds of page)",
    )


def cleaning_fields(args: argparse.Namespace) -> dict[str, Any]:
    """The `CleanOptions` fields those options set."""
    return {
        "rules_files": tuple(args.rules),
        "structure": not args.no_structure,
        "learned": args.learned,
        "model": args.model,
    }
