// Partner directory: narrows the cards by search text and by the filter
// groups the page has (tier and status; category in the public directory).
// No dependencies, no network: the data is in the cards' data-* attributes,
// so this works from file:// and from any static host.
(function () {
  "use strict";
  var search = document.getElementById("partner-search");
  var list = document.getElementById("partner-cards");
  if (!search || !list) { return; }
  var cards = Array.prototype.slice.call(list.querySelectorAll("[data-partner]"));
  var count = document.getElementById("partner-count");
  var empty = document.getElementById("no-results");
  // Each button group filters on the card attribute data-<group>.
  var chosen = {};

  function apply() {
    var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    cards.forEach(function (card) {
      var text = card.getAttribute("data-search") || "";
      var visible = Object.keys(chosen).every(function (group) {
        return chosen[group] === "all" || card.getAttribute("data-" + group) === chosen[group];
      }) && words.every(function (word) { return text.indexOf(word) !== -1; });
      card.hidden = !visible;
      if (visible) { shown += 1; }
    });
    count.textContent = "Showing " + shown + " of " + cards.length + " partners";
    empty.hidden = shown !== 0;
  }

  Array.prototype.forEach.call(document.querySelectorAll("button[data-filter]"), function (button) {
    button.addEventListener("click", function () {
      var group = button.getAttribute("data-filter");
      chosen[group] = button.getAttribute("data-value");
      Array.prototype.forEach.call(document.querySelectorAll('button[data-filter="' + group + '"]'), function (other) {
        other.setAttribute("aria-pressed", other === button ? "true" : "false");
      });
      apply();
    });
  });
  search.addEventListener("input", apply);
  var form = document.getElementById("partner-filters");
  if (form) { form.addEventListener("submit", function (event) { event.preventDefault(); }); }
  apply();
})();
