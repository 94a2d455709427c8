/* Deck builder (/deck): the slide list is drawn anew after every change, which would drop the
   keyboard focus to the page. Focus follows the slide instead: after "Move up" or "Move down"
   it is on the same button of the moved slide (or the other one, at the end of the list), after
   "Remove" on the next slide's Remove button (or the previous one's, or the list's heading), and
   after a rename on the renamed slide's title. */
(function () {
  var ROW = /^deck-slide-(title|up|down|remove)$/;
  var pending = null;

  function rowControl(element) {
    if (!element || !element.id || element.id.charAt(0) !== '{') { return null; }
    try {
      var id = JSON.parse(element.id);
      return ROW.test(id.type) && typeof id.index === 'number' ? id : null;
    } catch (notJson) {
      return null;
    }
  }

  function control(type, index) {
    return document.getElementById(JSON.stringify({index: index, type: type}));
  }

  function usable(element) {
    return element && !element.disabled ? element : null;
  }

  function target(used) {
    var i = used.index;
    switch (used.type) {
      case 'deck-slide-up':
        return usable(control('deck-slide-up', i - 1)) || control('deck-slide-down', i - 1);
      case 'deck-slide-down':
        return usable(control('deck-slide-down', i + 1)) || control('deck-slide-up', i + 1);
      case 'deck-slide-remove':
        return control('deck-slide-remove', i) || control('deck-slide-remove', i - 1) ||
          document.querySelector('.page-deck h2');
      default:
        return control('deck-slide-title', i);
    }
  }

  function restore() {
    if (!pending || Date.now() - pending.at > 5000) { pending = null; return; }
    var lost = !document.activeElement || document.activeElement === document.body;
    if (pending.type === 'deck-slide-title' && !lost) { pending = null; return; }
    var next = target(pending);
    if (!next) { return; }  // the list is not drawn yet
    if (next.tagName === 'H2' && !next.hasAttribute('tabindex')) {
      next.setAttribute('tabindex', '-1');
    }
    if (document.activeElement !== next) { next.focus(); }
    pending = null;
  }

  function remember(element) {
    var used = rowControl(element);
    if (used) { pending = {type: used.type, index: used.index, at: Date.now()}; }
  }

  document.addEventListener('click', function (event) {
    remember(event.target.closest && event.target.closest('#deck-slides button'));
  }, true);
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Enter') { remember(event.target); }
  }, true);

  new MutationObserver(function (changes) {
    if (pending && changes.some(function (change) {
      return change.target.closest && change.target.closest('#deck-slides');
    })) {
      window.requestAnimationFrame(restore);
    }
  }).observe(document.documentElement, {childList: true, subtree: true, attributes: true,
                                        attributeFilter: ['disabled', 'id', 'value']});
})();
