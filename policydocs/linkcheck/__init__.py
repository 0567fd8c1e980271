"""External link checking: collect URLs from the pages, check them politely and
concurrently, cache the answers, report them (kept apart, as Sphinx linkcheck and lychee do).
"""
