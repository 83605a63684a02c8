"""MkDocs hooks: security.txt (RFC 9116) at /.well-known/security.txt, from the contact the office sets.

The logic is in `officesite.security.security_txt`; these handlers adapt it to MkDocs' events.
"""

from datetime import datetime, timezone
from pathlib import Path

from mkdocs.exceptions import PluginError
from officesite.languages import site_languages
from officesite.security.security_txt import (
    FIELD,
    configured_contact,
    contact_problem,
    contact_uri,
    security_txt,
    write_security_txt,
)

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config):
    problem = contact_problem(configured_contact(config))
    if problem:
        raise PluginError(f"mkdocs.yml: {FIELD}: {problem}")


def on_post_build(config):
    if config.plugins["i18n"].building:  # static-i18n's build of another language, in its folder
        return
    contact = contact_uri(configured_contact(config))
    text = security_txt(contact, site_languages(config), config.site_url, datetime.now(timezone.utc)) if contact else None
    write_security_txt(Path(config.site_dir), text)
