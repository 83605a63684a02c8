"""Office news: validated posts, listing pages, post pages and feeds, in both languages.

Material's blog plugin loses posts under static-i18n, so news is built here:
- on_config reads and validates every post once per change (hooks/news_posts.py), and holds
  back drafts and posts dated after the build date;
- on_files removes the held-back posts' files, in every language, so nothing of them is built
  (page, listings, feeds, search, sitemap), and says once what it held back;
- on_files adds the listing pages (news pages 2.., year archives, categories) as files of
  docs/ before static-i18n pairs the languages, so they get language alternates and sitemap
  entries like any page (File.generated would crash static-i18n); on_nav, once static-i18n
  has made its own File objects, gives them their content in memory: nothing is written
  into docs/;
- on_page_context gives templates what they render (overrides/news-*.html);
- on_post_build writes the RSS and Atom feeds of the language just built.
"""

import json
import logging
from pathlib import Path
from urllib.parse import quote

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from dates import format_display_date, format_display_year
from news_feeds import ATOM_FILE, RSS_FILE, atom_feed, rss_feed
from site_languages import site_languages
from news_posts import NEWS_FOLDER, PAGE_SIZE, PAGED_KINDS, NewsError, build_date, listing_pages, listing_page_count, listing_path, listing_posts, load_news, news_signature, page_numbers
from ui_strings import UI_STRINGS_FILE, load_ui_strings

LATEST_ON_HOME = 5
# INFO, not WARNING: `mkdocs build --strict` fails on warnings, and holding a post back is normal.
log = logging.getLogger("mkdocs.hooks.news")

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config):
    languages = site_languages(config)
    news_dir = Path(config.docs_dir) / NEWS_FOLDER
    try:
        today = build_date()
        signature = (languages, today, news_signature(news_dir))
        if _state.get("signature") != signature:
            _state["news"] = load_news(news_dir, languages, display_root=Path(config.config_file_path).parent, today=today)
            _state["signature"] = signature
            _state["strings"] = load_ui_strings(UI_STRINGS_FILE)
            _state["posts_by_page"] = posts_by_page(_state["news"])
    except NewsError as error:
        raise PluginError(f"News posts have {len(error.problems)} problem(s):\n{error}") from None


# Before static-i18n (-100) turns files into per-language versions.
@event_priority(100)
def on_files(files, config):
    for held in _state["news"].held:
        for src_uri in held.src_uris:
            file = files.get_file_from_path(src_uri)
            if file is not None:
                files.remove(file)
    if _state["news"].held and config.theme["language"] == site_languages(config)[0]:  # once per build
        log.info(held_back_line(_state["news"].held))
    _state["stubs"] = listing_stubs(_state["news"], site_languages(config), _state["strings"])
    for src_uri in _state["stubs"]:
        files.append(File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls))
    return files


def on_nav(nav, config, files):
    for file in files.documentation_pages():
        if file.src_uri in _state["stubs"]:
            file.content_string = _state["stubs"][file.src_uri]
    return nav


def on_page_markdown(markdown, page, config, files):
    if post_of(page.file.src_uri, page.file.locale) is not None:
        page.meta["template"] = "news-post.html"
    return markdown


def on_page_context(context, page, config, nav):
    news, lang = _state["news"], config.theme["language"]
    prefix = _prefix(config, lang)
    context["news_feeds"] = feed_links(config.site_url, prefix, _state["strings"][lang])
    if "news_listing" in page.meta:
        listing = page.meta["news_listing"]
        context["news_listing"] = listing_context(news, lang, prefix, listing["kind"], listing.get("key"), listing.get("page", 1))
    if page.meta.get("news_archive"):
        context["news_archive"] = archive_context(news, lang, prefix)
    if page.meta.get("news_latest"):
        context["news_latest"] = [post_entry(news, p, lang, prefix) for p in news.posts[lang][:LATEST_ON_HOME]]
        context["news_index_url"] = prefix + listing_path("index", None)
    post = post_of(page.file.src_uri, page.file.locale)
    if post is not None:
        entry = post_entry(news, post, lang, prefix)
        context["news_post"] = entry
        context["news_post_json_ld"] = news_article_json_ld(entry, config.site_url, config.site_name)
    return context


def on_post_build(config):
    news, lang = _state["news"], config.theme["language"]
    prefix = _prefix(config, lang)
    strings = _state["strings"][lang]
    site_url = _site_url(config)
    home_url = site_url + prefix + f"{NEWS_FOLDER}/"
    entries = [(p, site_url + prefix + p.path, _category_name(news, p, lang)) for p in news.posts[lang]]
    feed_dir = Path(config.site_dir) / prefix / NEWS_FOLDER
    feed_dir.mkdir(parents=True, exist_ok=True)
    title, description = f"{strings['news_title']} – {config.site_name}", config.site_description or ""
    (feed_dir / RSS_FILE).write_bytes(rss_feed(title, description, home_url, home_url + RSS_FILE, lang, entries))
    (feed_dir / ATOM_FILE).write_bytes(atom_feed(title, description, home_url, home_url + ATOM_FILE, lang, entries, config.site_name))


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------

_state: dict = {}


# The one line a build prints about the posts it held back.
def held_back_line(held) -> str:
    return f"News: held back {len(held)} post(s), not built: " + ", ".join(f"{post.source} ({post.reason})" for post in held)


# The listing stub pages of every language: {path under docs/: Markdown with front matter}.
def listing_stubs(news, languages, strings) -> dict[str, str]:
    stubs = {}
    for lang in languages:
        suffix = "" if lang == languages[0] else f".{lang}"
        for kind, key, number, path in listing_pages(news, lang):
            if kind == "index" and number == 1:
                continue  # docs/news/index.md is a page of its own, with its own text
            front_matter = {
                "title": listing_title(news, strings[lang], lang, kind, key, number),
                "template": "news-list.html",
                "news_listing": {"kind": kind, "key": key, "page": number},
                "search": {"exclude": True},
            }
            # JSON is YAML, and much faster to write for hundreds of pages.
            stubs[path.rstrip("/") + suffix + ".md"] = "---\n" + json.dumps(front_matter, ensure_ascii=False) + "\n---\n"
    return stubs


# The title of one listing page, in its language.
def listing_title(news, ui, lang, kind, key, number) -> str:
    if kind == "year":
        title = ui["news_year_title"].format(year=format_display_year(key, lang))
    elif kind == "category":
        title = ui["news_category_title"].format(category=news.categories[key][lang])
    else:
        title = ui["news_title"]
    return title if number == 1 else ui["news_page_title"].format(title=title, page=number)


# Every post by (language, site path), for post_of: one look-up per page, not a scan.
def posts_by_page(news) -> dict:
    return {(lang, post.path): post for lang, posts in news.posts.items() for post in posts}


# The post a page shows, if it is one: news/<year>/<slug>.md in any language.
def post_of(src_uri: str, lang):
    parts = src_uri.split("/")
    if len(parts) != 3 or parts[0] != NEWS_FOLDER or not parts[1].isdigit():
        return None
    return _state["posts_by_page"].get((lang, f"{NEWS_FOLDER}/{parts[1]}/{parts[2].split('.')[0]}/"))


# What a template shows of a post.
def post_entry(news, post, lang, prefix) -> dict:
    category = None
    if post.category:
        category = {"name": news.categories[post.category][lang], "url": prefix + listing_path("category", post.category)}
    return {
        "title": post.title,
        "lang": post.lang,
        "date": post.date,
        "iso_date": post.date.isoformat(),
        "display_date": format_display_date(post.date, lang),
        "description": post.description,
        "url": prefix + post.path,
        "category": category,
        "tags": list(post.tags),
        "image": post.image and {"src": site_path_url(post.image["src"]), "alt": post.image["alt"]},
    }


# One page of a listing: its entries and the links to its other pages.
def listing_context(news, lang, prefix, kind, key, number) -> dict:
    posts = listing_posts(news, lang, kind, key)
    total = listing_page_count(kind, len(posts))
    page_posts = posts[(number - 1) * PAGE_SIZE : number * PAGE_SIZE] if kind in PAGED_KINDS else posts
    link = lambda n: prefix + listing_path(kind, key, n)  # noqa: E731
    return {
        "entries": [post_entry(news, p, lang, prefix) for p in page_posts],
        "page": number,
        "pages": total,
        "numbers": [{"number": n, "url": link(n)} if n else None for n in page_numbers(number, total)],
        "previous_url": link(number - 1) if number > 1 else None,
        "next_url": link(number + 1) if number < total else None,
    }


# The archive: each year with its post count, and each category used.
def archive_context(news, lang, prefix) -> dict:
    posts = news.posts[lang]
    return {
        "years": [
            {"label": format_display_year(year, lang), "url": prefix + listing_path("year", year), "count": sum(p.date.year == year for p in posts)}
            for year in news.years(lang)
        ],
        "categories": [
            {"name": news.categories[c][lang], "url": prefix + listing_path("category", c), "count": sum(p.category == c for p in posts)}
            for c in news.used_categories(lang)
        ],
    }


# The feeds of a language, for <link rel="alternate"> in every page's head.
def feed_links(site_url, prefix, ui) -> list[dict]:
    base = (site_url or "/").rstrip("/") + "/" + prefix + f"{NEWS_FOLDER}/"
    return [
        {"type": "application/rss+xml", "title": ui["news_feed_rss"], "href": base + RSS_FILE},
        {"type": "application/atom+xml", "title": ui["news_feed_atom"], "href": base + ATOM_FILE},
    ]


# schema.org NewsArticle data of a post page.
def news_article_json_ld(entry, site_url, site_name) -> dict:
    url = (site_url or "/").rstrip("/") + "/" + entry["url"]
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": entry["title"],
        "description": entry["description"],
        "datePublished": entry["iso_date"],
        "inLanguage": entry["lang"],
        "url": url,
        "mainEntityOfPage": url,
        "publisher": {"@type": "GovernmentOrganization", "name": site_name},
        "author": {"@type": "GovernmentOrganization", "name": site_name},
    }
    if entry["image"]:
        data["image"] = (site_url or "/").rstrip("/") + "/" + entry["image"]["src"].lstrip("/")
    return data


# A path under docs/ as a URL path relative to the site's root: percent-encoded, so that no
# character of a file's name can end the attribute or make it a link to another site.
def site_path_url(path: str) -> str:
    return quote(path.lstrip("/"), safe="/")


def _category_name(news, post, lang):
    return news.categories[post.category][lang] if post.category else None


def _prefix(config, lang) -> str:
    return "" if lang == site_languages(config)[0] else f"{lang}/"


def _site_url(config) -> str:
    return (config.site_url or "/").rstrip("/") + "/"

