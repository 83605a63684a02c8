"""Reading and validating news posts, and paging their listings, without MkDocs."""

import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from news_posts import NewsError, listing_pages, load_news, page_numbers

LANGUAGES = ("th", "en")
POST = "---\ntitle: {title}\ndate: {date}\ndescription: Summary\n---\n\nText\n"


@pytest.fixture
def news_dir(tmp_path) -> Path:
    folder = tmp_path / "docs" / "news"
    shutil.copytree(ROOT / "docs" / "news", folder)
    return folder


def write_post(news_dir, year, name, title="A title", date=None):
    folder = news_dir / str(year)
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(POST.format(title=title, date=date or f"{year}-03-01"), encoding="utf-8")


def problems_of(news_dir):
    with pytest.raises(NewsError) as caught:
        load_news(news_dir, LANGUAGES, display_root=news_dir.parent.parent)
    return caught.value.problems


def test_the_real_posts_are_valid_and_paired():
    news = load_news(ROOT / "docs" / "news", LANGUAGES)
    thai, english = news.posts["th"][0], news.posts["en"][0]
    assert (thai.slug, thai.lang, english.lang) == ("pmqa-workshop", "th", "en")
    assert thai.date == english.date and thai.path == english.path == "news/2018/pmqa-workshop/"


def test_a_missing_date_is_named(news_dir):
    (news_dir / "2018" / "no-date.md").write_text("---\ntitle: T\ndescription: D\n---\n", encoding="utf-8")
    assert problems_of(news_dir) == ["docs/news/2018/no-date.md: date: expected a date such as 2018-07-18, got nothing"]


def test_an_invalid_date_is_named(news_dir):
    write_post(news_dir, 2019, "bad-date.md", date="2019-02-30")
    assert problems_of(news_dir) == ["docs/news/2019/bad-date.md: date: expected a date such as 2018-07-18, got '2019-02-30'"]


def test_a_date_outside_its_year_folder_is_named(news_dir):
    write_post(news_dir, 2019, "wrong-year.md", date="2020-01-05")
    assert problems_of(news_dir) == ["docs/news/2019/wrong-year.md: date: expected a date in 2019 (the post's folder), got 2020-01-05"]


def test_an_empty_title_is_named_empty(news_dir):
    write_post(news_dir, 2019, "no-title.md", title='""')
    assert problems_of(news_dir) == ["docs/news/2019/no-title.md: title: expected text, got an empty text"]


def test_a_slug_used_twice_is_named(news_dir):
    write_post(news_dir, 2019, "pmqa-workshop.md")
    assert problems_of(news_dir) == ["docs/news/2019/pmqa-workshop.md: slug: \"pmqa-workshop\" is already used by docs/news/2018/pmqa-workshop.md"]


def test_a_non_ascii_slug_is_named(news_dir):
    write_post(news_dir, 2019, "ข่าว.md")
    assert problems_of(news_dir)[0].startswith("docs/news/2019/ข่าว.md: slug: expected lower-case ASCII")


def test_translations_must_share_the_date(news_dir):
    write_post(news_dir, 2019, "paired.md", date="2019-03-01")
    write_post(news_dir, 2019, "paired.en.md", date="2019-03-02")
    assert problems_of(news_dir) == ["docs/news/2019/paired.en.md: date: expected 2019-03-01 as in docs/news/2019/paired.md, got 2019-03-02"]


def test_an_unknown_category_is_named(news_dir):
    (news_dir / "2019").mkdir()
    (news_dir / "2019" / "cat.md").write_text("---\ntitle: T\ndate: 2019-01-01\ndescription: D\ncategory: sports\n---\n", encoding="utf-8")
    assert problems_of(news_dir) == ["docs/news/2019/cat.md: category: expected an id from categories.yml (pmqa), got 'sports'"]


def test_every_problem_is_reported_together(news_dir):
    write_post(news_dir, 2019, "no-title.md", title='""')
    write_post(news_dir, 2019, "bad-date.md", date="someday")
    assert len(problems_of(news_dir)) == 2


def test_an_untranslated_post_is_listed_in_both_languages_in_its_own_language(news_dir):
    write_post(news_dir, 2019, "thai-only.md", title="ข่าวภาษาไทย")
    news = load_news(news_dir, LANGUAGES)
    english = [post for post in news.posts["en"] if post.slug == "thai-only"]
    assert len(english) == 1 and english[0].lang == "th" and english[0].title == "ข่าวภาษาไทย"


def test_posts_are_newest_first(news_dir):
    write_post(news_dir, 2019, "older.md", date="2019-01-01")
    write_post(news_dir, 2020, "newer.md", date="2020-01-01")
    news = load_news(news_dir, LANGUAGES)
    assert [post.slug for post in news.posts["th"]] == ["newer", "older", "pmqa-workshop"]


def test_listing_pages_cover_index_years_and_categories(news_dir):
    for number in range(1, 12):
        write_post(news_dir, 2019, f"post-{number}.md", date=f"2019-01-{number:02d}")
    pages = {path for _, _, _, path in listing_pages(load_news(news_dir, LANGUAGES), "th")}
    # a year's archive is one page; the index and categories are paged
    assert pages == {"news/", "news/page/2/", "news/archive/2019/", "news/archive/2018/", "news/category/pmqa/"}


@pytest.mark.parametrize(
    "current, total, numbers",
    [
        (1, 1, [1]),
        (1, 3, [1, 2, 3]),
        (1, 100, [1, 2, 3, None, 100]),
        (50, 100, [1, None, 48, 49, 50, 51, 52, None, 100]),
        (100, 100, [1, None, 98, 99, 100]),
        (4, 7, [1, 2, 3, 4, 5, 6, 7]),
    ],
)
def test_page_numbers_show_first_last_and_a_window(current, total, numbers):
    assert page_numbers(current, total) == numbers
