"""MkDocs hooks: Templates compiled once per process, not once per language and rebuild.

The logic is in `officesite.template_cache`; these handlers adapt it to MkDocs' events.
"""

from officesite.template_cache import share_compiled_templates

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_env(env, config, files):
    share_compiled_templates(env)
    return env
