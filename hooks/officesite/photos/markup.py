"""What a <picture> needs, from a published photo: overrides/partials/picture.html prints it.

A <source> per format but the fallback, best first, each with its srcset candidates; the
<img> with the fallback JPEG: its candidates, a src at DEFAULT_WIDTH and that file's width
and height, which give the browser the photo's proportions before it loads (no layout
shift). URLs stay paths from the site's root: the partial passes each through MkDocs' `url`
filter, which makes it relative to the page that shows it, so srcset strings are joined
there (srcset() joins them the same way for Python callers that know their URLs).
"""

from officesite.photos.publish import PublishedFile, PublishedPhoto
from officesite.photos.settings import DEFAULT_WIDTH, FALLBACK


# The data of overrides/partials/picture.html for a photo shown at `sizes` (a sizes attribute,
# e.g. "(min-width: 76.25em) 40rem, 100vw": how wide the layout shows it).
def picture_data(photo: PublishedPhoto, sizes: str) -> dict:
    if not sizes.strip():
        raise ValueError("expected a sizes attribute, e.g. 100vw, got an empty text")
    fallback, default = photo.sources[FALLBACK.mime_type], fallback_file(photo)
    return {
        "sources": [{"type": mime_type, "candidates": candidates(files)} for mime_type, files in photo.sources.items() if mime_type != FALLBACK.mime_type],
        "img": {"src": default.url, "width": default.width, "height": default.height, "candidates": candidates(fallback)},
        "sizes": sizes,
    }


# The <img>'s own file: the fallback format at the published width nearest DEFAULT_WIDTH.
def fallback_file(photo: PublishedPhoto) -> PublishedFile:
    return min(photo.sources[FALLBACK.mime_type], key=lambda file: (abs(file.width - DEFAULT_WIDTH), file.width))


def candidates(files: tuple[PublishedFile, ...]) -> list[dict]:
    return [{"url": file.url, "width": file.width} for file in files]


# A srcset attribute's value: "url 480w, url 800w", each URL through `url`.
def srcset(candidates: list[dict], url=lambda path: path) -> str:
    return ", ".join(f"{url(candidate['url'])} {candidate['width']}w" for candidate in candidates)
