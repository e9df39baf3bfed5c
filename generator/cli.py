"""The ``ansinh`` command line."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path

from generator.errors import AnsinhError, ContentError
from generator.i18n import _, set_language
from generator.model.region import REGIONS
from generator.model.schema import SCHEMA_FILES


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
    check.set_defaults(command_module="check")

    build = commands.add_parser("build", help=_("build every output into a folder"))
    build.add_argument("--out", type=Path, default=Path("site"))
    build.add_argument(
        "--only",
        action="append",
        metavar="CAMPAIGN_ID",
        help=_("build a shard: only this campaign's cards, scripts and posters (repeatable)"),
    )
    build.add_argument(
        "--province",
        action="append",
        metavar="NAME",
        help=_("build a shard: only the campaigns of this province (repeatable)"),
    )
    build.set_defaults(command_module="build")

    merge = commands.add_parser("merge", help=_("join the folders of shard builds into one site"))
    merge.add_argument("shards", nargs="+", type=Path, metavar="SHARD")
    merge.add_argument("--out", type=Path, default=Path("site"))
    merge.set_defaults(command_module="merge")

    serve = commands.add_parser("serve", help=_("live preview that follows your edits"))
    serve.add_argument(
        "--port",
        type=int,
        default=None,
        help=_("port to serve on (default: 8000 or the next free one)"),
    )
    serve.add_argument(
        "--locale", default=None, help=_("language to preview (default: the site's)")
    )
    serve.set_defaults(command_module="serve")

    new = commands.add_parser("new", help=_("create a new file from a commented template"))
    new.add_argument("kind", choices=["campaign", "testimonial", "verse"])
    new.add_argument("name")
    new.set_defaults(command_module="new")

    schema = commands.add_parser("schema", help=_("print the JSON Schema of the YAML files"))
    schema.add_argument("--file", choices=list(SCHEMA_FILES), default="campaigns")
    schema.add_argument(
        "--write", action="store_true", help=_("write every schema into schema/ for editors")
    )
    schema.set_defaults(command_module="schema")

    say = commands.add_parser("say", help=_("print a text as it is read aloud"))
    say.add_argument("--region", choices=REGIONS, default="north")
    say.add_argument("text", nargs="+")
    say.set_defaults(command_module="say")

    verse = commands.add_parser("verse", help=_("verse tools"))
    verse_commands = verse.add_subparsers(dest="verse_command", required=True, metavar="COMMAND")
    verse_check = verse_commands.add_parser("check", help=_("check the meter and rhyme of a verse"))
    verse_check.add_argument("file", type=Path)
    verse_check.add_argument("--form", default=None)
    verse_check.add_argument("--format", choices=["text", "json"], default="text")
    tradition = verse_check.add_mutually_exclusive_group()
    tradition.add_argument(
        "--folk",
        dest="folk",
        action="store_const",
        const=True,
        default=None,
        help=_("traditional verse: the folk tradition's licences are warnings"),
    )
    tradition.add_argument(
        "--strict",
        dest="folk",
        action="store_const",
        const=False,
        help=_("composed verse: every break of the rules is an error"),
    )
    verse_check.add_argument(
        "--region", choices=REGIONS, default=None, help=_("which sound merges count as rhyme")
    )
    verse_check.set_defaults(command_module="verse")
    return parser


# Commands that read an existing project (``new`` makes one where there is none).
PROJECT_COMMANDS = ("check", "build", "merge", "serve")


def _missing_folder(folder: Path) -> str:
    if folder.exists():
        return _("«{folder}» is a file, not a project folder").format(folder=folder)
    return _("the folder «{folder}» does not exist; check the path given to -C").format(
        folder=folder
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    raw = list(sys.argv[1:] if argv is None else argv)
    if "--lang" in raw[:-1]:
        set_language(raw[raw.index("--lang") + 1])
    args = build_parser().parse_args(raw)
    set_language(args.lang)
    command = importlib.import_module(f"generator.commands.{args.command_module}")
    if args.command in PROJECT_COMMANDS and not args.project.is_dir():
        print(_("error: {message}").format(message=_missing_folder(args.project)), file=sys.stderr)
        return 1
    try:
        return int(command.run(args))
    except ContentError as error:
        for diagnostic in error.diagnostics:
            print(diagnostic.format())
        return 1
    except AnsinhError as error:
        print(_("error: {message}").format(message=error), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(_("interrupted; the output folder was left as it was"), file=sys.stderr)
        return 130
