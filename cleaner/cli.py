"""The `cleaner` command. It parses arguments and writes; the work is in `cleaner.batch` (and
for `cleaner train` in `cleaner.training`).

Exit status: 0 when every page was cleaned (a page that is all boilerplate and comes out empty
is cleaned, not failed), 1 when at least one page gave an error record, 2 for a usage error
(bad arguments, an unreadable rules file, no inputs found), 130 when interrupted.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import io
import os
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from importlib import metadata
from typing import TextIO

from cleaner._exceptions import RulesFileError
from cleaner._model import Document
from cleaner._options import DEFAULT_MAX_BYTES, CleanOptions
from cleaner.batch import BatchJob, BatchSummary, Source, clean_sources, find_inputs
from cleaner.batch.progress import Progress
from cleaner.filters.user import load_rules_file
from cleaner.output import FORMATS, render_stream

EXIT_OK, EXIT_FAILED_PAGES, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
# Below this many pages a batch ends before a progress display would tell anything.
PROGRESS_MIN_PAGES = 20

_EPILOG = """\
inputs: files, folders (read recursively, hidden names skipped), glob patterns (expanded here
if the shell did not), files ending in .gz or starting with gzip bytes, and - for stdin.
output: UTF-8, in input order whatever --workers is. jsonl gives one record per page, errors
included ({"id": ..., "error": "binary: ..."}); text and markdown separate pages with a line
holding a form feed (text) or a --- rule (markdown) and report errors on stderr.
exit status: 0 all pages cleaned, 1 some pages failed, 2 usage error.
"""
_TRAIN_EPILOG = """\
labelled pages: NAME.html or NAME.txt beside NAME.json, a JSON object with the page's expected
body ("body": paragraphs separated by a blank line; "kind" and "url" optional), in the folders
given or below them. The repository's fixtures are labelled pages.
By default the base model (the shipped one, or --base) is fine-tuned on the pages; with
--from-scratch a new network is fitted on them alone. A kind of page (HTML, text) with no
labelled pages keeps the base's model. The decision thresholds are the base's.
exit status: 0 model written, 2 usage error (nothing written).
"""


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version and argparse's own usage errors
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    try:
        return int(args.run(args))
    except KeyboardInterrupt:
        print("cleaner: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`cleaner clean dumps/ | head`): stop quietly, and point stdout
        # at /dev/null so that the interpreter's final flush does not complain again.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILED_PAGES


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleaner",
        description="Turn raw web page dumps into clean article text with metadata.",
    )
    parser.add_argument("--version", action="version", version=f"cleaner {_version()}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    clean = commands.add_parser(
        "clean",
        help="clean pages and write their bodies and metadata",
        description="Clean pages: keep the article body, drop the boilerplate, find the metadata.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    clean.set_defaults(run=run_clean)
    clean.add_argument(
        "paths", nargs="+", metavar="PATH", help="file, folder, glob pattern, or - for stdin"
    )
    clean.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="write to OUT instead of stdout (gzipped if OUT ends in .gz)",
    )
    clean.add_argument(
        "-f", "--format", choices=FORMATS, default="jsonl", help="output format (default: jsonl)"
    )
    clean.add_argument(
        "-w",
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="clean in N processes; 0 for one per CPU (default: 1)",
    )
    clean.add_argument(
        "--kind",
        choices=("auto", "html", "text"),
        default="auto",
        help="input kind (default: auto, sniffed per page)",
    )
    clean.add_argument(
        "--url", help="the page's URL, recorded in the output (a single input page only)"
    )
    clean.add_argument(
        "--blocks", action="store_true", help="add every block and its verdict to jsonl records"
    )
    clean.add_argument(
        "--rules",
        action="append",
        default=[],
        metavar="FILE",
        help="a user rules file (TOML); may be repeated",
    )
    clean.add_argument(
        "--no-structure",
        action="store_true",
        help="skip the article-extent stage: keep every block the rules leave",
    )
    clean.add_argument(
        "--learned",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="the learned filter on text dumps too (--no-learned: nowhere; default: on HTML "
        "pages only)",
    )
    clean.add_argument(
        "--model",
        metavar="FILE",
        help="the learned filter's model file (default: the one shipped; without "
        "--no-learned it decides on both kinds of page)",
    )
    clean.add_argument(
        "--max-bytes",
        type=int,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help=f"refuse pages larger than N bytes (default: {DEFAULT_MAX_BYTES})",
    )
    clean.add_argument(
        "-q", "--quiet", action="store_true", help="no progress, error lines or summary on stderr"
    )
    _add_train_command(commands)
    return parser


def _add_train_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    train = commands.add_parser(
        "train",
        help="train the learned filter's model on your labelled pages",
        description="Train the learned filter's model on labelled pages, and write it for "
        "`cleaner clean --model` or `clean(..., model=PATH)`.",
        epilog=_TRAIN_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    train.set_defaults(run=run_train)
    train.add_argument(
        "folders", nargs="+", metavar="LABELLED_DIR", help="folder of labelled pages"
    )
    train.add_argument("-o", "--output", required=True, metavar="MODEL", help="model file to write")
    start = train.add_mutually_exclusive_group()
    start.add_argument(
        "--base", metavar="MODEL", help="the model to fine-tune (default: the shipped one)"
    )
    start.add_argument(
        "--from-scratch", action="store_true", help="fit a new network on the pages alone"
    )
    train.add_argument(
        "--epochs", type=int, metavar="N", help="passes over the pages (default: by method)"
    )
    train.add_argument(
        "--seed", type=int, metavar="N", help="random seed (default: the shipped model's)"
    )
    train.add_argument(
        "--rules",
        action="append",
        default=[],
        metavar="FILE",
        help="a user rules file the pages will be cleaned with; may be repeated",
    )


def run_clean(args: argparse.Namespace) -> int:
    problem = _check_arguments(args)
    if problem:
        return _usage_error(problem)
    inputs = find_inputs(args.paths)
    for pattern in inputs.unmatched:
        _say(args, f"cleaner: no file matches {pattern}")
    if not inputs.sources:
        return _usage_error("no inputs found")
    if args.url is not None and len(inputs.sources) > 1:
        return _usage_error(f"--url names one page, but the inputs hold {len(inputs.sources)}")
    options = CleanOptions(
        rules_files=tuple(args.rules),
        structure=not args.no_structure,
        learned=args.learned,
        model=args.model,
        # Markdown rebuilds an HTML body's structure from the blocks.
        include_blocks=args.blocks or args.format == "markdown",
        max_bytes=args.max_bytes,
    )
    job = BatchJob(options=options, kind=args.kind, url=args.url)
    workers = min(args.workers or os.cpu_count() or 1, len(inputs.sources))
    with contextlib.ExitStack() as stack:
        try:
            out = stack.enter_context(_open_output(args.output))
        except OSError as exc:
            return _usage_error(f"cannot write {args.output}: {exc.strerror or exc}")
        summary = _write_batch(args, inputs.sources, job, workers, out)
    return EXIT_FAILED_PAGES if summary.failed else EXIT_OK


def run_train(args: argparse.Namespace) -> int:
    problem = _check_train_arguments(args)
    if problem:
        return _usage_error(problem, "train")
    # Imported here: numpy and the training code load only for this command.
    from cleaner.filters.learned import ModelFileError
    from cleaner.training import TrainingError, TrainOptions, load_labelled_pages, train
    from cleaner.training.run import SEED

    options = TrainOptions(
        base=args.base,
        from_scratch=args.from_scratch,
        epochs=args.epochs,
        seed=SEED if args.seed is None else args.seed,
        rules_files=tuple(args.rules),
    )
    try:
        result = train(load_labelled_pages(args.folders), options)
    except TrainingError as exc:
        return _usage_error(str(exc), "train")
    except ModelFileError as exc:
        return _usage_error(f"bad base model: {exc}", "train")
    try:
        with _open_output(args.output) as out:
            out.write(result.model)
    except OSError as exc:
        return _usage_error(f"cannot write {args.output}: {exc.strerror or exc}", "train")
    print(result.describe())
    print(f"wrote {args.output}")
    return EXIT_OK


def _check_train_arguments(args: argparse.Namespace) -> str | None:
    if args.epochs is not None and args.epochs < 1:
        return "--epochs must be 1 or more"
    if os.path.isdir(args.output):
        return f"cannot write {args.output}: it is a folder"
    folder = os.path.dirname(os.path.abspath(args.output))
    if not os.path.isdir(folder) or not os.access(folder, os.W_OK):
        return f"cannot write {args.output}: {folder} is not a folder this user can write to"
    for path in args.rules:
        try:
            load_rules_file(path)
        except RulesFileError as exc:
            return f"bad rules file: {exc}"
    return None


def _check_arguments(args: argparse.Namespace) -> str | None:
    if args.workers < 0:
        return "--workers must be 0 or more"
    if args.max_bytes < 1:
        return "--max-bytes must be positive"
    for path in args.rules:
        try:
            load_rules_file(path)
        except RulesFileError as exc:
            return f"bad rules file: {exc}"
    if args.model is not None:
        from cleaner.filters.learned import ModelFileError, load_model  # numpy: only when asked

        try:
            load_model(args.model)
        except ModelFileError as exc:
            return f"bad model file: {exc}"
    return None


def _write_batch(
    args: argparse.Namespace, sources: list[Source], job: BatchJob, workers: int, out: TextIO
) -> BatchSummary:
    summary = BatchSummary()
    progress = _progress(args, len(sources))
    started = time.monotonic()

    def counted(docs: Iterator[Document]) -> Iterator[Document]:
        for doc in docs:
            summary.add(doc)
            if doc.error is not None and args.format != "jsonl":
                # jsonl records carry the error; the other formats have nowhere to put it.
                if progress:
                    progress.clear()
                _say(args, f"cleaner: {doc.id}: {doc.error}")
            yield doc
            if progress:
                progress.advance()

    docs = clean_sources(sources, job, workers=workers)
    with contextlib.closing(docs):
        for chunk in render_stream(counted(docs), args.format, blocks=args.blocks):
            out.write(chunk)
    if progress:
        progress.close()
    _say(args, f"cleaner: {summary.describe(time.monotonic() - started)}")
    return summary


def _progress(args: argparse.Namespace, total: int) -> Progress | None:
    # Drawn only on a terminal, and not when the output goes to that same terminal.
    to_terminal = args.output is None and sys.stdout.isatty()
    if args.quiet or total <= PROGRESS_MIN_PAGES or to_terminal or not sys.stderr.isatty():
        return None
    return Progress(total, sys.stderr)


@contextlib.contextmanager
def _open_output(path: str | None) -> Iterator[TextIO]:
    """stdout, or a file written under a temporary name and renamed once complete, so that an
    interrupted run never leaves a truncated file that looks finished."""
    if path is None or path == "-":
        _utf8_stdout()
        yield sys.stdout
        sys.stdout.flush()
        return
    fd, partial = tempfile.mkstemp(
        dir=os.path.dirname(os.path.abspath(path)), prefix=".cleaner-", suffix=".part"
    )
    try:
        with os.fdopen(fd, "wb") as raw:
            # mtime=0: the same pages give byte-identical .gz files.
            binary = (
                gzip.GzipFile(fileobj=raw, mode="wb", filename="", mtime=0)
                if path.endswith(".gz")
                else raw
            )
            with io.TextIOWrapper(binary, encoding="utf-8", errors="replace", newline="\n") as text:
                yield text
        os.chmod(partial, 0o666 & ~_umask())
        os.replace(partial, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(partial)
        raise


def _utf8_stdout() -> None:
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    if encoding != "utf8" and isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(encoding="utf-8")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _say(args: argparse.Namespace, message: str) -> None:
    if not args.quiet:
        print(message, file=sys.stderr)


def _usage_error(message: str, command: str = "clean") -> int:
    print(f"cleaner {command}: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def _version() -> str:
    try:
        return metadata.version("cleaner")
    except metadata.PackageNotFoundError:  # running from a source tree
        import cleaner

        return str(getattr(cleaner, "__version__", "unknown"))
