"""MkDocs hooks: security.txt (RFC 9116) at /.well-known/security.txt, from the contact the office sets.

The logic is in `officesite.security.security_txt`; these handlers adapt it to MkDocs' events.
The contact is read and checked with the other office facts when the build starts (officesite.office).
"""

from datetime import datetime, timezone
from pathlib import Path

from mkdocs.plugins import event_priority
from officesite.build import every_language_built, site_build
from officesite.security.security_txt import (
    contact_uri,
    security_txt,
    write_security_txt,
)

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


# After static-i18n (-100) has built every language: written once, for the whole site.
@event_priority(-200)
def on_post_build(config):
    if not every_language_built(config):
        return
    build = site_build(config)
    contact = contact_uri(build.office.get("security_contact"))
    languages = build.languages
    text = security_txt(contact, languages.codes, languages.site_url, datetime.now(timezone.utc)) if contact else None
    write_security_txt(Path(config.site_dir), text)
