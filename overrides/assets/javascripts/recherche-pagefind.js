// Pagefind search (mes-fiches option `recherche: pagefind`): the header's
// button opens Pagefind's search dialog. Pagefind's interface loads once
// the page is idle (or at the first hover, focus or press of the button);
// its index chunks, with the queries that need them.
// The keys «/» and «s» open it as they open Material's search, and Ctrl+K
// (⌘K) as Pagefind's own button does. Results, excerpts and French labels
// are Pagefind's own.
(function () {
  "use strict";

  var button = document.querySelector("[data-recherche-pagefind]");
  if (!button) {
    return;
  }
  var bundle = new URL(button.getAttribute("data-recherche-pagefind"), document.baseURI).href;
  var ready = null;

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  function element(name, children) {
    var el = document.createElement(name);
    (children || []).forEach(function (child) {
      el.appendChild(child);
    });
    return el;
  }

  // Pagefind's default dialog, with one change: its result list drew a
  // placeholder for every match (4,800 for a common word at 5,000 fiches,
  // seconds of work before the first one shows). It draws PAGE of them, and
  // a button adds PAGE more.
  var PAGE = 20;

  function buildModal() {
    var shown = PAGE;
    var results = element("pagefind-results");
    results.setAttribute("max-results", String(shown));
    var more = element("button");
    more.type = "button";
    more.className = "recherche-pagefind__plus";
    more.textContent = "Afficher plus de résultats";
    more.hidden = true;
    // Pagefind's WebAssembly and page list load now, not on the first key.
    var config = element("pagefind-config");
    config.setAttribute("preload", "");
    // Pagefind waits 300 ms after the last key before it searches; half of
    // that still runs one search per word typed at a reader's pace.
    var input = element("pagefind-input");
    input.setAttribute("debounce", "150");
    var modal = element("pagefind-modal", [
      config,
      element("pagefind-modal-header", [input]),
      element("pagefind-modal-body", [element("pagefind-summary"), results, more]),
      element("pagefind-modal-footer", [element("pagefind-keyboard-hints")]),
    ]);
    document.body.appendChild(modal);
    var instance = window.PagefindComponents.getInstanceManager().getInstance("default");
    var growing = false;
    instance.on("search", function () {
      if (!growing) {
        shown = PAGE;
        results.setAttribute("max-results", String(shown));
      }
    });
    instance.on("results", function (found) {
      more.hidden = !found || !found.results || found.results.length <= shown;
    });
    more.addEventListener("click", function () {
      shown += PAGE;
      results.setAttribute("max-results", String(shown));
      // The list reads its limit when results arrive: search again.
      growing = true;
      instance.triggerSearch(instance.searchTerm);
      growing = false;
    });
    return modal;
  }

  function load() {
    if (ready) {
      return ready;
    }
    var style = document.createElement("link");
    style.rel = "stylesheet";
    style.href = bundle + "pagefind-component-ui.css";
    document.head.appendChild(style);
    ready = loadScript(bundle + "pagefind-component-ui.js").then(function () {
      // Before any <pagefind-*> element exists: the first one creates the
      // instance with these options. Each page's hidden forms (metadata,
      // macros/site/pagefind.py) are searched; a fiche's weigh as its
      // text does (FICHE_SEARCH_BOOST).
      window.PagefindComponents.configureInstance("default", {
        bundlePath: bundle,
        ranking: { metaWeights: { variantes: 1, variantes_fiche: 5 } },
      });
      return buildModal();
    });
    ready.catch(function () {
      ready = null;
    });
    return ready;
  }

  // Keys typed between the press and the dialog's opening belong to the
  // query: kept here, not left to Material's shortcuts («p», «n» turn pages).
  var pending = null;

  function hold(event) {
    if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      event.stopImmediatePropagation();
      pending += event.key;
    }
  }

  function open(words) {
    if (pending !== null) {
      return;
    }
    pending = typeof words === "string" ? words : "";
    window.addEventListener("keydown", hold, true);
    load()
      .then(function (modal) {
        modal.open();
        var typed = pending;
        var input = modal.querySelector("input");
        if (typed && input) {
          input.value += typed;
          input.dispatchEvent(new Event("input", { bubbles: true }));
        }
      })
      .finally(function () {
        window.removeEventListener("keydown", hold, true);
        pending = null;
      });
  }

  button.addEventListener("click", function () {
    open();
  });
  // «?q=mots» opens the search with those words, as it opens Material's
  // (the search form of the 404 page sends readers to the home page so).
  var asked = new URL(window.location.href).searchParams.get("q");
  if (asked) {
    open(asked);
  }
  button.addEventListener("pointerenter", load, { once: true });
  button.addEventListener("focus", load, { once: true });
  // Once the page is idle, so that the first query waits only for its own
  // index chunk: about 400 KB, fetched once for the whole site (Material's
  // search fetched its whole index, megabytes, with every page).
  window.addEventListener("load", function () {
    if ("requestIdleCallback" in window) {
      window.requestIdleCallback(load, { timeout: 3000 });
    } else {
      window.setTimeout(load, 1000);
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.altKey || document.querySelector("dialog[open]")) {
      return;
    }
    var modified = event.ctrlKey || event.metaKey;
    var target = event.target;
    var typing =
      target instanceof HTMLElement &&
      (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    var wanted = modified
      ? event.key === "k"
      : !typing && (event.key === "/" || event.key === "s");
    if (wanted) {
      event.preventDefault();
      open();
    }
  });
})();
