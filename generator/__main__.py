"""Command line: `trading-client-generator generate [SPEC ...] [--out DIR] [--check] [--lenient]
[--overlay FILE ...]` and `trading-client-generator diff OLD NEW [--json] [--fail-on-breaking]
[--overlay FILE ...]`.

`python -m generator` is the same command.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .errors import SpecError
from .ir.lock import EMPTY
from .pipeline import default_specs, generate

EXIT_STALE = 1
EXIT_BAD_SPEC = 2
EXIT_BREAKING = 1


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = argparse.ArgumentParser(prog=_program_name(), description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("generate", help="generate client packages from specs")
    run.add_argument(
        "specs",
        nargs="*",
        type=Path,
        help="spec files (default: every .yaml, .yml and .json file in ./specs)",
    )
    run.add_argument(
        "--out",
        type=Path,
        default=Path("generated"),
        help="output directory, one package folder per spec (default: ./generated)",
    )
    run.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 listing every file that would change",
    )
    run.add_argument(
        "--lenient",
        action="store_true",
        help="report spec problems as warnings and generate what is safe",
    )
    run.add_argument(
        "--no-cache", action="store_true", help="regenerate even when no input changed"
    )
    run.add_argument(
        "--overlay",
        action="append",
        type=Path,
        default=[],
        metavar="FILE",
        help="an Overlay (1.0 or 1.1) to apply to the one SPEC given, after the one beside it "
        "(<spec stem>.overlay.yaml); repeat to apply several, in order",
    )
    run.add_argument(
        "--root",
        type=Path,
        help="the folder tree $refs and hooks may read (default: each spec's own folder)",
    )
    changes = commands.add_parser(
        "diff", help="report what changed for code that calls the client, breaking or not"
    )
    changes.add_argument("old", type=Path, help="spec file, or a generated package folder")
    changes.add_argument("new", type=Path, help="spec file, or a generated package folder")
    changes.add_argument("--json", action="store_true", help="print the report as JSON")
    changes.add_argument(
        "--fail-on-breaking", action="store_true", help="exit 1 when a change is breaking"
    )
    changes.add_argument("--lenient", action="store_true", help="as for generate")
    changes.add_argument(
        "--overlay",
        action="append",
        type=Path,
        default=[],
        metavar="FILE",
        help="an Overlay to apply to OLD and to NEW where they are spec files, after the one "
        "beside each; repeat to apply several, in order",
    )
    args = parser.parse_args(argv)
    if args.command == "diff":
        return _diff(args)
    specs = args.specs
    if not specs:
        if not Path("specs").is_dir():
            run.error(f"no SPEC given and no specs/ folder in {Path.cwd()}")
        specs = default_specs()
    if args.overlay and len(specs) != 1:
        run.error("--overlay applies to one SPEC: give exactly one")
    try:
        result = generate(
            specs,
            args.out,
            check=args.check,
            lenient=args.lenient,
            use_cache=not args.no_cache,
            root=args.root,
            overlays=args.overlay,
        )
    except SpecError as exc:
        _print_problems(exc, "nothing was written")
        return EXIT_BAD_SPEC
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if args.check:
        for name in result.changed:
            print(f"stale: {args.out / name}")
        return EXIT_STALE if result.changed else 0
    for name in result.changed:
        print(f"wrote {args.out / name}")
    for release in result.releases.values():
        for line in release.summary():
            print(line)
    print(
        f"{len(result.packages)} package(s): {len(result.unchanged)} up to date, {len(result.packages) - len(result.unchanged)} regenerated"
    )
    return 0


def _program_name() -> str:
    """The name the command was run by: its console script, or `python -m generator`."""
    name = os.path.basename(sys.argv[0])
    return "python -m generator" if name in ("__main__.py", "-c", "") else name


def _diff(args: argparse.Namespace) -> int:
    from .pipeline import surface_at
    from .release.changes import compare
    from .release.record import read_lock

    # A spec compared with a generated package is named as regenerating over the package would.
    lock = read_lock(args.old) if args.old.is_dir() and not args.new.is_dir() else EMPTY
    try:
        old = surface_at(args.old, lenient=args.lenient, overlays=args.overlay)
        new = surface_at(args.new, lenient=args.lenient, overlays=args.overlay, lock=lock)
    except SpecError as exc:
        _print_problems(exc, "no report")
        return EXIT_BAD_SPEC
    report = compare(old, new, old_label=str(args.old), new_label=str(args.new))
    print(report.json() if args.json else report.text(), end="")
    return EXIT_BREAKING if args.fail_on_breaking and report.breaking else 0


def _print_problems(exc: SpecError, outcome: str) -> None:
    for problem in exc.problems:
        print(f"error: {problem}", file=sys.stderr)
    print(f"{len(exc.problems)} problem(s); {outcome}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
