"""Text of printed pages, the print button and the deck's take-away files (PowerPoint, PDF)."""

from text.i18n import translatable

PRINT = "Print / save as PDF"
PRINT_TITLE = "Print this view, or save it as a PDF (A4 or US Letter)"

# The running header and footer of every printed page (assets/js/print.js writes them into
# the page's margins) and the colophon at the end of the document.
SOURCES = "Sources: {sources}"
VINTAGE = "Data snapshot of {vintage}"
REOPEN = "Reopen this view: {url}"
REOPEN_LABEL = "Reopen this view:"
PRINTED_BY = "Printed from Migration & Development Indicators."

# The deck's take-away files.
DECK_PPTX = "Download as PowerPoint"
DECK_PPTX_TITLE = "One 16:9 slide per deck slide, with speaker notes; built in your browser"
DECK_PDF = "Download as PDF"
DECK_PDF_TITLE = "One landscape page per slide, through your browser's print dialog"
DECK_BUILDING = "Building the file…"
DECK_BUILT = "Downloaded {file}."
DECK_FAILED = "The file could not be built: {reason}"
DECK_FILE = "{name}.pptx"
DECK_NOTES_VALUES = "Key values (latest year per country):"
DECK_NOTES_VALUE = "{country}: {value} ({year})"
DECK_NOTES_NO_VALUES = "No values for this slide's countries."
DECK_NOTES_CITATION = "Citation: {citation}"
DECK_AUTHOR = "Migration & Development Indicators"

# The briefing note (/country/<ISO3>/brief).
BRIEF_LINK = "Two-page briefing note"
BRIEF_LINK_TITLE = "A two-page summary of this profile to print on both sides of one sheet"
BRIEF_TITLE = "{country}: migration briefing"
BRIEF_FULL_PROFILE = "The full profile, with every chart and its data:"

translatable(__name__)
