/* Comparison view: browser-side callbacks for what needs no server round trip.

   The chart is drawn here. A chart's "key" names the view it shows: the canonical query
   string of its state (layouts/compare.py panel_key), in which `countries=` lists the
   countries and `&scale=log` closes the string when the scale is logarithmic. A country's
   lines do not depend on which other countries are shown (figures/theme.py), so removing a
   country, or adding back one drawn before for the same view, is drawn from the lines the
   browser holds, at once; the server's answer for that view then finds it drawn. */
(function () {
  var noUpdate = function () { return window.dash_clientside.no_update; };
  // Each country's traces, per view without its countries.
  var held = {};

  function withCountries(key, codes) {
    return key.replace(/([?&]countries=)[^&]*/, '$1' + codes.join(','));
  }

  function withScale(key, scale) {
    var bare = key.replace(/&scale=log$/, '');
    return scale === 'log' ? bare + '&scale=log' : bare;
  }

  /* A line chart's traces by country (their legend group); null for another kind of chart. */
  function byCountry(figure) {
    var traces = (figure && figure.data) || [];
    if (!traces.length || !traces.every(function (t) {
      return (t.type || 'scatter') === 'scatter' && t.legendgroup;
    })) {
      return null;
    }
    var found = {};
    traces.forEach(function (t) { (found[t.legendgroup] = found[t.legendgroup] || []).push(t); });
    return found;
  }

  function hold(key, figure) {
    var lines = byCountry(figure);
    if (!key || !lines) { return; }
    var view = withCountries(key, []);
    held[view] = Object.assign(held[view] || {}, lines);
  }

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    compare: {
      /* The server's figure for a view, unless that view is drawn already. */
      drawFromServer: function (answer, drawn) {
        if (!answer || !answer.figure || answer.key === drawn) {
          return [noUpdate(), noUpdate()];
        }
        hold(answer.key, answer.figure);
        return [answer.figure, answer.key];
      },
      /* The chosen countries drawn from the lines held for this view, if there are all. */
      drawCountries: function (countries, figure, drawn) {
        var codes = countries || [];
        if (!drawn || !codes.length) { return [noUpdate(), noUpdate()]; }
        hold(drawn, figure);
        var key = withCountries(drawn, codes);
        var lines = held[withCountries(drawn, [])];
        if (key === drawn || !lines || !codes.every(function (c) { return lines[c]; })) {
          return [noUpdate(), noUpdate()];
        }
        var data = [];
        codes.forEach(function (c) { data = data.concat(lines[c]); });
        return [Object.assign({}, figure, {data: data}), key];
      },
      /* Switch the value axis between linear and log without asking the server. */
      applyScale: function (scale, figure, drawn) {
        if (!figure || !figure.layout || !drawn) { return [noUpdate(), noUpdate()]; }
        var horizontal = figure.data && figure.data.length &&
          figure.data[0].orientation === 'h';
        var axis = horizontal ? 'xaxis' : 'yaxis';
        var layout = Object.assign({}, figure.layout);
        layout[axis] = Object.assign({}, layout[axis], {type: scale === 'log' ? 'log' : 'linear'});
        return [Object.assign({}, figure, {layout: layout}), withScale(drawn, scale)];
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
})();
