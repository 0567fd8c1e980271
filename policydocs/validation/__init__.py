"""The checks on pages: front matter, footnotes, URLs and links between languages
(``checks``), and the content policy on each page's HTML (``htmlpolicy``)."""
