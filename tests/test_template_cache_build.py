"""A build keeps its compiled templates in .cache/templates/ (officesite.template_cache): the
next build of the same project compiles none of them and writes the same site."""

import filecmp

from officesite.template_cache import TEMPLATE_CACHE
from site_copy import copy_site


def kept_code(project):
    return {path.name: path.stat().st_mtime_ns for path in (project / TEMPLATE_CACHE).iterdir()}


def differing_files(comparison) -> list[str]:
    return comparison.diff_files + comparison.left_only + comparison.right_only + [name for sub in comparison.subdirs.values() for name in differing_files(sub)]


def test_the_next_build_compiles_no_template_and_writes_the_same_site(tmp_path, site_builder, monkeypatch):
    monkeypatch.setenv("SITE_BUILD_DATE", "2026-12-01")  # the same day for both builds
    project = copy_site(tmp_path / "project")
    first = site_builder(project, tmp_path / "first")
    assert first.returncode == 0, first.stderr
    kept = kept_code(project)
    assert len(kept) > 40  # every template a build renders (Material's and the site's)
    second = site_builder(project, tmp_path / "second")
    assert second.returncode == 0, second.stderr
    assert kept_code(project) == kept  # nothing compiled, so nothing written again
    assert differing_files(filecmp.dircmp(tmp_path / "first", tmp_path / "second")) == []
