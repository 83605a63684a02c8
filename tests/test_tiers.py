"""Test tiers reflect cost: `-m unit` builds nothing, so it stays a loop of seconds."""

import configparser

import pytest
from conftest import ROOT, TIERS, build_site, tier_of


def test_pytest_ini_registers_every_tier():
    ini = configparser.ConfigParser()
    ini.read(ROOT / "pytest.ini", encoding="utf-8")
    registered = {line.split(":")[0].strip() for line in ini["pytest"]["markers"].strip().splitlines()}
    assert set(TIERS) <= registered


@pytest.mark.parametrize(
    "module, fixtures, tier",
    [
        ("test_gate_html", {"site"}, "gate"),
        ("test_news_site", {"browser", "build_result"}, "browser"),
        ("test_news_site", {"site", "build_result"}, "build"),
        ("test_news_site", {"many_posts_site", "site_builder"}, "build"),
        ("test_news_posts", {"tmp_path"}, "unit"),
    ],
)
def test_a_tests_tier_follows_from_what_it_needs(module, fixtures, tier):
    assert tier_of(module, fixtures) == tier


def test_a_unit_test_that_builds_the_site_fails_naming_itself(tmp_path):
    with pytest.raises(pytest.fail.Exception, match="test_a_unit_test_that_builds_the_site_fails_naming_itself: a unit test builds the site"):
        build_site(ROOT, tmp_path / "site")
    assert not (tmp_path / "site").exists()
