"""Core logic of the bilingual reading site, importable and testable without MkDocs.

The MkDocs hooks in ``hooks/`` and the commands in ``scripts/`` are thin adapters over it.
"""
