"""MkDocs hooks: Dates as readers of each language expect them.

The logic is in `officesite.dates`; these handlers adapt it to MkDocs' events.
"""

from officesite.build import run_language
from officesite.dates import format_display_date

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_env(env, config, files):
    lang = run_language(config)
    env.filters["display_date"] = lambda date: format_display_date(date, lang)
    return env
