"""The ``ansinh`` command line."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from generator.errors import AnsinhError, ContentError, Diagnostic
from generator.i18n import _, set_language


def _print_diagnostics(diagnostics: Sequence[Diagnostic], output_format: str) -> None:
    if output_format == "json":
        print(json.dumps([d.as_dict() for d in diagnostics], ensure_ascii=False, indent=2))
    else:
        for diagnostic in diagnostics:
            print(diagnostic.format())


def command_check(args: argparse.Namespace) -> int:
    from generator.validate.project import read_project, sort_diagnostics

    loaded = read_project(args.project)
    diagnostics = sort_diagnostics(loaded.diagnostics)
    _print_diagnostics(diagnostics, args.format)
    return 1 if loaded.errors else 0


def command_build(args: argparse.Namespace) -> int:
    from generator.pipeline import build_site

    out = args.out if args.out.is_absolute() else args.project / args.out
    summary = build_site(args.project, out)
    for warning in summary.warnings:
        print(warning.format(), file=sys.stderr)
    for notice in summary.notices:
        print(notice, file=sys.stderr)
    print(
        _("Built {count} outputs into {out} in {seconds:.1f} s").format(
            count=summary.outputs, out=out, seconds=summary.seconds
        )
    )
    for locale, count in summary.coverage.items():
        share = 100 * count["translated"] // max(count["total"], 1)
        print(
            _("Texts in «{locale}»: {translated} of {total} ({share}%)").format(
                locale=locale, translated=count["translated"], total=count["total"], share=share
            )
        )
    return 0


def command_serve(args: argparse.Namespace) -> int:
    from generator.commands.serve import serve

    return serve(args.project, port=args.port, locale=args.locale)


def command_new(args: argparse.Namespace) -> int:
    from generator.commands.new import create

    created = create(args.project, args.kind, args.name)
    print(_("Created {path}").format(path=created))
    return 0


def command_schema(args: argparse.Namespace) -> int:
    from generator.model.schema import project_schema, write_schemas

    if args.write:
        for path in write_schemas(args.project):
            print(_("Wrote {path}").format(path=path))
        return 0
    print(json.dumps(project_schema(args.file), ensure_ascii=False, indent=2))
    return 0


def command_say(args: argparse.Namespace) -> int:
    from generator.speech import say

    print(say(" ".join(args.text), args.region))
    return 0


def command_verse_check(args: argparse.Namespace) -> int:
    from generator.commands.verse import run_verse_check

    return run_verse_check(args.file, args.form, args.format)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ansinh", description=_("Campaign material for voluntary social insurance from YAML.")
    )
    parser.add_argument(
        "--lang", choices=["vi", "en"], default="vi", help=_("language of messages (default: vi)")
    )
    parser.add_argument(
        "-C",
        "--project",
        type=Path,
        default=Path("."),
        help=_("project folder (default: the current folder)"),
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help=_("validate every file of the project"))
    check.add_argument("--format", choices=["text", "json"], default="text")
    check.set_defaults(run=command_check)

    build = commands.add_parser("build", help=_("build every output into a folder"))
    build.add_argument("--out", type=Path, default=Path("site"))
    build.set_defaults(run=command_build)

    serve = commands.add_parser("serve", help=_("live preview that follows your edits"))
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument(
        "--locale", default=None, help=_("language to preview (default: the site's)")
    )
    serve.set_defaults(run=command_serve)

    new = commands.add_parser("new", help=_("create a new file from a commented template"))
    new.add_argument("kind", choices=["campaign", "testimonial", "verse"])
    new.add_argument("name")
    new.set_defaults(run=command_new)

    schema = commands.add_parser("schema", help=_("print the JSON Schema of the YAML files"))
    schema.add_argument(
        "--file", choices=["campaigns", "testimonial", "verse", "policy"], default="campaigns"
    )
    schema.add_argument(
        "--write", action="store_true", help=_("write every schema into schema/ for editors")
    )
    schema.set_defaults(run=command_schema)

    say = commands.add_parser("say", help=_("print a text as it is read aloud"))
    say.add_argument("--region", choices=["north", "central", "south"], default="north")
    say.add_argument("text", nargs="+")
    say.set_defaults(run=command_say)

    verse = commands.add_parser("verse", help=_("verse tools"))
    verse_commands = verse.add_subparsers(dest="verse_command", required=True, metavar="COMMAND")
    verse_check = verse_commands.add_parser("check", help=_("check the meter and rhyme of a verse"))
    verse_check.add_argument("file", type=Path)
    verse_check.add_argument("--form", default=None)
    verse_check.add_argument("--format", choices=["text", "json"], default="text")
    verse_check.set_defaults(run=command_verse_check)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    raw = list(sys.argv[1:] if argv is None else argv)
    if "--lang" in raw[:-1]:
        set_language(raw[raw.index("--lang") + 1])
    args = build_parser().parse_args(raw)
    set_language(args.lang)
    try:
        return int(args.run(args))
    except ContentError as error:
        _print_diagnostics(error.diagnostics, "text")
        return 1
    except AnsinhError as error:
        print(_("error: {message}").format(message=error), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(_("interrupted; the output folder was left as it was"), file=sys.stderr)
        return 130
