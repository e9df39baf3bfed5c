"""Hand-written pages: settings above the title are refused, whichever way they are written."""

from __future__ import annotations

import pytest

from generator.i18n import set_language
from generator.load.project import PageFile
from generator.validate.pages import validate_pages


@pytest.fixture(autouse=True)
def _english() -> None:
    set_language("en")


def problems(text: str) -> list[str]:
    page = PageFile("content/pages/gioi-thieu.md", "gioi-thieu", None, text)
    return [d.format() for d in validate_pages([page], None)[1]]


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        (
            '---\ndescription: "0;url=https://x.example/\\" http-equiv=\\"refresh"\n---\n# A\n',
            "«description:»",
        ),
        ("Title: x\nHotline: 1900 9068\n\n# A\n\nText.\n", "«title:», «hotline:»"),
    ],
    ids=["front matter", "key lines"],
)
def test_settings_above_the_title_are_refused(text: str, keys: str) -> None:
    assert problems(text) == [
        "content/pages/gioi-thieu.md:1:1: error: a page starts with its title line «# Title»; "
        f"the settings above it ({keys}) are not allowed: the site would copy them into the "
        "page's code unchecked"
    ]


@pytest.mark.parametrize(
    "text",
    ["# A\n\nTitle: not a setting below the title.\n", "# A\n\n---\n\nText.\n"],
)
def test_a_page_that_starts_with_its_title_has_no_settings(text: str) -> None:
    assert problems(text) == []


@pytest.mark.parametrize("name", ["pagefind", "downloads", "progress", "loudspeaker"])
def test_a_page_cannot_take_the_name_of_a_folder_the_build_makes(name: str) -> None:
    # content/pages/pagefind.md would be published at pagefind/, and lost among the
    # search index's files.
    page = PageFile(f"content/pages/{name}.md", name, None, "# A\n\nText.\n")
    found = [d.format() for d in validate_pages([page], None)[1]]
    assert len(found) == 1
    assert found[0].startswith(
        f"content/pages/{name}.md:1:1: error: the name «{name}» belongs to a page or folder "
        "An Sinh makes itself"
    )
