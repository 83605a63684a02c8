"""MkDocs hooks: What frames every page: the office's name in the header, its emblem, the
footer; and the home page's ways in.

The logic is in `officesite.chrome`; these handlers adapt it to MkDocs' events.
"""

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from officesite.build import run_language, site_build
from officesite.chrome import chrome_config_problems, chrome_context, missing_link_problems

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config):
    problems = chrome_config_problems(config.extra)
    if problems:
        raise PluginError("\n".join(f"mkdocs.yml: {problem}" for problem in problems))


# After static-i18n (-100) has made the navigation of the language being built.
@event_priority(-150)
def on_nav(nav, config, files):
    problems = missing_link_problems(config.extra, nav.pages, site_build(config).languages)
    if problems:
        raise PluginError("\n".join(f"mkdocs.yml: {problem}" for problem in problems))


def on_page_context(context, page, config, nav):
    return _with_chrome(context, nav, config)


def on_template_context(context, template_name, config):
    return _with_chrome(context, context.get("nav"), config) if context.get("nav") else context


# Made at the run's first page or template, once every page has its title (set as MkDocs
# reads the pages, before any is rendered).
def _with_chrome(context, nav, config):
    build, lang = site_build(config), run_language(config)
    if lang not in build.chrome:
        build.chrome[lang] = chrome_context(config.extra, build.office, nav.pages, lang, build.languages, build.strings[lang])
    context.update(build.chrome[lang])
    return context
