"""MkDocs hooks: the web editor under /admin/ (Decap CMS), its configuration generated from the content schema.

The logic is in `officesite.cms`; these handlers adapt it to MkDocs' events.
"""

import logging
import os
from pathlib import Path

from mkdocs.plugins import event_priority
from officesite.build import every_language_built, site_build
from officesite.cms.admin import ADMIN_FOLDER, write_admin
from officesite.cms.site import admin_page, local_trial, site_cms_config

log = logging.getLogger("mkdocs.hooks.cms_admin")

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


# After static-i18n (-100) has built every language: written once, for the whole site.
@event_priority(-200)
def on_post_build(config):
    if not every_language_built(config):
        return
    build = site_build(config)
    local, workflow = local_trial(os.environ)
    project = Path(config.config_file_path).parent
    config_data, origins = site_cms_config(config, build, local, workflow)
    admin_path = build.languages.root_path(f"{ADMIN_FOLDER}/")
    installed = write_admin(Path(config.site_dir), project, config_data, admin_page(config, build), origins, local, admin_path)
    if not installed:
        log.info("Web editor: Decap CMS is not installed (node_modules/decap-cms): /admin/ says so; run scripts/setup.sh")
