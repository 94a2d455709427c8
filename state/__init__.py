"""URL query-string state of each page: parse (with notices for what was dropped) and serialise."""
