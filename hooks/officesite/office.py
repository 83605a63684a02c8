"""Office facts from the `extra.office` block of mkdocs.yml, which the office fills in.

Nothing about the office is invented: a fact left empty is simply not rendered. The facts are
declared (and checked when a build starts) in officesite/schema.py: OFFICE; here is how the
contact page shows them.
"""

from urllib.parse import quote

from officesite.metadata.fields import PerLanguage
from officesite.schema import OFFICE

# The link a fact makes on the contact page.
LINK_SCHEMES = {"phone": "tel", "email": "mailto", "accessibility_email": "mailto"}
# Facts other parts of the site publish, not the contact page: security.txt
# (officesite/security/security_txt.py) and the frame of every page (officesite.chrome).
NOT_SHOWN = {"security_contact", "short_name", "parent", "parent_url", "emblem"}


# The contact page's template variables (officesite.page_types).
def contact_context(build, page, lang, config) -> dict:
    return {"office_facts": office_facts(config.extra.get("office", {}), lang)}


# The facts that are set, in the given language, ready to render: key, text and link.
def office_facts(office, lang) -> list[dict]:
    facts = []
    for fact in OFFICE.fields:
        if fact.name in NOT_SHOWN:
            continue
        value = office.get(fact.name) or ""
        text = (value.get(lang) or "") if isinstance(fact.type, PerLanguage) and isinstance(value, dict) else value
        text = text.strip()
        if text:
            scheme = LINK_SCHEMES.get(fact.name)
            href = f"{scheme}:{quote(text.replace(' ', ''), safe='@+')}" if scheme else None
            facts.append({"key": fact.name, "text": text, "href": href})
    return facts
