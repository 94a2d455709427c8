/* Comparison view: browser-side callbacks for what needs no server round trip.

   The chart is drawn here. A chart's "key" names the view it shows: the canonical query
   string of its state (layouts/compare.py panel_key), in which `countries=` lists the
   countries and `&scale=log` closes the string when the scale is logarithmic. A country's
   lines do not depend on which other countries are shown (figures/theme.py), so removing a
   country, or adding back one drawn before for the same view, is drawn from the lines the
   browser holds, at once; the server's answer for that view then finds it drawn. */
(function () {
  var noUpdate = function () { return window.dash_clientside.no_update; };
  // Each country's traces, per view without its countries; and the key of the view drawn.
  // Kept here, not in Dash stores: a callback reading a store the server's answer may change
  // would wait for that answer.
  var held = {};
  var drawn = null;

  function graph() {
    return document.querySelector('#compare-chart .js-plotly-plot');
  }

  function drawnKey() {
    if (drawn === null) {
      var panel = document.querySelector('[data-chart-key]');
      drawn = panel ? panel.getAttribute('data-chart-key') : null;
    }
    return drawn;
  }

  function withCountries(key, codes) {
    return key.replace(/([?&]countries=)[^&]*/, '$1' + codes.join(','));
  }

  function withScale(key, scale) {
    var bare = key.replace(/&scale=log$/, '');
    return scale === 'log' ? bare + '&scale=log' : bare;
  }

  /* A line chart's traces by country (their legend group); null for another kind of chart. */
  function byCountry(traces) {
    if (!traces || !traces.length || !traces.every(function (t) {
      return (t.type || 'scatter') === 'scatter' && t.legendgroup;
    })) {
      return null;
    }
    var found = {};
    traces.forEach(function (t) { (found[t.legendgroup] = found[t.legendgroup] || []).push(t); });
    return found;
  }

  function hold(key, traces) {
    var lines = byCountry(traces);
    if (!key || !lines) { return; }
    var view = withCountries(key, []);
    held[view] = Object.assign(held[view] || {}, lines);
  }

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    compare: {
      /* The server's figure for a view, unless that view is drawn already. */
      drawFromServer: function (answer) {
        if (!answer || !answer.figure || answer.key === drawnKey()) { return noUpdate(); }
        hold(answer.key, answer.figure.data);
        drawn = answer.key;
        return answer.figure;
      },
      /* The chosen countries drawn from the lines held for this view, if there are all. */
      drawCountries: function (countries) {
        var gd = graph();
        var key = drawnKey();
        var codes = countries || [];
        if (!gd || !gd.data || !key || !codes.length) { return noUpdate(); }
        hold(key, gd.data);
        var wanted = withCountries(key, codes);
        var lines = held[withCountries(key, [])];
        if (wanted === key || !lines || !codes.every(function (c) { return lines[c]; })) {
          return noUpdate();
        }
        var data = [];
        codes.forEach(function (c) { data = data.concat(lines[c]); });
        drawn = wanted;
        return {data: data, layout: gd.layout};
      },
      /* Switch the value axis between linear and log without asking the server. */
      applyScale: function (scale) {
        var gd = graph();
        var key = drawnKey();
        if (!gd || !gd.layout || !key) { return noUpdate(); }
        var horizontal = gd.data && gd.data.length && gd.data[0].orientation === 'h';
        var axis = horizontal ? 'xaxis' : 'yaxis';
        var layout = Object.assign({}, gd.layout);
        layout[axis] = Object.assign({}, layout[axis], {type: scale === 'log' ? 'log' : 'linear'});
        drawn = withScale(key, scale);
        return {data: gd.data, layout: layout};
      },
      /* Set the controls the server adjusted ({id: value}); the order of CONTROLS, then the
         tab to draw. */
      setControls: function (adjusted) {
        var ids = ['compare-indicator', 'compare-countries', 'compare-years',
                   'compare-transform', 'compare-base', 'compare-scale', 'compare-tabs',
                   'compare-map-year', 'compare-tab-ready'];
        return ids.map(function (id) {
          return adjusted && id in adjusted ? adjusted[id] : window.dash_clientside.no_update;
        });
      },
      /* The picker's choice: an official indicator is remembered (the page's callback draws
         it); one of the user's own series ("user:<id>") is chosen in "Your data" below, and
         the picker goes back to the official indicator. */
      indicatorChosen: function (value, chosen) {
        var noUpdate = window.dash_clientside.no_update;
        var series = window.dashboardUserData.seriesId(value);
        if (series !== null) {
          var section = document.getElementById('userdata');
          if (section) { section.scrollIntoView({block: 'start'}); }
          return [noUpdate, chosen, series];
        }
        return [value === chosen ? noUpdate : value, noUpdate, noUpdate];
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
