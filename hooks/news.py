"""MkDocs hooks: Office news: held-back posts left out, listing pages added, feeds written, in every language.

The logic is in `officesite.news.pages`; these handlers adapt it to MkDocs' events. The posts
are read and validated once per build (officesite.build); what each news page renders is its
page type's context (officesite.page_types).
"""

from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from officesite.build import run_language, site_build
from officesite.news.feeds import ATOM_FILE, RSS_FILE, atom_feed, rss_feed
from officesite.news.pages import feed_entries, feed_links, news_home_url
from officesite.news.posts import NEWS_FOLDER

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


# Before static-i18n (-100) turns files into per-language versions: the listing pages are
# paired with their translations like any page.
@event_priority(100)
def on_files(files, config):
    news = site_build(config).news
    for held in news.news.held:
        for src_uri in held.src_uris:
            file = files.get_file_from_path(src_uri)
            if file is not None:
                files.remove(file)
    for src_uri in news.listings:
        files.append(File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls))
    return files


# After static-i18n (-100) has made its own File objects: a listing page has no text of its
# own (its title and entries come from its page type), and no file under docs/ to read.
def on_nav(nav, config, files):
    listings = site_build(config).news.listings
    for file in files.documentation_pages():
        if file.src_uri in listings:
            file.content_string = ""
    return nav


def on_page_context(context, page, config, nav):
    build, lang = site_build(config), run_language(config)
    context["news_feeds"] = feed_links(build.languages, lang, build.strings[lang])
    return context


# Before static-i18n (-100) builds the next language: the language of this run is still set.
def on_post_build(config):
    build, lang = site_build(config), run_language(config)
    news, languages, strings = build.news.news, build.languages, build.strings[lang]
    home_url = news_home_url(languages, lang)
    entries = feed_entries(news, languages, lang, build.photos)
    feed_dir = Path(config.site_dir) / languages.prefix(lang) / NEWS_FOLDER
    feed_dir.mkdir(parents=True, exist_ok=True)
    title, description = f"{strings['news_title']} – {config.site_name}", config.site_description or ""
    (feed_dir / RSS_FILE).write_bytes(rss_feed(title, description, home_url, home_url + RSS_FILE, lang, entries))
    (feed_dir / ATOM_FILE).write_bytes(atom_feed(title, description, home_url, home_url + ATOM_FILE, lang, entries, config.site_name))
