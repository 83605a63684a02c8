"""Authors' mistakes through the real `mkdocs build --strict`: one line each, no traceback;
scheduled and draft posts held back. Independent mistakes share one copy of the site (a
build costs seconds); tests/test_news_posts.py and tests/test_criteria_metadata.py check
every rule on its own, without MkDocs."""

import json
import urllib.request

import pytest

from conftest import copy_project
from nginx_server import NginxServer
from site_files import DEFAULT, LANGUAGES, OTHER, BuiltSite

ENGLISH_ONLY = LANGUAGES.file_name("english-only", OTHER)
CATEGORY_1_ENGLISH = LANGUAGES.file_name("category-1", OTHER)

BOMB = "x0: &x0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"x{n}: &x{n} [{', '.join([f'*x{n - 1}'] * 9)}]\n" for n in range(1, 9)
)


def post(date, title="A title", extra=""):
    return f"---\ntitle: {title}\ndate: {date}\ndescription: Summary\n{extra}---\n\nText of the post.\n"


def write(folder, relative, text):
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def build(site_builder, tmp_path_factory, name, prepare, build_date=None):
    project = copy_project(tmp_path_factory.mktemp(name) / "project")
    prepare(project / "docs")
    with pytest.MonkeyPatch.context() as patch:
        if build_date:
            patch.setenv("SITE_BUILD_DATE", build_date)
        result = site_builder(project, project.parent / "out")
    return result, BuiltSite(project.parent / "out")


# -----------------------------------------------------------------------------
# News posts with mistakes
# -----------------------------------------------------------------------------

NEWS_MISTAKES = [
    "docs/news/2561: folder name: 2561 is a Buddhist Era year: name the folder 2018",
    "docs/news/2561/be-post.md: date: 2561-07-18 is a Buddhist Era year: write 2018-07-18",
    "docs/news/loose.md: folder: expected a post in the folder of its year (news/<year>/loose.md), got it directly in news/",
    'docs/news/2018-07: folder name: expected a four-digit year such as 2018, got "2018-07"',
    f"docs/news/2019/{ENGLISH_ONLY}: file: expected the Thai post docs/news/2019/english-only.{DEFAULT}.md beside it, got none",
    f'docs/news/2019/index.{DEFAULT}.md: slug: expected a name of the post\'s own, got "index", which is reserved for listing pages',
    'docs/news/2019/ok\\n.md: slug: expected lower-case ASCII letters, digits and hyphens (e.g. pmqa-workshop), got "ok\\n"',
    'docs/news/2019/pictured.md: cover.src: expected the path of a file in docs/news/2019/pictured/, e.g. river.jpg, got "missing.jpg", which does not exist',
    'docs/news/2019/external.md: gallery[0].src: expected the path of a file in docs/news/2019/external/, e.g. river.jpg, got an address on another site "https://example.com/a.jpg" (copy the file in docs/news/2019/external/)',
    "docs/news/2019/control.md: title: expected text without control characters, got U+000B (\\x0b) at character 5",
    "docs/news/2019/twice.md: title: expected the field once, got it twice (lines 2 and 3)",
    "docs/news/2020/thai-windows.md: encoding: expected UTF-8, got Windows-874 (TIS-620) Thai text: save the file again as UTF-8 (Notepad: Save As, Encoding UTF-8; or iconv -f CP874 -t UTF-8)",
    "docs/news/2019/folder.md: file: expected a Markdown file, got a folder (rename or remove it)",
    "docs/news/2020/bomb.md: x1[0]: expected a value written out, got a YAML alias (*name) of the value on line 2: write it out, aliases are not accepted",
    "docs/news/2019/listed.md: category: expected an id from categories.yml (pmqa), got a list",
    "docs/news/2019/hex.md: title: expected a number of at most 30 characters (quote it if it is text), got one of 5002 characters",
    "docs/news/2018/stamp.md: date: expected a date such as 2018-07-18, got '2018-02-30'",
    "docs/news/2018/thai-date.md: date: 18/07/2561 is a Buddhist Era year: write 2018-07-18",
    "docs/news/2019/old-image.md: image: expected cover: {src: <file name>, alt: …} with the photo in docs/news/2019/old-image/ (see README, Adding a news post), got the retired image field",
    "docs/news/2019/untagged.md: tags: expected a list of texts, e.g. [PMQA 4.0], got an empty list",
]


def add_news_mistakes(docs):
    news = docs / "news"
    write(news, "2561/be-post.md", post("2561-07-18"))
    write(news, "loose.md", post("2018-07-18"))
    write(news, "2018-07/month.md", post("2018-07-18"))
    write(news, f"2019/{ENGLISH_ONLY}", post("2019-01-01"))
    write(news, f"2019/index.{DEFAULT}.md", post("2019-01-01"))
    write(news, "2019/ok\n.md", post("2019-01-01"))
    write(news, "2019/pictured.md", post("2019-01-01", extra="cover: {src: missing.jpg, decorative: true}\n"))
    write(news, "2019/external.md", post("2019-01-01", extra='gallery: [{src: "https://example.com/a.jpg", decorative: true}]\n'))
    write(news, "2019/control.md", post("2019-01-01", title='"News\\x0b"'))
    write(news, "2019/twice.md", "---\ntitle: A\ntitle: B\ndate: 2019-01-01\ndescription: D\n---\n")
    (news / "2020").mkdir()
    (news / "2020" / "thai-windows.md").write_bytes(post("2020-01-01", title="ข่าวภาษาไทย").encode("cp874"))
    (news / "2019" / "folder.md").mkdir()
    write(news, "2020/bomb.md", f"---\n{BOMB}title: *x8\ndate: 2020-01-01\ndescription: D\n---\n")
    write(news, "2019/listed.md", post("2019-01-01", extra="category: [pmqa]\n"))
    write(news, "2019/hex.md", post("2019-01-01", title="0x" + "F" * 5000))
    write(news, "2018/stamp.md", post("!!timestamp 2018-02-30"))
    write(news, "2018/thai-date.md", post("18/07/2561"))
    write(news, "2019/old-image.md", post("2019-01-01", extra="image: {src: pmqa/levels.yml, alt: A river}\n"))
    write(news, "2019/untagged.md", post("2019-01-01", extra="tags: []\n"))


@pytest.fixture(scope="module")
def news_mistakes_build(site_builder, tmp_path_factory):
    return build(site_builder, tmp_path_factory, "news-mistakes", add_news_mistakes)[0]


def test_news_mistakes_stop_the_build(news_mistakes_build):
    assert news_mistakes_build.returncode != 0
    assert f"News posts have {len(NEWS_MISTAKES)} problem(s):" in news_mistakes_build.stderr
    assert "Traceback" not in news_mistakes_build.stderr


@pytest.mark.parametrize("line", NEWS_MISTAKES)
def test_each_news_mistake_is_one_line_naming_file_and_field(news_mistakes_build, line):
    assert news_mistakes_build.stderr.splitlines().count(line) == 1, news_mistakes_build.stderr


# -----------------------------------------------------------------------------
# Criteria metadata with mistakes
# -----------------------------------------------------------------------------

CRITERIA_MISTAKES = [
    f"docs/pmqa/category-3.{DEFAULT}.md: pmqa.category: expected 3, the number in the file name category-3.{DEFAULT}.md, got 4",
    f"docs/pmqa/category-4.{DEFAULT}.md: pmqa.category: expected 4, the number in the file name category-4.{DEFAULT}.md, got 3",
    f"docs/pmqa/category-5.{DEFAULT}.md: pmqa.weight: expected a positive number of at most 100, got .inf",
    "docs/pmqa/levels.yml: levels[2].points: expected a number from 0 to 10000, got .inf",
    f"docs/pmqa/category-2.{DEFAULT}.md: encoding: expected UTF-8, got Windows-874 (TIS-620) Thai text: save the file again as UTF-8 (Notepad: Save As, Encoding UTF-8; or iconv -f CP874 -t UTF-8)",
    f"docs/pmqa/category-6.{DEFAULT}.md: x1[0]: expected a value written out, got a YAML alias (*name) of the value on line 2: write it out, aliases are not accepted",
    f"docs/pmqa/{CATEGORY_1_ENGLISH}: pmqa.title: expected text, got an empty text",
    f"docs/pmqa/category-7.{DEFAULT}.md: pmqa.weight: expected a number of at most 30 characters (quote it if it is text), got one of 400 characters",
]


def add_criteria_mistakes(docs):
    pmqa = docs / "pmqa"
    edit(pmqa / f"category-3.{DEFAULT}.md", "  category: 3\n", "  category: 4\n")
    edit(pmqa / f"category-4.{DEFAULT}.md", "  category: 4\n", "  category: 3\n")
    edit(pmqa / f"category-5.{DEFAULT}.md", "  category: 5\n", "  category: 5\n  weight: .inf\n")
    edit(pmqa / "levels.yml", "points: 500", "points: .inf")
    (pmqa / f"category-2.{DEFAULT}.md").write_bytes((pmqa / f"category-2.{DEFAULT}.md").read_text(encoding="utf-8").encode("cp874"))
    edit(pmqa / f"category-6.{DEFAULT}.md", "---\n", "---\n" + BOMB)
    edit(pmqa / f"category-6.{DEFAULT}.md", "  items:\n", "  items: *x8\n  old_items:\n")
    text = (pmqa / CATEGORY_1_ENGLISH).read_text(encoding="utf-8")
    title_line = next(line for line in text.splitlines() if line.startswith("  title: "))
    edit(pmqa / CATEGORY_1_ENGLISH, title_line, "  title: ''")
    edit(pmqa / f"category-7.{DEFAULT}.md", "  category: 7\n", "  category: 7\n  weight: " + "9" * 400 + "\n")


@pytest.fixture(scope="module")
def criteria_mistakes_build(site_builder, tmp_path_factory):
    return build(site_builder, tmp_path_factory, "criteria-mistakes", add_criteria_mistakes)[0]


def test_criteria_mistakes_stop_the_build(criteria_mistakes_build):
    assert criteria_mistakes_build.returncode != 0
    assert f"PMQA criteria metadata has {len(CRITERIA_MISTAKES)} problem(s):" in criteria_mistakes_build.stderr
    assert "Traceback" not in criteria_mistakes_build.stderr


@pytest.mark.parametrize("line", CRITERIA_MISTAKES)
def test_each_criteria_mistake_is_one_line_naming_file_and_field(criteria_mistakes_build, line):
    assert criteria_mistakes_build.stderr.splitlines().count(line) == 1, criteria_mistakes_build.stderr


# -----------------------------------------------------------------------------
# Configuration, pages and files copied as they are, with mistakes
# -----------------------------------------------------------------------------

CP874 = "(Notepad: Save As, Encoding UTF-8; or iconv -f CP874 -t UTF-8)"
CONFIGURATION_MISTAKES = [
    "mkdocs.yml: site_name: expected text without control characters, got U+0001 (\\x01) at character 2",
    "mkdocs.yml: site_description: expected text without control characters, got U+000B (\\x0b) at character 5",
    "mkdocs.yml: copyright: expected text without control characters, got U+0000 (\\x00) at character 1",
    "mkdocs.yml: plugins.i18n.languages[1].site_name: expected text without control characters, got U+FFFE (\\ufffe) at character 7",
    "mkdocs.yml: nav[3]: expected text without control characters, got U+0007 (\\x07) at character 5",
]
OFFICE_MISTAKES = [
    "docs/office.yml: phone: expected text without control characters, got U+0001 (\\x01) at character 2",
]
PAGE_MISTAKES = [
    f"docs/about.{DEFAULT}.md: encoding: expected UTF-8, got Windows-874 (TIS-620) Thai text: save the file again as UTF-8 {CP874}",
    f"docs/news/index.{DEFAULT}.md: encoding: expected UTF-8, got Windows-874 (TIS-620) Thai text: save the file again as UTF-8 {CP874}",
    f"docs/pmqa/snippets/scoring-rules.{DEFAULT}.md: encoding: expected UTF-8, got Windows-874 (TIS-620) Thai text: save the file again as UTF-8 {CP874}",
    f"docs/privacy.{DEFAULT}.md: title: expected the field once, got it twice (lines 2 and 3)",
    f"docs/accessibility.{DEFAULT}.md: x1[0]: expected a value written out, got a YAML alias (*name) of the value on line 2: write it out, aliases are not accepted",
    f"docs/{LANGUAGES.file_name('site-map', OTHER)}: front matter: expected at most 64 KB of YAML, got 5859 KB",
    f'docs/{LANGUAGES.file_name("contact", OTHER)}: page_type: expected none (the Thai file docs/contact.{DEFAULT}.md gives it to every language), got "site-map"',
    "docs/assets/x.html: file: expected Markdown pages and assets, got an HTML file: write the page in Markdown (templates live in overrides/)",
    "docs/assets/images/bad.svg: file: expected an SVG image without scripts, got <script",
    "docs/assets/images/onload.svg: file: expected an SVG image without scripts, got onload=",
]


def add_configuration_and_page_mistakes(docs):
    config = docs.parent / "mkdocs.yml"
    for old, new in [
        ("\nsite_name: สำนักงานสิ่งแวดล้อมภาคที่ 13 (ชลบุรี)\n", '\nsite_name: "ส\\x01"\n'),
        (next(line for line in config.read_text(encoding="utf-8").splitlines(True) if line.startswith("site_description: ")), 'site_description: "Site\\x0b"\n'),
        ("\ncopyright: สำนักงานสิ่งแวดล้อมภาคที่ 13 (ชลบุรี)\n", '\ncopyright: "\\0"\n'),
        ("          site_name: Regional Environment Office 13 (Chonburi)\n", '          site_name: "Region\\uFFFE"\n'),
        ("\n  - PMQA 4.0:\n", '\n  - "PMQA\\a 4.0":\n'),
    ]:
        edit(config, old, new)
    edit(docs / "office.yml", '\nphone: ""\n', '\nphone: "0\\x01 38"\n')
    for relative in (f"about.{DEFAULT}.md", f"news/index.{DEFAULT}.md", f"pmqa/snippets/scoring-rules.{DEFAULT}.md"):
        (docs / relative).write_bytes((docs / relative).read_text(encoding="utf-8").encode("cp874", "replace"))
    edit(docs / f"privacy.{DEFAULT}.md", "---\n", "---\ntitle: Twice\n")
    edit(docs / f"accessibility.{DEFAULT}.md", "---\n", "---\n" + BOMB)
    edit(docs / LANGUAGES.file_name("site-map", OTHER), "---\n", "---\nx: [" + ", ".join(["word"] * 1_000_000) + "]\n")
    edit(docs / LANGUAGES.file_name("contact", OTHER), "---\n", "---\npage_type: site-map\n")
    write(docs, "assets/x.html", "<script>alert(1)</script>\n")
    write(docs, "assets/images/bad.svg", '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>\n')
    write(docs, "assets/images/onload.svg", '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>\n')


@pytest.fixture(scope="module")
def configuration_mistakes_build(site_builder, tmp_path_factory):
    return build(site_builder, tmp_path_factory, "configuration-mistakes", add_configuration_and_page_mistakes)[0]


def test_configuration_and_page_mistakes_stop_the_build_all_at_once(configuration_mistakes_build):
    result = configuration_mistakes_build
    assert result.returncode != 0
    assert f"The configuration has {len(CONFIGURATION_MISTAKES)} problem(s):" in result.stderr
    assert f"The office facts have {len(OFFICE_MISTAKES)} problem(s):" in result.stderr
    assert f"Pages have {len(PAGE_MISTAKES)} problem(s):" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("line", CONFIGURATION_MISTAKES + OFFICE_MISTAKES + PAGE_MISTAKES)
def test_each_configuration_and_page_mistake_is_one_line_naming_file_and_field(configuration_mistakes_build, line):
    assert configuration_mistakes_build.stderr.splitlines().count(line) == 1, configuration_mistakes_build.stderr


# -----------------------------------------------------------------------------
# Scheduled and draft posts, and a post saved with a BOM
# -----------------------------------------------------------------------------

HELD_LINE = f"INFO    -  News: held back 2 post(s), not built: docs/news/2019/drafty.{DEFAULT}.md (draft), docs/news/2026/later.{DEFAULT}.md (scheduled for 2026-12-01)"
HELD_PAGES = [LANGUAGES.path(page, lang) for page in ("news/2026/later/", "news/2019/drafty/") for lang in LANGUAGES.codes]


def add_held_posts(docs):
    news = docs / "news"
    for lang in LANGUAGES.codes:
        write(news, "2026/" + LANGUAGES.file_name("later", lang), post("2026-12-01", title="Scheduled post"))
        write(news, "2019/" + LANGUAGES.file_name("drafty", lang), post("2019-05-01", title="Draft post", extra="draft: true\n"))
    (news / "2026" / "bom.md").write_bytes(("\ufeff" + post("2026-11-02", title="ข่าวที่บันทึกพร้อม BOM")).encode("utf-8"))


@pytest.fixture(scope="module")
def held_site(site_builder, tmp_path_factory):
    return build(site_builder, tmp_path_factory, "held", add_held_posts, build_date="2026-11-30")


@pytest.fixture(scope="module")
def on_the_day_site(site_builder, tmp_path_factory):
    return build(site_builder, tmp_path_factory, "on-the-day", add_held_posts, build_date="2026-12-01")


def everything_listing_posts(site: BuiltSite) -> str:
    """The text of every place a post could be listed: listings, feeds, search, sitemap."""
    roots = [site.root / LANGUAGES.prefix(lang) for lang in LANGUAGES.codes]
    files = [site.root / "sitemap.xml"] + [root / path for root in roots for path in ("news/rss.xml", "news/atom.xml")]
    files += [path for root in roots for path in (root / "search").glob("pages-*.json")]
    files += [path for path in site.html_files if "/news/" in path.as_posix() or path.parent in roots]
    return "\n".join(path.read_text(encoding="utf-8") for path in files)


def test_held_back_posts_keep_the_strict_build_passing_and_are_named_in_one_line(held_site):
    result, _ = held_site
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines().count(HELD_LINE) == 1, result.stderr


def test_held_back_posts_are_not_built_in_any_language(held_site):
    _, site = held_site
    assert [page for page in HELD_PAGES if site.file_for(page)] == []


def test_held_back_posts_are_not_listed_anywhere(held_site):
    _, site = held_site
    text = everything_listing_posts(site)
    assert "later" not in text and "drafty" not in text and "Scheduled post" not in text and "Draft post" not in text
    assert "news/2026/bom/" in text  # the listings are there, with the published post


def test_a_scheduled_post_is_published_by_a_build_on_its_date(on_the_day_site):
    result, site = on_the_day_site
    assert result.returncode == 0, result.stderr
    assert all(site.file_for(LANGUAGES.path("news/2026/later/", lang)) for lang in LANGUAGES.codes)
    assert "news/2026/later/" in (site.root / "sitemap.xml").read_text(encoding="utf-8")
    assert "Scheduled post" in (site.root / LANGUAGES.path("news/rss.xml", OTHER)).read_text(encoding="utf-8")
    assert not site.file_for("news/2019/drafty/")
    assert f"INFO    -  News: held back 1 post(s), not built: docs/news/2019/drafty.{DEFAULT}.md (draft)" in result.stderr.splitlines()


def test_a_post_saved_with_a_utf8_bom_builds_without_a_trace_of_it(held_site):
    _, site = held_site
    html = site.file_for("news/2026/bom/").read_text(encoding="utf-8")
    assert "\ufeff" not in html and "&#65279;" not in html and "&#xfeff;" not in html.lower()
    soup = site.soup("news/2026/bom/")
    assert " ".join(soup.h1.get_text().split()) == "ข่าวที่บันทึกพร้อม BOM"
    assert "title:" not in soup.select_one(".site-news-post").get_text()
    titles = [title for path in (site.root / "search").glob("pages-*.json") for _, title, _, _ in json.loads(path.read_text(encoding="utf-8"))]
    assert not any(title.startswith("\ufeff") for title in titles)


def served_policy(site_root, work_dir) -> str:
    server = NginxServer(site_root, work_dir)
    try:
        with urllib.request.urlopen(server.url) as response:
            return response.headers["Content-Security-Policy"]
    finally:
        server.stop()


def test_adding_posts_leaves_the_nginx_policy_header_as_it_was(held_site, site, tmp_path):
    # The deploy step copies .nginx/content-security-policy.conf with the site: adding a post
    # must leave it unchanged, served or not.
    _, with_posts = held_site
    header = ".nginx/content-security-policy.conf"
    assert (with_posts.root / header).read_text(encoding="utf-8") == (site.root / header).read_text(encoding="utf-8")
    assert served_policy(with_posts.root, tmp_path / "with-posts") == served_policy(site.root, tmp_path / "site")
