"""Check the snapshot: `python -m query.check` prints one line and exits 1 if it is unusable."""

from __future__ import annotations

import sys

from query.snapshot import SnapshotError, get_snapshot


def main() -> int:
    try:
        snap = get_snapshot()
    except SnapshotError as exc:
        print(f"Snapshot error: {exc}", file=sys.stderr)
        return 1
    print(
        f"Snapshot OK: {snap.directory} ({len(snap.indicators)} indicators, "
        f"{len(snap.countries)} countries, vintage {snap.vintage.get('snapshot')})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
