/* Every page's view lives in the address bar. A page's callback answers with the query string
   the address should show ({search, mode}); these write it (push: back undoes a change;
   replace: a link made canonical) and pass on a back or forward step the page did not write. */
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  history: {
    write: function (entry) {
      if (!entry || typeof entry.search !== 'string') {
        return window.dash_clientside.no_update;
      }
      // Written once the frame with the page's answer is painted: Dash's Location components
      // read the new address (so back and forward compare right), and their callbacks would
      // otherwise run before that frame. Not if another page has been opened meanwhile.
      var path = window.location.pathname;
      window.requestAnimationFrame(function () {
        window.setTimeout(function () {
          if (window.location.pathname !== path || window.location.search === entry.search) {
            return;
          }
          var url = path + entry.search;
          if (entry.mode === 'push') {
            window.history.pushState({}, '', url);
          } else {
            window.history.replaceState(window.history.state, '', url);
          }
          window.dispatchEvent(new CustomEvent('_dashprivate_pushstate'));
        }, 0);
      });
      return window.dash_clientside.no_update;
    },
    popstate: function (search, written, rendered) {
      var now = search || '';
      var clean = function (path) { return (path || '/').replace(/\/+$/, '') || '/'; };
      // The address now belongs to another page, which the router is drawing: not ours.
      if (rendered && clean(rendered.path) !== clean(window.location.pathname)) {
        return window.dash_clientside.no_update;
      }
      // The address the page wrote, or (while loading) the one it was drawn for.
      if (written && (now === (written.search || '') || now === written.drawn_for)) {
        return window.dash_clientside.no_update;
      }
      return window.dashboardGrid.before(window.location.pathname, now, {search: now});
    }
  }
});
