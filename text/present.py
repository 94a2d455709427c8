"""Text of the presentation view (/present), the deck builder (/deck) and the
"Add this view to my deck" button."""

from text.i18n import translatable

# ---- presentation -------------------------------------------------------------------------------

PAGE_LABEL = "Presentation"
SLIDE_COUNTER = "{number} / {total}"
SLIDE_COUNTER_LABEL = "Slide {number} of {total}"
PREVIOUS = "Previous slide"
NEXT = "Next slide"
FIRST = "First slide"
LAST = "Last slide"
LEAVE = "Leave presentation"
LEAVE_SHORT = "Esc"
FULL_SCREEN = "Full screen (F)"
FULL_SCREEN_SHORT = "Full screen"
KEYS_HELP = ("→ or Space: next · ←: previous · Home / End · F: full screen · Esc: leave · "
             "Ctrl+P: print every slide")
COUNTRIES_LABEL = "Countries on this slide"
COUNTRIES_PLACEHOLDER = "Add a country…"
NO_OPTIONS = "No match"
CHART_LABEL = "Slide chart"

BAD_DECK_TITLE = "This presentation link could not be opened"
BAD_DECK_BACK = "Open the ready-made presentation"
BAD_DECK_BUILDER = "Build your own deck"

# ---- the ready-made deck (decks/pilot-countries.json names the views and these keys) -----------

READY_DECK_NAME = "pilot-countries"
READY_DECK_TITLE = "Migration and development in the four pilot countries"
READY_DECK_SLIDES: dict[str, tuple[str, str]] = {
    "remittances-gdp": (
        "Remittances weigh heavily in all four economies",
        "Money sent home by migrants, measured against the size of each economy.",
    ),
    "remittances-map": (
        "Where remittances matter most",
        "The pilot countries are outlined; darker shading means remittances are a larger share "
        "of the economy.",
    ),
    "remittances-usd": (
        "Remittances have grown for two decades",
        "In US dollars on a logarithmic scale: equal steps mean equal rates of growth.",
    ),
    "finance-moldova": (
        "Remittances, aid and investment: Moldova",
        "Three flows of money from abroad, each as a share of GDP. Pick another country below.",
    ),
    "finance-mali": (
        "Remittances, aid and investment: Mali",
        "The same comparison for a country where aid plays a larger role.",
    ),
    "senders-jamaica": (
        "Where Jamaica's remittances come from",
        "World Bank estimates of remittances by sending country.",
    ),
    "cost": (
        "Sending money home is costly",
        "The World Bank's average cost of sending remittances to each country (World "
        "Development Indicators, all corridors into it), as a share of the amount sent, against "
        "the Sustainable Development Goals' target (dashed line). The country profiles show the "
        "cost by corridor.",
    ),
    "diaspora-share": (
        "A large share of people live abroad",
        "Emigrants born in each country and living elsewhere, against the population at home "
        "(the UN's). Dotted, with open markers: a share of a projected population.",
    ),
    "destinations-bangladesh": (
        "Where Bangladesh's emigrants live",
        "The largest destinations in the latest UN estimate, women and men.",
    ),
    "emigration-rate": (
        "How fast people leave",
        "Emigrants per thousand residents per year, from modelled migration flows.",
    ),
    "net-migration": (
        "More people leave than arrive",
        "Net migration: immigrants minus emigrants in each year. Dotted, with open markers: "
        "the UN's projections, not observed values.",
    ),
    "unemployment": (
        "Labour markets at home",
        "Unemployment as a share of the labour force, modelled by the ILO: every value is a "
        "model estimate, so the lines are dotted.",
    ),
}

# ---- "Add this view to my deck" -----------------------------------------------------------------

ADD_TO_DECK = "Add this view to my deck"
ADDED = "Added as slide {number} of your deck."
ADD_OPEN_DECK = "Open my deck"
ADD_NOT_SUPPORTED = "Views of this page cannot be slides yet."
ADD_FULL = "Your deck already has {limit} slides, the most a deck can hold."
ADD_FAILED = "This view cannot be added: {reason}"

# Default titles of slides added from a page.
DEFAULT_TITLE_CHART = "{indicator}, {countries}"
DEFAULT_TITLE_MAP = "World map: {indicator}"
# The chart title of a country-profile chart on a slide.
PROFILE_CHART_TITLE = "{country}: {chart}"

# ---- deck builder (/deck) -----------------------------------------------------------------------

BUILDER_TITLE = "My deck"
BUILDER_INTRO = (
    "Collect views for a talk: use “Add this view to my deck” under any chart, then order, "
    "rename and remove slides here. The deck is kept in this browser; share it as a link or "
    "as a small file."
)
DECK_TITLE_LABEL = "Deck title"
DECK_TITLE_PLACEHOLDER = "My presentation"
SLIDES_TITLE = "Slides"
SLIDE_TITLE_LABEL = "Title of slide {number}"
SLIDE_NUMBER = "{number}."
SLIDE_VIEW_LINK = "Open the view"
MOVE_UP = "Move up"
MOVE_DOWN = "Move down"
REMOVE = "Remove"
EMPTY_DECK = (
    "Your deck is empty. Add views with “Add this view to my deck” under any chart, paste a "
    "view link below, or start from the ready-made deck."
)
ADD_LINK_LABEL = "Add a view by its link"
ADD_LINK_PLACEHOLDER = "/compare?indicator=…"
ADD_LINK_BUTTON = "Add"
START_READY = "Start from the ready-made deck"
CLEAR = "Remove all slides"
PRESENT = "Present this deck"
SHARE_LABEL = "Link to this deck (the whole deck is in the link; nothing is stored on the server)"
COPY = "Copy the link"
EXPORT = "Download as a file (.json)"
IMPORT = "Import a deck file (.json): drop it here or click to choose"
EXPORT_FILENAME = "deck.json"

IMPORTED = "Imported “{title}”. Slides: {count}."
IMPORTED_UNTITLED = "Imported a deck. Slides: {count}."
IMPORT_FAILED = "The file “{filename}” could not be imported: {reason}"
LINK_ADDED = "Added the view as slide {number}."
LINK_FAILED = "That link cannot be added: {reason}"
READY_LOADED = "Loaded the ready-made deck; change it as you like."
CLEARED = "All slides removed."
STORED_DECK_DROPPED = "Some slides kept in this browser could not be read and were left out."

# A slide that shows a user's own series.
SLIDE_USER_DATA = "Your data: {name} ({count} values, kept in this deck)"
SHARE_DATA_INCLUDED = (
    "This link carries your own data ({count} values) after its “#”: your browser does not "
    "send that part to the server, but anyone you give the link to sees your values."
)
SHARE_DATA_LEFT_OUT = (
    "Your own data is too large for a link (over {limit} characters), so this link leaves it "
    "out: those slides show the official series only. Share the deck file instead; it carries "
    "your data."
)
USER_SLIDE_SOURCE = "{user} · {official}"
DATA_LEFT_OUT = (
    "This slide showed the presenter’s own data, which this link does not carry: ask for the "
    "deck file. The official series is shown alone."
)
DATA_FAILED = "The data of your own in this link could not be read: {reason}"

# Why a deck, a file or a link could not be used (keys are state.deck.DeckError reasons).
DECK_ERRORS = {
    "not_json": "it is not a JSON file.",
    "file_too_large": "the file is larger than {limit_kb} KB; a deck file is much smaller.",
    "not_a_deck": "it is JSON, but not a deck exported from this dashboard.",
    "wrong_version": "it is a deck of version {version}; this dashboard reads version {expected}.",
    "no_slides": "the deck has no slides.",
    "too_many_slides": "the deck has {count} slides; at most {limit} are allowed.",
    "bad_slide": "slide {number} is not a view with a link.",
    "view_too_long": "the link of slide {number} is longer than {limit} characters.",
    "unknown_view": "slide {number} points to {path}, which is not a view that can be shown "
                    "as a slide.",
    "bad_parameters": "slide {number} has a value the page does not accept: "
                      "{param} “{value}”.",
    "title_too_long": "a title is longer than {limit} characters.",
    "caption_too_long": "the caption of slide {number} is longer than {limit} characters.",
    "not_readable": "the link is damaged or incomplete (perhaps it was cut off when copied).",
    "link_too_long": "the deck is too large for a link (over {limit} characters); "
                     "share it as a file instead.",
    "bad_user_data": "the data of your own on slide {number} is damaged or not as this "
                     "dashboard keeps it.",
}

translatable(__name__)
