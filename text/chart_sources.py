"""Text under every chart of the profile and diaspora pages: sources line and downloads."""

from text.i18n import translatable

DOWNLOAD_LABEL = "Download the data"
DOWNLOAD_FORMATS = {"csv": "CSV", "xlsx": "Excel", "json": "JSON"}
DOWNLOAD_TITLE = "{what} as {format}"

translatable(__name__)
