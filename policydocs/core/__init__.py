"""What every stage shares: errors with file:line, the characters no text may hold, plain
text, YAML data files, the two languages, page URLs, Markdown escaping, atomic writes."""
