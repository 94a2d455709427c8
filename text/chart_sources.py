"""Text under every chart of the profile and diaspora pages: sources line and downloads."""

SOURCE_ENTRY = "{source} ({vintage}), licence: {licence}"
SOURCES_PREFIX = "Source: "
SOURCES_PREFIX_MANY = "Sources: "
SOURCES_SEPARATOR = "; "
DOWNLOAD_LABEL = "Download the data"
DOWNLOAD_FORMATS = {"csv": "CSV", "xlsx": "Excel", "json": "JSON"}
DOWNLOAD_TITLE = "{what} as {format}"
