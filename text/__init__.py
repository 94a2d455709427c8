"""User-facing text, gathered per page, and the one number formatter (`text.numbers`)."""
