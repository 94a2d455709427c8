/* Presentation view and deck button: browser-side callbacks and the presenter's keyboard.
   Keys act only on /present (#present-root) and never while typing in a field. */
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  deck: {
    /* A chart's "Add this view to my deck" answered with the new deck: keep it (of answers
       arriving together, the last). */
    keep: function () {
      var answers = window.dash_clientside.callback_context.triggered.filter(
        function (trigger) { return trigger.value; });
      return answers.length ? answers[answers.length - 1].value
        : window.dash_clientside.no_update;
    }
  },
  present: {
    /* First / previous / next / last: the new 0-based slide index. Presses made in quick
       succession can reach this in one call (Dash merges the inputs that changed before their
       call ran): each button pressed is applied, in the order pressed, as often as counted. */
    step: (function () {
      var seen = {};  // each button's clicks when last read
      return function (first, previous, next, last, index, slides) {
        var count = slides ? slides.length : 0;
        var clicks = {'present-first': first, 'present-previous': previous,
                      'present-next': next, 'present-last': last};
        var current = index || 0;
        var target = current;
        window.dash_clientside.callback_context.triggered.forEach(function (trigger) {
          var id = trigger.prop_id.split('.')[0];
          var now = clicks[id] || 0;
          var before = seen[id] || 0;
          // Fewer clicks than before: the button was drawn anew (the page opened again).
          var times = now >= before ? now - before : now;
          if (id === 'present-first') { target = 0; }
          else if (id === 'present-last') { target = count - 1; }
          else if (id === 'present-previous') { target -= times; }
          else if (id === 'present-next') { target += times; }
          target = Math.max(0, Math.min(count - 1, target));
        });
        Object.keys(clicks).forEach(function (id) { seen[id] = clicks[id] || 0; });
        return target === current ? window.dash_clientside.no_update : target;
      };
    })(),
    /* Show slide `index` from the slides sent with the page, and keep its number (1-based)
       in the address bar, so a reload stays on it. */
    show: function (index, slides) {
      var slide = slides && slides[index];
      if (!slide) { return window.dash_clientside.no_update; }
      var number = index + 1;
      if (document.getElementById('present-root')) {
        var params = new URLSearchParams(window.location.search);
        params.set('slide', String(number));
        var search = '?' + params.toString();
        if (window.location.search !== search) {
          // The hash stays: it may carry the deck's own data (#data=...).
          window.history.replaceState(window.history.state, '',
                                      window.location.pathname + search + window.location.hash);
        }
      }
      return [slide.figure, slide.title, slide.caption, slide.source, slide.view,
              slide.counter, slide.counter_label, slide.countries, !!slide.fixed, !!slide.fixed, slide.view,
              slide.text];
    },
    /* The presenter picked countries for this slide: ask the server to redraw it, unless the
       picker only shows the slide's own countries. */
    pick: function (countries, index, slides) {
      var slide = slides && slides[index];
      var picked = countries || [];
      if (!slide || slide.fixed || JSON.stringify(picked) === JSON.stringify(slide.countries)) {
        return window.dash_clientside.no_update;
      }
      return {countries: picked};
    },
    /* The users' own data a deck link carries after "#data=": the browser never sends a
       fragment with a request, so it is posted back in a callback's body. */
    dataLink: function () {
      var match = /^#data=([A-Za-z0-9_-]+)$/.exec(window.location.hash);
      return match ? match[1] : window.dash_clientside.no_update;
    }
  }
});

(function () {
  var KEYS = {
    ArrowRight: 'present-next', PageDown: 'present-next', ' ': 'present-next',
    ArrowLeft: 'present-previous', PageUp: 'present-previous',
    Home: 'present-first', End: 'present-last'
  };

  function isTyping(target) {
    return !!(target && target.closest &&
      target.closest('input, textarea, select, [contenteditable="true"], .dash-dropdown'));
  }

  function toggleFullScreen() {
    var request;
    if (document.fullscreenElement) {
      request = document.exitFullscreen();
    } else {
      request = document.documentElement.requestFullscreen();
    }
    // Refused (e.g. not allowed by the browser): the slide simply stays in the window.
    if (request && request.catch) { request.catch(function () {}); }
  }

  document.addEventListener('keydown', function (event) {
    if (!document.getElementById('present-root') || event.altKey || event.ctrlKey ||
        event.metaKey || isTyping(event.target)) {
      return;
    }
    var key = event.key;
    // Space on a focused button already presses that button.
    if (key === ' ' && event.target.closest && event.target.closest('button, a')) { return; }
    if (KEYS[key]) {
      event.preventDefault();
      document.getElementById(KEYS[key]).click();
    } else if (key === 'f' || key === 'F') {
      event.preventDefault();
      toggleFullScreen();
    } else if (key === 'Escape') {
      event.preventDefault();
      if (document.fullscreenElement) {
        toggleFullScreen();
      } else {
        document.getElementById('present-leave').click();
      }
    }
  });

  // Ctrl+P (Cmd+P on a Mac) prints the whole deck, a slide a page, as "Download as PDF" does:
  // the browser alone would print the one slide on screen.
  document.addEventListener('keydown', function (event) {
    var deckPdf = document.getElementById('deck-download-pdf');
    if (!document.getElementById('present-root') || !deckPdf || deckPdf.disabled ||
        !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey ||
        (event.key !== 'p' && event.key !== 'P')) {
      return;
    }
    event.preventDefault();
    deckPdf.click();
  });

  document.addEventListener('click', function (event) {
    if (event.target.closest && event.target.closest('#present-fullscreen')) {
      toggleFullScreen();
    }
  });

  // When the slide's country picker closes, the keys belong to the slides again: focus goes
  // back to the slide, also when the picker puts it on its own button a moment later.
  var pickerClosed = 0;

  function backToSlide() {
    var root = document.getElementById('present-root');
    var active = document.activeElement;
    if (root && (!active || active === document.body || !active.isConnected ||
                 (active.closest && active.closest('.present-picker')))) {
      root.focus();
    }
  }

  new MutationObserver(function (changes) {
    changes.forEach(function (change) {
      var picker = change.target;
      if (picker.id === 'present-countries' && change.oldValue === 'true' &&
          picker.getAttribute('aria-expanded') === 'false') {
        pickerClosed = Date.now();
        window.setTimeout(backToSlide, 0);
      }
    });
  }).observe(document.documentElement, {subtree: true, attributes: true,
                                        attributeFilter: ['aria-expanded'],
                                        attributeOldValue: true});
  // A key or a click after the close is the user's own move: where it puts focus, focus stays.
  function userMoved() { pickerClosed = 0; }
  document.addEventListener('keydown', userMoved, true);
  document.addEventListener('pointerdown', userMoved, true);
  document.addEventListener('focusin', function (event) {
    if (Date.now() - pickerClosed < 500 && event.target.closest &&
        event.target.closest('.present-picker')) {
      window.setTimeout(backToSlide, 0);
    }
  });
})();
