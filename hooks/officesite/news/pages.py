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
from urllib.parse import quote

from officesite.dates import format_display_date, format_display_year
from officesite.languages import site_languages
from officesite.news.feeds import ATOM_FILE, RSS_FILE
from officesite.news.posts import (
    NEWS_FOLDER,
    PAGE_SIZE,
    PAGED_KINDS,
    listing_page_count,
    listing_pages,
    listing_path,
    listing_posts,
    page_numbers,
)

LATEST_ON_HOME = 5


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
def post_of(posts_by_page: dict, src_uri: str, lang):
    parts = src_uri.split("/")
    if len(parts) != 3 or parts[0] != NEWS_FOLDER or not parts[1].isdigit():
        return None
    return posts_by_page.get((lang, f"{NEWS_FOLDER}/{parts[1]}/{parts[2].split('.')[0]}/"))


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


def category_name(news, post, lang):
    return news.categories[post.category][lang] if post.category else None


def language_prefix(config, lang) -> str:
    return "" if lang == site_languages(config)[0] else f"{lang}/"


def root_url(config) -> str:
    return (config.site_url or "/").rstrip("/") + "/"

