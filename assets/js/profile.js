/* Country profile: the print button, and charts resized to the paper while printing. */
(function () {
  function resizeCharts() {
    if (!window.Plotly) { return; }
    document.querySelectorAll('.page-country .js-plotly-plot').forEach(function (plot) {
      window.Plotly.Plots.resize(plot);
    });
  }
  // The charts were drawn for the screen's width: redraw them for the page's, and back.
  window.addEventListener('beforeprint', resizeCharts);
  window.addEventListener('afterprint', resizeCharts);

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    profile: {
      print: function () {
        window.print();
        return window.dash_clientside.no_update;
      }
    }
  });
})();
