/* The fiche's text from the form's answers: the browser's half of macros/fiche_writer.py.
 *
 * Both fill the same Mustache template (macros/templates/fiche.mustache, handed
 * over in editeur/donnees.js) from a view built with the same rules: how a YAML
 * value is written, one-line list items, the credit parenthesis of a practice.
 * tests/browser/test_editeur_ecriture.py runs both on the same answers and
 * compares the texts byte for byte: change one side, change the other.
 */
(function (global) {
  "use strict";

  var FIELDS = ["numero", "titre", "themes", "statut", "date_creation", "resume", "redaction", "mots_cles"];
  var REQUIRED = ["numero", "titre", "themes", "statut"];
  var LISTS = ["themes", "redaction", "mots_cles"];
  var DATES = ["date_creation", "date_mise_a_jour"];
  var ESCAPED = /[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]/g;
  var RESERVED = ["yes", "no", "true", "false", "on", "off", "null"];
  var DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
  var LINE_BREAK = /[ \t]*(?:\r\n|\r|\n)[ \t]*/g;
  var LEADING_BLANK_LINES = /^(?:[ \t]*\n)+/;
  var TRAILING_SPACE = /[ \t\n]+$/;
  var BLANK = /^[ \t\r\n]*$/;
  function notBlank(text) { return !BLANK.test(text); }
  var LETTER = /^\p{L}/u;

  function has(list, value) { return list.indexOf(value) !== -1; }

  function doubleQuoted(text) {
    var escaped = text.replace(/\\/g, "\\\\").replace(/"/g, '\\"');
    return '"' + escaped.replace(ESCAPED, function (c) {
      return "\\u" + ("000" + c.charCodeAt(0).toString(16).toUpperCase()).slice(-4);
    }) + '"';
  }

  function scalar(text) {
    var plain = text !== "" &&
      LETTER.test(text) &&
      " \t:".indexOf(text[text.length - 1]) === -1 &&
      !new RegExp(ESCAPED.source).test(text) &&
      text.indexOf(": ") === -1 &&
      text.indexOf(" #") === -1 &&
      !has(RESERVED, text.toLowerCase());
    return plain ? text : doubleQuoted(text);
  }

  function entry(key, value) {
    if (has(LISTS, key)) {
      var items = value || [];
      if (!items.length) return key + ": []";
      return key + ":" + items.map(function (item) { return "\n  - " + scalar(String(item)); }).join("");
    }
    if (key === "numero") return key + ": " + doubleQuoted(String(value || ""));
    var text = String(value || "");
    if (has(DATES, key) && DATE.test(text)) return key + ": " + text;
    return key + ": " + scalar(text);
  }

  function oneLine(text) { return (text || "").replace(LINE_BREAK, " "); }

  function blockText(text) {
    return (text || "").replace(/\r\n/g, "\n").replace(LEADING_BLANK_LINES, "").replace(TRAILING_SPACE, "");
  }

  function structureCall(name) {
    return '{{ structure("' + name.replace(/\\/g, "\\\\").replace(/"/g, '\\"') + '") }}';
  }

  function practiceLine(practice) {
    var text = oneLine(practice.texte || "");
    var names = (practice.structures || []).filter(Boolean);
    if (!names.length) return text;
    return text + " (" + names.map(structureCall).join(", ") + ")";
  }

  function isEmpty(value) {
    return value === null || value === undefined || value === "" || (Array.isArray(value) && !value.length);
  }

  function same(a, b) { return JSON.stringify(a) === JSON.stringify(b); }

  function headerLines(answers) {
    var fields = answers.champs || {};
    var out = [];
    var seen = {};
    (answers.entete || []).forEach(function (chunk) {
      var key = chunk.cle;
      if (!has(FIELDS, key)) { out.push([key, chunk.brut]); return; }
      seen[key] = true;
      var value = fields[key];
      if (isEmpty(value) && !has(REQUIRED, key)) return;
      out.push([key, same(value, chunk.valeur) ? chunk.brut : entry(key, value)]);
    });
    FIELDS.forEach(function (key, rank) {
      if (seen[key] || (isEmpty(fields[key]) && !has(REQUIRED, key))) return;
      var at = 0;
      out.forEach(function (pair, index) {
        var other = pair[0];
        var leadingComment = (other === null || other === undefined) && at === index;
        if (leadingComment || (has(FIELDS, other) && FIELDS.indexOf(other) < rank)) at = index + 1;
      });
      out.splice(at, 0, [key, entry(key, fields[key])]);
    });
    return out.map(function (pair) { return pair[1]; });
  }

  function view(answers) {
    var fields = answers.champs || {};
    var rawBody = answers.corps_brut || "";
    var context = blockText(answers.contexte || "");
    var stakes = (answers.enjeux || []).map(function (s) {
      // An empty item would count as an item: a stake without one is reported.
      var points = (s.points || []).filter(notBlank).map(oneLine);
      return { titre: oneLine(s.titre || ""), type: oneLine(s.type || ""), points: points };
    });
    var practices = (answers.pratiques || []).map(practiceLine).filter(notBlank);
    var sections = (answers.sections || []).map(function (s) {
      return { titre: oneLine(s.titre || ""), texte: blockText(s.texte || "") };
    });
    var template = Boolean(answers.nouvelle) && !(rawBody || context || stakes.length || practices.length || sections.length);
    return {
      entete: headerLines(answers),
      aide: template,
      aide_resume: template && isEmpty(fields.resume),
      aide_redaction: template && isEmpty(fields.redaction),
      aide_mots_cles: template && isEmpty(fields.mots_cles),
      corps_brut: rawBody,
      contexte: context,
      contexte_modele: template,
      enjeux: stakes,
      enjeux_modele: template,
      pratiques: practices,
      pratiques_modele: template,
      sections: sections,
      sections_modele: template
    };
  }

  function write(answers, template) {
    // Markdown and YAML, not HTML: Mustache must not escape anything.
    var escape = global.Mustache.escape;
    global.Mustache.escape = function (text) { return text; };
    try {
      return global.Mustache.render(template, view(answers));
    } finally {
      global.Mustache.escape = escape;
    }
  }

  global.MesEcriture = {
    FIELDS: FIELDS, scalar: scalar, entry: entry, practiceLine: practiceLine,
    structureCall: structureCall, view: view, write: write
  };
})(window);
