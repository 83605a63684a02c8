"""MkDocs hooks: Heading anchors that keep Thai text intact, and their ¶ links titled in the
language of the page's text.

The logic is in `officesite.slugs`; these handlers adapt it to MkDocs' events.
"""

from officesite.build import site_build
from officesite.slugs import slugify_heading

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config):
    config.mdx_configs.setdefault("toc", {})["slugify"] = slugify_heading
    return config


# MkDocs makes each page's Markdown converter from mdx_configs when it renders the page.
def on_page_markdown(markdown, page, config, files):
    config.mdx_configs["toc"]["permalink_title"] = site_build(config).strings[page.file.locale]["permalink_title"]
    return markdown
