"""The layout shows the architecture: hooks/ holds the entry modules mkdocs.yml lists, the
logic is the officesite package, and nothing is loaded twice under two names."""

import ast
import json
import subprocess
import sys

import pytest
from mkdocs.utils.yaml import yaml_load

from conftest import ROOT

HOOKS = ROOT / "hooks"

# Builds the site in this process, then prints every loaded module that comes from hooks/.
BUILD_AND_LIST_MODULES = """
import json, os, sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
hooks = Path(sys.argv[1]).resolve()
build(load_config(sys.argv[2], site_dir=sys.argv[3]))
print(json.dumps({name: str(Path(module.__file__).resolve()) for name, module in list(sys.modules.items())
                  if getattr(module, "__file__", None) and Path(module.__file__).resolve().is_relative_to(hooks)}))
"""


def listed_hooks() -> list[str]:
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as file:
        return yaml_load(file)["hooks"]


def test_hooks_folder_holds_only_the_listed_entry_modules_and_the_package():
    entries = sorted(path.relative_to(ROOT).as_posix() for path in HOOKS.glob("*.py"))
    assert entries == sorted(listed_hooks())
    assert sorted(path.name for path in HOOKS.iterdir() if path.is_dir() and not path.name.endswith((".egg-info", "__pycache__"))) == ["officesite"]


def test_no_entry_module_shadows_a_module_of_python():
    assert sorted(path.stem for path in HOOKS.glob("*.py") if path.stem in sys.stdlib_module_names) == []


def test_only_the_package_is_importable_from_the_install():
    # The editable install maps officesite alone: an entry module cannot be imported by its
    # name and loaded a second time (MkDocs loads it by its path).
    probe = "import importlib.util, json, sys; print(json.dumps([name for name in sys.argv[1:] if importlib.util.find_spec(name)]))"
    names = ["officesite", *(path.stem for path in HOOKS.glob("*.py"))]
    result = subprocess.run([sys.executable, "-c", probe, *names], capture_output=True, text=True, cwd="/", check=True)
    assert json.loads(result.stdout) == ["officesite"]


def test_no_file_imports_an_entry_module():
    entry_names = {path.stem for path in HOOKS.glob("*.py")}
    offenders = []
    for folder in ("hooks", "scripts", "tests"):
        for path in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else [node.module] if isinstance(node, ast.ImportFrom) and node.level == 0 else []
                offenders += [f"{path.relative_to(ROOT)}: {name}" for name in names if name and name.split(".")[0] in entry_names]
    assert offenders == []


@pytest.mark.build
def test_after_a_build_no_project_module_is_loaded_under_two_names(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", BUILD_AND_LIST_MODULES, str(HOOKS), str(ROOT / "mkdocs.yml"), str(tmp_path / "site")],
        capture_output=True, text=True, cwd=ROOT, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    modules = json.loads(result.stdout.strip().splitlines()[-1])
    by_file: dict[str, list[str]] = {}
    for name, file in modules.items():
        by_file.setdefault(file, []).append(name)
    assert {file: names for file, names in by_file.items() if len(names) > 1} == {}
    assert any(name.startswith("officesite.") for name in modules)  # the check saw the package
