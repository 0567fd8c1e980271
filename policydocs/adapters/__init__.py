"""The MkDocs side of the site: the only modules that import MkDocs or mkdocs-static-i18n.

The hooks in ``hooks/`` are one screen each and call these; everything else in the package
works on plain data, so moving to another generator means rewriting this folder only.
"""
