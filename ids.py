"""Every page, chart and component id of the app, declared once and used everywhere by name.

A chart's id is also the DOM id of its graph; the other parts of a chart block (heading,
notes, sources line, the view it shows) take ids derived from it by `block`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class PageId(StrEnum):
    COMPARE = "compare"
    COUNTRY_INDEX = "country-index"
    PROFILE = "profile"
    BRIEF = "brief"  # a profile's two-page briefing note
    DIASPORA = "diaspora"
    LABOUR = "labour"
    DATA = "data"
    PRESENT = "present"
    DECK = "deck"
    EMBED = "embed"
    NOT_FOUND = "not-found"


class ChartId(StrEnum):
    COMPARE_SERIES = "compare-chart"
    COMPARE_MAP = "compare-map"
    PROFILE_FINANCE = "country-finance"
    PROFILE_DESTINATIONS = "country-destinations-bar"
    PROFILE_DESTINATIONS_MAP = "country-destinations-map"
    PROFILE_DESTINATIONS_TREND = "country-destinations-trend"
    PROFILE_SENDERS = "country-senders"
    PROFILE_COSTS = "country-costs"
    DIASPORA_TREND = "diaspora-trend"
    DIASPORA_SANKEY = "diaspora-sankey"
    LABOUR_DESTINATIONS = "labour-destinations"
    LABOUR_ANNUAL = "labour-annual"
    LABOUR_MARKET = "labour-market"
    LABOUR_RATE = "labour-rate"
    SLIDE = "present-graph"  # the presenter's one graph, showing any chart


@dataclass(frozen=True)
class Block:
    """The ids of one chart block: heading, graph, notes under it, sources line, and the store
    holding the link of the view it shows (read by its downloads and "Add to my deck")."""

    chart: str

    @property
    def title(self) -> str:
        return f"{self.chart}-title"

    @property
    def graph(self) -> str:
        return self.chart

    @property
    def notes(self) -> str:
        return f"{self.chart}-notes"

    @property
    def sources(self) -> str:
        return f"{self.chart}-sources"

    @property
    def text(self) -> dict[str, str]:
        """The <details> under the graph: its summary and data table."""
        return {"type": ChartTool.DETAILS, "chart": self.chart}

    @property
    def name(self) -> str:
        return f"{self.chart}-name"

    @property
    def summary(self) -> str:
        return f"{self.chart}-summary"

    @property
    def view(self) -> dict[str, str]:
        return {"type": ChartTool.VIEW, "chart": self.chart}


def block(chart: ChartId | str) -> Block:
    return Block(str(chart))


class Shell(StrEnum):
    URL = "url"
    PAGE = "page"
    ROOT = "app-shell"
    NAV = "nav-list"
    MAIN = "main"
    RENDERED = "page-rendered"  # the path and query the page content was drawn for
    ROUTE = "page-route"  # a path the browser asks the server to draw
    LANG = "page-lang"
    ANNOUNCE = "page-announce"  # a status region naming the page navigation opened
    DECK_STORE = "deck-store"  # the slide deck being built (kept in the browser)


class Compare(StrEnum):
    HISTORY = "compare-history"
    POPSTATE = "compare-popstate"
    SHOWN = "compare-shown"  # the state each hidden panel was last drawn for
    TAB_READY = "compare-tab-ready"  # the tab to draw, once its code is loaded
    CHART_FIGURE = "compare-chart-figure"  # the chart's figure from the server, with its key
    ADJUSTED = "compare-adjusted"  # control values the server changed, for the browser to set
    NOTICES = "compare-notices"
    INDICATOR = "compare-indicator"
    # The official indicator last chosen in the picker (which also lists the user's series).
    INDICATOR_CHOSEN = "compare-indicator-chosen"
    INDICATOR_INFO = "compare-indicator-info"
    COUNTRIES = "compare-countries"
    YEARS = "compare-years"
    TRANSFORM = "compare-transform"
    BASE = "compare-base"
    BASE_BOX = "compare-base-box"
    SCALE = "compare-scale"
    TABS = "compare-tabs"
    MAP_YEAR = "compare-map-year"
    MAP_NOTE = "compare-map-note"
    COVERAGE = "compare-coverage"
    TABLE = "compare-table"
    TABLE_CAPTION = "compare-table-caption"
    SOURCES = "compare-sources"
    CITATION = "compare-citation"


class UserData(StrEnum):
    """"Add your data" (on /compare): the form, the preview and the chart of a user's series."""

    SECTION = "userdata"
    SERIES = "userdata-series"  # the user's series, in the browser's local storage
    PENDING = "userdata-pending"  # the series last checked, not yet added
    UPLOAD = "userdata-upload"
    FILENAME = "userdata-filename"
    PASTE = "userdata-paste"
    NAME = "userdata-name"
    UNIT = "userdata-unit"
    SOURCE = "userdata-source"
    LICENCE = "userdata-licence"
    KIND = "userdata-kind"
    CHECK = "userdata-check"
    PREVIEW = "userdata-preview"
    ADD = "userdata-add"
    STATUS = "userdata-status"
    PICK = "userdata-pick"
    VIEW = "userdata-view"  # the chosen series with the page's indicator and years, if chosen
    CONTEXT = "userdata-context"  # the page's indicator and years (on /compare)
    GROUP = "userdata-group"  # the heading of the user's series in the indicator picker
    REMOVE = "userdata-remove"
    MODE = "userdata-mode"
    TRANSFORM = "userdata-transform"
    CHART = "userdata-chart"
    SOURCE_LINE = "userdata-source-line"
    CSV = "userdata-csv"
    XLSX = "userdata-xlsx"
    DOWNLOAD = "userdata-download"
    DECK_ADD = "userdata-deck-add"
    DECK_STATUS = "userdata-deck-status"


def compare_panel(tab: str) -> str:
    return f"compare-panel-{tab}"


class Profile(StrEnum):
    HISTORY = "country-history"
    POPSTATE = "country-popstate"
    NOTICES = "country-notices"
    SUMMARY = "country-summary"
    CARDS = "country-cards"
    CARDS_SOURCES = "country-cards-sources"
    MEASURE = "country-measure"
    YEAR = "country-year"
    PICKER = "country-picker"
    TITLE = "country-title"
    CLASSIFICATION = "country-classification"


class Printing(StrEnum):
    """Print and take-away: shared by every printable view, the deck and the presenter."""

    BUTTON = "print-button"  # "Print / save as PDF" on a printable view
    FRAME = "print-frame"  # the view's print header and footer (read by assets/js/print.js)
    DECK_PPTX = "deck-download-pptx"  # "Download as PowerPoint" (/deck and /present)
    DECK_PDF = "deck-download-pdf"  # "Download as PDF" (/deck and /present)
    BUILDER_PPTX = "deck-builder-pptx"  # the same two on /deck: they open the presenter
    BUILDER_PDF = "deck-builder-pdf"
    DECK_STATUS = "deck-take-away-status"  # what became of the last file asked for
    DECK_PRINT = "deck-print"  # every slide of the deck laid out for paper (/present)


class Diaspora(StrEnum):
    HISTORY = "diaspora-history"
    POPSTATE = "diaspora-popstate"
    NOTICES = "diaspora-notices"
    COUNTRIES = "diaspora-countries"
    MEASURE = "diaspora-measure"
    YEAR = "diaspora-year"
    PROFILES = "diaspora-profiles"


class Labour(StrEnum):
    HISTORY = "labour-history"
    POPSTATE = "labour-popstate"
    NOTICES = "labour-notices"
    COUNTRY = "labour-country"
    COUNTRIES = "labour-countries"
    SOURCES = "labour-sources"


class Present(StrEnum):
    ROOT = "present-root"
    DECK = "present-deck"
    INDEX = "present-index"
    SLIDES = "present-slides"  # every slide drawn, sent with the page
    PICKED = "present-picked"  # countries the presenter picked for the current slide
    TITLE = "present-title"
    CAPTION = "present-caption"
    SOURCE = "present-source"
    COUNTER = "present-counter"
    COUNTER_LABEL = "present-counter-label"
    COUNTRIES = "present-countries"
    LEAVE = "present-leave"
    FIRST = "present-first"
    PREVIOUS = "present-previous"
    NEXT = "present-next"
    LAST = "present-last"
    FULL_SCREEN = "present-fullscreen"
    ERROR = "present-error"
    TOOLBAR = "present-toolbar"
    DATA_LINK = "present-data-link"  # the users' data of the link's fragment (#data=...)
    DATA_STATUS = "present-data-status"


class Deck(StrEnum):
    MESSAGE = "deck-message"
    TITLE = "deck-title"
    SLIDES = "deck-slides"
    EMPTY = "deck-empty"
    ADD_LINK = "deck-add-link"
    ADD_LINK_BUTTON = "deck-add-link-button"
    PRESENT = "deck-present"
    PRESENT_BOX = "deck-present-box"
    EXPORT = "deck-export"
    DOWNLOAD = "deck-download"
    READY = "deck-ready"
    CLEAR = "deck-clear"
    SHARE_URL = "deck-share-url"
    SHARE_BOX = "deck-share-box"
    SHARE_NOTE = "deck-share-note"  # whether the link carries the user's own data
    UPLOAD = "deck-upload"


class DeckRow(StrEnum):
    """Types of the pattern-matching ids in each row of the deck builder ({"type", "index"})."""

    TITLE = "deck-slide-title"
    UP = "deck-slide-up"
    DOWN = "deck-slide-down"
    REMOVE = "deck-slide-remove"


class ChartTool(StrEnum):
    """Types of the pattern-matching ids under every chart ({"type", "chart"[, "format"]})."""

    VIEW = "chart-view"  # the link of the view the chart shows
    DETAILS = "chart-details"  # the <details> with the chart's summary and data table
    DETAILS_SUMMARY = "chart-details-summary"  # its <summary>, which opens and closes it
    TABLE = "chart-table"  # the data table, drawn when the <details> is opened
    TABLE_WANTED = "chart-table-wanted"  # the view whose table the open <details> needs
    FIGURE = "chart-figure"  # the frame around the graph
    EXPORT = "chart-export"
    DOWNLOAD = "chart-download"
    IMAGE = "chart-image"
    STATUS = "chart-export-status"
    CITE = "chart-cite"
    EMBED = "chart-embed"
    EMBED_CODE = "chart-embed-code"
    EMBED_BOX = "chart-embed-box"
    DECK_ADD = "deck-add"
    DECK_ADD_STATUS = "deck-add-status"
    DECK_ADD_RESULT = "deck-add-result"  # the deck with the view added, for the deck store


class Embed(StrEnum):
    CHART = "embed-chart"
    SOURCE = "embed-source"
    FULL_VIEW = "embed-full-view"
    CAPTION = "embed-caption"


class DataPage(StrEnum):
    INDICATORS_TITLE = "data-indicators-title"
    INDICATOR_TABLE = "data-indicator-table"
    PILOT_TABLE = "data-pilot-table"
    COVERAGE_INDICATOR = "data-coverage-indicator"
    COVERAGE_CAPTION = "data-coverage-caption"
    COVERAGE_TABLE = "data-coverage-table"
    SOURCES_TABLE = "data-sources-table"
    BULK_LINK = "data-bulk-link"
    API_LINK = "data-api-link"
    CITATION_EXAMPLE = "data-citation-example"
    READING = "data-reading"
    POPULATION_DIFFERENCES = "data-population-differences"
