/* "Add your data": the picker lists the series kept in this browser's storage, and a series
   is removed here. Series names are the user's own text: they are given to the dropdown as
   plain labels, never as HTML. */
(function () {
  var noUpdate = function () { return window.dash_clientside.no_update; };

  function kept(stored) {
    return Array.isArray(stored) ? stored.filter(function (s) {
      return s && typeof s.id === 'string' && typeof s.name === 'string';
    }) : [];
  }

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    userdata: {
      /* The picker's options; the chosen series stays chosen, else the last one added. */
      pickOptions: function (stored, chosen) {
        var series = kept(stored);
        var options = series.map(function (s) { return {label: s.name, value: s.id}; });
        var ids = series.map(function (s) { return s.id; });
        var current = chosen === undefined ? null : chosen;
        var value = ids.indexOf(current) >= 0 ? current : (ids.length ? ids[ids.length - 1] : null);
        return [options, value === current ? noUpdate() : value];
      },
      /* The view the chart draws: the chosen series with the page's indicator and years;
         nothing new while no series is chosen. */
      chartView: function (pick, context) {
        var triggered = (window.dash_clientside.callback_context.triggered || [])
          .map(function (t) { return t.prop_id; });
        if (!pick && triggered.indexOf('userdata-pick.value') < 0) { return noUpdate(); }
        var page = context || {};
        return {pick: pick || null, indicator: page.indicator || null, years: page.years || null};
      },
      /* The comparison view's indicator and years, which its chart of a user's series
         follows (pages without them leave the context empty: the series is drawn alone). */
      context: function (indicator, years) {
        return {indicator: indicator || null, years: years || null};
      },
      /* The stored series without the chosen one. */
      removeSeries: function (clicks, chosen, stored) {
        if (!clicks || !chosen) { return noUpdate(); }
        return kept(stored).filter(function (s) { return s.id !== chosen; });
      }
    }
  });
})();
