/* Chart images and embeds, in the browser.
   An embedded view (/embed) is marked before the page is drawn, so the app's header and footer
   never show inside another site's frame (see downloads.css). */
if (/^\/embed(\/|$)/.test(window.location.pathname)) {
  document.documentElement.classList.add('embed-view');
}

window.dash_clientside = Object.assign({}, window.dash_clientside, {
  downloads: {
    /* An open <details> under a chart wants the table of the view the chart shows: on opening,
       and for each new view while it stays open. A closed one asks for nothing. */
    tableWanted: function (_clicks, view) {
      var context = window.dash_clientside.callback_context;
      var id = context.outputs_list.id;
      var details = document.getElementById(
        JSON.stringify({chart: id.chart, type: 'chart-details'}));
      var wanted = function () {
        return details && details.open && view ? {view: view} : window.dash_clientside.no_update;
      };
      // A new view is answered at once (no later task while its chart is being drawn); the
      // click that opens the <details> is read after it has opened it.
      var clicked = context.triggered.some(function (t) { return /\.n_clicks$/.test(t.prop_id); });
      if (!clicked) { return wanted(); }
      return new Promise(function (resolve) {
        window.setTimeout(function () { resolve(wanted()); }, 0);
      });
    },
    /* Save a chart as PNG (1600x900 at 3x, for slides) or SVG with plotly.js: its title, and
       under it the source line the server wrote into `request`. */
    saveImage: function (request) {
      var noUpdate = window.dash_clientside.no_update;
      var context = window.dash_clientside.callback_context;
      if (!request || !request.format || !window.Plotly || !context.inputs_list.length) {
        return noUpdate;
      }
      var holder = document.getElementById(context.inputs_list[0].id.chart);
      var gd = holder && holder.querySelector('.js-plotly-plot');
      if (!gd || !gd.data) {
        return noUpdate;
      }
      var box = holder.closest('.chart-box');
      var title = request.title || (gd.layout.title && gd.layout.title.text) ||
        (box && box.getAttribute('aria-label')) || '';
      var margin = Object.assign({}, gd.layout.margin || {});
      margin.t = Math.max(margin.t || 0, 110);
      var layout = Object.assign({}, gd.layout, {
        title: {text: title, subtitle: {text: request.caption}, x: 0.01, xanchor: 'left',
                y: 0.97, yanchor: 'top'},
        margin: margin,
        width: 1600,
        height: 900
      });
      window.Plotly.downloadImage(
        {data: gd.data, layout: layout, config: {topojsonURL: gd._context.topojsonURL}},
        {format: request.format, width: 1600, height: 900,
         scale: request.format === 'png' ? 3 : 1, filename: request.filename}
      );
      return Date.now();
    }
  }
});
