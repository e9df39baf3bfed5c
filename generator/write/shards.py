"""Join the sites of shard builds (``ansinh build --only/--province``) into one site.

Every shard holds every page and the site-wide outputs, plus the per-campaign
outputs (cards, scripts, audio, posters) of its own campaigns. The joined site
has each file once: a path found in several shards must hold the same bytes in
each, and a manifest entry listed by several shards must be the same entry,
or nothing is published. A campaign with pages but no per-campaign outputs in
any shard (a province missing from the matrix, say) stops the join too.

Outputs made from the list of all the others (the staff download pages) differ
from shard to shard by design: the caller names them (``remade``), they are left
out of the join, and the caller renders them again from the joined outputs.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.errors import AnsinhError
from generator.i18n import _
from generator.render import Output
from generator.write.cache import place_blob
from generator.write.publish import (
    MANIFEST,
    manifest_entry,
    publish,
    staging_folder,
    write_manifest,
)

# Enough conflicts to see the pattern; the rest are counted.
SHOWN_CONFLICTS = 20


@dataclass(frozen=True)
class Joined:
    """The joined shards: one file per path, the manifest entries, and the conflicts."""

    files: dict[str, Path]
    entries: list[dict[str, Any]]
    conflicts: list[str]
    shards: int


def read_shard(shard: Path) -> list[dict[str, Any]]:
    """Return a shard's manifest entries; raise AnsinhError if it is not an An Sinh site."""
    try:
        entries = json.loads((shard / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise AnsinhError(
            _("«{shard}» is not the folder of an An Sinh build (no readable {manifest})").format(
                shard=shard, manifest=MANIFEST
            )
        ) from error
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise AnsinhError(
            _("«{shard}»: {manifest} is not a list of outputs").format(
                shard=shard, manifest=MANIFEST
            )
        )
    return entries


def _sha256(file: Path) -> str:
    return hashlib.sha256(file.read_bytes()).hexdigest()


def join_files(
    shards: list[Path], remade: Callable[[str], bool] = lambda path: False
) -> tuple[dict[str, Path], list[str]]:
    """Map each relative path to one shard's file; return it and the conflicts, as lines.

    Bytes are compared only for paths found in more than one shard; ``remade`` paths
    are left out.
    """
    chosen: dict[str, Path] = {}
    digests: dict[str, str] = {}
    conflicts: list[str] = []
    for shard in shards:
        for file in sorted(p for p in shard.rglob("*") if p.is_file() or p.is_symlink()):
            name = file.relative_to(shard).as_posix()
            if name == MANIFEST or remade(name):
                continue
            if file.is_symlink() or not file.is_file():
                conflicts.append(
                    _("{path}: not a regular file in «{shard}»").format(path=name, shard=shard)
                )
                continue
            first = chosen.get(name)
            if first is None:
                chosen[name] = file
                continue
            if name not in digests:
                digests[name] = _sha256(first)
            if file.stat().st_size != first.stat().st_size or _sha256(file) != digests[name]:
                conflicts.append(
                    _("{path}: different in «{first}» and «{other}»").format(
                        path=name, first=first.parents[len(Path(name).parts) - 1], other=shard
                    )
                )
    return chosen, conflicts


def join_manifests(manifests: list[list[dict[str, Any]]]) -> tuple[list[dict[str, Any]], list[str]]:
    """Return the union of the shards' manifest entries, and the conflicts, as lines."""
    joined: dict[str, dict[str, Any]] = {}
    conflicts = []
    for entries in manifests:
        for entry in entries:
            path = str(entry.get("path"))
            if path in joined and joined[path] != entry:
                conflicts.append(_("{path}: the shards' manifests disagree").format(path=path))
            joined.setdefault(path, entry)
    return list(joined.values()), conflicts


def missing_campaigns(entries: list[dict[str, Any]]) -> list[str]:
    """Return the campaigns that have pages but no per-campaign output from any shard."""
    with_pages = {e["campaign"] for e in entries if e.get("kind") == "page" and e.get("campaign")}
    built = {e["campaign"] for e in entries if e.get("kind") != "page" and e.get("campaign")}
    return sorted(with_pages - built)


def join_shards(shards: list[Path], remade: Callable[[str], bool]) -> Joined:
    """Join the shards' files and manifests, leaving out ``remade`` paths; list conflicts."""
    shards = [shard.resolve() for shard in shards]
    manifests = [
        [e for e in read_shard(shard) if not remade(str(e.get("path")))] for shard in shards
    ]
    files, conflicts = join_files(shards, remade)
    entries, disagreements = join_manifests(manifests)
    conflicts += disagreements
    conflicts += [
        _("{path}: listed in a manifest but in no shard").format(path=e["path"])
        for e in entries
        if e["path"] not in files
    ]
    conflicts += [
        _(
            "campaign «{campaign}» has pages but no shard built its cards, scripts and posters"
        ).format(campaign=campaign)
        for campaign in missing_campaigns(entries)
    ]
    return Joined(files, entries, conflicts, len(shards))


def stop_on_conflicts(conflicts: list[str]) -> None:
    """Raise AnsinhError listing the conflicts (the first ``SHOWN_CONFLICTS``), if any."""
    if not conflicts:
        return
    shown = conflicts[:SHOWN_CONFLICTS]
    if len(conflicts) > len(shown):
        shown.append(_("… and {count} more").format(count=len(conflicts) - len(shown)))
    raise AnsinhError(_("the shards do not join into one site:") + "\n" + "\n".join(shown))


def publish_join(joined: Joined, extra: list[Output], out: Path) -> int:
    """Publish the joined files plus ``extra`` outputs at ``out`` atomically; return the count.

    Files are hard-linked from the shards where they share a file system with ``out``,
    copied otherwise; the shards are never changed.
    """
    entries = joined.entries + [
        manifest_entry(
            o.path,
            o.data,
            {"kind": o.kind, "campaign": o.campaign, "locale": o.locale, "format": o.format},
        )
        for o in extra
    ]
    with staging_folder(out) as staging:
        for name, file in joined.files.items():
            place_blob(file, staging / name)
        for output in extra:
            target = staging / output.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(output.data)
        write_manifest(staging, entries)
        publish(staging, out)
    return len(entries)
