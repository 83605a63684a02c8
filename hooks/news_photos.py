"""MkDocs hooks: News photos: originals kept out of the site, the published posts' photos linked into it.

The logic is in `officesite.news.photos`; these handlers adapt it to MkDocs' events. The
photos are checked and processed once per build, when it starts (officesite.build).
"""

from pathlib import Path

from mkdocs.plugins import event_priority
from officesite.build import every_language_built, site_build
from officesite.news.photos import is_original
from officesite.photos.publish import publish

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


# Before static-i18n (-100) makes each language's files: no original is copied, in any language.
@event_priority(100)
def on_files(files, config):
    for file in [file for file in files if is_original(file.src_uri)]:
        files.remove(file)
    return files


# Once every language is built (static-i18n, -100): every language's pages show the same files.
@event_priority(-200)
def on_post_build(config):
    if every_language_built(config):
        for photo in site_build(config).photos.published:
            publish(photo, Path(config.site_dir))
