"""News photos: from a phone's camera file to small, private, responsive pictures. Plain
Python and Pillow, no MkDocs.

- settings.py  what is published: widths, formats and their encoder settings, limits
- source.py    reading a source photo and refusing bad ones, one line per problem
- pixels.py    upright, sRGB, no transparency, resized, cropped for Open Graph
- encode.py    a picture as AVIF, WebP or JPEG bytes with no metadata at all
- cache.py     the cache under .cache/photos/: entries by content and settings
- job.py       one photo from its source to its cache entry (what a worker runs)
- photo.py     a processed photo: its variants in the cache
- batch.py     many photos at once: cached ones read, new ones made in parallel
- publish.py   the published files' URLs, and their links into site/
- markup.py    what a <picture> needs (overrides/partials/picture.html prints it)
"""
