"""Test tiers reflect cost: `-m unit` builds nothing, so it stays a loop of seconds."""

import ast
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


# A browser context opened in a test stays open when an assertion fails before its close():
# tests open theirs through conftest's `new_context` fixture, which closes them all afterwards.
# A function that opens one itself closes it in a `finally`, or is a fixture closing it after its yield.
def test_browser_contexts_are_opened_only_where_they_are_always_closed():
    offenders = []
    for path in sorted((ROOT / "tests").glob("*.py")):
        for function in (node for node in ast.parse(path.read_text(encoding="utf-8")).body if isinstance(node, ast.FunctionDef)):
            opens = [call.lineno for call in calls(function, "new_context") if call.args == []]  # Jinja's takes a dict
            if opens and not always_closes(function):
                offenders += [f"{path.name}:{line} {function.name}" for line in opens]
    assert offenders == []


def calls(tree: ast.AST, method: str) -> list[ast.Call]:
    return [node for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == method]


def always_closes(function: ast.FunctionDef) -> bool:
    in_finally = any(isinstance(node, ast.Try) and calls(ast.Module(body=node.finalbody), "close") for node in ast.walk(function))
    after_yield = any(isinstance(node, ast.Yield) for node in ast.walk(function)) and calls(function, "close")
    return in_finally or bool(after_yield)
