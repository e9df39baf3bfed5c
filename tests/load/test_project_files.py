"""Odd things in a project's folders are located errors, never a traceback or a hang."""

from __future__ import annotations

import os
from pathlib import Path

from tests.conftest import Runner


def test_folders_pipes_and_links_named_like_content_files(mini: Path, ansinh: Runner) -> None:
    os.mkfifo(mini / "content" / "testimonials" / "chi-b.yml")
    (mini / "content" / "pages" / "abc.md").mkdir()
    (mini / "content" / "pages" / "ngoai.md").symlink_to("/etc/hostname")
    (mini / "content" / "testimonials" / "chi-c.yml").symlink_to(mini / "khong-co.yml")
    code, out, _err = ansinh("-C", mini, "check")
    assert code == 1
    assert out.splitlines() == [
        "content/pages/abc.md:1:1: error: đây không phải một tệp bình thường (là thư mục, lối "
        "tắt hỏng hoặc ống dẫn); hãy xóa nó",
        "content/pages/ngoai.md:1:1: error: tệp này là lối tắt tới một chỗ ngoài dự án; hãy "
        "chép chính tệp đó vào đây",
        "content/testimonials/chi-b.yml:1:1: error: đây không phải một tệp bình thường (là thư "
        "mục, lối tắt hỏng hoặc ống dẫn); hãy xóa nó",
        "content/testimonials/chi-c.yml:1:1: error: đây không phải một tệp bình thường (là thư "
        "mục, lối tắt hỏng hoặc ống dẫn); hãy xóa nó",
    ]
