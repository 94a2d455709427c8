/* Printing a view (/country/<ISO3>, /compare, /diaspora, /labour, a briefing note, a deck).

   Just before the browser prints ("beforeprint", which the print button, Ctrl+P and the
   browser's menu all fire), every chart shown is drawn again at the paper's width, so nothing
   is cut off on the right, and the view's print frame (layouts/printing.py) is written into
   the page margins: its title at the top, its sources, snapshot vintage and the link that
   reopens the view (the view shown now) at the bottom, with the page numbers. After
   printing the charts go back to the screen's width. */
window.dashboardPrint = (function () {
  var STYLE_ID = 'print-page-style';
  var drawn = [];  // [{plot, width, height}] of the charts drawn for paper
  // Charts that are not drawn for paper: sparklines (sized apart), and tools hidden in print
  // (print.css), such as the "Add your data" form.
  var NOT_PRINTED = '.sparkline, .no-print, .userdata';

  function frame() {
    return document.getElementById('print-frame');
  }

  /* Text as a CSS string: quotes and backslashes escaped, line breaks as spaces. */
  function cssText(text) {
    return '"' + String(text || '').replace(/[\\"]/g, '\\$&').replace(/\s+/g, ' ') + '"';
  }

  /* The address of the view shown now, on the site's public address (PUBLIC_URL) that the
     server wrote into the frame. */
  function link(info) {
    var here = window.location.pathname + window.location.search;
    try {
      return new URL(here, info.dataset.printLink || window.location.href).href;
    } catch (notAnAddress) {
      return window.location.href;
    }
  }

  function writeMargins(info) {
    var style = document.getElementById(STYLE_ID);
    if (!style) {
      style = document.createElement('style');
      style.id = STYLE_ID;
      document.head.appendChild(style);
    }
    if (!info) { style.textContent = ''; return; }
    var data = info.dataset;
    var address = link(info);
    var reopen = (data.printReopen || '{url}').replace('{url}', address);
    var footer = [data.printSources, data.printVintage].filter(Boolean).join(' \u00b7 ');
    var font = 'font-family: system-ui, sans-serif; color: #333;';
    style.textContent =
      '@page { size: ' + (data.printOrientation || 'portrait') + ';' +
      ' @top-left { content: ' + cssText(data.printTitle) + '; ' + font +
      ' font-size: 8.5pt; font-weight: 600; vertical-align: bottom; }' +
      ' @bottom-left { content: ' + cssText(footer) + ' "\\A" ' + cssText(reopen) + '; ' +
      font + ' font-size: 7pt; white-space: pre-wrap; vertical-align: top; width: 85%; }' +
      ' @bottom-right { content: counter(page) " / " counter(pages); ' + font +
      ' font-size: 8pt; vertical-align: top; } }';
    info.querySelectorAll('.print-link').forEach(function (anchor) {
      anchor.href = address;
      anchor.textContent = address;
    });
  }

  function shownCharts() {
    return Array.prototype.filter.call(
      document.querySelectorAll('#main .js-plotly-plot'),
      function (plot) {
        return plot.offsetParent !== null && plot._fullLayout &&
          !plot.closest(NOT_PRINTED);
      });
  }

  function sparklines() {
    return Array.prototype.filter.call(
      document.querySelectorAll('#main .sparkline .js-plotly-plot'),
      function (plot) { return plot.offsetParent !== null && plot._fullLayout; });
  }

  function redraw(plot, width, height) {
    drawn.push({plot: plot, width: plot.layout.width, height: plot.layout.height});
    window.Plotly.relayout(plot, {width: width, height: height || plot._fullLayout.height});
  }

  /* Draw the charts for paper (at the frame's printable width, and at the height a
     container names, if any) and write the margins. */
  function prepare() {
    var info = frame();
    writeMargins(info);
    if (!window.Plotly || drawn.length) { return; }
    var width = Number(info && info.dataset.printWidth) || 700;
    document.documentElement.classList.add('printing');
    shownCharts().forEach(function (plot) {
      var sized = plot.closest('[data-print-height]');
      redraw(plot, width, sized ? Number(sized.dataset.printHeight) : 0);
    });
    // Cards are three to a row on paper.
    sparklines().forEach(function (plot) { redraw(plot, Math.floor(width / 3) - 40); });
  }

  /* Back to the screen: each chart's own size again. */
  function restore() {
    document.documentElement.classList.remove('printing');
    var done = drawn;
    drawn = [];
    done.forEach(function (item) {
      if (!item.plot.isConnected) { return; }
      window.Plotly.relayout(item.plot, {
        width: item.width === undefined ? null : item.width,
        height: item.height === undefined ? null : item.height
      }).then(function () { window.Plotly.Plots.resize(item.plot); });
    });
  }

  function print() {
    prepare();
    window.print();
  }

  window.addEventListener('beforeprint', prepare);
  window.addEventListener('afterprint', restore);
  document.addEventListener('click', function (event) {
    if (event.target.closest && event.target.closest('#print-button')) { print(); }
  });

  return {prepare: prepare, restore: restore, print: print,
          drawnForPaper: function () { return drawn.length; }};
})();
