"""security.txt (RFC 9116) at /.well-known/security.txt, from the contact the office sets.

`security_contact` in docs/office.yml (officesite.office): an e-mail address, or a mailto: or
https:// URL, where people report security problems with the site. Empty (as shipped): no file,
because nothing about the office is invented. It does not fall back to `email`: a
security.txt commits the office to read and answer reports at that address, which only the
office can decide. The file expires a little under a year after the build (RFC 9116 asks
for less than a year): a site left unrebuilt stops vouching for a contact nobody may read.
"""

import re
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from officesite.metadata.shown import kind_of, shown_value

SECURITY_TXT = ".well-known/security.txt"
LIFETIME = timedelta(days=364)
# Printable ASCII an address may hold (RFC 5322 atoms, dotted host name).
EMAIL = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
# The characters of a URI (RFC 3986): no space, no control character, no quote or bracket.
URI_CHARACTERS = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")
CONTACT_EXPECTED = "an e-mail address, a mailto: URL or an https:// URL on one line"


# What is wrong with a configured contact, or None when it is usable or unset.
def contact_problem(value) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        return f"expected text, got {kind_of(value)}"
    if contact_uri(value) is None:
        return f"expected {CONTACT_EXPECTED}, got {shown_value(value)}"
    return None


# The Contact URI of a configured contact (an address becomes mailto:), or None if it is not one.
def contact_uri(value) -> str | None:
    if not isinstance(value, str) or not URI_CHARACTERS.fullmatch(value.strip()):
        return None
    value = value.strip()
    if EMAIL.fullmatch(value):
        return f"mailto:{value}"
    if value.startswith("mailto:") and EMAIL.fullmatch(value[len("mailto:") :]):
        return value
    try:
        host = urlsplit(value).hostname if value.startswith("https://") else None
    except ValueError:  # e.g. an unclosed [IPv6 address
        host = None
    return value if host else None


# The text of security.txt: Contact, Expires, Preferred-Languages, and Canonical on an https site.
def security_txt(contact: str, languages, site_url: str, now: datetime) -> str:
    expires = (now.astimezone(timezone.utc) + LIFETIME).replace(microsecond=0)
    lines = [
        f"Contact: {contact}",
        f"Expires: {expires.strftime('%Y-%m-%dT%H:%M:%SZ')}",
        f"Preferred-Languages: {', '.join(languages)}",
    ]
    if (site_url or "").startswith("https://"):  # RFC 9116: web URIs in the file are https
        lines.append(f"Canonical: {urljoin(site_url, SECURITY_TXT)}")
    return "\n".join(lines) + "\n"


# Write security.txt under the site root, or remove one left by an earlier build (MkDocs
# never cleans dot folders of the site) when there is none to write.
def write_security_txt(site_dir: Path, text: str | None) -> None:
    path = Path(site_dir) / SECURITY_TXT
    if text is None:
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")

