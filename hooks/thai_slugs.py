"""MkDocs hooks: Heading anchors that keep Thai text intact.

The logic is in `officesite.slugs`; these handlers adapt it to MkDocs' events.
"""

from officesite.slugs import slugify_heading

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config):
    config.mdx_configs.setdefault("toc", {})["slugify"] = slugify_heading
    return config
