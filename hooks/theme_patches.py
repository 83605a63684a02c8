"""MkDocs hooks: Material's internals, patched where no theme option or block does the job.

The logic and the one list of patches are in `officesite.material`; these handlers adapt it
to MkDocs' events.
"""

from pathlib import Path

from mkdocs.plugins import event_priority
from officesite.material import (
    REQUIREMENTS,
    cache_partials,
    check_material,
    fixed_markup,
    material_edit,
    patch_scripts,
)

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config):
    check_material(Path(config.config_file_path).parent / REQUIREMENTS)
    return config


# After template_cache.py (-50): the navigation rendered once per folder is compiled with the
# process's compiled templates.
@event_priority(-60)
def on_env(env, config, files):
    env.filters["material_edit"] = material_edit
    cache_partials(env)
    return env


def on_post_page(output, page, config):
    return fixed_markup(output, page.file.dest_uri)


def on_post_template(output_content, template_name, config):
    return fixed_markup(output_content, template_name) if template_name.endswith(".html") else output_content


def on_post_build(config):
    patch_scripts(Path(config.site_dir))
