/* The router's browser half: ask the server for a page only when the path differs from the
   one the content was drawn for (the page's own query string is the page's business). */
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  router: {
    route: function (pathname, search, rendered) {
      var clean = function (path) { return (path || '/').replace(/\/+$/, '') || '/'; };
      if (rendered && clean(rendered.path) === clean(pathname)) {
        return window.dash_clientside.no_update;
      }
      return window.dashboardGrid.before(pathname, search,
                                         {path: pathname || '/', search: search || ''});
    }
  }
});
