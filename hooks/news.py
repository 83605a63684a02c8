"""MkDocs hooks: Office news: validated posts, listing pages, post pages and feeds, in both languages.

The logic is in `officesite.news.pages`; these handlers adapt it to MkDocs' events.
"""

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from officesite.languages import site_languages
from officesite.news.feeds import ATOM_FILE, RSS_FILE, atom_feed, rss_feed
from officesite.news.pages import (
    LATEST_ON_HOME,
    archive_context,
    category_name,
    feed_links,
    held_back_line,
    language_prefix,
    listing_context,
    listing_stubs,
    news_article_json_ld,
    post_entry,
    post_of,
    posts_by_page,
    root_url,
)
from officesite.news.posts import (
    NEWS_FOLDER,
    NewsError,
    build_date,
    listing_path,
    load_news,
    news_signature,
)
from officesite.strings import UI_STRINGS_FILE, load_ui_strings

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
    if post_of(_state["posts_by_page"], page.file.src_uri, page.file.locale) is not None:
        page.meta["template"] = "news-post.html"
    return markdown


def on_page_context(context, page, config, nav):
    news, lang = _state["news"], config.theme["language"]
    prefix = language_prefix(config, lang)
    context["news_feeds"] = feed_links(config.site_url, prefix, _state["strings"][lang])
    if "news_listing" in page.meta:
        listing = page.meta["news_listing"]
        context["news_listing"] = listing_context(news, lang, prefix, listing["kind"], listing.get("key"), listing.get("page", 1))
    if page.meta.get("news_archive"):
        context["news_archive"] = archive_context(news, lang, prefix)
    if page.meta.get("news_latest"):
        context["news_latest"] = [post_entry(news, p, lang, prefix) for p in news.posts[lang][:LATEST_ON_HOME]]
        context["news_index_url"] = prefix + listing_path("index", None)
    post = post_of(_state["posts_by_page"], page.file.src_uri, page.file.locale)
    if post is not None:
        entry = post_entry(news, post, lang, prefix)
        context["news_post"] = entry
        context["news_post_json_ld"] = news_article_json_ld(entry, config.site_url, config.site_name)
    return context


def on_post_build(config):
    news, lang = _state["news"], config.theme["language"]
    prefix = language_prefix(config, lang)
    strings = _state["strings"][lang]
    site_url = root_url(config)
    home_url = site_url + prefix + f"{NEWS_FOLDER}/"
    entries = [(p, site_url + prefix + p.path, category_name(news, p, lang)) for p in news.posts[lang]]
    feed_dir = Path(config.site_dir) / prefix / NEWS_FOLDER
    feed_dir.mkdir(parents=True, exist_ok=True)
    title, description = f"{strings['news_title']} – {config.site_name}", config.site_description or ""
    (feed_dir / RSS_FILE).write_bytes(rss_feed(title, description, home_url, home_url + RSS_FILE, lang, entries))
    (feed_dir / ATOM_FILE).write_bytes(atom_feed(title, description, home_url, home_url + ATOM_FILE, lang, entries, config.site_name))


_state: dict = {}
