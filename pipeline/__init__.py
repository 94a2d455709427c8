"""Build-time code: read the vendored raw files and write the snapshot."""
