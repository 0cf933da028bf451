// Material's search links a page whose sections match the query, but whose
// own entry does not, with an empty `?h=`: the page would open with none of
// the words highlighted. Each such link gets the words its sections' links
// highlight (Material's results hold them in the same list item).
(() => {
  const list = document.querySelector(".md-search-result__list");
  if (!list) return;
  const fill = () => {
    for (const item of list.querySelectorAll(".md-search-result__item")) {
      const links = [...item.querySelectorAll("a.md-search-result__link")];
      const words = new Set();
      for (const link of links) {
        const h = new URL(link.href).searchParams.get("h");
        if (h) for (const word of h.split(" ")) words.add(word);
      }
      if (!words.size) continue;
      for (const link of links) {
        const url = new URL(link.href);
        if (url.searchParams.get("h") === "") {
          url.searchParams.set("h", [...words].join(" "));
          link.href = `${url}`;
        }
      }
    }
  };
  // Attribute changes (the href set here) are not observed: no loop.
  new MutationObserver(fill).observe(list, { childList: true, subtree: true });
})();
