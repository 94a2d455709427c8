"""Text shared by every page: site name, navigation, 404, placeholders."""

import sys

from text.i18n import translatable

SITE_TITLE = "Migration & Development Indicators"
SITE_TAGLINE = "Remittances, diaspora and labour flows for Moldova, Bangladesh, Jamaica and Mali"
SKIP_TO_CONTENT = "Skip to content"
NAV_LABEL = "Main"
LANGUAGE_LABEL = "Language"
CURRENT_PAGE = " (current page)"

NAV_COMPARE = "Comparison"
NAV_COUNTRIES = "Country profiles"
NAV_DIASPORA = "Diaspora"
NAV_LABOUR = "Labour flows"
NAV_DATA = "Data & sources"
NAV_PRESENT = "Presentation"

# Browser-tab titles, one per page; the site title follows each ("Compare countries · ...").
PAGE_TITLES = {
    "compare": "Compare countries",
    "country-index": "Country profiles",
    "profile": "{country}: migration profile",
    "brief": "{country}: briefing note",
    "diaspora": "Compare diasporas",
    "labour": "Labour flows",
    "data": "Data & sources",
    "present": "Presentation",
    "deck": "Build a deck",
    "embed": "Chart",
    "not-found": "Page not found",
}
PAGE_TITLE = "{page} · {site}"

PILOT_NAMES = {"MDA": "Moldova", "BGD": "Bangladesh", "JAM": "Jamaica", "MLI": "Mali"}

NOT_FOUND_TITLE = "Page not found"
NOT_FOUND_BODY = "There is no page at {path}. It may have moved, or the link may be mistyped."
NOT_FOUND_BACK = "Go to the comparison view"

COMING_SOON_TITLE = "{page}"
COMING_SOON_BODY = "This page is being built. Meanwhile, the comparison view has every indicator."
COMING_SOON_LINK = "Open the comparison view"

FOOTER = (
    "Data: World Bank WDI, UN DESA International Migrant Stock 2024, UNHCR, "
    "World Bank Remittance Prices Worldwide. Every chart names its source and vintage."
)

# The words of every dropdown (Dash's own labels; {num_selected}: how many are chosen).
DROPDOWN_LABELS = {
    "select_all": "Select All",
    "deselect_all": "Deselect All",
    "selected_count": "{num_selected} selected",
    "search": "Search",
    "clear_search": "Clear search",
    "clear_selection": "Clear selection",
    "no_options_found": "No options found",
}

# How old a table or series is; the snapshot's build writes the English (pipeline/build.py).
AGE_NOTE = "{period} — latest {publisher} data in this dashboard"

DATA_UNAVAILABLE = "The data could not be loaded. Please try again later."

# Where region and income group come from: countries.classification_release names the release.
CLASSIFICATION_RELEASES = {
    "wdi-": "World Bank classification as in the WDI file of {date}",
    "wb-countries-": "World Bank classification downloaded on {date}",
}
CLASSIFICATION_UNKNOWN = "World Bank classification (release not recorded)"


def classification_source(release: str | None) -> str:
    """'World Bank classification as in the WDI file of 2023-05-10' for a release name."""
    this = sys.modules[__name__]  # the messages in the request's language
    for prefix, template in this.CLASSIFICATION_RELEASES.items():
        if release and release.startswith(prefix):
            return template.format(date=release[len(prefix):])
    return this.CLASSIFICATION_UNKNOWN


translatable(__name__)
