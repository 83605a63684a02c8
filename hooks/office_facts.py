"""MkDocs hooks: Office facts from the `extra.office` block of mkdocs.yml, which the office fills in.

The logic is in `officesite.office`; these handlers adapt it to MkDocs' events.
"""


from mkdocs.exceptions import PluginError
from officesite.office import office_config_problems, office_facts

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config):
    office = config.extra.get("office", {})
    problems = office_config_problems(office, languages=("th", "en"))
    if problems:
        raise PluginError("\n".join(f"mkdocs.yml: extra.office.{problem}" for problem in problems))


def on_page_context(context, page, config, nav):
    context["office_facts"] = office_facts(config.extra.get("office", {}), config.theme["language"])
    return context
