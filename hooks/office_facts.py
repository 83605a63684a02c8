"""MkDocs hooks: Office facts from the `extra.office` block of mkdocs.yml, which the office fills in.

The logic is in `officesite.office`; these handlers adapt it to MkDocs' events. The contact
page's facts are its page type's context (officesite.page_types).
"""

from mkdocs.exceptions import PluginError
from officesite.build import site_build
from officesite.office import office_config_problems

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config):
    problems = office_config_problems(config.extra.get("office", {}), site_build(config).languages.codes)
    if problems:
        raise PluginError("\n".join(f"mkdocs.yml: extra.office.{problem}" for problem in problems))
