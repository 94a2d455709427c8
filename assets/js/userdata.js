/* "Add your data": the picker lists the series kept in this browser's storage, and a series
   is removed here. Series names are the user's own text: they are given to the dropdown as
   plain labels, never as HTML. */
(function () {
  var noUpdate = function () { return window.dash_clientside.no_update; };

  // In the page's indicator picker a kept series is "user:<id>" (callbacks/compare.py
  // USER_SERIES_PREFIX), under a heading that cannot be chosen.
  var PREFIX = 'user:';
  var HEADING = 'topic:user';

  /* The id of the kept series an indicator picker's value names, else null. */
  function seriesId(value) {
    return typeof value === 'string' && value.indexOf(PREFIX) === 0
      ? value.slice(PREFIX.length) : null;
  }
  window.dashboardUserData = {seriesId: seriesId};

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
        if (seriesId(indicator) !== null) {
          return noUpdate();  // a series of the user's chosen in the indicator picker
        }
        return {indicator: indicator || null, years: years || null};
      },
      /* The indicator picker lists the series kept in this browser under their own heading,
         after the official indicators ("user:<id>"; see compare.indicatorChosen). */
      indicatorOptions: function (stored, options, heading) {
        var official = (options || []).filter(function (o) {
          return seriesId(o.value) === null && o.value !== HEADING;
        });
        var series = kept(stored);
        if (!series.length) {
          return official.length === (options || []).length ? noUpdate() : official;
        }
        var group = {namespace: 'dash_html_components', type: 'Span',
                     props: {children: heading, className: 'option-group'}};
        return official.concat([{label: group, value: HEADING, disabled: true,
                                 search: heading}],
          series.map(function (s) {
            return {label: s.name, value: PREFIX + s.id, search: heading + ' ' + s.name};
          }));
      },
      /* The stored series without the chosen one. */
      removeSeries: function (clicks, chosen, stored) {
        if (!clicks || !chosen) { return noUpdate(); }
        return kept(stored).filter(function (s) { return s.id !== chosen; });
      }
    }
  });
})();
