/* What Dash's and ag-grid's own markup leaves out for keyboard and screen-reader users, added
   in the browser as their components draw (they take no ARIA properties from the layout):
   - a control is named by its visible <label for=ID>, where ID is the component's container
     (dropdowns, sliders and their year fields) rather than a form field;
   - RadioItems are native radio buttons in a <fieldset>: the listbox/option roles Dash puts
     around them (interactive controls nested in options) are taken off;
   - a dropdown is one tab stop, its button (Dash adds a hidden stand-in input in front of it),
     named by its label and all it shows;
   - a file field in an upload zone is named by the zone's text;
   - Tab leaves a data grid (ag-grid): arrow keys move between its cells, Tab and Shift+Tab
     go to the control after or before it, so read-only tables are never a keyboard trap. */
(function () {
  var TABBABLE = 'a[href], button, input, select, textarea, summary, [tabindex]';

  function labelFor(id) {
    var label = document.querySelector('label[for="' + CSS.escape(id) + '"]');
    if (label && !label.id) { label.id = id + '-label'; }
    return label;
  }

  function ownId(element, id) {
    if (!element.id) { element.id = id; }
    return element.id;
  }

  function setAttr(element, name, value) {
    if (element.getAttribute(name) !== value) { element.setAttribute(name, value); }
  }

  function nameDropdown(button) {
    var label = labelFor(button.id);
    var shown = button.querySelector('.dash-dropdown-trigger');
    if (label && shown) {
      // The label first, then all the button shows (Dash names it by its value only).
      setAttr(button, 'aria-labelledby', label.id + ' ' + ownId(shown, button.id + '-shown'));
    }
    // The clear cross is for the mouse (the keyboard clears with Delete): not part of the name.
    var clear = button.querySelector('.dash-dropdown-clear');
    if (clear) { setAttr(clear, 'aria-hidden', 'true'); }
    var standIn = button.previousElementSibling;
    if (standIn && standIn.classList.contains('dash-dropdown-focus-target')) {
      standIn.inert = true;
      if (button.tabIndex !== 0 && !button.disabled) { button.tabIndex = 0; }
    }
  }

  function nameSlider(container) {
    var label = labelFor(container.id);
    if (!label) { return; }
    var thumbs = container.querySelectorAll('[role="slider"]');
    var range = thumbs.length > 1;
    thumbs.forEach(function (thumb, i) {
      var id = ownId(thumb, container.id + '-thumb-' + (i + 1));
      // A range's ends keep their own words ("Minimum", "Maximum") after the label's.
      setAttr(thumb, 'aria-labelledby', range ? label.id + ' ' + id : label.id);
    });
    var fields = {min: container.querySelector('.dash-range-slider-min-input'),
                  max: container.querySelector('.dash-range-slider-max-input')};
    Object.keys(fields).forEach(function (end) {
      var field = fields[end];
      if (!field) { return; }
      var thumb = range ? thumbs[end === 'min' ? 0 : 1] : null;
      setAttr(field, 'aria-labelledby', thumb ? label.id + ' ' + thumb.id : label.id);
    });
  }

  function nativeRadios(list) {
    list.removeAttribute('role');
    list.querySelectorAll('[role="option"], [aria-selected]').forEach(function (option) {
      option.removeAttribute('role');
      option.removeAttribute('aria-selected');
    });
  }

  function nameUpload(field) {
    var zone = field.parentElement;
    if (zone && !field.hasAttribute('aria-label')) {
      field.setAttribute('aria-label', zone.textContent.trim());
    }
  }

  function enhance() {
    document.querySelectorAll('button.dash-dropdown[id]').forEach(nameDropdown);
    document.querySelectorAll('.dash-slider-container[id]').forEach(nameSlider);
    document.querySelectorAll('.dash-radioitems[role], .dash-radioitems [role="option"], ' +
                              '.dash-radioitems [aria-selected]').forEach(function (el) {
      nativeRadios(el.closest('.dash-radioitems'));
    });
    document.querySelectorAll('input[type="file"]').forEach(nameUpload);
  }

  // Each batch of changes is fixed before the browser paints it.
  new MutationObserver(enhance).observe(document.documentElement, {
    childList: true, subtree: true, attributes: true,
    attributeFilter: ['role', 'aria-selected', 'tabindex', 'aria-labelledby']
  });
  document.addEventListener('DOMContentLoaded', enhance);

  // ---- Tab leaves a data grid ------------------------------------------------------------
  function tabbable(element) {
    if (element.tabIndex < 0 || element.disabled || element.inert || element.closest('[inert]')) {
      return false;
    }
    if (element.classList.contains('ag-tab-guard')) { return false; }
    // Of a radio group only the chosen button is a tab stop.
    if (element.type === 'radio' && element.name && !element.checked) {
      var group = document.querySelectorAll('input[type="radio"][name="' +
                                            CSS.escape(element.name) + '"]');
      var chosen = Array.prototype.some.call(group, function (r) { return r.checked; });
      if (chosen || group[0] !== element) { return false; }
    }
    return element.getClientRects().length > 0 &&
      getComputedStyle(element).visibility !== 'hidden';
  }

  function leaveGrid(event) {
    if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey) { return; }
    var target = event.target;
    var cells = target.closest && target.closest('.ag-root');
    if (!cells || target.closest('.ag-popup, .ag-menu, .ag-filter')) { return; }
    var wrapper = cells.closest('.ag-root-wrapper') || cells;
    var candidates = Array.prototype.filter.call(
      document.querySelectorAll(TABBABLE),
      function (el) { return !cells.contains(el) && tabbable(el); });
    var next = null;
    if (event.shiftKey) {
      candidates.forEach(function (el) {
        if (wrapper.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING) { next = el; }
      });
      // Nothing before the grid: round to the page's last control, as Tab goes round.
      next = next || candidates[candidates.length - 1] || null;
    } else {
      next = candidates.find(function (el) {
        return cells.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING;
      }) || candidates[0] || null;
    }
    if (next) {
      event.preventDefault();
      event.stopPropagation();
      next.focus();
    }
  }
  document.addEventListener('keydown', leaveGrid, true);
})();
