"""Diaspora comparison without a browser: URL state and the flow diagram builder."""

from __future__ import annotations

import pandas as pd

from figures import diaspora_sankey
from state.compare import snapshot_vocabulary
from state.diaspora import DiasporaState, parse, to_query

YEARS = [1990, 1995, 2000, 2005, 2010, 2015, 2020, 2024]


def test_diaspora_state_from_the_url() -> None:
    vocab = snapshot_vocabulary()
    assert vocab.stock_years == tuple(YEARS)
    state, notices = parse({"countries": "mda,BGD,XXX,BGD", "measure": "pct", "year": "2020"},
                           vocab)
    assert state == DiasporaState(("MDA", "BGD"), "pct", 2020)
    assert [(n.param, n.value) for n in notices] == [("countries", "XXX")]
    assert to_query(state) == "?countries=MDA,BGD&measure=pct&year=2020"
    default, _ = parse({}, vocab)
    assert to_query(default) == "?countries=MDA,BGD,JAM,MLI"


def test_sankey_keeps_origins_and_destinations_apart() -> None:
    df = pd.DataFrame({
        "origin_code": ["BGD", "BGD", "IND"], "origin_name": ["Bangladesh", "Bangladesh", "India"],
        "destination_code": ["IND", "SAU", "ARE"],
        "destination_name": ["India", "Saudi Arabia", "United Arab Emirates"],
        "value": [2.0, 3.0, 4.0],
    })
    fig = diaspora_sankey.create_figure(df, origin_order=["IND", "BGD"])
    sankey = fig.data[0]
    assert list(sankey.node.label) == ["India", "Bangladesh", "United Arab Emirates",
                                       "Saudi Arabia", "India"]
    # India the origin (node 0) and India the destination (node 4) are different nodes.
    links = sorted(zip(sankey.link.source, sankey.link.target, sankey.link.value, strict=True))
    assert links == [(0, 2, 4.0), (1, 3, 3.0), (1, 4, 2.0)]
