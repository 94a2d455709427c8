/* A deck to take away, built in the browser: nothing is sent to the server or stored there.

   "Download as PowerPoint" (/present) writes a .pptx with PptxGenJS (assets/vendor/pptxgenjs,
   fetched from this app only when a file is asked for): one 16:9 slide per deck slide with its
   title, the chart as a high-resolution image drawn by plotly.js, the source line (citation
   and vintage), and speaker notes holding the slide's key values and citation, which the
   server wrote with the slide (layouts/present.py). "Download as PDF" lays every slide out on a
   landscape page (assets/styles/print.css) and opens the browser's print dialog.
   On /deck the same buttons open the presenter with the deck and `?take=pptx` or `?take=pdf`,
   which asks for the file once the slides are there. */
window.dashboardTakeAway = (function () {
  var loading = null;
  var PICTURE = {width: 1600, height: 720, scale: 2};  // px; the image is 2x sharper still
  var SLIDE_WIDTH = 10;  // inches: PowerPoint's 16:9 layout is 10 x 5.625

  function load(url) {
    if (window.PptxGenJS) { return Promise.resolve(); }
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement('script');
        script.src = url;
        script.onload = resolve;
        script.onerror = function () { loading = null; reject(new Error(url)); };
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  function topojsonURL() {
    var drawn = document.querySelector('.js-plotly-plot');
    return drawn && drawn._context ? drawn._context.topojsonURL : undefined;
  }

  /* The slide's chart drawn by plotly.js at `size`, as a data URL. */
  function picture(slide, format, size) {
    var figure = slide.figure || {};
    var layout = Object.assign({}, figure.layout || {}, {width: size.width, height: size.height});
    return window.Plotly.toImage(
      {data: figure.data || [], layout: layout, config: {topojsonURL: topojsonURL()}},
      {format: format, width: size.width, height: size.height, scale: size.scale || 1});
  }

  function fileName(template, deck) {
    var name = ((deck && deck.title) || 'deck').normalize('NFKD')
      .replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'deck';
    return template.replace('{name}', name);
  }

  function pptx(slides, deck, button) {
    return load(button.dataset.script).then(function () {
      var show = new window.PptxGenJS();
      show.layout = 'LAYOUT_16x9';
      show.author = button.dataset.author;
      show.title = (deck && deck.title) || button.dataset.author;
      var file = fileName(button.dataset.file, deck);
      var imageHeight = 3.9;
      var imageWidth = imageHeight * PICTURE.width / PICTURE.height;
      var chain = Promise.resolve();
      slides.forEach(function (slide) {
        chain = chain.then(function () {
          return picture(slide, 'png', PICTURE);
        }).then(function (png) {
          var page = show.addSlide();
          page.addText(slide.title, {x: 0.4, y: 0.15, w: SLIDE_WIDTH - 0.8, h: 0.55,
                                     fontFace: 'Arial', fontSize: 24, bold: true,
                                     color: '000000', fit: 'shrink'});
          if (slide.caption) {
            page.addText(slide.caption, {x: 0.4, y: 0.68, w: SLIDE_WIDTH - 0.8, h: 0.35,
                                         fontFace: 'Arial', fontSize: 12, color: '1A1A1A',
                                         fit: 'shrink'});
          }
          page.addImage({data: png, x: (SLIDE_WIDTH - imageWidth) / 2, y: 1.05,
                         w: imageWidth, h: imageHeight});
          page.addText(slide.source, {x: 0.4, y: 5.0, w: SLIDE_WIDTH - 0.8, h: 0.55,
                                      fontFace: 'Arial', fontSize: 8, color: '333333',
                                      valign: 'top', fit: 'shrink'});
          page.addNotes(slide.notes || '');
        });
      });
      return chain.then(function () { return show.writeFile({fileName: file}); });
    });
  }

  /* Every slide on its own landscape page, then the print dialog. */
  function pdf(slides) {
    var holder = document.getElementById('deck-print');
    holder.classList.remove('ready');
    holder.replaceChildren();
    var chain = Promise.resolve();
    slides.forEach(function (slide) {
      chain = chain.then(function () {
        return picture(slide, 'svg', {width: PICTURE.width, height: PICTURE.height});
      }).then(function (svg) {
        var page = document.createElement('section');
        page.className = 'deck-print-slide';
        var title = document.createElement('h2');
        title.textContent = slide.title;
        page.appendChild(title);
        if (slide.caption) {
          var caption = document.createElement('p');
          caption.className = 'deck-print-caption';
          caption.textContent = slide.caption;
          page.appendChild(caption);
        }
        var image = document.createElement('img');
        image.src = svg;
        image.alt = slide.title;
        page.appendChild(image);
        var source = document.createElement('p');
        source.className = 'deck-print-source';
        source.textContent = slide.source;
        page.appendChild(source);
        holder.appendChild(page);
      });
    });
    return chain.then(function () {
      holder.classList.add('ready');
      return new Promise(function (resolve) {
        // The images are decoded before the browser lays the pages out.
        window.requestAnimationFrame(function () {
          window.dashboardPrint.print();
          resolve();
        });
      });
    });
  }

  /* The file asked for by a click, or by the address (?take=) when the page opens. */
  function asked() {
    // A click may reach this together with the slides arriving (one call for both).
    var clicked = (window.dash_clientside.callback_context.triggered || []).map(
      function (trigger) { return trigger.prop_id.split('.')[0]; });
    if (clicked.indexOf('deck-download-pptx') >= 0) { return 'pptx'; }
    if (clicked.indexOf('deck-download-pdf') >= 0) { return 'pdf'; }
    var params = new URLSearchParams(window.location.search);
    var take = params.get('take');
    if (take) {
      params.delete('take');
      var search = params.toString();
      window.history.replaceState(window.history.state, '', window.location.pathname +
                                  (search ? '?' + search : '') + window.location.hash);
    }
    return take === 'pptx' || take === 'pdf' ? take : null;
  }

  function deck(_pptxClicks, _pdfClicks, slides, _dataStatus, stored) {
    var kind = asked();
    if (!kind || !slides || !slides.length || !window.Plotly) {
      return window.dash_clientside.no_update;
    }
    var button = document.getElementById('deck-download-pptx');
    var status = document.getElementById('deck-take-away-status');
    status.textContent = button.dataset.building;
    var file = fileName(button.dataset.file, stored);
    var work = kind === 'pptx' ? pptx(slides, stored, button) : pdf(slides);
    return work.then(function () {
      return kind === 'pptx' ? button.dataset.built.replace('{file}', file) : '';
    }, function (error) {
      return button.dataset.failed.replace('{reason}', String(error && error.message || error));
    });
  }

  /* On /deck: open the presenter with this deck, asking for the file. */
  document.addEventListener('click', function (event) {
    var button = event.target.closest &&
      event.target.closest('#deck-builder-pptx, #deck-builder-pdf');
    var present = document.getElementById('deck-present');
    if (!button || !present) { return; }
    var href = present.getAttribute('href') || '/present';
    var take = button.id === 'deck-builder-pptx' ? 'pptx' : 'pdf';
    var hash = href.indexOf('#') >= 0 ? href.slice(href.indexOf('#')) : '';
    var link = hash ? href.slice(0, href.indexOf('#')) : href;
    window.location.assign(link + (link.indexOf('?') >= 0 ? '&' : '?') + 'take=' + take + hash);
  });

  window.addEventListener('afterprint', function () {
    var holder = document.getElementById('deck-print');
    if (holder) { holder.classList.remove('ready'); }
  });

  window.dash_clientside = Object.assign({}, window.dash_clientside, {takeAway: {deck: deck}});
  return {pptx: pptx, pdf: pdf};
})();
