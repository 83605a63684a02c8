"""ADVERSARIAL SUITE (marker `adversarial`): markup in every content field stays text.

One copy of the project carries the payloads of tests/adversarial_project.py in every field
of every kind (news, criteria, levels, office facts, page front matter, configuration); it
is built once, then each field is checked on its own wherever it lands: HTML text and
attributes, URLs, embedded JSON (JSON-LD, the calculator's data), the feeds, the search
indexes, and in Chromium. A field passes when its value reads back exactly as written:
escaped once, never markup, never escaped twice.
Run only this suite with `pytest -m adversarial`.
"""

import copy
import json
import re
import xml.etree.ElementTree as ET
from urllib.parse import unquote

import pytest
from adversarial_project import (
    CATEGORIES,
    COPYRIGHT,
    LANGS,
    LEVEL_NAMES,
    NAV_SECTION,
    NEWS_YEAR,
    OFFICE_EMAILS,
    OFFICE_FACTS,
    OTHER_SITE_NAME,
    PAGES,
    PAYLOADS,
    SECURITY_CONTACT,
    SITE_DESCRIPTION,
    SITE_NAME,
    category_id,
    post_slug,
    write_payloads,
)
from conftest import copy_project
from nginx_server import NginxServer
from officesite.security.security_txt import contact_problem
from officesite.news.pages import LATEST_ON_HOME
from officesite.strings import UI_STRINGS_FILE, load_ui_strings
from site_files import DEFAULT, LANGUAGES, OTHER, BuiltSite

pytestmark = pytest.mark.adversarial

UI = load_ui_strings(UI_STRINGS_FILE, LANGUAGES)
PREFIX = {lang: LANGUAGES.prefix(lang) for lang in LANGS}
SITE_NAMES = {DEFAULT: PAYLOADS[SITE_NAME], OTHER: PAYLOADS[OTHER_SITE_NAME]}
OTHER_PREFIX = PREFIX[OTHER]  # where the English pages are
ATOM = "{http://www.w3.org/2005/Atom}"
# Markup escaped twice shows its entities as text.
DOUBLE_ESCAPED = re.compile(r"&amp;(?:lt|gt|quot|#34|#39|#x27|amp;amp);")


@pytest.fixture(scope="module")
def adversarial(tmp_path_factory, site_builder) -> BuiltSite:
    project = copy_project(tmp_path_factory.mktemp("adversarial") / "project")
    write_payloads(project)
    result = site_builder(project, project.parent / "site")
    assert result.returncode == 0, result.stderr
    return BuiltSite(project.parent / "site")


class Findings(list):
    """Mismatches of one field, one line each: where, expected, got."""

    def equal(self, where, got, expected):
        if got != expected:
            self.append(f"{where}: expected {expected!r}, got {got!r}")


def text(element) -> str:
    """An element's text as a reader sees it, without heading permalinks."""
    if element is None:
        return None
    element = copy.copy(element)  # the parsed page is shared by every test: never edit it
    for link in element.select("a.headerlink"):
        link.extract()
    return " ".join(element.get_text().split())


def meta(soup, attribute, name):
    tag = soup.select_one(f'meta[{attribute}="{name}"]')
    return tag["content"] if tag else None


def json_ld(soup) -> dict:
    raw = soup.select_one('script[type="application/ld+json"]').string
    data = json.loads(raw)
    assert json.loads(json.dumps(data)) == data and "<" not in raw
    return data


def search_docs(site, lang) -> dict:
    """A language's search index: location -> {"title", "text"}, plain text as results show it."""
    files = sorted((site.root / PREFIX[lang] / "search").glob("pages-*.json"))
    records = [record for path in files for record in json.loads(path.read_text(encoding="utf-8"))]
    return {location: {"title": title, "text": text} for location, title, text, _ in records}


def link_to(site, page, soup, selector, target):
    """The element among `selector` whose href leads to the site path `target`."""
    for link in soup.select(selector):
        resolved = site.resolve(page, link.get("href", ""))
        if resolved and resolved[0] == target:
            return link
    return None


def feed_items(site, lang):
    """{post URL: (RSS item, Atom entry)} of a language's feeds."""
    folder = site.root / PREFIX[lang] / "news"
    rss = ET.fromstring((folder / "rss.xml").read_bytes())
    atom = ET.fromstring((folder / "atom.xml").read_bytes())
    items = {item.findtext("link"): item for item in rss.iter("item")}
    entries = {entry.find(f"{ATOM}link").get("href"): entry for entry in atom.iter(f"{ATOM}entry")}
    return {url: (items[url], entries.get(url)) for url in items}, rss, atom


def post_path(lang, key):
    return f"{PREFIX[lang]}news/{NEWS_YEAR}/{post_slug(key)}/"


def cases():
    return [(lang, key) for lang in LANGS for key in PAYLOADS]


# -----------------------------------------------------------------------------
# News
# -----------------------------------------------------------------------------


def test_news_title(adversarial):
    site, found = adversarial, Findings()
    for lang, key in cases():
        payload, path = PAYLOADS[key], post_path(lang, key)
        soup = site.soup(path)
        found.equal(f"{path} h1", text(soup.select_one(".site-news-post h1")), payload)
        found.equal(f"{path} <title>", soup.title.string, f"{payload} - {SITE_NAMES[lang]}")
        for attribute, name in (("property", "og:title"), ("name", "twitter:title")):
            found.equal(f"{path} {name}", meta(soup, attribute, name), payload)
        found.equal(f"{path} JSON-LD headline", json_ld(soup)["headline"], payload)
        listings = [PREFIX[lang] + "news/", f"{PREFIX[lang]}news/archive/{NEWS_YEAR}/", PREFIX[lang] + f"news/category/{category_id(key)}/"]
        for listing in listings:
            found.equal(f"{listing} entry", text(link_to(site, listing, site.soup(listing), ".site-news-entry__title a", path)), payload)
        items, _, _ = feed_items(site, lang)
        rss, atom = items[site.site_url + path]
        found.equal(f"{lang} RSS title", rss.findtext("title"), payload)
        found.equal(f"{lang} Atom title", atom.findtext(f"{ATOM}title"), payload)
        doc = search_docs(site, lang)[path.removeprefix(PREFIX[lang])]
        found.equal(f"{lang} search title of {path}", doc["title"], payload)
    home_titles = {text(a) for lang in LANGS for a in site.soup(PREFIX[lang]).select(".site-card--news .site-card__title")}
    found.equal("home: latest posts", len(home_titles & set(PAYLOADS.values())), min(LATEST_ON_HOME, len(PAYLOADS)))
    assert found == []


def test_news_description(adversarial):
    site, found = adversarial, Findings()
    for lang, key in cases():
        payload, path = PAYLOADS[key], post_path(lang, key)
        soup = site.soup(path)
        for attribute, name in (("name", "description"), ("property", "og:description"), ("name", "twitter:description")):
            found.equal(f"{path} {name}", meta(soup, attribute, name), payload)
        found.equal(f"{path} JSON-LD description", json_ld(soup)["description"], payload)
        listing = PREFIX[lang] + "news/"
        entry = link_to(site, listing, site.soup(listing), ".site-news-entry__title a", path).find_parent("article")
        found.equal(f"{listing} summary", text(entry.select_one(".site-news-entry__summary")), payload)
        items, _, _ = feed_items(site, lang)
        rss, atom = items[site.site_url + path]
        found.equal(f"{lang} RSS description", rss.findtext("description"), payload)
        found.equal(f"{lang} Atom summary", atom.findtext(f"{ATOM}summary"), payload)
    assert found == []


def test_news_tags(adversarial):
    site, found = adversarial, Findings()
    for lang, key in cases():
        payload, path = PAYLOADS[key], post_path(lang, key)
        found.equal(f"{path} tags", text(site.soup(path).select_one(".site-news-post__tags")), f"{UI[lang]['news_tags']}: {payload}")
        shown = f"{UI[lang]['news_tags']}: {payload}"
        searched = search_docs(site, lang)[path.removeprefix(PREFIX[lang])]["text"]
        found.equal(f"{lang} search text of {path} holds its tags", shown if shown in searched else searched, shown)
    assert found == []


def test_news_category_name(adversarial):
    site, found = adversarial, Findings()
    for lang, key in cases():
        payload, path = PAYLOADS[key], post_path(lang, key)
        category_page = PREFIX[lang] + f"news/category/{category_id(key)}/"
        found.equal(f"{path} category", text(link_to(site, path, site.soup(path), ".site-news-post a", category_page)), payload)
        listing = PREFIX[lang] + "news/"
        found.equal(f"{listing} category", text(link_to(site, listing, site.soup(listing), ".site-news-entry__meta a", category_page)), payload)
        archive = PREFIX[lang] + "news/archive/"
        found.equal(f"{archive} category", text(link_to(site, archive, site.soup(archive), ".site-news-archive a", category_page)), payload)
        heading = UI[lang]["news_category_title"].format(category=payload)
        soup = site.soup(category_page)
        found.equal(f"{category_page} <title>", soup.title.string, f"{heading} - {SITE_NAMES[lang]}")
        found.equal(f"{category_page} h1", text(soup.select_one("article h1")), heading)
        items, _, _ = feed_items(site, lang)
        rss, atom = items[site.site_url + path]
        found.equal(f"{lang} RSS category", rss.findtext("category"), payload)
        found.equal(f"{lang} Atom category", atom.find(f"{ATOM}category").get("term"), payload)
    assert found == []


def test_news_photo_alt(adversarial):
    site, found = adversarial, Findings()
    for lang, key in cases():
        payload, path = PAYLOADS[key], post_path(lang, key)
        soup = site.soup(path)
        found.equal(f"{path} img alt", soup.select_one(".site-news-post__cover img")["alt"], payload)
        found.equal(f"{path} og:image:alt", meta(soup, "property", "og:image:alt"), payload)
        found.equal(f"{path} twitter:image:alt", meta(soup, "name", "twitter:image:alt"), payload)
    assert found == []


def test_a_photo_file_named_with_markup_is_published_under_the_posts_name_only(adversarial):
    site, found = adversarial, Findings()
    for lang, key in cases():
        path, folder = post_path(lang, key), f"news/{NEWS_YEAR}/{post_slug(key)}/"
        soup = site.soup(path)
        img = soup.select_one(".site-news-post__cover img")
        urls = [img["src"]] + [candidate.split()[0] for element in soup.select(".site-news-post__cover [srcset]") for candidate in element["srcset"].split(", ")]
        for url in urls:
            found.equal(f"{path} {url}", (site.resolve(path, url)[0].startswith(folder + post_slug(key) + "-"), re.search(r"[^A-Za-z0-9/._-]", url)), (True, None))
        for name, url in (("og:image", meta(soup, "property", "og:image")), ("JSON-LD image", json_ld(soup)["image"][-1])):
            found.equal(f"{path} {name}", (url.startswith(site.site_url + folder), re.search(r"[^A-Za-z0-9/._:-]", url)), (True, None))
    published = [file.name for file in site.root.rglob("*") if file.is_file()]
    found.equal("a payload in a published file's name", [name for name in published if any(PAYLOADS[key] in name for key in PAYLOADS)], [])
    assert found == []


# -----------------------------------------------------------------------------
# Criteria
# -----------------------------------------------------------------------------


def calculator_data(site, lang) -> dict:
    raw = site.soup(PREFIX[lang] + "pmqa/calculator/").select_one("script[data-pmqa-data]").string
    assert "<" not in raw
    return json.loads(raw)


def test_criteria_category_title(adversarial):
    site, found = adversarial, Findings()
    for lang, key in cases():
        payload, number = PAYLOADS[key], CATEGORIES[key]
        heading = UI[lang]["criteria_heading"].format(number=number, title=payload)
        path = PREFIX[lang] + f"pmqa/category-{number}/"
        soup = site.soup(path)
        found.equal(f"{path} h1", text(soup.select_one("article h1")), heading)
        found.equal(f"{path} <title>", soup.title.string, f"{heading} - {SITE_NAMES[lang]}")
        found.equal(f"{path} nav", text(link_to(site, path, soup, ".md-nav--primary a.md-nav__link", path)), heading)
        overview = PREFIX[lang] + "pmqa/"
        found.equal(f"{overview} table", text(link_to(site, overview, site.soup(overview), "article table a", path)), payload)
        calculator = site.soup(PREFIX[lang] + "pmqa/calculator/")
        found.equal(f"{lang} calculator caption", text(calculator.select(".site-calculator-static caption")[number - 1]), heading)
        found.equal(f"{lang} calculator legend", text(calculator.select(".site-calculator__category > legend")[number - 1]), heading)
        category = calculator_data(site, lang)["categories"][number - 1]
        found.equal(f"{lang} calculator data", (category["title"], category["heading"]), (payload, heading))
        found.equal(f"{lang} search title of {path}", search_docs(site, lang)[path.removeprefix(PREFIX[lang])]["title"], heading)
    assert found == []


def test_criteria_item_title(adversarial):
    site, found = adversarial, Findings()
    for lang, key in cases():
        payload, number = PAYLOADS[key], CATEGORIES[key]
        item = f"{number}.1"
        path = PREFIX[lang] + f"pmqa/category-{number}/"
        rows = {text(row.td): text(row.select("td")[1]) for row in site.soup(path).select("article table tr") if row.td}
        found.equal(f"{path} items table", rows.get(item), payload)
        calculator = site.soup(PREFIX[lang] + "pmqa/calculator/")
        static_rows = {text(row.td): text(row.select("td")[1]) for row in calculator.select(".site-calculator-static tr") if row.td}
        found.equal(f"{lang} calculator table", static_rows.get(item), payload)
        legends = [text(legend) for legend in calculator.select(".site-calculator__item > legend")]
        found.equal(f"{lang} calculator legend", f"{item} {payload}" in legends, True)
        found.equal(f"{lang} calculator data", calculator_data(site, lang)["categories"][number - 1]["items"][0]["title"], payload)
    assert found == []


def test_level_names(adversarial):
    site, found = adversarial, Findings()
    for (level, lang), key in LEVEL_NAMES.items():
        payload = PAYLOADS[key]
        data = calculator_data(site, lang)
        found.equal(f"{lang} calculator data {level}", next(x["name"] for x in data["levels"] if x["id"] == level), payload)
        calculator = site.soup(PREFIX[lang] + "pmqa/calculator/")
        labels = {radio["value"]: text(radio.parent) for radio in calculator.select('input[name="item-1.1"]')}
        found.equal(f"{lang} calculator choice {level}", labels[level], payload)
        if level == "none":
            found.equal(f"{lang} calculator level", text(calculator.select_one('[data-pmqa="level"]')), payload)
            found.equal(f"{lang} calculator category level", text(calculator.select_one('[data-pmqa-category-level="1"]')), payload)
            continue
        if level == "basic":
            found.equal(f"{lang} calculator gap", text(calculator.select_one('[data-pmqa-gap="1"]')), f"300.0 ({payload})")
        for page in ("pmqa/", "pmqa/calculator/", "pmqa/category-7/"):
            rows = [text(row.td) for row in site.soup(PREFIX[lang] + page).select("article table tr") if row.td]
            found.equal(f"{PREFIX[lang]}{page} levels table {level}", payload in rows, True)
    assert found == []


# -----------------------------------------------------------------------------
# Pages and configuration
# -----------------------------------------------------------------------------


def test_office_facts(adversarial):
    site, found = adversarial, Findings()
    cases = [(fact, only_lang, PAYLOADS[key]) for (fact, only_lang), key in OFFICE_FACTS.items()]
    cases += [(fact, None, address) for fact, address in OFFICE_EMAILS.items()]
    for fact, only_lang, payload in cases:
        for lang in [only_lang] if only_lang else LANGS:
            path = PREFIX[lang] + "contact/"
            facts = {text(dt): dd for dt, dd in zip(site.soup(path).select(".site-contact dt"), site.soup(path).select(".site-contact dd"))}
            value = facts[UI[lang][f"contact_{fact}"]]
            found.equal(f"{path} {fact}", text(value), payload)
            if value.a:
                scheme = "tel" if fact == "phone" else "mailto"
                found.equal(f"{path} {fact} link", unquote(value.a["href"]), f"{scheme}:{payload.replace(' ', '')}")
                found.equal(f"{path} {fact} link is encoded", re.search(r"[^A-Za-z0-9%:@+._~-]", value.a["href"]), None)
    assert found == []


def test_page_title(adversarial):
    site, found = adversarial, Findings()
    for lang, key in cases():
        payload, path = PAYLOADS[key], PREFIX[lang] + PAGES[key] + "/"
        path = path.replace("/index/", "/")
        soup = site.soup(path)
        found.equal(f"{path} <title>", soup.title.string, f"{payload} - {SITE_NAMES[lang]}")
        for attribute, name in (("property", "og:title"), ("name", "twitter:title")):
            found.equal(f"{path} {name}", meta(soup, attribute, name), payload)
        found.equal(f"{path} nav", text(link_to(site, path, soup, ".md-nav--primary a.md-nav__link", path)), payload)
        site_map = PREFIX[lang] + "site-map/"
        found.equal(f"{site_map} link", text(link_to(site, site_map, site.soup(site_map), ".site-map a", path)), payload)
    footer_links = 0
    for page in site.pages:
        for link in site.soup(page).select("a.md-footer__link"):
            target = site.resolve(page, link["href"])[0]
            key = next((k for k, p in PAGES.items() for lang in LANGS if target == (PREFIX[lang] + p + "/").replace("/index/", "/")), None)
            if key:
                footer_links += 1
                found.equal(f"{page} footer link to {target}", text(link.select_one(".md-ellipsis")), PAYLOADS[key])
    found.equal("footer links to payload pages", footer_links > len(PAGES), True)
    assert found == []


def test_page_description(adversarial):
    site, found = adversarial, Findings()
    for lang, key in cases():
        path = (PREFIX[lang] + PAGES[key] + "/").replace("/index/", "/")
        soup = site.soup(path)
        for attribute, name in (("name", "description"), ("property", "og:description"), ("name", "twitter:description")):
            found.equal(f"{path} {name}", meta(soup, attribute, name), PAYLOADS[key])
    assert found == []


def test_site_name_and_navigation_section(adversarial):
    site, found = adversarial, Findings()
    section = PAYLOADS[NAV_SECTION]
    for lang in LANGS:
        name, about = SITE_NAMES[lang], PREFIX[lang] + "about/"
        soup = site.soup(about)
        found.equal(f"{about} header site name", text(soup.select_one(".site-header-name .site-name--full")), name)
        found.equal(f"{about} logo label", soup.select_one(".md-header__button.md-logo")["aria-label"], name)
        found.equal(f"{about} og:site_name", meta(soup, "property", "og:site_name"), name)
        found.equal(f"{lang} JSON-LD publisher", json_ld(site.soup(post_path(lang, "script")))["publisher"]["name"], name)
        _, rss, atom = feed_items(site, lang)
        found.equal(f"{lang} RSS title", rss.find("channel").findtext("title"), f"{UI[lang]['news_title']} – {name}")
        found.equal(f"{lang} Atom author", atom.find(f"{ATOM}author").findtext(f"{ATOM}name"), name)
    soup = site.soup("about/")
    labels = [text(label) for label in soup.select(".md-nav--primary .md-nav__item--section > label.md-nav__link")]
    found.equal("navigation section", section in labels, True)
    site_map_sections = [text(span) for span in site.soup("site-map/").select(".site-map li > .site-map__section")]
    found.equal("site map section", section in site_map_sections, True)
    assert found == []


def test_site_description(adversarial):
    site, found = adversarial, Findings()
    payload, listing = PAYLOADS[SITE_DESCRIPTION], f"news/archive/{NEWS_YEAR}/"  # a listing page has no description of its own
    soup = site.soup(listing)
    for attribute, name in (("name", "description"), ("property", "og:description"), ("name", "twitter:description")):
        found.equal(f"{listing} {name}", meta(soup, attribute, name), payload)
    _, rss, atom = feed_items(site, DEFAULT)
    found.equal("RSS description", rss.find("channel").findtext("description"), payload)
    assert found == []


def test_copyright(adversarial):
    site, found = adversarial, Findings()
    for path in ("", "about/", f"news/{NEWS_YEAR}/{post_slug('script')}/", "404.html"):
        soup = site.soup(path)
        found.equal(f"/{path} footer", text(soup.select_one(".site-footer__copyright")), PAYLOADS[COPYRIGHT])
    assert found == []


def test_security_contact_is_published_as_written(adversarial):
    text_file = (adversarial.root / ".well-known" / "security.txt").read_text(encoding="utf-8")
    assert f"Contact: {SECURITY_CONTACT}\n" in text_file
    assert not any(SECURITY_CONTACT in path.read_text(encoding="utf-8") for path in adversarial.html_files)


@pytest.mark.parametrize("key", PAYLOADS)
def test_security_contact_refuses_every_payload_in_one_line(key):
    for value in (PAYLOADS[key], f"mailto:a@example.org{PAYLOADS[key]}"):
        problem = contact_problem(value)
        assert problem and problem.startswith("expected an e-mail address") and "\n" not in problem, value


# -----------------------------------------------------------------------------
# Everywhere
# -----------------------------------------------------------------------------


def test_no_page_holds_injected_markup_or_double_escaping(adversarial):
    problems = []
    for path in adversarial.html_files:
        raw = path.read_text(encoding="utf-8")
        soup = adversarial.soup(adversarial.url_of(path))
        where = adversarial.url_of(path) or "/"
        problems += [f"{where}: element with {name}" for tag in soup.find_all(True) for name in tag.attrs if name.startswith("on")]
        problems += [f"{where}: injected <img src=x>" for _ in soup.select('img[src="x"]')]
        scripts = [s for s in soup.find_all("script") if "json" not in s.get("type", "") and "alert(1)" in (s.string or "")]
        problems += [f"{where}: injected script" for _ in scripts]
        problems += [f"{where}: escaped twice: {match.group()}" for match in DOUBLE_ESCAPED.finditer(raw)]
    assert problems == []


def test_search_indexes_hold_text_not_markup(adversarial):
    # Plain text, as a result shows it: a payload as written, never a tag of the page's markup
    # and never an escaped character (the results put text into the page as text).
    problems = []
    for lang in LANGS:
        for location, doc in search_docs(adversarial, lang).items():
            for field, value in doc.items():
                rest = value
                for payload in PAYLOADS.values():
                    rest = rest.replace(payload, "")
                if "<" in rest or ">" in rest or re.search(r"&(lt|gt|quot|#\d+|#x[0-9a-f]+);", rest, re.I) or DOUBLE_ESCAPED.search(value):
                    problems.append(f"{lang} {location} {field}: {value!r}")
    assert problems == []


def test_content_does_not_change_the_security_policy(adversarial, site):
    header = (adversarial.root / ".nginx" / "content-security-policy.conf").read_text(encoding="utf-8")
    assert header == (site.root / ".nginx" / "content-security-policy.conf").read_text(encoding="utf-8")


# -----------------------------------------------------------------------------
# In Chromium, served by nginx with the production configuration
# -----------------------------------------------------------------------------

WATCH = """
addEventListener('securitypolicyviolation', e => (window.__cspViolations = window.__cspViolations || []).push(`${e.violatedDirective} ${e.blockedURI}`));
"""
INJECTED = """
() => [...document.querySelectorAll('*')].filter(el =>
  [...el.attributes].some(a => a.name.startsWith('on')) ||
  (el.tagName === 'IMG' && el.getAttribute('src') === 'x') ||
  (el.tagName === 'SCRIPT' && !/json/.test(el.type) && el.textContent.includes('alert(1)'))
).map(el => el.outerHTML.slice(0, 120))
"""
PAGE_TYPES = {
    "home": ["", OTHER_PREFIX],
    "post": [post_path(DEFAULT, key) for key in PAYLOADS] + [post_path(OTHER, "script")],
    "news listings": ["news/", OTHER_PREFIX + "news/", f"news/archive/{NEWS_YEAR}/", "news/archive/", OTHER_PREFIX + "news/archive/"]
    + [f"news/category/{category_id(key)}/" for key in PAYLOADS],
    "criteria": ["pmqa/", OTHER_PREFIX + "pmqa/", OTHER_PREFIX + "pmqa/category-1/"] + [f"pmqa/category-{n}/" for n in CATEGORIES.values()],
    "contact and other pages": ["contact/", OTHER_PREFIX + "contact/", "about/", OTHER_PREFIX + "site-map/", "accessibility/", "privacy/"],
    "404": ["no/such/page/", OTHER_PREFIX + "no/such/page/"],
}


@pytest.fixture(scope="module")
def adversarial_server(adversarial, tmp_path_factory):
    server = NginxServer(adversarial.root, tmp_path_factory.mktemp("adversarial-nginx"))
    yield server
    server.stop()


@pytest.fixture
def watched(browser):
    """A browser context whose pages record dialogs, script errors, console errors and CSP violations."""
    context = browser.new_context()
    context.add_init_script(WATCH)
    page = context.new_page()
    page.problems = []
    page.on("dialog", lambda dialog: (page.problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.on("pageerror", lambda error: page.problems.append(f"script error: {error}"))
    page.on("console", lambda message: message.type == "error" and not _document_miss(page, message) and page.problems.append(f"console: {message.text}"))
    yield page
    context.close()


# The 404 status of a missed page, which Chromium logs as an error: what the 404 test asks for.
def _document_miss(page, message) -> bool:
    return message.location.get("url") == page.url and "status of 404" in message.text


def browser_problems(page) -> list[str]:
    found = page.problems + [f"CSP {v}" for v in page.evaluate("window.__cspViolations || []")]
    return found + [f"injected: {html}" for html in page.evaluate(INJECTED)]


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_in_chromium_payloads_run_nothing(watched, adversarial_server, page_type):
    problems = []
    for path in PAGE_TYPES[page_type]:
        watched.problems.clear()
        watched.goto(adversarial_server.url + path, wait_until="load")
        problems += [f"{path}: {problem}" for problem in browser_problems(watched)]
    assert problems == []


def test_in_chromium_the_calculator_shows_names_as_text(watched, adversarial_server):
    watched.goto(adversarial_server.url + "pmqa/calculator/", wait_until="networkidle")
    watched.check('input[name="item-1.1"][value="basic"]')
    # the calculator has scored the answer: category 1's score and level name are rendered together
    watched.wait_for_selector('[data-pmqa="category-1"]:not([data-value="0"])', state="attached")
    level = watched.locator('[data-pmqa-category-level="1"]').text_content().strip()
    assert level in (PAYLOADS[LEVEL_NAMES[("none", DEFAULT)]], PAYLOADS[LEVEL_NAMES[("basic", DEFAULT)]])
    assert browser_problems(watched) == []


@pytest.mark.parametrize("query, key", [("µg", "pm25"), ("onerror", "attribute"), ("alert(1)</script>", "script"), ("<ประกาศ>", "thai")])
def test_in_chromium_search_results_show_titles_as_text(watched, adversarial_server, query, key):
    watched.goto(adversarial_server.url, wait_until="networkidle")
    watched.keyboard.press("/")
    watched.keyboard.type(query, delay=20)
    watched.wait_for_selector(f".md-search-result__list[data-query={json.dumps(query, ensure_ascii=False)}]", state="attached")
    titles = [t.strip() for t in watched.locator(".md-search-result__item h1").all_text_contents()]
    assert PAYLOADS[key] in titles
    assert browser_problems(watched) == []
