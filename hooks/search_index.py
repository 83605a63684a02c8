"""MkDocs hooks: A search index per language, with Thai text split into words.

The logic is in `officesite.search.index`; these handlers adapt it to MkDocs' events.
"""

import json
from pathlib import Path

from mkdocs.plugins import event_priority
from officesite.languages import site_languages
from officesite.search.index import INDEX_PATH, search_base, split_index

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_page_context(context, page, config, nav):
    context["search_base"] = search_base(context["base_url"], config.theme["language"], site_languages(config))
    return context


def on_template_context(context, template_name, config):
    if "base_url" in context:
        context["search_base"] = search_base(context["base_url"], config.theme["language"], site_languages(config))
    return context


# After static-i18n (-100) has built every language and written the merged index.
@event_priority(-200)
def on_post_build(config):
    if config.plugins["i18n"].building:
        return  # a nested build of another language: the merged index is not written yet
    languages = site_languages(config)
    site_dir = Path(config.site_dir)
    merged = json.loads((site_dir / INDEX_PATH).read_text(encoding="utf-8"))
    for lang, index in split_index(merged, languages).items():
        target = site_dir / ("" if lang == languages[0] else lang) / INDEX_PATH
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
