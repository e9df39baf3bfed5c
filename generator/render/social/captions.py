"""Ready-to-paste captions of a campaign's cards: what their templates may use, tidied."""

from __future__ import annotations

import re
from typing import Any

from generator.model import Campaign
from generator.model.policy import current_voluntary
from generator.render.links import campaign_url
from generator.render.social.slots import Content
from generator.render.views import contribution_sentence
from generator.text.labels import label

CAPTIONS = ("facebook", "zalo")


def caption_context(content: Content, campaign: Campaign) -> dict[str, Any]:
    """Return what a caption template may use."""
    project, locale, _ = content.project, content.locale, content._
    join = [contribution_sentence(current_voluntary(project.policy), locale, _)]
    join += [label("mode", mode, _) for mode in campaign.payment_modes]
    join.append(
        _(
            "Sign up with a collection agent in your commune or at the post office, or call "
            "{hotline}."
        ).format(hotline=project.site.hotline)
    )
    return {
        "_": _,
        "locale": locale,
        "site": project.site,
        "campaign": campaign,
        "title": content.text(campaign.title),
        "summary": content.text(campaign.summary),
        "messages": [content.text(m) for m in campaign.messages],
        "figure": content.figure(campaign),
        "join": join,
        "hotline": project.site.hotline,
        "organisation": content.text(project.site.organisation),
        "url": campaign_url(project, locale, campaign.id),
        "place_tag": hashtag(campaign.province),
    }


def hashtag(text: str) -> str:
    """Return a hashtag of words run together, each capitalised: "Đồng Tháp" → "#ĐồngTháp"."""
    words = [word for word in re.split(r"\W+", text) if word]
    return "#" + "".join(word[:1].upper() + word[1:] for word in words)


def tidy(text: str) -> str:
    """Strip line ends and keep at most one blank line between paragraphs."""
    lines = [line.rstrip() for line in text.strip().splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)) + "\n"
