"""MkDocs hooks: Pinned fixes to Material's built scripts and markup, where no theme option does the job.

The logic is in `officesite.material`; these handlers adapt it to MkDocs' events.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError
from officesite.material import SCRIPT_PATCHES, apply_patch, fix_markup

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_post_page(output, page, config):
    return fix_markup(output)


def on_post_template(output_content, template_name, config):
    return fix_markup(output_content) if template_name.endswith(".html") else output_content


def on_post_build(config):
    for patch in SCRIPT_PATCHES:
        targets = sorted(Path(config.site_dir).glob(patch.files))
        if len(targets) != 1:
            raise PluginError(f"theme_patches: {patch.name}: expected one file {patch.files}, found {len(targets)}")
        apply_patch(targets[0], patch)
