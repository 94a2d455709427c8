"""One reader per raw source folder under data/raw/."""
