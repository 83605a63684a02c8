"""MkDocs hooks: The build's shared state: languages, checked content and each concern's state, made once per build.

The logic is in `officesite.build`; these handlers adapt it to MkDocs' events.
"""

from mkdocs.plugins import event_priority
from officesite.build import start_build, starts_build

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


# Before every other hook's on_config, which read the build it starts. static-i18n's runs of
# the other languages keep it: they are the same build.
@event_priority(100)
def on_config(config):
    if starts_build(config):
        start_build(config)
