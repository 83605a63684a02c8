"""Stop Material's script from fetching sitemap.xml next to every `<link rel="alternate">`.

Material (9.8.2) looks up a sitemap beside each alternate link of a page, to keep readers on
the same page when they use its own language menu. This site renders direct links to each
page's twin instead, and the lookup costs a request per alternate on every page view, most
of them misses (e.g. /en/about/sitemap.xml) that show as console errors. No theme option
turns it off, so the call is removed from the built bundle. The exact text is pinned with
the theme's version: if it is not found, the build stops and asks for this patch to be
re-checked instead of silently shipping the lookup again.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError

ALTERNATE_LOOKUP_CALL = "ui({document$:ct});"
PATCH_MARK = "/* alternate sitemap lookup removed: hooks/theme_script_patch.py */"

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_post_build(config):
    bundles = sorted((Path(config.site_dir) / "assets" / "javascripts").glob("bundle.*.min.js"))
    if len(bundles) != 1:
        raise PluginError(f"theme_script_patch: expected one Material bundle, found {len(bundles)}")
    patch_bundle(bundles[0])


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


# Remove the alternate-sitemap lookup from a Material bundle file, once.
def patch_bundle(bundle: Path) -> None:
    script = bundle.read_text(encoding="utf-8")
    if PATCH_MARK in script:
        return
    if script.count(ALTERNATE_LOOKUP_CALL) != 1:
        raise PluginError(
            f"{bundle.name}: the alternate-sitemap lookup `{ALTERNATE_LOOKUP_CALL}` was not found once; "
            "Material's script changed: re-check hooks/theme_script_patch.py"
        )
    bundle.write_text(script.replace(ALTERNATE_LOOKUP_CALL, PATCH_MARK), encoding="utf-8")
