/* In-app navigation, in the browser:
   - after the router draws a new page, the tab's title follows it, focus moves to the page's
     heading (or its main area) and the new page is announced, as a page load would do;
   - the comparison view's last address in this tab is remembered, and the header's
     "Comparison" links go back to it, so a region added there is still there on return. */
(function () {
  var COMPARE_VIEW = 'compare-view';
  var COMPARE_PATH = /^\/(compare)?\/?$/;

  function newHeading() {
    var page = document.getElementById('page');
    return (page && page.querySelector('h1')) || document.getElementById('main');
  }

  /* Focus the new page's heading (or its main area) once it is drawn, and again if the
     drawing replaces it, until the user does something or the page has settled. The heading
     found when the router answered may still be the old page's: it is taken only after a
     moment. */
  function focusNewPage() {
    var started = Date.now();
    var stale = newHeading();
    var stop = function () { started = 0; };
    document.addEventListener('keydown', stop, {once: true, capture: true});
    document.addEventListener('mousedown', stop, {once: true, capture: true});
    var focused = false;
    (function check() {
      if (!started || Date.now() - started > 2000) { return; }
      var target = newHeading();
      var active = document.activeElement;
      // Once focused, only a heading replaced under the focus (focus back on the document) is
      // focused again: focus the user or the page moved elsewhere stays there.
      var lost = !active || active === document.body || !active.isConnected;
      var due = focused ? lost
        : target !== stale || Date.now() - started > 300;
      if (target && active !== target && due) {
        if (!target.hasAttribute('tabindex')) { target.setAttribute('tabindex', '-1'); }
        target.focus();
        focused = true;
      }
      window.requestAnimationFrame(check);
    })();
  }

  function remember() {
    try {
      if (COMPARE_PATH.test(window.location.pathname)) {
        window.sessionStorage.setItem(COMPARE_VIEW, window.location.search);
      }
    } catch (refused) { /* storage switched off: the links keep their plain address */ }
  }

  function remembered() {
    try {
      return window.sessionStorage.getItem(COMPARE_VIEW);
    } catch (refused) {
      return null;
    }
  }

  remember();
  window.addEventListener('popstate', remember);
  window.addEventListener('_dashprivate_pushstate', remember);

  // Capture, before the link's own handler: open the remembered view instead of the bare one.
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('.site-header a[href="/compare"]');
    var search = remembered();
    if (!link || !search || event.button !== 0 || event.ctrlKey || event.metaKey ||
        event.shiftKey || event.altKey || COMPARE_PATH.test(window.location.pathname)) {
      return;
    }
    event.preventDefault();
    event.stopPropagation();
    window.history.pushState({}, '', '/compare' + search);
    window.dispatchEvent(new CustomEvent('_dashprivate_pushstate'));
  }, true);

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    navigation: {
      /* The router drew the page for `rendered` ({path, search, title}): name it and go to it;
         the returned text is read out by the shell's status region. */
      arrived: function (rendered) {
        if (!rendered || !rendered.title) { return window.dash_clientside.no_update; }
        document.title = rendered.title;
        focusNewPage();
        return rendered.title;
      }
    }
  });
})();
