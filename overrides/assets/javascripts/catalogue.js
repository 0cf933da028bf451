/* The catalogue's filters (catalogue.html). Progressive enhancement: the page
   already lists every fiche and practice; this script reveals the form and
   hides what does not match. The data are the entries' data-* attributes, so
   nothing is fetched and the page works from file:// as well.
   Several values of one facet combine with OR, facets with AND. The filter
   state lives in the URL fragment (#structure=pes-21&theme=…&q=…): fragments
   survive file:// and links from the matrix. */
(function () {
  "use strict";

  var FACETS = ["type", "chapitre", "theme", "structure"];
  // Practices carry no chapter or themes of their own: they take their fiche's.
  var INHERITED = ["chapitre", "theme"];
  var PAGE_SIZE = 100;
  var ANNOUNCE_DELAY_MS = 500;
  // Same breakpoint as catalogue.css: one column, the filters folded.
  var NARROW = "(max-width: 44.9375em)";

  function fold(text) {
    return text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[\u2019\u2018]/g, "'")
      .replace(/[\u00b7\u2219\u2022\u2027\u22c5]/g, "")
      .toLowerCase();
  }

  function words(text) {
    return fold(text).split(/\s+/).filter(Boolean);
  }

  function plural(count, one, many) {
    return count + "\u00a0" + (count > 1 ? many : one);
  }

  function init(root) {
    var form = root.querySelector("#catalogue-filtres");
    var input = root.querySelector("#catalogue-q");
    var status = root.querySelector("#catalogue-total");
    var empty = root.querySelector("#catalogue-vide");
    var more = root.querySelector("#catalogue-plus");
    var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
    var folded = form.querySelector(".catalogue-plier");
    var active = form.querySelector("[data-actifs]");

    var fiches = {};
    var entries = Array.prototype.map.call(root.querySelectorAll(".catalogue-liste > li"), function (el) {
      var entry = { el: el, values: {}, text: fold(el.textContent) };
      FACETS.forEach(function (name) {
        entry.values[name] = (el.getAttribute("data-" + name) || "").split(" ").filter(Boolean);
      });
      if (entry.values.type[0] === "fiche") {
        fiches[el.getAttribute("data-fiche")] = entry;
      }
      return entry;
    });
    entries.forEach(function (entry) {
      var fiche = fiches[entry.el.getAttribute("data-fiche")];
      if (entry.values.type[0] !== "fiche" && fiche) {
        INHERITED.forEach(function (name) {
          entry.values[name] = fiche.values[name];
        });
      }
    });

    var state = { q: [], selected: {} };
    var limit = PAGE_SIZE;
    var announceTimer = null;

    function readForm() {
      state.q = words(input.value);
      FACETS.forEach(function (name) {
        state.selected[name] = boxes
          .filter(function (box) { return box.name === name && box.checked; })
          .map(function (box) { return box.value; });
      });
    }

    function matches(entry, skipped) {
      for (var i = 0; i < state.q.length; i++) {
        if (entry.text.indexOf(state.q[i]) < 0) return false;
      }
      for (var f = 0; f < FACETS.length; f++) {
        var name = FACETS[f];
        var wanted = state.selected[name];
        if (name === skipped || wanted.length === 0) continue;
        var values = entry.values[name];
        var found = false;
        for (var v = 0; v < wanted.length && !found; v++) {
          found = values.indexOf(wanted[v]) >= 0;
        }
        if (!found) return false;
      }
      return true;
    }

    // A value's count: the entries that would match if it were the facet's
    // only choice, given the other facets and the words.
    function counts() {
      var result = {};
      FACETS.forEach(function (name) {
        var tally = (result[name] = {});
        entries.forEach(function (entry) {
          if (!matches(entry, name)) return;
          entry.values[name].forEach(function (value) {
            tally[value] = (tally[value] || 0) + 1;
          });
        });
      });
      return result;
    }

    function summary(found) {
      if (found.total === 0) return "Aucun résultat";
      var parts = [];
      if (found.fiche) parts.push(plural(found.fiche, "fiche", "fiches"));
      if (found.pratique) parts.push(plural(found.pratique, "pratique", "pratiques"));
      return plural(found.total, "résultat", "résultats") + " : " + parts.join(" et ");
    }

    function render(announce) {
      var found = { total: 0, fiche: 0, pratique: 0 };
      entries.forEach(function (entry) {
        var ok = matches(entry, null);
        if (ok) {
          found.total += 1;
          found[entry.values.type[0]] += 1;
        }
        entry.el.hidden = !ok || found.total > limit;
      });
      var tallies = counts();
      boxes.forEach(function (box) {
        var count = tallies[box.name][box.value] || 0;
        var option = box.parentNode;
        option.querySelector("[data-compte]").textContent = "(" + count + ")";
        option.classList.toggle("catalogue-option--vide", count === 0 && !box.checked);
      });
      var ticked = boxes.filter(function (box) { return box.checked; }).length;
      active.textContent = ticked ? "(" + ticked + " " + (ticked > 1 ? "cochés" : "coché") + ")" : "";
      empty.hidden = found.total > 0;
      var rest = found.total - limit;
      more.parentNode.hidden = rest <= 0;
      if (rest > 0) {
        more.textContent =
          "Afficher " + plural(Math.min(rest, PAGE_SIZE), "résultat", "résultats") +
          " de plus (reste " + rest + ")";
      }
      var text = summary(found);
      clearTimeout(announceTimer);
      if (announce === "later") {
        announceTimer = setTimeout(function () { status.textContent = text; }, ANNOUNCE_DELAY_MS);
      } else {
        status.textContent = text;
      }
    }

    function fragment() {
      var params = new URLSearchParams();
      FACETS.forEach(function (name) {
        state.selected[name].forEach(function (value) { params.append(name, value); });
      });
      if (input.value.trim()) params.append("q", input.value.trim());
      return params.toString();
    }

    function writeUrl() {
      var hash = fragment();
      var url = location.href.split("#")[0] + (hash ? "#" + hash : "");
      try {
        history.replaceState(history.state, "", url);
      } catch (error) {
        // Some browsers refuse history changes on file:// pages.
        location.replace(hash ? "#" + hash : "#");
      }
    }

    function readUrl() {
      var params = new URLSearchParams(location.hash.replace(/^#/, ""));
      var known = FACETS.some(function (name) { return params.has(name); }) || params.has("q");
      if (!known && location.hash) return false;
      boxes.forEach(function (box) {
        box.checked = params.getAll(box.name).indexOf(box.value) >= 0;
      });
      input.value = params.get("q") || "";
      return true;
    }

    function update(announce) {
      readForm();
      limit = PAGE_SIZE;
      render(announce);
      writeUrl();
    }

    form.addEventListener("change", function (event) {
      if (event.target.type === "checkbox") update("now");
    });
    input.addEventListener("input", function () { update("later"); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () {
      // The form's values change after the reset event.
      setTimeout(function () { update("now"); input.focus(); }, 0);
    });
    more.addEventListener("click", function () {
      limit += PAGE_SIZE;
      render("now");
    });
    window.addEventListener("hashchange", function () {
      if (location.hash.replace(/^#/, "") === fragment()) return;
      if (readUrl()) {
        readForm();
        limit = PAGE_SIZE;
        render("now");
      }
    });

    form.hidden = false;
    root.classList.add("catalogue--actif");
    readUrl();
    readForm();
    render("now");
    if (window.matchMedia && window.matchMedia(NARROW).matches) folded.open = false;
  }

  function start() {
    var root = document.querySelector("[data-catalogue]");
    if (root) init(root);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
