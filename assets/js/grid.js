/* The data grid's code (dash-ag-grid, about 300 kB) is sent only with a page whose first
   render has a grid. Elsewhere it is loaded when a grid is about to be drawn: before the
   router asks for such a page, before a back or forward step to one, and before the Table tab
   is drawn. The page names the script and the views that draw a grid (layouts/index_page.py). */
window.dashboardGrid = (function () {
  var loading = null;

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.content : '';
  }

  function load() {
    if (window.dash_ag_grid) { return Promise.resolve(); }
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement('script');
        script.src = meta('grid-script');
        script.onload = resolve;
        script.onerror = function () { loading = null; reject(new Error('grid script')); };
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  /* Whether the view at `path` with query `search` draws a grid. */
  function drawsGrid(path, search) {
    var views = JSON.parse(meta('grid-views') || '[]');
    var clean = (path || '/').replace(/\/+$/, '') || '/';
    var params = new URLSearchParams(search || '');
    return views.some(function (view) {
      return view.path === clean && (!view.param || params.get(view.param) === view.value);
    });
  }

  /* `value`, once the grid's code is there if the view needs it. */
  function before(path, search, value) {
    return drawsGrid(path, search) ? load().then(function () { return value; }) : value;
  }

  return {load: load, drawsGrid: drawsGrid, before: before};
})();
