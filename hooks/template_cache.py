"""MkDocs hooks: Templates compiled once, not once per language, rebuild and build; the
partials that are the same on every page of a language rendered once per language run.

The logic is in `officesite.template_cache`; these handlers adapt it to MkDocs' events.
"""

from pathlib import Path

from mkdocs.plugins import event_priority
from officesite.template_cache import render_partials_once, share_compiled_templates

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


# After the other hooks' on_env (the default priority is 0): the partials rendered once are
# compiled here, with the filters they add (thai_breaks) and the autoescaping escaping.py sets.
@event_priority(-50)
def on_env(env, config, files):
    share_compiled_templates(env, Path(config.config_file_path).parent)
    render_partials_once(env)
    return env
