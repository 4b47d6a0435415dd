// Filters, pages and the article view of a claimcheck report. It only shows and hides what the
// page already holds (no network, no markup built from strings); the address hash keeps the
// filter (#verdict=conflict&kind=money&page=2), so a copied link opens the same view.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var status = document.getElementById("status");
  var pageLabel = document.getElementById("page-label");
  var pageSize = Number(document.body.dataset.pageSize || 20);
  var facts = Array.prototype.map.call(document.querySelectorAll(".fact"), function (el) {
    return {
      el: el,
      verdict: el.dataset.verdict,
      kind: el.dataset.kind,
      outlets: el.dataset.outlets.split("\n"),
      entities: el.dataset.entities.split("\n"),
      text: null
    };
  });
  var articles = document.querySelectorAll(".article");
  var keys = ["verdict", "kind", "outlet", "entity", "q"];
  var page = 1;
  var matched = facts;

  function readForm() {
    var state = {};
    keys.forEach(function (key) {
      var value = form.elements[key].value.trim();
      if (value) state[key] = value;
    });
    return state;
  }

  function writeForm(state) {
    keys.forEach(function (key) { form.elements[key].value = state[key] || ""; });
  }

  function matches(fact, state) {
    if (state.verdict && fact.verdict !== state.verdict) return false;
    if (state.kind && fact.kind !== state.kind) return false;
    if (state.outlet && fact.outlets.indexOf(state.outlet) < 0) return false;
    if (state.entity) {
      var entity = state.entity.toLowerCase();
      if (!fact.entities.some(function (name) { return name.indexOf(entity) >= 0; })) return false;
    }
    if (state.q) {
      if (fact.text === null) fact.text = fact.el.textContent.toLowerCase();
      if (fact.text.indexOf(state.q.toLowerCase()) < 0) return false;
    }
    return true;
  }

  function show() {
    var pages = Math.max(1, Math.ceil(matched.length / pageSize));
    page = Math.min(Math.max(1, page), pages);
    var first = (page - 1) * pageSize;
    var visible = new Set(matched.slice(first, first + pageSize));
    facts.forEach(function (fact) { fact.el.hidden = !visible.has(fact); });
    status.textContent = matched.length
      ? "Showing " + (first + 1) + "–" + Math.min(first + pageSize, matched.length) + " of " +
        matched.length + " facts" + (matched.length < facts.length ? " (filtered from " + facts.length + ")" : "")
      : "No fact matches this filter.";
    pageLabel.textContent = "Page " + page + " of " + pages;
    document.querySelector('[data-page="prev"]').disabled = page <= 1;
    document.querySelector('[data-page="next"]').disabled = page >= pages;
  }

  function apply(state, keepPage) {
    matched = facts.filter(function (fact) { return matches(fact, state); });
    if (!keepPage) page = 1;
    show();
  }

  function stateHash(state) {
    var params = new URLSearchParams(state);
    if (page > 1) params.set("page", String(page));
    return params.toString();
  }

  function saveHash() {
    var hash = stateHash(readForm());
    history.replaceState(null, "", hash ? "#" + hash : location.pathname + location.search);
  }

  function openArticle(article) {
    articles.forEach(function (el) { el.hidden = el !== article; });
  }

  function openFact(el) {
    writeForm({});
    apply({});
    var index = matched.findIndex(function (fact) { return fact.el === el; });
    page = Math.floor(index / pageSize) + 1;
    show();
  }

  // A hash naming an element (#fact-ID, #article-ID, #claim-ID) opens it; any other hash is a filter.
  function route() {
    var hash = decodeURIComponent(location.hash.slice(1));
    var target = hash ? document.getElementById(hash) : null;
    if (target && target.closest(".article")) {
      openArticle(target.closest(".article"));
      target.scrollIntoView({ block: "center" });
      if (target.classList.contains("article")) target.focus();
    } else if (target && target.classList.contains("fact")) {
      openFact(target);
      target.scrollIntoView({ block: "start" });
      target.focus({ preventScroll: true });
    } else if (!target) {
      var params = new URLSearchParams(location.hash.slice(1));
      var state = {};
      keys.forEach(function (key) { if (params.get(key)) state[key] = params.get(key); });
      writeForm(state);
      page = Number(params.get("page") || 1);
      apply(state, true);
    }
  }

  form.addEventListener("input", function () { apply(readForm()); saveHash(); });
  form.addEventListener("change", function () { apply(readForm()); saveHash(); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () {
    setTimeout(function () { apply({}); saveHash(); }, 0);
  });
  document.querySelector(".pager").addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) return;
    page += button.dataset.page === "next" ? 1 : -1;
    show();
    saveHash();
    document.getElementById("facts").scrollIntoView();
  });
  window.addEventListener("hashchange", route);
  route();
})();
