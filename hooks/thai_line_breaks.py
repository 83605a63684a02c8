"""MkDocs hooks: Thai line breaking: short texts break between words, never inside one.

The logic is in `officesite.thai_breaks`; these handlers adapt it to MkDocs' events.
"""

from mkdocs.plugins import event_priority
from officesite.thai_breaks import mark_short_texts, thai_breaks

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_env(env, config, files):
    env.filters["thai_breaks"] = thai_breaks
    return env


# Late, once the other hooks have written the page's content.
@event_priority(-50)
def on_page_context(context, page, config, nav):
    page.content = mark_short_texts(page.content)
    return context
