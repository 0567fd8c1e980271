"""Site search: the Pagefind index built with the site, and the evaluation of its results."""
