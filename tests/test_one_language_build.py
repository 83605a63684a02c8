"""`scripts/serve.sh --lang <default>`: static-i18n's build_only_locale builds the default
language alone, with every hook; another language alone is refused in one line."""

from conftest import build_site
from site_files import DEFAULT, OTHER, BuiltSite


def test_the_default_language_builds_alone_with_every_hook(project_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("SITE_LANGUAGE", DEFAULT)
    result = build_site(project_copy, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    site = BuiltSite(tmp_path / "out")
    assert not (site.root / OTHER).exists()
    assert site.soup("").html["lang"] == DEFAULT
    for page in ("news/", "news/2018/pmqa-workshop/", "pmqa/category-3/", "pmqa/calculator/", "404.html"):
        assert site.file_for(page), page
    assert (site.root / "news" / "rss.xml").is_file() and (site.root / "search" / "index.json").is_file()
    assert (site.root / ".nginx" / "content-security-policy.conf").is_file()


def test_another_language_alone_is_refused_in_one_line(project_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("SITE_LANGUAGE", OTHER)
    result = build_site(project_copy, tmp_path / "out")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert errors == [
        f"ERROR   -  mkdocs.yml: plugins.i18n.build_only_locale: expected {DEFAULT}, the default language "
        f"(the one the others fall back to), got {OTHER}: build every language to see it"
    ]
