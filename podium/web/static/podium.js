// podium: the few things a server-rendered page cannot do alone. Every value shown is set with
// textContent, never innerHTML, so transcript text stays text.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function fieldsOf(mark) {
    return {
      value: mark.dataset.value, unit: mark.dataset.unit, normalized: mark.dataset.normalized,
      kind: mark.dataset.kind, direction: mark.dataset.direction || "—", period: mark.dataset.period || "—", subject: mark.dataset.subject || "—",
      modality: mark.dataset.modality,
    };
  }

  function showTip(tip, mark) {
    var fields = fieldsOf(mark);
    tip.querySelectorAll("[data-field]").forEach(function (dd) {
      dd.textContent = fields[dd.dataset.field] || "—";
    });
    tip.hidden = false;
    var box = mark.getBoundingClientRect();
    var left = Math.min(window.scrollX + box.left, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8);
    tip.style.left = Math.max(window.scrollX + 4, left) + "px";
    tip.style.top = (window.scrollY + box.bottom + 6) + "px";
  }

  function setUpTooltips() {
    var tip = document.getElementById("figtip");
    var transcript = document.getElementById("transcript");
    if (!tip || !transcript) return;
    function onEnter(event) {
      var mark = event.target.closest && event.target.closest("mark.fig");
      if (mark) showTip(tip, mark);
    }
    function onLeave(event) {
      var mark = event.target.closest && event.target.closest("mark.fig");
      if (mark && document.activeElement !== mark) tip.hidden = true;
    }
    transcript.addEventListener("focusin", onEnter);
    transcript.addEventListener("mouseover", onEnter);
    transcript.addEventListener("focusout", function () { tip.hidden = true; });
    transcript.addEventListener("mouseout", onLeave);
    document.addEventListener("keydown", function (event) { if (event.key === "Escape") tip.hidden = true; });
  }

  // The switches work without a round trip; the URL is kept in step so the view can be shared.
  function setUpSwitches() {
    var form = document.getElementById("figure-switches");
    if (!form) return;
    function apply() {
      var wanted = {};
      var params = new URLSearchParams(window.location.search);
      form.querySelectorAll("select[data-switch]").forEach(function (select) {
        wanted[select.dataset.switch] = select.value;
        if (select.value) params.set(select.name, select.value); else params.delete(select.name);
      });
      document.querySelectorAll("#transcript mark.fig").forEach(function (mark) {
        var shown = (!wanted.kind || mark.dataset.kind === wanted.kind) &&
                    (!wanted.modality || mark.dataset.modality === wanted.modality);
        mark.classList.toggle("off", !shown);
      });
      var query = params.toString();
      history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
    }
    form.addEventListener("change", apply);
  }

  // Subject suggestions follow what is typed, from the API's subject list.
  function setUpSuggestions() {
    var input = document.querySelector("input[data-suggest]");
    var list = input && document.getElementById(input.getAttribute("list"));
    if (!list) return;
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var url = input.dataset.suggest + "?limit=20&prefix=" + encodeURIComponent(input.value);
        fetch(url).then(function (r) { return r.ok ? r.json() : []; }).then(function (rows) {
          list.replaceChildren.apply(list, rows.map(function (row) {
            var option = document.createElement("option");
            option.value = row.subject;
            option.textContent = row.count + " figures";
            return option;
          }));
        }).catch(function () { /* suggestions are a nicety; the form still works */ });
      }, 150);
    });
  }

  // A search hit links to its sentence (#hit, placed by the server) with the words searched in
  // `hl`: mark them in that turn, the ones in the sentence itself most strongly, and show it.
  function searchedWords() {
    var query = new URLSearchParams(window.location.search).get("hl") || "";
    return query.split(/\s+/).map(function (word) {
      return word.replace(/^[-+"(]+|[")*^:]+$/g, "");
    }).filter(function (word) { return word && !/^(AND|OR|NOT|NEAR)$/.test(word); });
  }

  function wordPattern(words) {
    var alternatives = words.map(function (word) {
      var escaped = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      // Chinese and Japanese are written without spaces: there a word may start anywhere.
      return /[\u3040-\u30ff\u3400-\u9fff]/.test(word) ? escaped : "(?<![\\p{L}\\p{N}])" + escaped;
    });
    return new RegExp(alternatives.join("|"), "giu");
  }

  function markMatches(node, pattern, here) {
    var text = node.nodeValue, last = 0, match, parts = [];
    pattern.lastIndex = 0;
    while ((match = pattern.exec(text)) !== null) {
      if (!match[0]) { pattern.lastIndex++; continue; }
      parts.push(document.createTextNode(text.slice(last, match.index)));
      var mark = document.createElement("mark");
      mark.className = here ? "hl here" : "hl";
      mark.textContent = match[0];
      parts.push(mark);
      last = match.index + match[0].length;
    }
    if (!parts.length) return;
    parts.push(document.createTextNode(text.slice(last)));
    node.replaceWith.apply(node, parts);
  }

  function setUpHitHighlight() {
    var anchor = document.getElementById("hit");
    var words = searchedWords();
    if (!anchor) return;
    var turn = anchor.closest(".turn") || document.getElementById("transcript");
    var end = turn.querySelector(".hit-end");
    if (words.length) {
      var pattern = wordPattern(words);
      var walker = document.createTreeWalker(turn, NodeFilter.SHOW_TEXT);
      var nodes = [];
      while (walker.nextNode()) nodes.push(walker.currentNode);
      nodes.forEach(function (node) {
        var after = anchor.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING;
        var before = !end || (end.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_PRECEDING);
        markMatches(node, pattern, after && before);
      });
    }
    var first = turn.querySelector("mark.hl.here") || anchor;
    first.scrollIntoView({block: "center"});
    anchor.focus({preventScroll: true});
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpHitHighlight();
    setUpTooltips();
    setUpSwitches();
    setUpSuggestions();
  });
})();
