"""What the public sees of a testimonial: the whole name, or initials when consent says so.

A person may agree to be quoted only as «Chị T., Sa Đéc» (``consent.display: initials``).
The project model then holds the public form of that testimonial, so every output shows
the same: the name becomes the kinship term and the initial of the given name, the id
(which staff usually write as the name, and which becomes page and file names) becomes
``nguoi-1``, ``nguoi-2``…, and a written photo description, which may name the person, is dropped.
"""

from __future__ import annotations

import re

from generator.model.content import Campaign, Testimonial


def initials_name(name: str, salutation: str | None) -> str:
    """Return «Chị T.» for «Lê Thị Như Trúc» and ``chị``; «T.» without a salutation.

    The given name is the last word of letters outside brackets: «Lê Thị Như Trúc (Út)»
    is «Chị T.» too.
    """
    letters = re.compile(r"[^\W\d_]+")
    words = letters.findall(re.sub(r"\([^)]*\)?", " ", name)) or letters.findall(name)
    initial = f"{words[-1][0].upper()}." if words else ""
    return f"{salutation.capitalize()} {initial}" if salutation else initial


def public_ids(testimonial_ids: list[str]) -> dict[str, str]:
    """Return ``nguoi-1``, ``nguoi-2``… for these ids, in their order: nothing to guess from."""
    return {name: f"nguoi-{number}" for number, name in enumerate(sorted(testimonial_ids), 1)}


def public_testimonial(testimonial: Testimonial, public_id: str) -> Testimonial:
    """Return the testimonial as the public may see it."""
    if testimonial.consent.display != "initials":
        return testimonial
    return testimonial.model_copy(
        update={
            "id": public_id,
            "name": initials_name(testimonial.name, testimonial.salutation),
            "photo_alt": None,
        }
    )


def public_testimonials(
    testimonials: dict[str, Testimonial], campaigns: list[Campaign]
) -> tuple[dict[str, Testimonial], list[Campaign]]:
    """Return the testimonials by their public id, and the campaigns referring to those ids."""
    hidden = public_ids([n for n, t in testimonials.items() if t.consent.display == "initials"])
    public = {
        name: public_testimonial(item, hidden.get(name, name))
        for name, item in testimonials.items()
    }
    renamed = {name: item.id for name, item in public.items() if item.id != name}
    if not renamed:
        return public, campaigns
    campaigns = [
        campaign.model_copy(
            update={"testimonials": [renamed.get(ref, ref) for ref in campaign.testimonials]}
        )
        for campaign in campaigns
    ]
    return {item.id: item for item in public.values()}, campaigns
