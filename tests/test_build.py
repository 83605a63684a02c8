"""The site builds strictly and cleanly, with ASCII page URLs."""

import re


def test_strict_build_succeeds_without_warnings(build_result):
    result, _ = build_result
    assert result.returncode == 0, result.stderr
    assert not re.search(r"^(WARNING|ERROR)", result.stderr, re.MULTILINE), result.stderr


def test_both_languages_are_built(site):
    assert site.file_for("") and site.file_for("en/")
    assert site.soup("").html["lang"] == "th"
    assert site.soup("en/").html["lang"] == "en"


def test_page_urls_are_ascii(site):
    for path in site.root.rglob("*"):
        assert path.relative_to(site.root).as_posix().isascii(), path
