"""Write a Brotli (best quality) copy beside each large static file the app serves, for
serving/static.py to send as it is: `python scripts/precompress_assets.py`. Run it whenever
one of these files changes (the app refuses to start with a stale copy)."""

from __future__ import annotations

from pathlib import Path

import brotli

ROOT = Path(__file__).resolve().parent.parent
FILES = ("assets/plotly/plotly-partial.min.js", "assets/topojson/world_110m.json",
         "assets/vendor/pptxgenjs/pptxgen.bundle.js")


def main() -> None:
    for name in FILES:
        source = ROOT / name
        packed = source.with_name(source.name + ".br")
        packed.write_bytes(brotli.compress(source.read_bytes(), quality=11))
        print(f"wrote {packed.relative_to(ROOT)} ({packed.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
