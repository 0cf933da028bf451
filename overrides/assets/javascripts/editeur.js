/* The fiche editor's form: answers in, fiche text out (editeur-ecriture.js), checked as one types.
 *
 * Data comes from scripts the build writes (editeur/donnees.js, editeur/fiches/<n>.js),
 * so that the offline copy works from file://. Content is untrusted: it reaches
 * the page only through textContent and form values, never as HTML.
 */
(function () {
  "use strict";

  var D = window.MES_EDITEUR;
  var root = document.getElementById("editeur");
  if (!D || !root || !window.MesEcriture || !window.Mustache) return;
  var W = window.MesEcriture;
  var $ = function (id) { return document.getElementById(id); };
  var KEY = "mes-fiches-editeur:";

  var state = { base: null, original: null, entry: null, answers: null, mode: "", errors: 0, tooLong: false, drawn: null, marking: false, blockedSaid: false };
  var lastField = null;
  var counter = 0;

  // --- helpers ----------------------------------------------------------------

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function uid(prefix) { counter += 1; return prefix + "-" + counter; }

  function fold(text) {
    return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();
  }

  function clone(value) { return JSON.parse(JSON.stringify(value)); }

  // The local day, as `fiches new` writes it (date.today()).
  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  }

  function numberParts(n) { return /^[1-9][0-9]*(\.[1-9][0-9]*)?$/.test(n) ? n.split(".").map(Number) : null; }

  function nextFree(chapter) {
    var max = 0;
    Object.keys(D.numeros).forEach(function (n) {
      var parts = numberParts(n);
      if (parts && parts.length === 2 && parts[0] === chapter) max = Math.max(max, parts[1]);
    });
    return chapter + "." + (max + 1);
  }

  function findStructure(name) {
    var wanted = fold(name);
    return D.structures.find(function (s) {
      return [s.slug, s.nom_court, s.nom].concat(s.alias).some(function (n) { return fold(n) === wanted; });
    });
  }

  // --- answers <-> form ---------------------------------------------------------

  function newAnswers() {
    var chapters = chapterNumbers();
    return {
      nouvelle: true,
      entete: [{ cle: null, brut: D.modeline, valeur: null }],
      champs: {
        numero: nextFree(chapters.length ? chapters[chapters.length - 2] || chapters[0] : 1),
        titre: "", themes: [], statut: "brouillon", date_creation: today()
      },
      contexte: "", enjeux: [], pratiques: [], sections: []
    };
  }

  // The chapter select only proposes a number: it follows the number typed, with a
  // «Chapitre N (nouveau)» option when needed, so that the two never disagree.
  function followNumber() {
    var parts = numberParts($("ed-numero").value.trim());
    if (!parts) return;
    var select = $("ed-chapitre");
    var wanted = String(parts[0]);
    Array.prototype.forEach.call(select.querySelectorAll("option[data-ajout]"), function (o) {
      if (o.value !== wanted) o.remove();
    });
    if (!select.querySelector('option[value="' + wanted + '"]')) {
      var option = el("option", { value: wanted, "data-ajout": "" }, "Chapitre " + wanted + " (nouveau)");
      var after = Array.prototype.find.call(select.options, function (o) { return Number(o.value) > parts[0]; });
      select.insertBefore(option, after || null);
    }
    select.value = wanted;
  }

  function chapterNumbers() {
    var seen = {};
    D.chapitres.forEach(function (c) { seen[c.numero] = true; });
    Object.keys(D.numeros).forEach(function (n) { var p = numberParts(n); if (p) seen[p[0]] = true; });
    var list = Object.keys(seen).map(Number).sort(function (a, b) { return a - b; });
    list.push((list[list.length - 1] || 0) + 1);  // a new chapter
    return list;
  }

  // The order the fiche had, then the boxes ticked since: an untouched list is rewritten as it was.
  function checkedValues(container, before) {
    var ticked = Array.prototype.map.call(container.querySelectorAll("input:checked"), function (i) { return i.value; });
    var kept = (before || []).filter(function (v) { return ticked.indexOf(v) !== -1; });
    return kept.concat(ticked.filter(function (v) { return kept.indexOf(v) === -1; }));
  }

  function collect() {
    var a = state.answers;
    var f = a.champs;
    f.numero = $("ed-numero").value.trim();
    f.titre = $("ed-titre").value;
    f.themes = checkedValues($("ed-themes"), f.themes);
    f.statut = $("ed-statut").value;
    f.resume = $("ed-resume").value.trim();
    f.mots_cles = $("ed-mots-cles").value.split(",").map(function (w) { return w.trim(); }).filter(Boolean);
    f.redaction = checkedValues($("ed-redaction"), f.redaction);
    if (a.corps_brut) {
      a.corps_brut = $("ed-corps").value.replace(/\r\n/g, "\n").replace(/\n$/, "") || "\n";
      return a;
    }
    a.contexte = $("ed-contexte").value;
    a.enjeux = Array.prototype.map.call($("ed-enjeux").children, function (group) {
      return {
        type: group.querySelector(".ed-enjeu-type").value,
        titre: group.querySelector(".ed-enjeu-titre").value,
        points: Array.prototype.map.call(group.querySelectorAll(".ed-point"), function (t) { return t.value; })
      };
    });
    a.pratiques = Array.prototype.map.call($("ed-pratiques").children, function (group) {
      return {
        texte: group.querySelector(".ed-pratique-texte").value,
        structures: Array.prototype.map.call(group.querySelectorAll(".ed-credit"), function (c) { return c.dataset.nom; })
      };
    });
    a.sections = Array.prototype.map.call($("ed-sections").children, function (group) {
      return { titre: group.querySelector(".ed-section-titre").value, texte: group.querySelector(".ed-section-texte").value };
    });
    return a;
  }

  function fill(answers) {
    state.answers = clone(answers);
    var f = state.answers.champs;
    $("ed-numero").value = f.numero || "";
    $("ed-titre").value = f.titre || "";
    setChecked($("ed-themes"), f.themes || []);
    $("ed-statut").value = f.statut || "brouillon";
    $("ed-resume").value = f.resume || "";
    $("ed-mots-cles").value = (f.mots_cles || []).join(", ");
    setChecked($("ed-redaction"), f.redaction || []);
    followNumber();
    var raw = Boolean(state.answers.corps_brut);
    $("ed-corps-brut").hidden = !raw;
    Array.prototype.forEach.call(root.querySelectorAll("[data-corps]"), function (fs) { fs.hidden = raw; });
    $("ed-corps").value = raw ? state.answers.corps_brut : "";
    $("ed-contexte").value = state.answers.contexte || "";
    drawList("ed-enjeux", state.answers.enjeux || [], stakeGroup);
    drawList("ed-pratiques", state.answers.pratiques || [], practiceGroup);
    drawList("ed-sections", state.answers.sections || [], sectionGroup);
  }

  function setChecked(container, values) {
    Array.prototype.forEach.call(container.querySelectorAll("input"), function (box) {
      box.checked = values.indexOf(box.value) !== -1;
    });
  }

  // --- the repeated groups --------------------------------------------------------

  function drawList(id, items, make) {
    var list = $(id);
    list.replaceChildren();
    items.forEach(function (item, index) { list.appendChild(make(item, index)); });
  }

  function redraw(listId, make, change) {
    collect();
    var key = { "ed-enjeux": "enjeux", "ed-pratiques": "pratiques", "ed-sections": "sections" }[listId];
    var items = state.answers[key];
    var focus = change(items);
    drawList(listId, items, make);
    state.marking = true;
    update();
    if (focus) focus();
  }

  function field(label, control, extra) {
    var p = el("p", { "class": "editeur-champ" });
    control.id = control.id || uid("ed");
    p.appendChild(el("label", { "for": control.id }, label));
    p.appendChild(control);
    if (control.hasAttribute("data-mentions")) p.appendChild(mentionButton(control, label));
    if (extra) p.appendChild(extra);
    return p;
  }

  function textarea(cls, value, mentions) {
    var t = el("textarea", { "class": cls, rows: "2" });
    if (mentions) t.setAttribute("data-mentions", "");
    t.value = value || "";
    return t;
  }

  function button(text, onClick, label) {
    var b = el("button", { type: "button", "class": "md-button editeur-petit" }, text);
    if (label) b.setAttribute("aria-label", label);
    b.addEventListener("click", onClick);
    return b;
  }

  function focusIn(listId, index, selector) {
    return function () {
      var group = $(listId).children[index];
      var target = group && group.querySelector(selector);
      if (target) target.focus();
    };
  }

  // A numbered group of fields, named by its heading for screen readers.
  function groupBox(title) {
    var group = el("div", { "class": "editeur-groupe", role: "group" });
    var heading = el("h3", { id: uid("ed-groupe-h") }, title);
    group.setAttribute("aria-labelledby", heading.id);
    group.appendChild(heading);
    return group;
  }

  // «Retirer…»: drops item `index` of the list, then gives the focus to its «Ajouter…» button.
  function removeGroup(group, listId, make, index, text, label, addId) {
    var actions = el("p", { "class": "editeur-actions" });
    actions.appendChild(button(text, function () {
      redraw(listId, make, function (items) {
        items.splice(index, 1);
        return function () { $(addId).focus(); };
      });
    }, label));
    group.appendChild(actions);
    return actions;
  }

  function stakeGroup(stake, index) {
    var group = groupBox("Groupe d'enjeux " + (index + 1));
    var kind = el("select", { "class": "ed-enjeu-type" });
    kind.appendChild(el("option", { value: "" }, "— choisir un type —"));
    D.enjeux.forEach(function (k) { kind.appendChild(el("option", { value: k.slug }, k.libelle)); });
    if (stake.type && !D.enjeux.some(function (k) { return k.slug === stake.type; })) {
      kind.appendChild(el("option", { value: stake.type }, stake.type + " (inconnu)"));
    }
    kind.value = stake.type || "";
    var title = el("input", { type: "text", "class": "ed-enjeu-titre", autocomplete: "off" });
    title.value = stake.titre || "";
    // The title starts as the type's label, and follows the type until someone writes one.
    function typeLabel(text) { return D.enjeux.some(function (k) { return k.libelle === text.trim(); }); }
    kind.addEventListener("change", function () {
      var known = D.enjeux.find(function (k) { return k.slug === kind.value; });
      if (known && (!title.value.trim() || typeLabel(title.value))) title.value = known.libelle;
    });
    // Typing replaces a label the form wrote, instead of adding to it.
    title.addEventListener("focus", function () { if (typeLabel(title.value)) title.select(); });
    group.appendChild(field("Type d'enjeu", kind));
    group.appendChild(field("Titre du groupe", title));
    (stake.points || []).forEach(function (point, p) {
      var text = textarea("ed-point", point, true);
      group.appendChild(field("Enjeu " + (p + 1), text, button("Retirer", function () {
        redraw("ed-enjeux", stakeGroup, function (items) {
          items[index].points.splice(p, 1);
          return focusIn("ed-enjeux", index, ".ed-ajout-point");
        });
      }, "Retirer l'enjeu " + (p + 1) + " du groupe " + (index + 1))));
    });
    var actions = removeGroup(group, "ed-enjeux", stakeGroup, index, "Retirer ce groupe",
      "Retirer le groupe d'enjeux " + (index + 1), "ed-ajout-enjeu");
    var add = button("Ajouter un enjeu", function () {
      redraw("ed-enjeux", stakeGroup, function (items) {
        items[index].points.push("");
        var rank = items[index].points.length - 1;
        return function () { $("ed-enjeux").children[index].querySelectorAll(".ed-point")[rank].focus(); };
      });
    }, "Ajouter un enjeu au groupe " + (index + 1));
    add.classList.add("ed-ajout-point");
    actions.insertBefore(add, actions.firstChild);
    return group;
  }

  function practiceGroup(practice, index) {
    var group = groupBox("Pratique " + (index + 1));
    group.appendChild(field("Description de la pratique", textarea("ed-pratique-texte", practice.texte, true)));
    var credits = el("fieldset", { "class": "editeur-credits" });
    credits.appendChild(el("legend", {}, "Structures qui mènent cette pratique"));
    var chosen = el("ul", { "class": "editeur-puces" });
    (practice.structures || []).forEach(function (name, c) {
      var li = el("li", { "class": "ed-credit" });
      li.dataset.nom = name;
      li.appendChild(el("span", {}, name));
      li.appendChild(button("Retirer", function () {
        redraw("ed-pratiques", practiceGroup, function (items) {
          items[index].structures.splice(c, 1);
          return focusIn("ed-pratiques", index, ".ed-cherche");
        });
      }, "Retirer " + name + " de la pratique " + (index + 1)));
      chosen.appendChild(li);
    });
    credits.appendChild(chosen);
    credits.appendChild(chooser("Ajouter une structure (nom ou alias)", "structure", function (s) {
      redraw("ed-pratiques", practiceGroup, function (items) {
        if (items[index].structures.indexOf(s.nom_court) === -1) items[index].structures.push(s.nom_court);
        return focusIn("ed-pratiques", index, ".ed-cherche");
      });
    }));
    group.appendChild(credits);
    removeGroup(group, "ed-pratiques", practiceGroup, index, "Retirer cette pratique",
      "Retirer la pratique " + (index + 1), "ed-ajout-pratique");
    return group;
  }

  function sectionGroup(section, index) {
    var group = groupBox("Section " + (index + 1));
    var title = el("input", { type: "text", "class": "ed-section-titre", autocomplete: "off" });
    title.value = section.titre || "";
    group.appendChild(field("Titre de la section", title));
    var text = textarea("ed-section-texte", section.texte, true);
    text.rows = 4;
    group.appendChild(field("Texte (Markdown)", text));
    removeGroup(group, "ed-sections", sectionGroup, index, "Retirer cette section",
      "Retirer la section " + (index + 1), "ed-ajout-section");
    return group;
  }

  // --- choosing from a registry -------------------------------------------------------

  function candidates(kind, query) {
    var q = fold(query);
    var list;
    if (kind === "structure") {
      list = D.structures.map(function (s) {
        return { label: s.nom_court + " — " + s.nom, names: [s.slug, s.nom_court, s.nom].concat(s.alias), value: s };
      });
    } else if (kind === "theme") {
      list = D.themes.map(function (t) { return { label: t.libelle, names: [t.slug, t.libelle], value: t }; });
    } else {
      list = D.fiches.map(function (f) { return { label: "Fiche " + f.numero + " — " + f.titre, names: [f.numero, f.titre], value: f }; });
    }
    return list.filter(function (c) {
      return !q || c.names.some(function (n) { return fold(n).indexOf(q) !== -1; });
    }).slice(0, 8);
  }

  // The ARIA combobox with a listbox popup (WAI-ARIA Authoring Practices): the focus stays in
  // the text box, the arrows move the active option that aria-activedescendant names, Enter
  // picks it (or the first one when none is active yet, as the guide promises), Escape closes
  // the list. Options are not buttons: a listbox holds options only, reached by the arrows.
  // `o.items(all)` gives the options, all of them when the list is opened with an arrow key;
  // `o.none` shows `o.noneText` when nothing matches; in a dialog (`o.inDialog`) Escape is
  // left to the dialog, which closes with its list.
  function combobox(input, list, o) {
    var shown = [];
    var active = -1;
    list.id = list.id || uid("ed-liste");
    list.setAttribute("role", "listbox");
    list.hidden = true;
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");

    function setActive(index) {
      active = index;
      Array.prototype.forEach.call(list.children, function (option, i) {
        option.setAttribute("aria-selected", String(i === index));
      });
      if (index < 0) { input.removeAttribute("aria-activedescendant"); return; }
      var option = list.children[index];
      input.setAttribute("aria-activedescendant", option.id);
      if (option.scrollIntoView) option.scrollIntoView({ block: "nearest" });
    }

    function draw(all) {
      shown = o.items(Boolean(all));
      list.replaceChildren();
      shown.forEach(function (c) {
        var option = el("li", { role: "option", id: uid("ed-option"), "aria-selected": "false" }, c.label);
        // The mouse picks without taking the focus from the text box.
        option.addEventListener("mousedown", function (event) { event.preventDefault(); });
        option.addEventListener("click", function () { o.choose(c.value); });
        list.appendChild(option);
      });
      list.hidden = !shown.length;
      input.setAttribute("aria-expanded", String(shown.length > 0));
      setActive(-1);
      o.none.textContent = !shown.length && input.value.trim() ? o.noneText : "";
    }

    function close() {
      shown = [];
      list.replaceChildren();
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      setActive(-1);
    }

    input.addEventListener("input", function () { draw(false); });
    // Leaving the text box closes its list (options keep the focus off themselves, see above);
    // in the dialog the list stays, for the «Mentionner» select changes it.
    if (!o.inDialog) input.addEventListener("blur", close);
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        if (!shown.length) draw(true);
        if (!shown.length) return;
        var step = event.key === "ArrowDown" ? 1 : -1;
        var next = active < 0 ? (step > 0 ? 0 : shown.length - 1) : (active + step + shown.length) % shown.length;
        setActive(next);
      } else if (event.key === "Enter") {
        event.preventDefault();
        if (shown.length) o.choose(shown[active < 0 ? 0 : active].value);
      } else if (event.key === "Escape" && shown.length && !o.inDialog) {
        event.preventDefault();
        event.stopPropagation();
        close();
      }
    });
    return { draw: draw, close: close };
  }

  function chooser(label, kind, onChoose) {
    var box = el("div", { "class": "editeur-chercher" });
    var input = el("input", { type: "search", "class": "ed-cherche", autocomplete: "off" });
    var results = el("ul", { "class": "editeur-choix", "aria-label": "Structures proposées" });
    var none = el("p", { "class": "editeur-aide", "aria-live": "polite" });
    combobox(input, results, {
      items: function (all) { return input.value.trim() || all ? candidates(kind, input.value) : []; },
      choose: onChoose,
      none: none,
      noneText: "Aucune structure ne porte ce nom."
    });
    box.appendChild(field(label, input));
    box.appendChild(results);
    box.appendChild(none);
    return box;
  }

  // --- mentions: macro calls inserted through a picker ------------------------------------

  function mentionButton(target, label) {
    return button("Insérer une mention", function () { openMention(target); }, "Insérer une mention dans « " + label + " »");
  }

  function openMention(target) {
    lastField = target;
    var dialog = $("ed-mention");
    $("ed-mention-q").value = "";
    mentions.draw(true);
    dialog.showModal();
    $("ed-mention-q").focus();
  }

  var mentions = null;  // the dialog's combobox, set up once by setupStatic

  function mentionItems() {
    var kind = $("ed-mention-type").value;
    return candidates(kind, $("ed-mention-q").value).map(function (c) {
      return { label: c.label, value: { kind: kind, value: c.value } };
    });
  }

  // After these, a word starts without a space: blanks, opening brackets, an elided «l'».
  var OPENS_WORD = /[\s(\[{'\u2019]/;
  var WORD_CHAR = /[\p{L}\p{N}]/u;

  function quote(text) { return '"' + String(text).replace(/\\/g, "\\\\").replace(/"/g, '\\"') + '"'; }

  function insertMention(kind, value) {
    var call = kind === "structure" ? W.structureCall(value.nom_court)
      : kind === "theme" ? "{{ theme(" + quote(value.slug) + ") }}"
      : "{{ fiche(" + quote(value.numero) + ") }}";
    $("ed-mention").close();
    var t = lastField;
    if (!t) return;
    var start = t.selectionStart === undefined ? t.value.length : t.selectionStart;
    var end = t.selectionEnd === undefined ? start : t.selectionEnd;
    // A mention is a word of the sentence: never glued to the word before or after it.
    var before = t.value.charAt(start - 1);
    var after = t.value.charAt(end);
    if (before && !OPENS_WORD.test(before)) call = " " + call;
    if (WORD_CHAR.test(after)) call += " ";
    t.setRangeText(call, start, end, "end");
    t.focus();
    state.marking = true;
    update();
  }

  // --- checks: the rules and codes of `fiches check` --------------------------------------------

  var ajv = null;
  var validate = null;
  try {
    var Ajv = window.ajv2020 && (window.ajv2020.default || window.ajv2020);
    // verbose: each error carries its schema (e.parentSchema), whose description is the remedy.
    ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
    // What jsonschema's FormatChecker accepts for "date": a real calendar day.
    ajv.addFormat("date", function (text) {
      var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
      if (!m) return false;
      var d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
      return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
    });
    validate = ajv.compile(D.schema);
  } catch (e) {
    validate = null;
  }

  function headerObject(a) {
    var data = {};
    (a.entete || []).forEach(function (chunk) {
      if (chunk.cle && W.FIELDS.indexOf(chunk.cle) === -1) data[chunk.cle] = chunk.valeur;
    });
    W.FIELDS.forEach(function (key) {
      var v = a.champs[key];
      var required = ["numero", "titre", "themes", "statut"].indexOf(key) !== -1;
      if (required || !(v === undefined || v === null || v === "" || (Array.isArray(v) && !v.length))) data[key] = v;
    });
    return data;
  }

  var FIELD_IDS = {
    numero: "ed-numero", titre: "ed-titre", themes: "ed-themes", statut: "ed-statut",
    resume: "ed-resume", mots_cles: "ed-mots-cles", redaction: "ed-redaction"
  };

  // --- the remedies of macros/check/schemas.py (_report), from the same schema data ---------

  // macros/core/names.py's fold(): no case, accents or spacing differences.
  function foldName(name) {
    return String(name).normalize("NFKD").replace(/\p{Mn}/gu, "").replace(/\u2019/g, "'").replace(/-/g, " ")
      .replace(/[\s\u00a0\u202f]+/g, " ").trim().toLowerCase();
  }

  // difflib.SequenceMatcher(None, a, b).ratio() for short names (no junk, no autojunk).
  function similarity(a, b) {
    var matched = 0;
    var ranges = [[0, a.length, 0, b.length]];
    while (ranges.length) {
      var r = ranges.pop();
      var best = { i: r[0], j: r[2], k: 0 };
      var lengths = {};
      for (var i = r[0]; i < r[1]; i += 1) {
        var next = {};
        for (var j = r[2]; j < r[3]; j += 1) {
          if (a[i] !== b[j]) continue;
          var k = next[j] = (lengths[j - 1] || 0) + 1;
          if (k > best.k) best = { i: i - k + 1, j: j - k + 1, k: k };
        }
        lengths = next;
      }
      if (!best.k) continue;
      matched += best.k;
      ranges.push([r[0], best.i, r[2], best.j], [best.i + best.k, r[1], best.j + best.k, r[3]]);
    }
    var total = a.length + b.length;
    return total ? 2 * matched / total : 1;
  }

  function quotedList(names) { return names.map(function (n) { return "« " + n + " »"; }).join(", "); }

  // macros/core/names.py's suggestion(): the closest known names, or all of them when few.
  function suggestion(wanted, pool, what) {
    var byFold = {};
    pool.forEach(function (c) { var k = foldName(c); if (!(k in byFold)) byFold[k] = c; });
    var key = foldName(wanted);
    // difflib.get_close_matches(n=3, cutoff=0.5): best score first, then the greater string.
    var near = Object.keys(byFold).map(function (k) { return [similarity(key, k), k]; })
      .filter(function (m) { return m[0] >= 0.5; })
      .sort(function (x, y) { return y[0] - x[0] || (x[1] < y[1] ? 1 : x[1] > y[1] ? -1 : 0); })
      .slice(0, 3);
    if (near.length) return "vouliez-vous dire " + quotedList(near.map(function (m) { return byFold[m[1]]; })) + " ?";
    if (!pool.length) return "aucune entrée dans la liste des " + what;
    if (pool.length <= 12) return what + " : " + quotedList(pool.slice().sort());
    return "consultez la liste des " + what;
  }

  var TYPES = {
    string: "du texte", integer: "un nombre entier", number: "un nombre", array: "une liste",
    object: "un ensemble de clés", "boolean": "vrai ou faux", "null": "vide"
  };

  function describe(schema, key) {
    var described = key === undefined ? schema : ((schema || {}).properties || {})[key];
    return (described && typeof described.description === "string") ? described.description : "";
  }

  // One schema error as `fiches check` words it: the message, and the remedy after « ; ».
  function schemaProblem(e, data) {
    var path = e.instancePath.split("/").filter(Boolean);
    var named = path.filter(function (p) { return !/^\d+$/.test(p); });
    var name = named.length ? named[named.length - 1] : "(racine)";
    var value = path.reduce(function (v, p) { return v === undefined ? v : v[p]; }, data);
    var schema = e.parentSchema || {};  // the schema that holds the keyword, as jsonschema's error.schema
    var code = "schema-" + e.keyword;
    var message;
    var hint = "";
    if (e.keyword === "required") {
      code = "schema-cle-manquante";
      name = e.params.missingProperty;
      message = "clé obligatoire « " + name + " » manquante dans l'en-tête";
      var description = describe(schema, name);
      hint = "ajoutez « " + name + ": … »" + (description ? " (" + description + ")" : "");
    } else if (e.keyword === "additionalProperties") {
      code = "schema-cle-inconnue";
      message = "clé inconnue « " + e.params.additionalProperty + " » dans l'en-tête";
      hint = suggestion(e.params.additionalProperty, Object.keys(schema.properties || {}), "clés connues");
    } else if (e.keyword === "type") {
      var expected = [].concat(e.schema);
      message = "« " + name + " » doit être " + expected.map(function (t) { return TYPES[t] || t; }).join(" ou ");
      if (expected.indexOf("array") !== -1) hint = "écrivez par exemple « " + name + ": [valeur-1, valeur-2] »";
    } else if (e.keyword === "enum") {
      message = "valeur « " + value + " » non autorisée pour « " + name + " »";
      hint = suggestion(String(value), e.schema.map(String), "valeurs permises");
    } else if (e.keyword === "pattern") {
      message = "« " + value + " » n'a pas la forme attendue pour « " + name + " »";
      hint = name === "numero" ? numberRemedy(String(value)) : describe(schema);
    } else if (e.keyword === "format") {
      message = "« " + value + " » n'est pas une date valide pour « " + name + " »";
      hint = "écrivez la date sous la forme AAAA-MM-JJ, par exemple 2026-11-26";
    } else if (e.keyword === "uniqueItems") {
      message = "« " + name + " » contient deux fois la même valeur";
      hint = "retirez le doublon";
    } else if (e.keyword === "minLength" || e.keyword === "minItems") {
      message = "« " + name + " » est trop court ou vide";
      hint = describe(schema);
    } else if (e.keyword === "minimum" || e.keyword === "maximum") {
      message = "« " + name + " » vaut " + value + ", hors des limites permises";
      hint = describe(schema);
    } else {
      message = "« " + name + " » : " + e.message;
    }
    return { code: code, message: message, hint: hint, field: FIELD_IDS[name] || null };
  }

  // The schema's remedy for «numero» speaks of quotes in the file, which the form writes
  // itself: here, as `fiches new` says it, the form of the number with an example.
  function numberRemedy(value) {
    var comma = value.trim().replace(",", ".");
    var chapter = Number($("ed-chapitre").value) || 1;
    return "écrivez chapitre.rang avec un point, par exemple « " + (numberParts(comma) ? comma : nextFree(chapter)) + " »";
  }

  function schemaProblems(data) {
    if (!validate) return [{ code: "schema", message: "le validateur n'a pas pu démarrer : rechargez la page", field: null }];
    if (validate(data)) return [];
    var errors = validate.errors || [];
    // A malformed date fails both `pattern` and `format`: said once, as the check says it.
    var patterned = {};
    errors.forEach(function (e) { if (e.keyword === "pattern") patterned[e.instancePath] = true; });
    return errors.filter(function (e) { return !(e.keyword === "format" && patterned[e.instancePath]); })
      .map(function (e) { return schemaProblem(e, data); });
  }

  // A practice is empty, as macros/check/fiche_body.py reads it, when no letter or digit is
  // left once its calls to `structure` (its credits) and the «et» joining them are taken out.
  var STRUCTURE_CALLS = /\{\{-?\s*structure\s*\([\s\S]*?\}\}/g;
  var JOINING_ET = /(?<![\p{L}\p{N}_])et(?![\p{L}\p{N}_])/gu;

  function idOf(node) {
    if (!node) return null;
    node.id = node.id || uid("ed");
    return node.id;
  }

  var PLACEHOLDER = /(?<![\p{L}\p{N}_])à remplacer(?![\p{L}\p{N}_])/iu;
  var CALL = /\{\{\s*(structure|theme)\(\s*"((?:[^"\\]|\\.)*)"/g;

  function problems(a, text) {
    var found = schemaProblems(headerObject(a));
    var f = a.champs;
    function add(code, message, fieldId, severity, hint) {
      found.push({ code: code, message: message, hint: hint || "", field: fieldId || null, severity: severity || "erreur" });
    }
    if (f.numero && f.numero !== state.original && D.numeros[f.numero]) {
      add("numero-en-double", "le numéro « " + f.numero + " » est déjà celui de " + D.numeros[f.numero], "ed-numero", null,
        "prenez un numéro libre, par exemple « " + nextFree(Number(f.numero.split(".")[0]) || 1) + " »");
    }
    (f.themes || []).forEach(function (slug) {
      if (!D.themes.some(function (t) { return t.slug === slug; })) add("theme-inconnu", "thème inconnu « " + slug + " »", "ed-themes");
    });
    if (f.statut === "publiee" && !(f.themes || []).length) add("themes-vides", "une fiche publiée doit avoir au moins un thème", "ed-themes");
    (f.redaction || []).forEach(function (slug) {
      if (!D.structures.some(function (s) { return s.slug === slug; })) add("structure-inconnue", "structure inconnue « " + slug + " »", "ed-redaction");
    });
    [["titre", f.titre], ["resume", f.resume]].forEach(function (pair) {
      if (/[<>]/.test(pair[1] || "")) add("texte-interdit", "les chevrons « < » et « > » (balises HTML) sont interdits dans « " + pair[0] + " »", FIELD_IDS[pair[0]]);
    });
    if (!a.corps_brut) {
      // Judged on what is written (empty items are left out), as the check judges it.
      var written = W.view(a);
      // Every stake group is written, so group i of the text is group i of the form.
      written.enjeux.forEach(function (s, i) {
        var title = s.titre || "groupe " + (i + 1);
        var group = $("ed-enjeux").children[i];
        var kind = idOf(group.querySelector(".ed-enjeu-type"));
        if (!s.type) add("enjeu-sans-type", "la sous-section d'enjeux « " + title + " » n'a pas de type", kind);
        else if (!D.enjeux.some(function (k) { return k.slug === s.type; })) add("enjeu-type-inconnu", "type d'enjeu inconnu « " + s.type + " »", kind);
        if (!s.points.length) {
          add("enjeu-vide", "la sous-section d'enjeux « " + title + " » est vide",
            idOf(group.querySelector(".ed-point") || group.querySelector(".ed-ajout-point")));
        }
      });
      if (!written.pratiques_modele && !written.pratiques.length) {
        // A practice block left blank is not written: the remedy says so, for it is on screen.
        var blank = a.pratiques.length ? $("ed-pratiques").querySelector(".ed-pratique-texte") : null;
        add("pratiques-vides", "la section des pratiques ne contient aucune pratique", blank ? idOf(blank) : "ed-ajout-pratique", null,
          "décrivez au moins une pratique : un bloc de pratique laissé vide n'est pas écrit dans la fiche");
      }
      // Blank practices are not written: the rank is counted among the written ones, as the check counts.
      var rank = 0;
      a.pratiques.forEach(function (practice, i) {
        var line = W.practiceLine(practice);
        if (!/\S/.test(line)) return;
        rank += 1;
        if (!WORD_CHAR.test(line.replace(STRUCTURE_CALLS, "").replace(JOINING_ET, ""))) {
          // The check's remedy speaks of the file; here the text goes in the description field.
          add("pratique-vide", "la pratique " + rank + " n'a pas de texte, seulement ses crédits",
            idOf($("ed-pratiques").children[i].querySelector(".ed-pratique-texte")), null,
            "décrivez ce que fait la structure dans « Description de la pratique »");
        }
      });
    }
    var body = text.split("\n---\n").slice(1).join("\n---\n");
    var match;
    CALL.lastIndex = 0;
    while ((match = CALL.exec(body))) {
      var name = match[2];
      if (match[1] === "structure" && !findStructure(name)) add("structure-inconnue", "structure inconnue « " + name + " »", null);
      if (match[1] === "theme" && !D.themes.some(function (t) { return t.slug === name; })) add("theme-inconnu", "thème inconnu « " + name + " »", null);
    }
    if (PLACEHOLDER.test(body)) {
      if (f.statut === "publiee") add("texte-a-remplacer", "texte du modèle encore en place dans une fiche publiée", null);
      else add("texte-a-remplacer", "texte d'exemple du modèle encore en place : il disparaît dès que vous écrivez le contexte, un enjeu ou une pratique", null, "rappel");
    }
    return found;
  }

  // --- output ---------------------------------------------------------------------------

  function filePath(a) {
    if (state.entry) return state.entry.chemin;
    return D.dossier + "/" + (a.champs.numero || "nouvelle") + ".md";
  }

  // GitHub's new-file page fails on longer addresses (about 8,000 characters):
  // docs/contribuer/formulaire.md gives this figure to contributors.
  var MAX_URL = 8000;

  // The address «Ouvrir la proposition» opens; a text too long for it goes by the clipboard.
  function proposal(a, text) {
    if (state.entry) return { url: D.depot + "/edit/" + D.branche + "/" + state.entry.chemin, tooLong: false };
    var page = D.depot + "/new/" + D.branche + "?filename=" + encodeURIComponent(filePath(a)).replace(/%2F/g, "/");
    var full = page + "&value=" + encodeURIComponent(text);
    return full.length > MAX_URL ? { url: page, tooLong: true } : { url: full, tooLong: false };
  }

  function wording(p) { return p.message + (p.hint ? " ; " + p.hint : ""); }

  function tokens(node, name) { return (node.getAttribute(name) || "").split(/\s+/).filter(Boolean); }

  function setTokens(node, name, list) {
    if (list.length) node.setAttribute(name, list.join(" "));
    else node.removeAttribute(name);
  }

  // Each field with a problem says so itself: aria-invalid, and the message right under it,
  // named by aria-describedby. Notes are kept from one keystroke to the next when unchanged,
  // so that the field being typed in is not rebuilt under the cursor.
  function markFields(found) {
    var wanted = {};
    // A new, untouched form is not painted red for the title nobody has typed yet.
    if (!state.marking) found = [];
    found.forEach(function (p) {
      if (!p.field || p.severity === "rappel" || !$(p.field)) return;
      (wanted[p.field] = wanted[p.field] || []).push("Erreur : " + wording(p));
    });
    Array.prototype.forEach.call(root.querySelectorAll(".editeur-erreur"), function (note) {
      var owner = $(note.dataset.pour);
      if (owner && wanted[note.dataset.pour]) return;
      if (owner) {
        owner.removeAttribute("aria-invalid");
        setTokens(owner, "aria-describedby", tokens(owner, "aria-describedby").filter(function (t) { return t !== note.id; }));
      }
      note.remove();
    });
    Object.keys(wanted).forEach(function (id) {
      var target = $(id);
      var note = $(id + "-erreur");
      if (!note) {
        note = el("span", { id: id + "-erreur", "class": "editeur-erreur" });
        note.dataset.pour = id;
        if (target.matches("fieldset")) target.appendChild(note);
        else target.insertAdjacentElement("afterend", note);
        setTokens(target, "aria-describedby", tokens(target, "aria-describedby").concat(note.id));
      }
      // A button (such as «Ajouter un enjeu») is not a value that can be invalid.
      if (target.matches("input, select, textarea, fieldset")) target.setAttribute("aria-invalid", "true");
      var text = wanted[id].join("\n");
      if (note.textContent !== text) note.textContent = text;
    });
  }

  function drawProblems(found) {
    var list = $("ed-problemes");
    list.replaceChildren();
    found.forEach(function (p) {
      var li = el("li", { "class": "editeur-probleme editeur-probleme--" + (p.severity || "erreur") });
      li.dataset.code = p.code;
      li.appendChild(el("code", {}, p.code));
      li.appendChild(document.createTextNode(" " + (p.severity === "rappel" ? "rappel : " : "") + wording(p)));
      if (p.field && $(p.field)) {
        li.appendChild(document.createTextNode(" "));
        var go = button("Aller au champ", function () {
          var target = $(p.field);
          (target.matches("fieldset") ? target.querySelector("input") : target).focus();
        });
        li.appendChild(go);
      }
      list.appendChild(li);
    });
  }

  function update() {
    var a = collect();
    var text = W.write(a, D.modele);
    $("ed-texte").value = text;
    $("ed-chemin").textContent = filePath(a);
    var found = problems(a, text);
    var errors = found.filter(function (p) { return p.severity !== "rappel"; }).length;
    // The list is redrawn only when the problems change: a field's «change» event, fired
    // when the mouse goes down on «Aller au champ», must not remove the button being clicked.
    var drawn = JSON.stringify(found);
    if (drawn !== state.drawn) drawProblems(found);
    state.drawn = drawn;
    markFields(found);
    state.errors = errors;
    // «Corrigez d'abord…» goes once nothing is left to correct.
    if (!errors && state.blockedSaid) { say(""); state.blockedSaid = false; }
    $("ed-verif-bilan").textContent = errors
      ? errors + (errors > 1 ? " problèmes à corriger" : " problème à corriger") + " avant de proposer la fiche."
      : "Aucun problème trouvé par le formulaire.";
    var open = $("ed-ouvrir");
    var target = proposal(a, text);
    state.tooLong = target.tooLong;
    open.href = target.url;
    open.setAttribute("aria-disabled", errors ? "true" : "false");
    $("ed-ouvrir-note").hidden = !target.tooLong;
    // A hidden note named by aria-describedby would still be read: it is named only when shown.
    open.setAttribute("aria-describedby", "ed-verif-bilan" + (target.tooLong ? " ed-ouvrir-note" : ""));
    var parts = numberParts(a.champs.numero || "");
    var chapter = parts ? parts[0] : Number($("ed-chapitre").value);
    var used = Object.keys(D.numeros).filter(function (n) { var p = numberParts(n); return p && p[0] === chapter; });
    $("ed-numero-aide").textContent = state.entry
      ? "Le numéro de la fiche. Le changer la renumérote : ses liens et son adresse changent (voir le guide)."
      : "Numéro libre suggéré : " + nextFree(chapter) +
        (used.length ? ". Déjà pris dans ce chapitre : " + used.join(", ") + "." : ".");
    save(a);
  }

  // --- draft ------------------------------------------------------------------------------

  function draftKey() { return KEY + (state.original || "nouvelle"); }

  var saving = null;
  function save(a) {
    clearTimeout(saving);
    saving = setTimeout(function () {
      try {
        if (JSON.stringify(a) === JSON.stringify(state.base)) localStorage.removeItem(draftKey());
        else localStorage.setItem(draftKey(), JSON.stringify({ quand: new Date().toISOString(), reponses: a }));
      } catch (e) { /* private browsing: the draft lives as long as the tab */ }
    }, 300);
  }

  function loadDraft() {
    try {
      var saved = JSON.parse(localStorage.getItem(draftKey()) || "null");
      return saved && saved.reponses ? saved : null;
    } catch (e) { return null; }
  }

  // `again`: the same words said twice are announced twice, so the region is emptied first.
  function say(text, again) {
    var region = $("ed-sortie-etat");
    if (!again) { region.textContent = text; return; }
    region.textContent = "";
    setTimeout(function () { region.textContent = text; }, 100);
  }

  function copy(text) {
    function fallback() {
      var area = $("ed-texte");
      area.focus();
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      say(ok ? "Texte copié." : "Copie impossible ici : sélectionnez le texte ci-dessous et copiez-le (Ctrl+C).");
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      return navigator.clipboard.writeText(text).then(function () { say("Texte copié."); }, fallback);
    }
    fallback();
    return Promise.resolve();
  }

  // --- start --------------------------------------------------------------------------------

  function setupStatic() {
    var chapters = chapterNumbers();
    chapters.forEach(function (n, i) {
      var known = D.chapitres.find(function (c) { return c.numero === n; });
      var label = "Chapitre " + n + (known && known.titre ? " — " + known.titre : "") + (i === chapters.length - 1 ? " (nouveau)" : "");
      $("ed-chapitre").appendChild(el("option", { value: String(n) }, label));
    });
    D.statuts.forEach(function (s) { $("ed-statut").appendChild(el("option", { value: s.slug }, s.libelle)); });
    function boxes(container, items, name) {
      var wrap = el("div", { "class": "editeur-cases__liste" });
      items.forEach(function (item) {
        var id = uid("ed-" + name);
        var line = el("span", { "class": "editeur-case" });
        var box = el("input", { type: "checkbox", id: id, value: item.value });
        line.appendChild(box);
        line.appendChild(el("label", { "for": id }, item.label));
        wrap.appendChild(line);
      });
      container.appendChild(wrap);
    }
    boxes($("ed-themes"), D.themes.map(function (t) { return { value: t.slug, label: t.libelle }; }), "theme");
    boxes($("ed-redaction"), D.structures.map(function (s) { return { value: s.slug, label: s.nom_court }; }), "redaction");
    $("ed-contexte").parentNode.appendChild(mentionButton($("ed-contexte"), "Contexte"));
    $("ed-corps").parentNode.appendChild(mentionButton($("ed-corps"), "Corps"));

    $("ed-form").addEventListener("input", function (event) {
      if (event.target.classList && event.target.classList.contains("ed-cherche")) return;
      state.marking = true;
      if (event.target.id === "ed-numero") followNumber();
      update();
    });
    $("ed-form").addEventListener("change", function (event) {
      state.marking = true;
      if (event.target.id === "ed-chapitre") {
        $("ed-numero").value = nextFree(Number(event.target.value));
        followNumber();
      }
      update();
    });
    $("ed-form").addEventListener("submit", function (event) { event.preventDefault(); });
    $("ed-ajout-enjeu").addEventListener("click", function () {
      redraw("ed-enjeux", stakeGroup, function (items) {
        items.push({ type: "", titre: "", points: [""] });
        var index = items.length - 1;
        return focusIn("ed-enjeux", index, ".ed-enjeu-type");
      });
    });
    $("ed-ajout-pratique").addEventListener("click", function () {
      redraw("ed-pratiques", practiceGroup, function (items) {
        items.push({ texte: "", structures: [] });
        return focusIn("ed-pratiques", items.length - 1, ".ed-pratique-texte");
      });
    });
    $("ed-ajout-section").addEventListener("click", function () {
      redraw("ed-sections", sectionGroup, function (items) {
        items.push({ titre: items.length ? "" : "Pour aller plus loin", texte: "" });
        return focusIn("ed-sections", items.length - 1, ".ed-section-titre");
      });
    });
    mentions = combobox($("ed-mention-q"), $("ed-mention-choix"), {
      items: mentionItems,
      choose: function (chosen) { insertMention(chosen.kind, chosen.value); },
      none: $("ed-mention-rien"),
      noneText: "Rien ne correspond.",
      inDialog: true
    });
    $("ed-mention-type").addEventListener("change", function () { mentions.draw(true); });
    $("ed-mention-fermer").addEventListener("click", function () { $("ed-mention").close(); });
    $("ed-mention").addEventListener("close", function () { if (lastField && document.activeElement === document.body) lastField.focus(); });
    $("ed-copier").addEventListener("click", function () { copy($("ed-texte").value); });
    $("ed-telecharger").addEventListener("click", function () {
      var name = filePath(state.answers).split("/").pop();
      var link = el("a", { download: name });
      var url = URL.createObjectURL(new Blob([$("ed-texte").value], { type: "text/markdown;charset=utf-8" }));
      link.href = url;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
      say("Fichier « " + name + " » téléchargé.");
    });
    $("ed-effacer").addEventListener("click", function () {
      // Nothing brings a cleared draft back: the browser's own dialog asks first.
      if (!window.confirm("Effacer le brouillon ? Tout ce que vous avez saisi dans le formulaire sera perdu.")) {
        say("Brouillon conservé.");
        return;
      }
      clearTimeout(saving);
      try { localStorage.removeItem(draftKey()); } catch (e) { /* nothing kept */ }
      fill(state.base);
      state.marking = Boolean(state.entry);
      update();
      $("ed-mode").textContent = state.mode + " Brouillon effacé : le formulaire est revenu à son point de départ.";
      say("Brouillon effacé : le formulaire est revenu à son point de départ.");
    });
    $("ed-ouvrir").addEventListener("click", function (event) {
      if ($("ed-ouvrir").getAttribute("aria-disabled") === "true") {
        event.preventDefault();
        state.marking = true;
        update();
        var n = state.errors;
        say("Corrigez d'abord " + (n > 1 ? "les " + n + " problèmes" : "le problème") + " de « Vérifications ».", true);
        state.blockedSaid = true;
        $("ed-problemes").focus({ preventScroll: true });
        // Centred, clear of the theme's «Retour en haut de la page» button.
        $("ed-problemes").scrollIntoView({ block: "center" });
        return;
      }
      // GitHub's edit page opens on the current file, and a long text does not fit in the
      // new-file address: in both cases the text goes through the clipboard.
      if (state.entry) copy($("ed-texte").value).then(function () {
        say("Texte copié : dans la page GitHub qui s'ouvre, remplacez tout le texte par celui-ci (Ctrl+A puis Ctrl+V).");
      });
      else if (state.tooLong) copy($("ed-texte").value).then(function () {
        say("Texte copié : dans la page GitHub qui s'ouvre, collez-le dans la zone du fichier (Ctrl+V).");
      });
    });
  }

  function start(entry) {
    var mode = $("ed-mode");
    if (entry && !entry.reponses) {
      mode.textContent = "La fiche " + entry.numero + " est écrite d'une façon que le formulaire ne sait pas réécrire à l'identique : modifiez-la sur GitHub (bouton « Modifier cette page » de la fiche).";
      root.hidden = false;
      $("ed-form").hidden = true;
      return;
    }
    state.entry = entry || null;
    state.original = entry ? entry.numero : null;
    state.base = entry ? entry.reponses : newAnswers();
    // The base as the form holds it, so that an untouched form is no draft.
    fill(state.base);
    state.base = clone(collect());
    var draft = loadDraft();
    fill(draft ? draft.reponses : state.base);
    // A fiche or a draft comes with its problems shown where they are; a new form waits for a first answer.
    state.marking = Boolean(entry || draft);
    state.mode = entry ? "Modification de la fiche " + entry.numero + "." : "Nouvelle fiche.";
    mode.textContent = state.mode +
      (draft ? " Brouillon retrouvé, enregistré le " + new Date(draft.quand).toLocaleString("fr-FR") + " ; « Effacer le brouillon » repart de zéro." : "");
    root.hidden = false;
    update();
  }

  setupStatic();
  var wanted = new URLSearchParams(window.location.search).get("fiche");
  if (!wanted) { start(null); return; }
  if (!Object.prototype.hasOwnProperty.call(D.numeros, wanted)) {
    $("ed-mode").textContent = "Aucune fiche ne porte le numéro « " + wanted + " » : voici une nouvelle fiche.";
    start(null);
    return;
  }
  var script = document.createElement("script");
  script.src = root.dataset.fiches + encodeURIComponent(wanted) + ".js";
  script.onload = function () { start((window.MES_EDITEUR_FICHES || {})[wanted]); };
  script.onerror = function () { $("ed-mode").textContent = "La fiche « " + wanted + " » n'a pas pu être chargée."; start(null); };
  document.head.appendChild(script);
})();
