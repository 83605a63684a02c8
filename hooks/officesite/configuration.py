"""The texts mkdocs.yml gives the site and the office facts it holds, checked with the schema
(SITE_TEXTS, OFFICE) when a build starts: templates, feeds and security.txt print them."""

from pathlib import Path

from officesite.languages import I18N_PLUGIN
from officesite.metadata.fields import Context
from officesite.metadata.problems import Problems
from officesite.schema import OFFICE, SITE_TEXTS


# Add every problem of the configuration's texts, its languages' own texts and its office facts.
def check_configuration(config, languages, problems: Problems) -> None:
    where, context = Path(config.config_file_path).name, Context(languages)
    names = [f.name for f in SITE_TEXTS.fields]
    problems.check(SITE_TEXTS.root, {name: config.get(name) for name in names}, where, context)
    for index, language in enumerate(config.plugins[I18N_PLUGIN].config.languages):
        texts = {name: language.get(name) for name in names}
        problems.check(SITE_TEXTS.root, texts, where, context, at=f"plugins.{I18N_PLUGIN}.languages[{index}]")
    office = config.extra.get("office")
    if office is not None:
        problems.check(OFFICE.root, office, where, context, at=OFFICE.at)
