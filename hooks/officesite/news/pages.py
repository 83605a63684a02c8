"""Office news: validated posts, listing pages, post pages and feeds, in every language.

Material's blog plugin loses posts under static-i18n, so news is built here:
- officesite.build reads and validates every post once per build (`site_news`), holds
  back drafts and posts dated after the build date, and lists the listing pages (news pages
  2.., year archives, categories) of every language, in memory (`SiteNews.listings`);
- hooks/news.py removes the held-back posts' files, in every language, so nothing of them is
  built (page, listings, feeds, search, sitemap), and adds the listing pages as files of docs/
  before static-i18n pairs the languages, so they get language alternates and sitemap entries
  like any page (File.generated would crash static-i18n); their content is empty and their
  title and data come from `SiteNews.listings`: nothing is written into docs/;
- the page types (officesite.page_types) give templates what they render (overrides/news-*.html);
- hooks/news.py writes the RSS and Atom feeds of each language.
"""

from dataclasses import dataclass
from pathlib import Path

from officesite.dates import format_display_date, format_display_year
from officesite.metadata.cache import FILES
from officesite.news.feeds import ATOM_FILE, RSS_FILE
from officesite.news.photos import CARD_SIZES, COVER_SIZES, GALLERY_SIZES, HOME_CARD_SIZES, enclosure, json_ld_images, open_graph_image, photo_view
from officesite.news.posts import (
    NEWS_FOLDER,
    PAGE_SIZE,
    PAGED_KINDS,
    News,
    build_date,
    listing_page_count,
    listing_pages,
    listing_path,
    listing_posts,
    load_news,
    news_inputs,
    page_numbers,
)

LATEST_ON_HOME = 6  # two rows of three cards on a wide screen


@dataclass(frozen=True)
class Listing:
    """A listing page the news adds: one page of a listing, in its file's language."""

    kind: str  # "index", "year" or "category"
    key: object  # the year or the category id; None for the index
    number: int  # the page of the listing, from 1
    title: str


@dataclass(frozen=True)
class SiteNews:
    news: News
    posts_by_page: dict  # (language, site path) -> Post
    listings: dict  # file under docs/ -> Listing: the listing pages to add, every language


# The news of the site under docs/, validated (NewsError listing every problem when it is
# not), as a build on the build date publishes it; reused while its files are unchanged.
def site_news(docs_dir: Path, languages, strings, display_root: Path) -> SiteNews:
    news_dir = Path(docs_dir) / NEWS_FOLDER
    today = build_date()
    inputs = (languages, today, strings, str(display_root), news_inputs(news_dir))

    def read() -> SiteNews:
        news = load_news(news_dir, languages, display_root=display_root, today=today)
        return SiteNews(news, posts_by_page(news), listings(news, languages, strings))

    return FILES.result("news", inputs, read)


# The one line a build prints about the posts it held back.
def held_back_line(held) -> str:
    return f"News: held back {len(held)} post(s), not built: " + ", ".join(f"{post.source} ({post.reason})" for post in held)


# The listing pages of every language the news adds, by their file under docs/.
def listings(news, languages, strings) -> dict[str, Listing]:
    pages = {}
    for lang in languages.built:
        for kind, key, number, path in listing_pages(news, lang):
            if kind == "index" and number == 1:
                continue  # docs/news/index.<code>.md is a page of its own, with its own text
            title = listing_title(news, strings[lang], lang, kind, key, number)
            pages[languages.src_uri(path.rstrip("/"), lang)] = Listing(kind, key, number, title)
    return pages


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
def post_of(news: SiteNews, languages, src_uri: str, lang):
    found = languages.of_src(src_uri)
    return news.posts_by_page.get((lang, found[1] + "/")) if found else None


# What a template shows of a post: its cover (if any) at `cover_sizes`, a card's by default.
def post_entry(news, post, lang, languages, photos, cover_sizes: str = CARD_SIZES) -> dict:
    cover = photos.cover_of(post)
    category = None
    if post.category:
        category = {"name": news.categories[post.category][lang], "url": languages.path(listing_path("category", post.category), lang)}
    return {
        "title": post.title,
        "lang": post.lang,
        "date": post.date,
        "iso_date": post.date.isoformat(),
        "display_date": format_display_date(post.date, lang),
        "description": post.description,
        "url": languages.path(post.path, lang),
        "category": category,
        "tags": list(post.tags),
        "cover": cover and photo_view(cover, lang, cover_sizes),
    }


# One page of a listing: its entries and the links to its other pages.
def listing_context(news, lang, languages, photos, kind, key, number) -> dict:
    posts = listing_posts(news, lang, kind, key)
    total = listing_page_count(kind, len(posts))
    page_posts = posts[(number - 1) * PAGE_SIZE : number * PAGE_SIZE] if kind in PAGED_KINDS else posts
    link = lambda n: languages.path(listing_path(kind, key, n), lang)  # noqa: E731
    return {
        "entries": [post_entry(news, p, lang, languages, photos) for p in page_posts],
        "page": number,
        "pages": total,
        "numbers": [{"number": n, "url": link(n)} if n else None for n in page_numbers(number, total)],
        "previous_url": link(number - 1) if number > 1 else None,
        "next_url": link(number + 1) if number < total else None,
    }


# The archive: each year with its post count, and each category used.
def archive_context(news, lang, languages) -> dict:
    posts = news.posts[lang]
    return {
        "years": [
            {"label": format_display_year(year, lang), "url": languages.path(listing_path("year", year), lang), "count": sum(p.date.year == year for p in posts)}
            for year in news.years(lang)
        ],
        "categories": [
            {"name": news.categories[c][lang], "url": languages.path(listing_path("category", c), lang), "count": sum(p.category == c for p in posts)}
            for c in news.used_categories(lang)
        ],
    }


# The address of a language's news folder: where its feeds are, and what they link to.
def news_home_url(languages, lang) -> str:
    return languages.absolute(languages.path(f"{NEWS_FOLDER}/", lang))


# The feeds of a language, for <link rel="alternate"> in every page's head.
def feed_links(languages, lang, ui) -> list[dict]:
    base = news_home_url(languages, lang)
    return [
        {"type": "application/rss+xml", "title": ui["news_feed_rss"], "href": base + RSS_FILE},
        {"type": "application/atom+xml", "title": ui["news_feed_atom"], "href": base + ATOM_FILE},
    ]


# The feed entries of a language: (post, absolute URL, category name, cover enclosure or
# None), newest first.
def feed_entries(news, languages, lang, photos) -> list[tuple]:
    entries = []
    for post in news.posts[lang]:
        cover = photos.cover_of(post)
        entries.append((post, languages.absolute(languages.path(post.path, lang)), category_name(news, post, lang), cover and enclosure(cover, languages)))
    return entries


# schema.org NewsArticle data of a post page; `images`: its cover's absolute addresses.
def news_article_json_ld(entry, languages, site_name, images=()) -> dict:
    url = languages.absolute(entry["url"])
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
    if images:
        data["image"] = list(images)
    return data


def category_name(news, post, lang):
    return news.categories[post.category][lang] if post.category else None


# -----------------------------------------------------------------------------
# What each news page type gives its template (officesite.page_types)
# -----------------------------------------------------------------------------


# The home page: the latest posts and the link to all news.
def home_context(build, page, lang, config) -> dict:
    news, languages = build.news.news, build.languages
    return {
        "news_latest": [post_entry(news, p, lang, languages, build.photos, HOME_CARD_SIZES) for p in news.posts[lang][:LATEST_ON_HOME]],
        "news_index_url": languages.path(listing_path("index", None), lang),
    }


# The first page of the news index (docs/news/index.<code>.md).
def news_index_context(build, page, lang, config) -> dict:
    return {"news_listing": listing_context(build.news.news, lang, build.languages, build.photos, "index", None, 1)}


# A listing page the news added: its page of its listing.
def news_listing_context(build, page, lang, config) -> dict:
    listing = build.news.listings[page.file.src_uri]
    return {"news_listing": listing_context(build.news.news, lang, build.languages, build.photos, listing.kind, listing.key, listing.number)}


# The archive page (docs/news/archive.<code>.md).
def news_archive_context(build, page, lang, config) -> dict:
    return {"news_archive": archive_context(build.news.news, lang, build.languages)}


# A post's page: the post with its cover and gallery, its link preview picture and its
# NewsArticle data.
def news_post_context(build, page, lang, config) -> dict:
    languages = build.languages
    post = post_of(build.news, languages, page.file.src_uri, page.file.locale)
    entry = post_entry(build.news.news, post, lang, languages, build.photos, COVER_SIZES)
    photos, cover = build.photos.of(post), build.photos.cover_of(post)
    entry["gallery"] = [photo_view(photo, lang, GALLERY_SIZES) for photo in photos.gallery] if photos else []
    return {
        "news_post": entry,
        "news_post_preview_image": cover and open_graph_image(cover, languages, lang),
        "news_post_json_ld": news_article_json_ld(entry, languages, config.site_name, json_ld_images(cover, languages) if cover else ()),
        "news_index_url": languages.path(listing_path("index", None), lang),
    }
