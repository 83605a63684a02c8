"""Office facts from the `extra.office` block of mkdocs.yml, which the office fills in.

Nothing about the office is invented: a fact left empty is simply not rendered. A value of
the wrong shape stops the build with a message naming the field.
"""

from urllib.parse import quote

# Each fact: its key, whether it differs by language, and the kind of link it makes.
OFFICE_FACTS = (
    ("address", True, None),
    ("phone", False, "tel"),
    ("fax", False, None),
    ("email", False, "mailto"),
    ("opening_hours", True, None),
    ("accessibility_email", False, "mailto"),
)
# Facts other hooks use and check further, not shown on the contact page.
OTHER_FACTS = (
    ("security_contact", False),  # hooks/security_txt.py
    # officesite.chrome: the header's short name, the parent organisation and its site, the emblem
    ("short_name", True),
    ("parent", True),
    ("parent_url", False),
    ("emblem", False),
)


# List what is wrong with the office block (empty when it is right).
def office_config_problems(office, languages) -> list[str]:
    if not isinstance(office, dict):
        return [f": expected a mapping, got {type(office).__name__}"]
    known = {key: per_language for key, per_language, _ in OFFICE_FACTS} | dict(OTHER_FACTS)
    problems = [f"{key}: unknown field (known: {', '.join(known)})" for key in office if key not in known]
    for key, per_language in known.items():
        value = office.get(key)
        if value is None:
            continue
        if per_language and isinstance(value, dict):
            problems += [
                f"{key}.{lang}: expected text, got {type(value.get(lang)).__name__}"
                for lang in languages
                if not isinstance(value.get(lang, ""), str)
            ]
        elif not isinstance(value, str):
            shape = 'text per language, e.g. {th: "…", en: "…"}' if per_language else "text"
            problems.append(f"{key}: expected {shape}, got {type(value).__name__}")
    return problems


# The contact page's template variables (officesite.page_types).
def contact_context(build, page, lang, config) -> dict:
    return {"office_facts": office_facts(config.extra.get("office", {}), lang)}


# The facts that are set, in the given language, ready to render: key, text and link.
def office_facts(office, lang) -> list[dict]:
    facts = []
    for key, per_language, scheme in OFFICE_FACTS:
        value = office.get(key) or ""
        text = (value.get(lang) or "") if per_language and isinstance(value, dict) else value
        text = text.strip()
        if text:
            href = f"{scheme}:{quote(text.replace(' ', ''), safe='@+')}" if scheme else None
            facts.append({"key": key, "text": text, "href": href})
    return facts
