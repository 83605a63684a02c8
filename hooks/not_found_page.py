"""MkDocs hooks: One 404 page per language, each carrying both languages' text.

The logic is in `officesite.not_found`; these handlers adapt it to MkDocs' events.
"""

from pathlib import Path
from urllib.parse import urlsplit

from officesite.languages import site_languages
from officesite.not_found import keep_language_404, language_homes

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_template_context(context, template_name, config):
    if template_name == "404.html":
        base_path = urlsplit(config.site_url or "/").path
        context["not_found_homes"] = language_homes(site_languages(config), base_path)
    return context


def on_post_build(config):
    lang = config.theme["language"]
    root_page = Path(config.site_dir) / "404.html"
    if lang == site_languages(config)[0]:
        _built_pages["default"] = root_page.read_bytes()
    else:
        keep_language_404(root_page, Path(config.site_dir) / lang / "404.html", _built_pages["default"])


_built_pages: dict[str, bytes] = {}
