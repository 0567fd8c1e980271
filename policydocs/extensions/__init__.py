"""Python-Markdown extensions the site's pages are rendered with (named in mkdocs.yml)."""
