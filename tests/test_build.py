"""The site builds strictly and cleanly, with ASCII page URLs."""

import re

from site_files import LANGUAGES


def test_strict_build_succeeds_without_warnings(build_result):
    result, _ = build_result
    assert result.returncode == 0, result.stderr
    assert not re.search(r"^(WARNING|ERROR)", result.stderr, re.MULTILINE), result.stderr


def test_both_languages_are_built(site):
    for lang in LANGUAGES.codes:
        assert site.file_for(LANGUAGES.prefix(lang))
        assert site.soup(LANGUAGES.prefix(lang)).html["lang"] == lang


def test_page_urls_are_ascii(site):
    for path in site.root.rglob("*"):
        assert path.relative_to(site.root).as_posix().isascii(), path
