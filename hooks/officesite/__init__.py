"""The website's logic: plain Python that the MkDocs hooks in hooks/ adapt, and that the
scripts and tests import directly. One sub-module or sub-package per concern."""
