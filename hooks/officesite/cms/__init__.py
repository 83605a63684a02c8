"""The web editor under /admin/ (Decap CMS): its configuration, generated from the content
schema (config.py), and the admin folder the build writes into the site (admin.py)."""
