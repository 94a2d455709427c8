"""Pure figure builders: DataFrame in, go.Figure out; one chart, one module."""
