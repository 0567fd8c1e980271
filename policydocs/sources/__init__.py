"""The import pipeline: a received text (``sources/``) read, cleaned of web-page furniture,
given an outline and footnotes, and written as the Markdown pages of ``docs/``; with the
fidelity measure and the scaffold for pages started by hand."""
