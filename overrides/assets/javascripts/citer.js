// «Citer cette fiche»: copy the citation text. No network, no library:
// the Clipboard API where the page is a secure context (https, localhost,
// file://), else a selected hidden textarea and execCommand("copy").
(function () {
  "use strict";

  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var done = false;
    try {
      done = document.execCommand("copy");
    } catch (error) {
      done = false;
    }
    document.body.removeChild(area);
    return done ? Promise.resolve() : Promise.reject(new Error("copy"));
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () {
        return fallbackCopy(text);
      });
    }
    return fallbackCopy(text);
  }

  function setup() {
    var buttons = document.querySelectorAll("[data-citer-copier]");
    Array.prototype.forEach.call(buttons, function (button) {
      var section = button.closest(".fiche-citer");
      var source = section && section.querySelector("[data-citation]");
      var status = section && section.querySelector(".fiche-citer__statut");
      if (!source || !status) return;
      button.hidden = false;
      button.addEventListener("click", function () {
        copy(source.getAttribute("data-citation")).then(
          function () {
            status.textContent = "Citation copiée dans le presse-papiers.";
          },
          function () {
            status.textContent =
              "Copie impossible : sélectionnez le texte de la citation et copiez-le (Ctrl+C).";
          }
        );
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
