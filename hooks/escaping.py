"""MkDocs hooks: Content and configuration are text: escaped for HTML wherever a template prints them.

The logic is in `officesite.security.escaping`; these handlers adapt it to MkDocs' events.
"""

from pathlib import Path

from mkdocs.plugins import event_priority
from officesite.build import site_build
from officesite.security.escaping import (
    autoescape_for,
    escape_meta_texts,
    escape_nav_titles,
    escaped_config,
    project_templates,
    title_markup,
)

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


# Each language's run, after static-i18n has set that language's texts in the configuration.
def on_env(env, config, files):
    env.autoescape = autoescape_for(project_templates(Path(config.theme.custom_dir)))
    site_build(config).escaping.config = escaped_config(config)
    return env


# After static-i18n (-100) has rebuilt the navigation of the language being built.
@event_priority(-200)
def on_nav(nav, config, files):
    escape_nav_titles(nav.items)
    return nav


# After every other hook has read the front matter as it was written (the default priority
# is 0; hooks/page_types.py sets a listing page's title there).
@event_priority(-200)
def on_page_markdown(markdown, page, config, files):
    escape_meta_texts(page.meta)
    return markdown


# Once the page is rendered, after every other hook's on_page_content (the default priority
# is 0): its title, whichever source it came from, as Markup.
@event_priority(-200)
def on_page_content(html, page, config, files):
    page.title = title_markup(page.meta.get("title"), page._title_from_render, page.title)
    return html


def on_page_context(context, page, config, nav):
    context["config"] = site_build(config).escaping.config
    return context


def on_template_context(context, template_name, config):
    context["config"] = site_build(config).escaping.config
    return context
