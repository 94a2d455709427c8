/* Comparison view: browser-side callbacks for pure UI toggles (no server round trip). */
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  compare: {
    /* Switch the value axis between linear and log without rebuilding the figure. */
    applyScale: function (scale, figure) {
      if (!figure || !figure.layout) {
        return window.dash_clientside.no_update;
      }
      var horizontal = figure.data && figure.data.length && figure.data[0].orientation === 'h';
      var axis = horizontal ? 'xaxis' : 'yaxis';
      var layout = Object.assign({}, figure.layout);
      layout[axis] = Object.assign({}, layout[axis], {type: scale === 'log' ? 'log' : 'linear'});
      return Object.assign({}, figure, {layout: layout});
    },
    /* The tab to draw, once the grid's code is there for the Table tab. */
    tabReady: function (tab, ready) {
      if (tab === ready) { return window.dash_clientside.no_update; }
      return tab === 'table' ? window.dashboardGrid.load().then(function () { return tab; })
        : tab;
    },
    /* Show one tab panel, hide the others (order: chart, map, table, sources). */
    showPanel: function (tab) {
      // A chart drawn while its panel was hidden has no width yet: let Plotly measure again.
      window.setTimeout(function () { window.dispatchEvent(new Event('resize')); }, 50);
      return ['chart', 'map', 'table', 'sources'].map(function (name) { return name !== tab; });
    }
  }
});
