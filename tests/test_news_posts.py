"""Reading and validating news posts, and paging their listings, without MkDocs."""

import datetime
import shutil
import time
from pathlib import Path

import pytest
from conftest import ROOT
from officesite.news.posts import (
    THAILAND,
    NewsError,
    build_date,
    listing_pages,
    load_news,
    page_numbers,
)
from site_files import DEFAULT, LANGUAGES, OTHER

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
    thai, english = news.posts[DEFAULT][0], news.posts[OTHER][0]
    assert (thai.slug, thai.lang, english.lang) == ("pmqa-workshop", DEFAULT, OTHER)
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
    assert problems_of(news_dir) == [f'docs/news/2019/pmqa-workshop.md: slug: expected a slug no other post has, got "pmqa-workshop", which docs/news/2018/{LANGUAGES.file_name("pmqa-workshop", DEFAULT)} has']


def test_a_non_ascii_slug_is_named(news_dir):
    write_post(news_dir, 2019, "ข่าว.md")
    assert problems_of(news_dir)[0].startswith("docs/news/2019/ข่าว.md: slug: expected lower-case ASCII")


def test_translations_must_share_the_date(news_dir):
    write_post(news_dir, 2019, "paired.md", date="2019-03-01")
    write_post(news_dir, 2019, f"paired.{OTHER}.md", date="2019-03-02")
    assert problems_of(news_dir) == [f"docs/news/2019/paired.{OTHER}.md: date: expected 2019-03-01 as in docs/news/2019/paired.md, got 2019-03-02"]


def test_an_unknown_category_is_named(news_dir):
    (news_dir / "2019").mkdir()
    (news_dir / "2019" / "cat.md").write_text("---\ntitle: T\ndate: 2019-01-01\ndescription: D\ncategory: sports\n---\n", encoding="utf-8")
    assert problems_of(news_dir) == ["docs/news/2019/cat.md: category: expected an id from categories.yml (pmqa), got \"sports\""]


def test_every_problem_is_reported_together(news_dir):
    write_post(news_dir, 2019, "no-title.md", title='""')
    write_post(news_dir, 2019, "bad-date.md", date="someday")
    assert len(problems_of(news_dir)) == 2


def test_an_untranslated_post_is_listed_in_both_languages_in_its_own_language(news_dir):
    write_post(news_dir, 2019, "thai-only.md", title="ข่าวภาษาไทย")
    news = load_news(news_dir, LANGUAGES)
    english = [post for post in news.posts[OTHER] if post.slug == "thai-only"]
    assert len(english) == 1 and english[0].lang == DEFAULT and english[0].title == "ข่าวภาษาไทย"


def test_posts_are_newest_first(news_dir):
    write_post(news_dir, 2019, "older.md", date="2019-01-01")
    write_post(news_dir, 2020, "newer.md", date="2020-01-01")
    news = load_news(news_dir, LANGUAGES)
    assert [post.slug for post in news.posts[DEFAULT]] == ["newer", "older", "pmqa-workshop"]


def test_listing_pages_cover_index_years_and_categories(news_dir):
    for number in range(1, 12):
        write_post(news_dir, 2019, f"post-{number}.md", date=f"2019-01-{number:02d}")
    pages = {path for _, _, _, path in listing_pages(load_news(news_dir, LANGUAGES), DEFAULT)}
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


# -----------------------------------------------------------------------------
# Authors' mistakes: one line each, naming the file and the field
# -----------------------------------------------------------------------------


def write_file(news_dir, relative, text):
    path = news_dir / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def post(date="2019-03-01", title="A title", extra=""):
    return f"---\ntitle: {title}\ndate: {date}\ndescription: Summary\n{extra}---\n\nText\n"


def test_a_buddhist_era_date_says_which_gregorian_date_to_write(news_dir):
    write_file(news_dir, "2018/be-date.md", post(date="2561-07-18"))
    assert problems_of(news_dir) == ["docs/news/2018/be-date.md: date: 2561-07-18 is a Buddhist Era year: write 2018-07-18"]


def test_a_buddhist_era_date_on_29_february_gives_the_gregorian_leap_day(news_dir):
    write_file(news_dir, "2020/leap.md", post(date="2563-02-29"))
    assert problems_of(news_dir) == ["docs/news/2020/leap.md: date: 2563-02-29 is a Buddhist Era year: write 2020-02-29"]


def test_a_buddhist_era_folder_is_named_once_with_its_posts_dates(news_dir):
    # what `new_news.py --date 2561-07-18` used to create: both files in a 2561/ folder
    write_file(news_dir, "2561/x.md", post(date="2561-07-18"))
    write_file(news_dir, f"2561/x.{OTHER}.md", post(date="2561-07-18"))
    assert problems_of(news_dir) == [
        "docs/news/2561: folder name: 2561 is a Buddhist Era year: name the folder 2018",
        f"docs/news/2561/x.{OTHER}.md: date: 2561-07-18 is a Buddhist Era year: write 2018-07-18",
        "docs/news/2561/x.md: date: 2561-07-18 is a Buddhist Era year: write 2018-07-18",
    ]


def test_a_buddhist_era_folder_with_a_gregorian_date_is_one_line(news_dir):
    write_file(news_dir, "2561/x.md", post(date="2018-07-18"))
    assert problems_of(news_dir) == ["docs/news/2561: folder name: 2561 is a Buddhist Era year: name the folder 2018"]


def test_a_post_directly_in_news_is_named(news_dir):
    write_file(news_dir, "loose.md", post())
    assert problems_of(news_dir) == ["docs/news/loose.md: folder: expected a post in the folder of its year (news/<year>/loose.md), got it directly in news/"]


def test_the_listing_pages_and_their_translations_are_not_posts(news_dir):
    assert {path.name for path in news_dir.glob("*.md")} == {LANGUAGES.file_name(name, lang) for name in ("index", "archive") for lang in (DEFAULT, OTHER)}
    load_news(news_dir, LANGUAGES)  # no problem


def test_a_post_in_a_month_folder_is_named(news_dir):
    write_file(news_dir, "2018-07/x.md", post(date="2018-07-18"))
    write_file(news_dir, f"2018-07/x.{OTHER}.md", post(date="2018-07-18"))
    assert problems_of(news_dir) == ['docs/news/2018-07: folder name: expected a four-digit year such as 2018, got "2018-07"']


def test_a_post_in_a_folder_inside_a_year_is_named(news_dir):
    write_file(news_dir, "2019/july/x.md", post())
    assert problems_of(news_dir) == ["docs/news/2019/july/x.md: folder: expected a post directly in a year folder (news/<year>/x.md), got it in news/2019/july/"]


def test_an_english_file_without_its_thai_file_is_named(news_dir):
    write_file(news_dir, f"2019/english-only.{OTHER}.md", post())
    assert problems_of(news_dir) == [f"docs/news/2019/english-only.{OTHER}.md: file: expected the Thai post docs/news/2019/{LANGUAGES.file_name('english-only', DEFAULT)} beside it, got none"]


def test_the_slug_index_is_reserved(news_dir):
    write_file(news_dir, "2019/index.md", post())
    assert problems_of(news_dir) == ['docs/news/2019/index.md: slug: expected a name of the post\'s own, got "index", which is reserved for listing pages']


def test_a_slug_with_a_trailing_newline_is_named_on_one_line(news_dir):
    write_file(news_dir, "2019/ok\n.md", post())
    assert problems_of(news_dir) == ['docs/news/2019/ok\\n.md: slug: expected lower-case ASCII letters, digits and hyphens (e.g. pmqa-workshop), got "ok\\n"']


def test_a_folder_named_like_a_post_is_named(news_dir):
    (news_dir / "2019" / "x.md").mkdir(parents=True)
    assert problems_of(news_dir) == ["docs/news/2019/x.md: file: expected a Markdown file, got a folder (rename or remove it)"]


# A photo's description in every language of the site, as YAML: {<code>: <text> (<code>), …}.
def alt(text="A river") -> str:
    return "{" + ", ".join(f'{lang}: "{text} ({lang})"' for lang in LANGUAGES.codes) + "}"


# docs/news/2019/pictured.md with this front matter.
def photo_post(news_dir, extra):
    return write_file(news_dir, "2019/pictured.md", post(extra=extra))


@pytest.fixture
def photos(news_dir):
    """The photo folder of docs/news/2019/pictured.md, with a file river.jpg (read as a photo
    only when the site is built: officesite.news.photos)."""
    return write_file(news_dir, "2019/pictured/river.jpg", "not really a JPEG").parent


def test_photos_are_read_from_the_default_language_file_with_a_description_per_language(news_dir, photos):
    photo_post(news_dir, f"cover: {{src: river.jpg, alt: {alt()}}}\ngallery:\n  - {{src: river.jpg, alt: {alt('Volunteers')}}}\n  - {{src: river.jpg, decorative: true}}\n")
    pictured = load_news(news_dir, LANGUAGES).originals["pictured"]
    assert pictured.cover == {"src": "river.jpg", "alt": {lang: f"A river ({lang})" for lang in LANGUAGES.codes}, "decorative": False}
    assert [photo["alt"] for photo in pictured.gallery] == [{lang: f"Volunteers ({lang})" for lang in LANGUAGES.codes}, None]


def test_a_missing_photo_file_is_named_with_the_post_folder(news_dir, photos):
    photo_post(news_dir, f"cover: {{src: lake.jpg, alt: {alt()}}}\n")
    assert problems_of(news_dir) == [
        'docs/news/2019/pictured.md: cover.src: expected the path of a file in docs/news/2019/pictured/, e.g. river.jpg, got "lake.jpg", which does not exist'
    ]


def test_a_photo_address_on_another_site_or_outside_the_folder_is_named(news_dir, photos):
    photo_post(news_dir, f'gallery:\n  - {{src: "https://example.com/a.jpg", alt: {alt()}}}\n  - {{src: ../2018/pmqa-workshop.md, alt: {alt()}}}\n  - {{src: .hidden.jpg, alt: {alt()}}}\n')
    assert problems_of(news_dir) == [
        'docs/news/2019/pictured.md: gallery[0].src: expected the path of a file in docs/news/2019/pictured/, e.g. river.jpg, got an address on another site "https://example.com/a.jpg" (copy the file in docs/news/2019/pictured/)',
        'docs/news/2019/pictured.md: gallery[1].src: expected the path of a file in docs/news/2019/pictured/, e.g. river.jpg, got "../2018/pmqa-workshop.md"',
        'docs/news/2019/pictured.md: gallery[2].src: expected the path of a file in docs/news/2019/pictured/, e.g. river.jpg, got ".hidden.jpg", which is not an image (a hidden file)',
    ]


def test_a_photo_needs_a_description_in_every_language_or_decorative(news_dir, photos):
    one_language = "{" + f"{DEFAULT}: ริมแม่น้ำ" + "}"
    photo_post(news_dir, f"cover: {{src: river.jpg}}\ngallery:\n  - {{src: river.jpg, alt: {one_language}}}\n  - {{src: river.jpg, alt: {alt()}, decorative: true}}\n  - {{src: river.jpg, alt: A river}}\n")
    assert problems_of(news_dir) == [
        "docs/news/2019/pictured.md: cover.alt: expected a description of the photo in every language, or decorative: true, got neither",
        f"docs/news/2019/pictured.md: gallery[0].alt.{OTHER}: expected text, got nothing",
        "docs/news/2019/pictured.md: gallery[1].alt: expected no description for a photo marked decorative: true, got one (remove one of them)",
        f"docs/news/2019/pictured.md: gallery[2].alt: expected a description of the photo per language, e.g. {{{', '.join(f'{lang}: …' for lang in LANGUAGES.codes)}}}, got text",
    ]


def test_photos_in_a_translation_are_named_they_belong_to_the_default_language_file(news_dir, photos):
    photo_post(news_dir, "")
    write_file(news_dir, f"2019/{LANGUAGES.file_name('pictured', OTHER)}", post(extra=f"cover: {{src: river.jpg, alt: {alt()}}}\ngallery: []\n"))
    assert problems_of(news_dir) == [
        f"docs/news/2019/{LANGUAGES.file_name('pictured', OTHER)}: cover: expected none (the {LANGUAGES.english_name(DEFAULT)} file docs/news/2019/{LANGUAGES.file_name('pictured', DEFAULT)} gives it to every language), got a mapping",
        f"docs/news/2019/{LANGUAGES.file_name('pictured', OTHER)}: gallery: expected none (the {LANGUAGES.english_name(DEFAULT)} file docs/news/2019/{LANGUAGES.file_name('pictured', DEFAULT)} gives it to every language), got an empty list",
    ]


def test_the_retired_image_field_says_what_replaces_it(news_dir):
    write_file(news_dir, "2019/pictured.md", post(extra="image: {src: assets/images/news/river.jpg, alt: A river}\n"))
    assert problems_of(news_dir) == [
        "docs/news/2019/pictured.md: image: expected cover: {src: <file name>, alt: …} with the photo in docs/news/2019/pictured/ (see README, Adding a news post), got the retired image field"
    ]


@pytest.mark.parametrize("escape, code", [(r"\x0b", "U+000B"), (r"\x01", "U+0001"), (r"\0", "U+0000"), (r"\uFFFE", "U+FFFE")])
def test_a_title_with_a_character_xml_forbids_is_named(news_dir, escape, code):
    write_file(news_dir, "2019/control.md", post(title=f'"News{escape}"'))
    problems = problems_of(news_dir)
    assert len(problems) == 1 and problems[0].startswith(f"docs/news/2019/control.md: title: expected text without control characters, got {code} (")


def test_a_control_character_in_a_tag_or_photo_description_is_named(news_dir, photos):
    photo_post(news_dir, 'tags: [ok, "bad\\x01"]\ncover: {src: river.jpg, alt: {' + ", ".join(f'{lang}: "A\\x0b"' for lang in LANGUAGES.codes) + "}}\n")
    assert problems_of(news_dir) == [
        "docs/news/2019/pictured.md: tags[1]: expected text without control characters, got U+0001 (\\x01) at character 4",
    ] + [f"docs/news/2019/pictured.md: cover.alt.{lang}: expected text without control characters, got U+000B (\\x0b) at character 2" for lang in LANGUAGES.codes]


def test_a_control_character_in_a_category_name_is_named(news_dir):
    (news_dir / "categories.yml").write_text('pmqa: {th: PMQA 4.0, en: "PMQA\\x0b"}\n', encoding="utf-8")
    assert problems_of(news_dir) == ["docs/news/categories.yml: pmqa.en: expected text without control characters, got U+000B (\\x0b) at character 5"]


def test_a_field_given_twice_is_named(news_dir):
    write_file(news_dir, "2019/twice.md", "---\ntitle: A\ntitle: B\ndate: 2019-01-01\ndescription: D\n---\n")
    assert problems_of(news_dir) == ["docs/news/2019/twice.md: title: expected the field once, got it twice (lines 2 and 3)"]


def test_a_post_saved_in_windows_874_is_named(news_dir):
    (news_dir / "2019").mkdir()
    (news_dir / "2019" / "thai-windows.md").write_bytes(post(title="ข่าวภาษาไทย", extra="tags: [สิ่งแวดล้อม]\n").encode("cp874"))
    assert problems_of(news_dir) == [
        "docs/news/2019/thai-windows.md: encoding: expected UTF-8, got Windows-874 (TIS-620) Thai text: save the file again as UTF-8 "
        "(Notepad: Save As, Encoding UTF-8; or iconv -f CP874 -t UTF-8)"
    ]


def test_a_post_with_a_utf8_bom_is_read(news_dir):
    (news_dir / "2019").mkdir()
    (news_dir / "2019" / "bom.md").write_bytes(("\ufeff" + post(title="ข่าว")).encode("utf-8"))
    assert [p.title for p in load_news(news_dir, LANGUAGES).posts[DEFAULT] if p.slug == "bom"] == ["ข่าว"]


def test_an_alias_bomb_in_a_post_is_refused_in_well_under_a_second(news_dir):
    levels = "".join(f"x{n}: &x{n} [{', '.join([f'*x{n - 1}'] * 9)}]\n" for n in range(1, 9))
    write_file(news_dir, "2019/bomb.md", f"---\nx0: &x0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n{levels}title: *x8\ndate: 2019-01-01\ndescription: D\n---\n")
    start = time.perf_counter()
    problems = problems_of(news_dir)
    assert time.perf_counter() - start < 0.5
    assert problems == ["docs/news/2019/bomb.md: x1[0]: expected a value written out, got a YAML alias (*name) of the value on line 2: write it out, aliases are not accepted"]


def test_a_multi_megabyte_front_matter_is_refused_in_well_under_a_second(news_dir):
    write_file(news_dir, "2019/huge.md", post(extra=f"tags: [{', '.join(['สิ่งแวดล้อม'] * 100_000)}]\n"))
    start = time.perf_counter()
    problems = problems_of(news_dir)
    assert time.perf_counter() - start < 0.5
    assert problems == ["docs/news/2019/huge.md: front matter: expected at most 64 KB of YAML, got 3418 KB"]


def test_empty_tags_say_empty(news_dir):
    write_file(news_dir, "2019/tagged.md", post(extra='tags: [""]\n'))
    assert problems_of(news_dir) == ["docs/news/2019/tagged.md: tags[0]: expected text, got an empty text"]


def test_draft_is_true_or_false(news_dir):
    write_file(news_dir, "2019/drafty.md", post(extra="draft: soon\n"))
    assert problems_of(news_dir) == ["docs/news/2019/drafty.md: draft: expected true or false, got text"]


def test_translations_must_agree_on_being_a_draft(news_dir):
    write_file(news_dir, "2019/drafty.md", post(extra="draft: true\n"))
    write_file(news_dir, f"2019/drafty.{OTHER}.md", post())
    assert problems_of(news_dir) == [f"docs/news/2019/drafty.{OTHER}.md: draft: expected true as in docs/news/2019/drafty.md, got false"]


# -----------------------------------------------------------------------------
# Scheduled and draft posts
# -----------------------------------------------------------------------------


def test_a_post_dated_after_the_build_date_is_held_back_until_that_day(news_dir):
    write_file(news_dir, "2026/later.md", post(date="2026-12-01"))
    write_file(news_dir, f"2026/later.{OTHER}.md", post(date="2026-12-01"))
    before = load_news(news_dir, LANGUAGES, display_root=news_dir.parent.parent, today=datetime.date(2026, 11, 30))
    assert all("later" not in [p.slug for p in before.posts[lang]] for lang in LANGUAGES.codes)
    assert [(h.source, h.reason, sorted(h.src_uris)) for h in before.held] == [
        ("docs/news/2026/later.md", "scheduled for 2026-12-01", [f"news/2026/later.{OTHER}.md", "news/2026/later.md"])
    ]
    on_the_day = load_news(news_dir, LANGUAGES, today=datetime.date(2026, 12, 1))
    assert on_the_day.held == [] and on_the_day.posts[OTHER][0].slug == "later"


def test_a_draft_is_held_back_whatever_its_date(news_dir):
    write_file(news_dir, "2019/drafty.md", post(extra="draft: true\n"))
    news = load_news(news_dir, LANGUAGES, today=datetime.date(2030, 1, 1))
    assert [h.reason for h in news.held] == ["draft"] and "drafty" not in [p.slug for p in news.posts[DEFAULT]]
    assert news.years(DEFAULT) == [2018]  # no year archive for a year of drafts


def test_a_held_back_post_is_still_validated(news_dir):
    write_file(news_dir, "2030/later.md", post(date="2030-01-01", title='""'))
    assert problems_of(news_dir) == ["docs/news/2030/later.md: title: expected text, got an empty text"]


def test_the_build_date_is_today_in_thailand_unless_set():
    assert build_date({}) == datetime.datetime.now(THAILAND).date()
    assert build_date({"SITE_BUILD_DATE": "2027-01-31"}) == datetime.date(2027, 1, 31)


@pytest.mark.parametrize(
    "value, message",
    [
        ("tomorrow", "environment: SITE_BUILD_DATE: expected a date such as 2018-07-18, got 'tomorrow'"),
        ("2569-01-31", "environment: SITE_BUILD_DATE: 2569-01-31 is a Buddhist Era year: write 2026-01-31"),
    ],
)
def test_a_wrong_build_date_is_named(value, message):
    with pytest.raises(NewsError) as caught:
        build_date({"SITE_BUILD_DATE": value})
    assert caught.value.problems == [message]


# -----------------------------------------------------------------------------
# More of what authors write by mistake
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("value, shown", [("[pmqa]", "a list"), ("{a: 1}", "a mapping"), ("1", "a number (1)")])
def test_a_category_that_is_not_an_id_is_named_not_a_crash(news_dir, value, shown):
    write_file(news_dir, "2019/cat.md", post(extra=f"category: {value}\n"))
    assert problems_of(news_dir) == [f"docs/news/2019/cat.md: category: expected an id from categories.yml (pmqa), got {shown}"]


@pytest.mark.parametrize("written, gregorian", [("18/07/2561", "2018-07-18"), ("2561-7-18", "2018-07-18"), ("1/1/2562", "2019-01-01"), ("18.07.2561", "2018-07-18")])
def test_a_buddhist_era_year_in_another_date_format_says_what_to_write(news_dir, written, gregorian):
    write_file(news_dir, f"{gregorian[:4]}/be.md", post(date=written))
    assert problems_of(news_dir) == [f"docs/news/{gregorian[:4]}/be.md: date: {written} is a Buddhist Era year: write {gregorian}"]


@pytest.mark.parametrize("written", ["18/07/2018", "2018-7-18"])
def test_a_gregorian_date_in_another_format_says_what_to_write(news_dir, written):
    write_file(news_dir, "2018/other.md", post(date=written))
    assert problems_of(news_dir) == [f"docs/news/2018/other.md: date: expected a date such as 2018-07-18, got '{written}': write 2018-07-18"]


def test_an_explicit_timestamp_that_is_no_date_is_named(news_dir):
    write_file(news_dir, "2018/stamp.md", post(date="!!timestamp 2018-02-30"))
    assert problems_of(news_dir) == ["docs/news/2018/stamp.md: date: expected a date such as 2018-07-18, got '2018-02-30'"]


def test_an_empty_tag_list_says_empty(news_dir):
    write_file(news_dir, "2019/tagged.md", post(extra="tags: []\n"))
    assert problems_of(news_dir) == ["docs/news/2019/tagged.md: tags: expected a list of texts, e.g. [PMQA 4.0], got an empty list"]


def test_an_unreadable_categories_file_is_the_only_line_its_posts_cause(news_dir):
    (news_dir / "categories.yml").write_bytes("pmqa: {th: หมวดหมู่, en: PMQA}\n".encode("cp874"))
    assert problems_of(news_dir) == [
        "docs/news/categories.yml: encoding: expected UTF-8, got Windows-874 (TIS-620) Thai text: save the file again as UTF-8 "
        "(Notepad: Save As, Encoding UTF-8; or iconv -f CP874 -t UTF-8)"
    ]


def test_a_slug_written_by_the_web_editor_must_be_the_file_name(news_dir):
    # Decap CMS writes the slug it names the files with into every language's front matter.
    for lang in (DEFAULT, OTHER):
        write_file(news_dir, f"2019/{LANGUAGES.file_name('river-day', lang)}", post(extra="slug: river-day\n"))
    load_news(news_dir, LANGUAGES)  # no problem
    write_file(news_dir, f"2019/{LANGUAGES.file_name('renamed', DEFAULT)}", post(extra="slug: river-day\n"))
    assert problems_of(news_dir) == [f'docs/news/2019/{LANGUAGES.file_name("renamed", DEFAULT)}: slug: expected "renamed", the file\'s name, got "river-day" (rename the file or correct the slug)']
