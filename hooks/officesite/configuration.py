"""The texts mkdocs.yml gives the site, checked with the schema (SITE_TEXTS) when a build
starts: templates and feeds print them; and the titles its navigation gives, which every
page's navigation and the site map print. The office facts are not here but in docs/office.yml
(officesite.office): a block of them left in mkdocs.yml stops the build, saying so."""

from pathlib import Path

from officesite.languages import I18N_PLUGIN
from officesite.metadata.fields import Context, Text
from officesite.metadata.problems import Problems
from officesite.office import MISPLACED_AT, misplaced_office_problem
from officesite.schema import SITE_TEXTS


# Add every problem of the configuration's texts and its languages' own texts.
def check_configuration(config, languages, problems: Problems) -> None:
    where, context = Path(config.config_file_path).name, Context(languages)
    names = [f.name for f in SITE_TEXTS.fields]
    problems.check(SITE_TEXTS.root, {name: config.get(name) for name in names}, where, context)
    for index, language in enumerate(config.plugins[I18N_PLUGIN].config.languages):
        texts = {name: language.get(name) for name in names}
        problems.check(SITE_TEXTS.root, texts, where, context, at=f"plugins.{I18N_PLUGIN}.languages[{index}]")
    for at, title in nav_titles(config.nav):
        problems.check(Text(), title, where, context, at=at)
    misplaced = misplaced_office_problem(config.extra)
    if misplaced:
        problems.add(where, MISPLACED_AT, misplaced)


# The titles the navigation gives (sections, and pages it names itself), each with its place:
# ("nav[3]", "PMQA 4.0"). A title is a mapping's key in mkdocs.yml's `nav`.
def nav_titles(nav, at: str = "nav"):
    for index, entry in enumerate(nav if isinstance(nav, list) else []):
        if isinstance(entry, dict):
            for title, children in entry.items():
                yield f"{at}[{index}]", title
                yield from nav_titles(children, f"{at}[{index}]")
