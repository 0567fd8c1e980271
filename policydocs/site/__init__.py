"""The site's features, computed from the corpus: parity and parallel reading, pillars,
glossary, translation lock and stale units, exports, 404 pages; ``sitebuild`` holds them
for one build."""
