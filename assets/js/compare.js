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
    /* Show the canonical query in the address bar without adding a history entry. */
    replaceQuery: function (search) {
      if (typeof search === 'string' && window.location.search !== search) {
        window.history.replaceState(window.history.state, '', window.location.pathname + search);
      }
      return window.dash_clientside.no_update;
    }
  }
});
