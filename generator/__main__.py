"""Command line: `trading-client-generator generate [SPEC ...] [--out DIR] [--check] [--lenient]`.

`python -m generator` is the same command.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ._errors import SpecError
from ._pipeline import default_specs, generate

EXIT_STALE = 1
EXIT_BAD_SPEC = 2


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
    args = parser.parse_args(argv)
    specs = args.specs
    if not specs:
        if not Path("specs").is_dir():
            run.error(f"no SPEC given and no specs/ folder in {Path.cwd()}")
        specs = default_specs()
    try:
        result = generate(
            specs,
            args.out,
            check=args.check,
            lenient=args.lenient,
            use_cache=not args.no_cache,
        )
    except SpecError as exc:
        for problem in exc.problems:
            print(f"error: {problem}", file=sys.stderr)
        print(f"{len(exc.problems)} problem(s); nothing was written", file=sys.stderr)
        return EXIT_BAD_SPEC
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if args.check:
        for name in result.changed:
            print(f"stale: {args.out / name}")
        return EXIT_STALE if result.changed else 0
    for name in result.changed:
        print(f"wrote {args.out / name}")
    print(
        f"{len(result.packages)} package(s): {len(result.unchanged)} up to date, {len(result.packages) - len(result.unchanged)} regenerated"
    )
    return 0


def _program_name() -> str:
    """The name the command was run by: its console script, or `python -m generator`."""
    name = os.path.basename(sys.argv[0])
    return "python -m generator" if name in ("__main__.py", "-c", "") else name


if __name__ == "__main__":
    sys.exit(main())
