"""The web editor for this site's build: its configuration from the build's checked content
and mkdocs.yml's `extra.cms`, and what its page shows."""

from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from officesite.cms.config import decap_config
from officesite.material import MAIN_STYLESHEET
from officesite.metadata.cache import yaml_file
from officesite.metadata.shown import shown_path
from officesite.office import OFFICE_FILE, file_comments
from officesite.schema import LABELS_FILE

LOCAL_VARIABLE = "CMS_LOCAL_BACKEND"  # set for a local trial (scripts/cms.sh, the tests): decap-server on 127.0.0.1
LOCAL_TRIAL = "1"  # its value for a trial that publishes at once (decap-server MODE=fs)
LOCAL_WORKFLOW = "workflow"  # its value for a trial of the editorial workflow (decap-server MODE=git)
KNOWN_API = {"github": "https://api.github.com"}  # a backend's API origin when it gives no api_root


def schema_labels() -> dict:
    return yaml_file(LABELS_FILE, LABELS_FILE.name).data


# The production backend of mkdocs.yml (extra.cms.backend: name, repo, branch, api_root…)
# and the origins the admin page's CSP lets it call.
def cms_backend(extra) -> tuple[dict, list[str]]:
    backend = (extra.get("cms") or {}).get("backend") if isinstance(extra.get("cms"), dict) else None
    if not isinstance(backend, dict) or not isinstance(backend.get("name"), str):
        raise PluginError("mkdocs.yml: extra.cms.backend: expected a mapping with name (github, gitea…) and repo, got none")
    api_root = backend.get("api_root")
    if isinstance(api_root, str) and api_root:
        parts = urlsplit(api_root)
        return backend, [f"{parts.scheme}://{parts.netloc}"]
    return backend, [KNOWN_API[backend["name"]]] if backend["name"] in KNOWN_API else []


# The trial a build is for, from the environment: (local backend, editorial workflow).
def local_trial(environ) -> tuple[bool, bool]:
    trial = environ.get(LOCAL_VARIABLE)
    return trial in (LOCAL_TRIAL, LOCAL_WORKFLOW), trial == LOCAL_WORKFLOW


# What the office file says above each fact (read by the build already: it is there).
def office_comments(docs_dir, display_root=None) -> dict:
    path = Path(docs_dir) / OFFICE_FILE
    return file_comments(path, shown_path(path, display_root))


def site_cms_config(config, build, local: bool, workflow: bool = False) -> tuple[dict, list[str]]:
    backend, origins = cms_backend(config.extra)
    comments = office_comments(config.docs_dir)
    data = decap_config(build.languages, schema_labels(), build.strings, build.news.news.categories, backend, local, levels=build.criteria.levels, office_comments=comments, workflow=workflow)
    return data, origins


# What the admin page shows, and the preview's stylesheets (Material's, then the site's own).
def admin_page(config, build) -> dict:
    languages, site_dir = build.languages, config.site_dir
    material = sorted(p.relative_to(site_dir).as_posix() for p in Path(site_dir).glob(MAIN_STYLESHEET))
    styles = material + [css for css in (str(e) for e in config.extra_css) if not css.endswith(("display-settings.css", "search.css"))]
    return {
        "lang": languages.default,
        "title": build.strings[languages.default]["cms_title"],
        "missing": build.strings[languages.default]["cms_missing"],
        "favicon": languages.root_path(config.theme["favicon"]),
        "preview_styles": [languages.root_path(css) for css in styles],
        "preview_locales": {lang: languages.intl_locale(lang) for lang in languages.codes},
    }
