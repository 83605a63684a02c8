"""Staff tools and checks for news: the scaffold script and validation at build time."""

import subprocess
import sys

import pytest
import yaml

from conftest import ROOT, build_site
from photo_samples import natural_photo, phone_jpeg
from site_files import DEFAULT, LANGUAGES, OTHER

SCRIPT = ROOT / "scripts" / "new_news.py"


def run_scaffold(docs, *args):
    return subprocess.run([sys.executable, str(SCRIPT), "--docs", str(docs), *args], capture_output=True, text=True)


ARGS = ("--date", "2026-01-31", "--slug", "clean-river-day", "--title-th", "วันรักษ์แม่น้ำ: ทดสอบ", "--title-en", "Clean river day: a test")


# Two photos as a phone and a drawing program save them, in a folder of the test's own.
@pytest.fixture
def photos(tmp_path):
    folder = tmp_path / "camera"
    folder.mkdir()
    phone_jpeg(folder / "IMG_0001.JPG", natural_photo(1000, 750), orientation=6)
    natural_photo(600, 400, seed=2).save(folder / "แผนที่ จุดเก็บขยะ.png")
    return sorted(folder.iterdir())


def photo_args(photos, alt_texts=("ริมแม่น้ำ", "The river bank")):
    cover, drawing = photos
    alts = [arg for lang, text in zip(LANGUAGES.codes, alt_texts) for arg in (f"--alt-{lang}", text)]
    return ["--photo", str(cover), *alts, "--photo", str(drawing), "--decorative"]


def test_scaffold_writes_both_languages_with_the_photos_in_place_and_prints_their_paths(project_copy, photos, tmp_path):
    result = run_scaffold(project_copy / "docs", *ARGS, *photo_args(photos))
    assert result.returncode == 0, result.stderr
    news = project_copy / "docs" / "news" / "2026"
    thai, english = (news / LANGUAGES.file_name("clean-river-day", lang) for lang in (DEFAULT, OTHER))
    copied = [news / "clean-river-day" / photo.name for photo in photos]
    assert result.stdout.splitlines() == [str(thai), str(english), *map(str, copied)]
    assert [path.read_bytes() for path in copied] == [photo.read_bytes() for photo in photos]
    meta = yaml.safe_load(thai.read_text(encoding="utf-8").split("---")[1])
    assert meta["title"] == "วันรักษ์แม่น้ำ: ทดสอบ"
    assert meta["cover"] == {"src": photos[0].name, "alt": dict(zip(LANGUAGES.codes, ("ริมแม่น้ำ", "The river bank")))}
    assert meta["gallery"] == [{"src": photos[1].name, "decorative": True}]
    assert "cover" not in english.read_text(encoding="utf-8")
    built = build_site(project_copy, tmp_path / "out")  # what it writes builds, its photos already in the cache
    assert built.returncode == 0, built.stderr
    assert "News photos: 0 processed, 2 from the cache" in built.stderr
    page = (tmp_path / "out" / LANGUAGES.path("news/2026/clean-river-day/index.html", OTHER)).read_text(encoding="utf-8")
    assert 'alt="The river bank"' in page and 'alt=""' in page


@pytest.mark.parametrize("case", ["text named .jpg", "a description missing", "a description before its photo"])
def test_scaffold_with_a_bad_photo_or_description_writes_nothing_and_says_why_in_one_line(project_copy, photos, case):
    before = news_files(project_copy)
    if case == "text named .jpg":
        photos[0].write_text("not a photo", encoding="utf-8")
        args, expected = photo_args(photos), f"--photo {photos[0]}: expected a JPEG, PNG or WebP photo, got a text file"
    elif case == "a description missing":
        args, expected = photo_args(photos)[:4], f"--alt-{OTHER}: expected text, got nothing"
    else:
        args, expected = [f"--alt-{DEFAULT}", "ริมแม่น้ำ", *photo_args(photos)], f"--alt-{DEFAULT}: expected after the --photo it describes, got it before any --photo"
    assert refusal(run_scaffold(project_copy / "docs", *ARGS, *args)) == f"new_news: not written: {expected}"
    assert news_files(project_copy) == before and not (project_copy / "docs" / "news" / "2026").exists()


def test_scaffold_refuses_to_overwrite(project_copy):
    assert run_scaffold(project_copy / "docs", *ARGS).returncode == 0
    thai = project_copy / "docs" / "news" / "2026" / f"clean-river-day.{DEFAULT}.md"
    thai.write_text("edited", encoding="utf-8")
    again = run_scaffold(project_copy / "docs", *ARGS)
    assert again.returncode != 0 and f"docs/news/2026/clean-river-day.{DEFAULT}.md has (never overwritten)" in again.stderr
    assert thai.read_text(encoding="utf-8") == "edited"


def test_scaffold_refuses_a_slug_used_in_another_year(project_copy):
    result = run_scaffold(project_copy / "docs", "--date", "2026-02-01", "--slug", "pmqa-workshop", "--title-th", "ก", "--title-en", "A")
    assert result.returncode != 0 and f"docs/news/2018/pmqa-workshop.{DEFAULT}.md" in result.stderr


def test_scaffold_rejects_a_bad_date_or_slug(project_copy):
    bad_date = run_scaffold(project_copy / "docs", "--date", "31/01/2026", "--slug", "x", "--title-th", "ก", "--title-en", "A")
    bad_slug = run_scaffold(project_copy / "docs", "--date", "2026-01-31", "--slug", "Bad Slug", "--title-th", "ก", "--title-en", "A")
    assert bad_date.returncode == 2 and "--date" in bad_date.stderr
    assert bad_slug.returncode == 2 and "--slug" in bad_slug.stderr
    assert not (project_copy / "docs" / "news" / "2026").exists()


def test_bad_posts_stop_the_build_with_one_line_per_problem(project_copy, tmp_path):
    folder = project_copy / "docs" / "news" / "2019"
    folder.mkdir()
    (folder / "no-title.md").write_text("---\ndate: 2019-05-01\ndescription: D\n---\n", encoding="utf-8")
    (folder / "bad-date.md").write_text("---\ntitle: T\ndate: 2019-13-01\ndescription: D\n---\n", encoding="utf-8")
    (folder / f"pmqa-workshop.{DEFAULT}.md").write_text("---\ntitle: T\ndate: 2019-05-01\ndescription: D\n---\n", encoding="utf-8")
    result = build_site(project_copy, tmp_path / "out")
    assert result.returncode != 0
    for line in (
        "docs/news/2019/no-title.md: title: expected text, got nothing",
        "docs/news/2019/bad-date.md: date: expected a date such as 2018-07-18, got '2019-13-01'",
        f'docs/news/2019/pmqa-workshop.{DEFAULT}.md: slug: expected a slug no other post has, got "pmqa-workshop", which docs/news/2018/pmqa-workshop.{DEFAULT}.md has',
    ):
        assert result.stderr.count(line) == 1, result.stderr
    assert "Traceback" not in result.stderr


def refusal(result) -> str:
    """The one line a refusal prints; the exit status is 2."""
    assert result.returncode == 2 and result.stdout == "", result
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    return lines[0]


def news_files(project):
    return sorted(path.relative_to(project).as_posix() for path in (project / "docs" / "news").rglob("*.md"))


def test_scaffold_refuses_a_buddhist_era_date(project_copy):
    before = news_files(project_copy)
    result = run_scaffold(project_copy / "docs", "--date", "2561-07-18", "--slug", "be-post", "--title-th", "ก", "--title-en", "A")
    assert refusal(result) == "new_news: not written: --date: 2561-07-18 is a Buddhist Era year: write 2018-07-18"
    assert news_files(project_copy) == before and not (project_copy / "docs" / "news" / "2561").exists()


def test_scaffold_refuses_a_slug_with_a_trailing_newline(project_copy):
    before = news_files(project_copy)
    result = run_scaffold(project_copy / "docs", "--date", "2026-01-31", "--slug", "ok\n", "--title-th", "ก", "--title-en", "A")
    assert refusal(result) == 'new_news: not written: --slug: expected lower-case ASCII letters, digits and hyphens (e.g. pmqa-workshop), got "ok\\n"'
    assert news_files(project_copy) == before


def test_scaffold_refuses_a_reserved_slug(project_copy):
    result = run_scaffold(project_copy / "docs", "--date", "2026-01-31", "--slug", "index", "--title-th", "ก", "--title-en", "A")
    assert refusal(result) == 'new_news: not written: --slug: expected a name of the post\'s own, got "index", which is reserved for listing pages'


@pytest.mark.parametrize("character, code", [("\x0b", "U+000B"), ("\x01", "U+0001"), ("\ufffe", "U+FFFE")])
def test_scaffold_refuses_a_title_with_a_control_character(project_copy, character, code):
    result = run_scaffold(project_copy / "docs", "--date", "2026-01-31", "--slug", "x", "--title-th", "ข่าว", "--title-en", f"News{character}")
    assert refusal(result).startswith(f"new_news: not written: --title-en: expected text without control characters, got {code} (")
    assert not (project_copy / "docs" / "news" / "2026").exists()


def test_scaffold_refuses_an_empty_title(project_copy):
    result = run_scaffold(project_copy / "docs", "--date", "2026-01-31", "--slug", "x", "--title-th", "  ", "--title-en", "A")
    assert refusal(result) == "new_news: not written: --title-th: expected text, got an empty text"


def test_scaffold_refuses_a_slug_used_in_another_year_with_the_builds_own_line(project_copy):
    result = run_scaffold(project_copy / "docs", "--date", "2026-02-01", "--slug", "pmqa-workshop", "--title-th", "ก", "--title-en", "A")
    assert refusal(result) == f'new_news: not written: docs/news/2026/pmqa-workshop.{DEFAULT}.md: slug: expected a slug no other post has, got "pmqa-workshop", which docs/news/2018/pmqa-workshop.{DEFAULT}.md has'


def test_scaffold_refuses_an_existing_post_with_one_line(project_copy):
    assert run_scaffold(project_copy / "docs", *ARGS).returncode == 0
    assert refusal(run_scaffold(project_copy / "docs", *ARGS)) == (
        f'new_news: not written: --slug: expected a slug no post has, got "clean-river-day", which docs/news/2026/clean-river-day.{DEFAULT}.md has (never overwritten)'
    )


def test_scaffold_leaves_other_posts_problems_to_the_build(project_copy):
    broken = project_copy / "docs" / "news" / "2019" / "broken.md"
    broken.parent.mkdir()
    broken.write_text("---\ndate: 2019-01-01\ndescription: D\n---\n", encoding="utf-8")
    result = run_scaffold(project_copy / "docs", *ARGS)
    assert result.returncode == 0, result.stderr


def test_scaffold_writes_a_draft_that_the_build_holds_back(project_copy, tmp_path):
    result = run_scaffold(project_copy / "docs", *ARGS, "--draft")
    assert result.returncode == 0, result.stderr
    thai = project_copy / "docs" / "news" / "2026" / f"clean-river-day.{DEFAULT}.md"
    assert "\ndraft: true\n" in thai.read_text(encoding="utf-8")
    built = build_site(project_copy, tmp_path / "out")
    assert built.returncode == 0, built.stderr
    assert f"News: held back 1 post(s), not built: docs/news/2026/clean-river-day.{DEFAULT}.md (draft)" in built.stderr
    assert not any((tmp_path / "out" / LANGUAGES.path("news/2026", lang)).exists() for lang in LANGUAGES.codes)


def test_scaffold_says_when_a_post_is_scheduled(project_copy, monkeypatch):
    monkeypatch.setenv("SITE_BUILD_DATE", "2026-01-30")
    result = run_scaffold(project_copy / "docs", *ARGS)
    assert result.returncode == 0
    assert result.stderr == "new_news: scheduled: published by the first build on or after 2026-01-31\n"


def test_scaffold_is_not_stopped_by_another_posts_category_list(project_copy):
    broken = project_copy / "docs" / "news" / "2019" / "listed.md"
    broken.parent.mkdir()
    broken.write_text("---\ntitle: T\ndate: 2019-01-01\ndescription: D\ncategory: [pmqa]\n---\n", encoding="utf-8")
    result = run_scaffold(project_copy / "docs", *ARGS)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr


def test_scaffold_refuses_a_thai_day_month_year_date_naming_the_gregorian_one(project_copy):
    result = run_scaffold(project_copy / "docs", "--date", "18/07/2561", "--slug", "be-post", "--title-th", "ก", "--title-en", "A")
    assert refusal(result) == "new_news: not written: --date: 18/07/2561 is a Buddhist Era year: write 2018-07-18"
