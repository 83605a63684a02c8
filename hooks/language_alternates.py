"""MkDocs hooks: Links between a page and its versions in the other languages.

The logic is in `officesite.alternates`; these handlers adapt it to MkDocs' events.
"""

from officesite.alternates import OPEN_GRAPH_LOCALES, hreflang_links, language_links

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_page_context(context, page, config, nav):
    i18n = config.plugins["i18n"].config
    languages = [(lang.locale, lang.name) for lang in i18n.languages if lang.build]
    default_lang = next(lang.locale for lang in i18n.languages if lang.default)
    page_lang = config.theme["language"]
    # static-i18n names the default home page "./"; the site root is "" everywhere else.
    versions = {lang: file.url.removeprefix("./") for lang, file in page.file.alternates.items()}
    context["language_links"] = language_links(page.url, versions, languages, page_lang)
    context["hreflang_links"] = hreflang_links(versions, languages, default_lang, config.site_url)
    context["open_graph_locale"] = OPEN_GRAPH_LOCALES.get(page_lang, page_lang)
    context["content_lang"] = page.file.locale
    context["is_fallback"] = page.file.locale != page_lang
    return context
