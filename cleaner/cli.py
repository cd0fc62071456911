"""The `cleaner` command. It parses arguments and writes; the work is in `cleaner.batch` (and
for `cleaner train` in `cleaner.training`).

Exit status: 0 when every page was cleaned (a page that is all boilerplate and comes out empty
is cleaned, not failed), 1 when at least one page gave an error record, 2 for a usage error
(bad arguments, an unreadable rules file, no inputs found), 130 when interrupted.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from importlib import metadata

from cleaner._cli_options import add_cleaning_options, cleaning_fields
from cleaner._model import Document
from cleaner._options import DEFAULT_MAX_BYTES, CleanOptions, files_problem
from cleaner.batch import BatchJob, BatchSummary, Source, clean_sources, find_inputs
from cleaner.batch.guard import DEFAULT_TIME_LIMIT
from cleaner.batch.jsonl import JsonFields
from cleaner.batch.outputs import (
    PARQUET_HINT,
    FolderWriter,
    ParquetWriter,
    StreamWriter,
    Writer,
    open_output,
    parquet_available,
)
from cleaner.batch.pages import classify
from cleaner.batch.progress import Progress
from cleaner.batch.resume import Recovered, resumable_output
from cleaner.batch.summary import peak_memory
from cleaner.batch.warc import INSTALL_HINT as WARC_HINT
from cleaner.batch.warc import fastwarc_available
from cleaner.cli_evaluate import add_commands as add_evaluate_commands
from cleaner.output import FORMATS

EXIT_OK, EXIT_FAILED_PAGES, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
# Below this many pages a batch ends before a progress display would tell anything.
PROGRESS_MIN_PAGES = 20

_EPILOG = """\
inputs: files, folders (read recursively, hidden names skipped), glob patterns (expanded here
if the shell did not), files ending in .gz or starting with gzip bytes, and - for stdin (one
page). A WARC file (.warc, .warc.gz, or starting with WARC/) gives one page per HTML response
record; a JSON Lines file (.jsonl, .ndjson, .gz too, or starting with {") one page per line,
its HTML or text, URL and id read from the fields named by the --*-field options, else from
the usual names (html, text, raw_content, url, id...).
output: UTF-8, in input order whatever --workers is. jsonl and parquet give exactly one record
per page, errors included ({"id": ..., "error": "binary: ..."}); text and markdown separate
pages with a line holding a form feed (text) or a --- rule (markdown) and report errors on
stderr; --output-dir writes one text or Markdown file per page and index.jsonl, one line per
page, errors included.
guards: a page above --max-bytes or running past --time-limit becomes an error record.
resume: -o OUT.jsonl[.gz] and --output-dir write as they go to a partial file renamed when the
run ends; after a stopped run (Ctrl-C, kill -9, a crash), the same command with --resume
keeps what was written and cleans the rest: every page once, in input order.
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

# Formats for --output-dir (one file per page), and what -o's name implies with no --format.
FOLDER_FORMATS = ("text", "markdown")
PARQUET_SUFFIX = ".parquet"


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
    output = clean.add_mutually_exclusive_group()
    output.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="write to the file OUT instead of stdout (gzipped if OUT ends in .gz; Parquet if "
        "it ends in .parquet)",
    )
    output.add_argument(
        "--output-dir",
        metavar="DIR",
        help="write each page to its own file in DIR (text or markdown), and DIR/index.jsonl",
    )
    clean.add_argument(
        "-f",
        "--format",
        choices=(*FORMATS, "parquet"),
        help="output format (default: jsonl; parquet for -o *.parquet; markdown for --output-dir)",
    )
    clean.add_argument(
        "-w",
        "--workers",
        type=int,
        default=0,
        metavar="N",
        help="clean in N processes (default: 0, one per CPU)",
    )
    clean.add_argument(
        "--resume",
        action="store_true",
        help="take up a run that was stopped: keep the records OUT (jsonl) or DIR already "
        "holds, clean only the other pages",
    )
    clean.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="where pages are cleaned: local processes (default) or a Dask cluster (the dask "
        "extra; a local cluster of --workers processes unless --scheduler is given)",
    )
    clean.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="the Dask scheduler to send pages to (with --engine dask), e.g. tcp://host:8786",
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
    add_cleaning_options(clean)
    clean.add_argument(
        "--max-bytes",
        type=int,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help=f"refuse pages larger than N bytes (default: {DEFAULT_MAX_BYTES})",
    )
    clean.add_argument(
        "--time-limit",
        type=float,
        default=DEFAULT_TIME_LIMIT,
        metavar="SECONDS",
        help=f"stop cleaning a page after SECONDS; 0 for no limit (default: {DEFAULT_TIME_LIMIT:g})",
    )
    fields = clean.add_argument_group("JSON Lines fields (default: found by their usual names)")
    for name, what in (
        ("html", "the page's HTML"),
        ("text", "the page's text"),
        ("url", "the page's URL"),
        ("id", "the page's id"),
    ):
        fields.add_argument(
            f"--{name}-field", metavar="NAME", help=f"the field holding {what} (a.b: nested)"
        )
    clean.add_argument(
        "-q", "--quiet", action="store_true", help="no progress, error lines or summary on stderr"
    )
    _add_train_command(commands)
    add_evaluate_commands(commands)  # `cleaner fixtures ...` and `cleaner explain`
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
    args.format = _resolve_format(args)
    problem = _check_arguments(args)
    if problem:
        return _usage_error(problem)
    inputs = find_inputs(args.paths)
    for pattern in inputs.unmatched:
        _say(args, f"cleaner: no file matches {pattern}")
    if not inputs.sources:
        return _usage_error("no inputs found")
    # Told apart here (by name, else by their first bytes) so that the progress display knows
    # whether the number of pages is known, and so that a WARC without fastwarc is a usage error.
    sources = [classify(s) for s in inputs.sources]
    containers = [s for s in sources if s.form in ("warc", "jsonl")]
    problem = _check_inputs(args, sources, containers)
    if problem:
        return _usage_error(problem)
    options = CleanOptions(
        **cleaning_fields(args),
        # Markdown rebuilds an HTML body's structure from the blocks.
        include_blocks=args.blocks or args.format == "markdown",
        max_bytes=args.max_bytes,
    )
    fields = JsonFields(args.html_field, args.text_field, args.url_field, args.id_field)
    job = BatchJob(options, args.kind, args.url, args.time_limit or None, fields)
    workers = args.workers or os.cpu_count() or 1
    if not containers:
        workers = min(workers, len(sources))
    summary = BatchSummary()
    with contextlib.ExitStack() as stack:
        try:
            writer, recovered = _writer(args, stack)
        except OSError as exc:
            target = args.output or args.output_dir
            return _usage_error(f"cannot write {target}: {exc.strerror or exc}")
        resumed = recovered if args.resume else None
        _write_batch(args, sources, bool(containers), job, workers, writer, summary, resumed)
    return EXIT_FAILED_PAGES if summary.failed or summary.resumed_failed else EXIT_OK


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
        with open_output(args.output) as out:
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
    return files_problem(args.rules)


def _resolve_format(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    if args.output_dir:
        return "markdown"
    if args.output and args.output.lower().endswith(PARQUET_SUFFIX):
        return "parquet"
    return "jsonl"


def _check_arguments(args: argparse.Namespace) -> str | None:
    if args.workers < 0:
        return "--workers must be 0 or more"
    if args.max_bytes < 1:
        return "--max-bytes must be positive"
    if args.time_limit < 0:
        return "--time-limit must be 0 (no limit) or more"
    if args.resume and not (
        args.output_dir or (args.output not in (None, "-") and args.format == "jsonl")
    ):
        return "--resume needs -o OUT with jsonl output, or --output-dir"
    if args.resume and args.engine == "dask":
        return "--resume works with the local engine only"
    if args.scheduler and args.engine != "dask":
        return "--scheduler names a Dask scheduler: use it with --engine dask"
    if args.engine == "dask":
        from cleaner.batch.dask import INSTALL_HINT, dask_available

        if not dask_available():
            return INSTALL_HINT
    if args.output_dir and args.format not in FOLDER_FORMATS:
        return f"--output-dir writes text or markdown files, not {args.format}"
    if args.format == "parquet":
        if not args.output or args.output == "-":
            return "parquet output needs a file: -o OUT.parquet"
        if not parquet_available():
            return PARQUET_HINT
    return files_problem(args.rules, args.model)


def _check_inputs(
    args: argparse.Namespace, sources: list[Source], containers: list[Source]
) -> str | None:
    if any(s.form == "warc" for s in containers) and not fastwarc_available():
        return WARC_HINT
    if args.url is not None and (len(sources) > 1 or containers):
        many = f"{containers[0].id} holds many" if containers else f"the inputs hold {len(sources)}"
        return f"--url names one page, but {many}"
    return None


def _writer(
    args: argparse.Namespace, stack: contextlib.ExitStack
) -> tuple[Writer, Callable[[], Recovered] | None]:
    """The writer, and what an earlier run wrote (for --resume; known once writing starts)."""
    if args.output_dir:
        os.makedirs(args.output_dir, exist_ok=True)
        folder = FolderWriter(args.output_dir, args.format, resume=args.resume)
        return folder, lambda: folder.recovered
    if args.format == "parquet":
        # Opened now, so that a folder that cannot be written is a usage error before work.
        os.close(os.open(os.path.dirname(os.path.abspath(args.output)), os.O_RDONLY))
        return ParquetWriter(args.output, blocks=args.blocks), None
    if args.format == "jsonl" and args.output not in (None, "-"):
        # Written as it goes, so that a killed run can be resumed (cleaner.batch.resume).
        out, recovered = stack.enter_context(resumable_output(args.output, resume=args.resume))
        return StreamWriter(out, args.format, blocks=args.blocks), lambda: recovered
    out = stack.enter_context(open_output(args.output))
    return StreamWriter(out, args.format, blocks=args.blocks), None


def _write_batch(
    args: argparse.Namespace,
    sources: list[Source],
    containers: bool,
    job: BatchJob,
    workers: int,
    writer: Writer,
    summary: BatchSummary,
    recovered: Callable[[], Recovered] | None = None,
) -> None:
    progress = _progress(args, sources, containers, summary)
    started = time.monotonic()
    # Pages are cleaned in worker processes unless there is only one (the hard time stop
    # ends a worker, never this process).
    processes = containers or len(sources) > 1

    def counted(docs: Iterator[Document]) -> Iterator[Document]:
        for doc in docs:
            summary.add(doc)
            if doc.error is not None and args.format not in ("jsonl", "parquet"):
                # jsonl, parquet and the folder's index carry the error; a stream of text or
                # Markdown has nowhere to put it.
                if progress:
                    progress.clear()
                _say(args, f"cleaner: {doc.id}: {doc.error}")
            yield doc
            if progress:
                progress.advance()

    done = None
    if recovered is not None:

        def done(page: str) -> bool:
            # Asked first once the writer has read back the earlier run's output.
            if summary.resumed is None:
                summary.resumed, summary.resumed_failed = recovered().records, recovered().failed
            return recovered().done(page)

    if args.engine == "dask":
        from cleaner.batch.dask import clean_on_dask

        docs = clean_on_dask(
            sources, job, scheduler=args.scheduler, workers=workers, stats=summary.inputs
        )
    else:
        docs = clean_sources(
            sources, job, workers=workers, processes=processes, stats=summary.inputs, done=done
        )
    with contextlib.closing(docs):
        writer.write_all(counted(docs))
    if progress:
        progress.close()
    elapsed = time.monotonic() - started
    _say(args, f"cleaner: {summary.describe(elapsed, peak_memory())}")


def _progress(
    args: argparse.Namespace, sources: list[Source], containers: bool, summary: BatchSummary
) -> Progress | None:
    # Drawn only on a terminal, and not when the output goes to that same terminal.
    to_terminal = args.output is None and args.output_dir is None and sys.stdout.isatty()
    if args.quiet or to_terminal or not sys.stderr.isatty():
        return None
    if not containers:
        if len(sources) <= PROGRESS_MIN_PAGES:
            return None
        return Progress(len(sources), sys.stderr)
    total = sum(_size(s.path) for s in sources)
    return Progress(
        None, sys.stderr, share=lambda: summary.inputs.bytes_read / total if total else 0.0
    )


def _size(path: str | None) -> int:
    try:
        return os.path.getsize(path) if path else 0
    except OSError:
        return 0


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
