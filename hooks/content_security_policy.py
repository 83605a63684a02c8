"""MkDocs hooks: Content-Security-Policy that allows the templates' inline scripts, and nothing content brings.

The logic is in `officesite.security.csp`; these handlers adapt it to MkDocs' events.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from officesite.build import every_language_built, site_build
from officesite.metadata.shown import page_source
from officesite.security.csp import (
    HEADER_FILE,
    body_script_problem,
    checked_with_policy,
    nginx_header,
    policy_text,
    remember_template_scripts,
    storage_scope,
)

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


# Material's head script keys storage by `extra.scope` (officesite.material lists it).
def on_config(config):
    config.extra["scope"] = storage_scope(config.site_url)


# Each language's run: its templates' scripts are rendered again (and must be the same).
def on_env(env, config, files):
    site_build(config).policy.start_language(env)
    return env


# Every inline script the theme writes comes from its templates; content cannot add one.
def on_page_content(html, page, config, files):
    problem = body_script_problem(html)
    if problem:
        raise PluginError(f"{page_source(page, config)}: body: {problem}")
    return html


# After every other hook has added to the context (the default priority is 0): the
# templates' scripts are rendered with the context the page gets.
@event_priority(-100)
def on_page_context(context, page, config, nav):
    remember_template_scripts(site_build(config).policy, context)
    return context


# Likewise for templates that are not pages (404.html, sitemap.xml).
@event_priority(-100)
def on_template_context(context, template_name, config):
    remember_template_scripts(site_build(config).policy, context)
    return context


# After every other hook has shaped the page (hooks/theme_patches.py's markup fixes included,
# at the default priority 0): the page is checked as it is written.
@event_priority(-100)
def on_post_page(output, page, config):
    return checked_with_policy(output, f"{page_source(page, config)} (/{page.url})", site_build(config).policy.hashes)


# Likewise for templates that are not pages, once rendered.
@event_priority(-100)
def on_post_template(output_content, template_name, config):
    if not template_name.endswith(".html"):
        return output_content
    return checked_with_policy(output_content, f"template {template_name}", site_build(config).policy.hashes)


# After static-i18n (-100) has built every language, once every run has added its hashes.
@event_priority(-300)
def on_post_build(config):
    if not every_language_built(config):
        return
    header = Path(config.site_dir) / HEADER_FILE
    header.parent.mkdir(parents=True, exist_ok=True)
    header.write_text(nginx_header(policy_text(site_build(config).policy.hashes)), encoding="utf-8")
