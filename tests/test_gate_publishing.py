"""The GitHub Pages workflow (it cannot run here): valid YAML of the right shape, whose build
step uses this repository's own files and commands."""

import re

import yaml

from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


def workflow():
    # PyYAML reads the key `on` as True (YAML 1.1); GitHub reads it as "on".
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    data["on"] = data.pop(True)
    return data


def test_workflow_is_valid_yaml_with_a_build_and_a_deploy_job():
    data = workflow()
    assert set(data) >= {"name", "on", "permissions", "jobs"}
    assert "push" in data["on"] and data["permissions"]["pages"] == "write" and data["permissions"]["id-token"] == "write"
    assert data["jobs"]["deploy"]["needs"] == "build"
    for job in data["jobs"].values():
        assert job["runs-on"] and job["steps"]
        for step in job["steps"]:
            assert ("uses" in step) != ("run" in step)
            if "uses" in step:
                assert re.fullmatch(r"[\w-]+/[\w-]+@v\d+", step["uses"]), step["uses"]


def test_build_job_installs_the_pinned_requirements_and_builds_strictly():
    steps = workflow()["jobs"]["build"]["steps"]
    runs = " ".join(step.get("run", "") for step in steps)
    assert "pip install -r requirements.txt" in runs and (ROOT / "requirements.txt").exists()
    assert "mkdocs build --strict" in runs
    build = next(step for step in steps if "mkdocs build" in step.get("run", ""))
    assert "SITE_URL" in build["env"]
    upload = next(step for step in steps if step.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "site"
