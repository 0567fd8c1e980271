"""The corpus model: the Markdown pages of both languages read once, with their front
matter, units and source lines, and the limits a page must keep to be parsed."""
