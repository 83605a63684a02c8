"""One build's shared state: started once per build, read by every hook, reused while its files
are unchanged."""

import pytest
from conftest import ROOT
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from officesite.build import site_build, start_build, starts_build


def project_config(tmp_path):
    return load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))


def test_every_hook_reads_the_build_of_its_configuration(tmp_path):
    config = project_config(tmp_path)
    assert starts_build(config)  # static-i18n is not running another language
    build = start_build(config)
    assert site_build(config) is build
    assert build.languages.codes[0] == build.languages.default and set(build.strings) == set(build.languages.codes)
    with pytest.raises(PluginError, match="no build started for this configuration"):
        site_build(project_config(tmp_path))


def test_a_new_build_reuses_unchanged_criteria_and_news(tmp_path):
    first = start_build(project_config(tmp_path))
    second = start_build(project_config(tmp_path))
    assert second is not first
    assert second.criteria is first.criteria and second.news is first.news
