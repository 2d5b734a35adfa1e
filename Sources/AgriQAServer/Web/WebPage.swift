/// The farmers' page served at `GET /`: a question box, a location picker with autocomplete, the
/// answer streaming in, and clickable sources that open the cited text with its page. One file, no
/// external assets, readable on a phone. `/?q=…&location=…` asks at once (links, tests).
enum WebPage {
    static let html = #"""
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>AgriQA — ask about your farm</title>
<style>
  :root { --green: #2f6b2f; --light: #eef5ea; --text: #1f2a1f; --muted: #5d6b5d; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 17px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--text); background: #fafcf8; }
  header { background: var(--green); color: white; padding: 12px 16px; }
  header h1 { margin: 0; font-size: 1.25rem; }
  header p { margin: 2px 0 0; font-size: .9rem; opacity: .9; }
  main { max-width: 760px; margin: 0 auto; padding: 12px 16px 48px; }
  label { display: block; font-weight: 600; margin: 12px 0 4px; }
  textarea, input { width: 100%; font: inherit; padding: 10px; border: 1px solid #b9c8b4; border-radius: 8px; background: white; }
  textarea { min-height: 88px; resize: vertical; }
  .row { display: flex; gap: 8px; align-items: center; margin-top: 12px; }
  button { font: inherit; font-weight: 600; padding: 10px 20px; border: 0; border-radius: 8px; background: var(--green); color: white; cursor: pointer; }
  button:disabled { opacity: .6; }
  #status { color: var(--muted); font-size: .9rem; }
  #result { margin-top: 20px; display: none; }
  #answer { background: white; border: 1px solid #d4e0cf; border-radius: 10px; padding: 14px; white-space: pre-wrap; }
  #answer a { color: var(--green); font-weight: 600; text-decoration: none; }
  .note { background: #fff7e0; border: 1px solid #ecd9a0; border-radius: 8px; padding: 8px 12px; margin: 10px 0; font-size: .95rem; }
  .meta { color: var(--muted); font-size: .85rem; margin-top: 6px; }
  #sources { list-style: none; padding: 0; }
  #sources li { background: var(--light); border-radius: 8px; padding: 10px 12px; margin: 8px 0; cursor: pointer; }
  #sources li .title { font-weight: 600; }
  #sources li .where { color: var(--muted); font-size: .85rem; }
  #sources li .full { display: none; margin-top: 8px; white-space: pre-wrap; font-size: .95rem; border-top: 1px solid #cddcc6; padding-top: 8px; }
  #sources li.open .full { display: block; }
  .rel-same, .rel-child { color: #1d6b1d; } .rel-other { color: #8a5a00; }
  details { margin-top: 12px; color: var(--muted); font-size: .9rem; }
</style>
</head>
<body>
<header><h1>AgriQA</h1><p>Answers from extension guides and research, for where you farm — with sources.</p></header>
<main>
  <form id="ask">
    <label for="question">Your question</label>
    <textarea id="question" name="question" maxlength="2000" placeholder="When should I plant winter wheat?" required></textarea>
    <label for="location">Where do you farm? <span style="font-weight:400;color:var(--muted)">(state, district, county — optional)</span></label>
    <input id="location" name="location" list="places" autocomplete="off" placeholder="e.g. Whitman County, Washington">
    <datalist id="places"></datalist>
    <div class="row"><button id="go" type="submit">Ask</button><span id="status" role="status"></span></div>
    <details><summary>API key</summary><input id="key" type="password" placeholder="only if this server needs one"></details>
  </form>
  <section id="result" aria-live="polite">
    <div id="notes"></div>
    <div id="answer"></div>
    <div class="meta" id="meta"></div>
    <h2 style="font-size:1.05rem;margin-top:18px">Sources</h2>
    <ol id="sources"></ol>
  </section>
</main>
<script>
"use strict";
const $ = (id) => document.getElementById(id);
let sources = [];
let controller = null;

function headers(extra) {
  const h = Object.assign({}, extra || {});
  const key = $("key").value || localStorage.getItem("agriqa-key") || "";
  if (key) { h["Authorization"] = "Bearer " + key; localStorage.setItem("agriqa-key", key); }
  return h;
}

let suggestTimer = null;
$("location").addEventListener("input", () => {
  clearTimeout(suggestTimer);
  const q = $("location").value.trim();
  if (q.length < 2) return;
  suggestTimer = setTimeout(async () => {
    try {
      const r = await fetch("/v1/regions?limit=8&q=" + encodeURIComponent(q), { headers: headers() });
      if (!r.ok) return;
      const data = await r.json();
      const list = $("places");
      list.textContent = "";
      for (const region of data.regions) {
        const option = document.createElement("option");
        option.value = region.label;
        option.label = region.code;
        list.appendChild(option);
      }
    } catch (e) { /* autocomplete is a convenience */ }
  }, 200);
});

function pageText(c) {
  if (c.pageStart == null) return "record";
  let text = c.pageEnd != null && c.pageEnd !== c.pageStart ? "pp. " + c.pageStart + "–" + c.pageEnd : "p. " + c.pageStart;
  if (c.pageLabel && c.pageLabel !== String(c.pageStart)) text += " (printed " + c.pageLabel + ")";
  return text;
}

function renderSources(list) {
  sources = list;
  const ol = $("sources");
  ol.textContent = "";
  for (const c of list) {
    const li = document.createElement("li");
    li.id = "source-" + c.number;
    li.dataset.chunk = c.chunkID;
    const title = document.createElement("div");
    title.className = "title";
    title.textContent = "[" + c.number + "] " + c.title;
    const where = document.createElement("div");
    where.className = "where";
    const regions = c.regions.length ? c.regions.slice(0, 3).join(", ") : "general";
    where.innerHTML = "";
    where.append(pageText(c) + (c.section ? " · " + c.section : "") + " · " + regions + " ");
    const rel = document.createElement("span");
    rel.className = "rel-" + c.relation;
    rel.textContent = "(" + ({same: "your region", child: "inside your region", parent: "wider region", none: "general", other: "another region"}[c.relation] || c.relation) + ")";
    where.appendChild(rel);
    const full = document.createElement("div");
    full.className = "full";
    full.textContent = c.snippet;
    li.append(title, where, full);
    li.addEventListener("click", () => openSource(li));
    ol.appendChild(li);
  }
}

async function openSource(li) {
  li.classList.toggle("open");
  if (!li.classList.contains("open") || li.dataset.loaded) return;
  try {
    const r = await fetch("/v1/chunks/" + li.dataset.chunk, { headers: headers() });
    if (r.ok) {
      const chunk = await r.json();
      li.querySelector(".full").textContent = chunk.text;
      li.dataset.loaded = "1";
    }
  } catch (e) { /* keep the snippet */ }
}

function renderAnswer(text) {
  const box = $("answer");
  box.textContent = "";
  const parts = text.split(/(\[\d+(?:\s*[,–-]\s*\d+)*\])/);
  for (const part of parts) {
    const m = part.match(/^\[(\d+)/);
    if (m) {
      const a = document.createElement("a");
      a.href = "#source-" + m[1];
      a.textContent = part;
      a.addEventListener("click", (e) => { e.preventDefault(); const li = $("source-" + m[1]); if (li) { li.scrollIntoView({behavior: "smooth"}); if (!li.classList.contains("open")) openSource(li); } });
      box.appendChild(a);
    } else {
      box.appendChild(document.createTextNode(part));
    }
  }
}

function note(text) {
  const div = document.createElement("div");
  div.className = "note";
  div.textContent = text;
  $("notes").appendChild(div);
}

async function ask(question, location) {
  if (controller) controller.abort();
  controller = new AbortController();
  $("result").style.display = "block";
  $("notes").textContent = "";
  $("answer").textContent = "";
  $("meta").textContent = "";
  $("sources").textContent = "";
  $("status").textContent = "Searching…";
  $("go").disabled = true;
  let streamed = "";
  try {
    const body = { question, stream: true };
    if (location) body.location = location;
    const r = await fetch("/v1/ask", { method: "POST", headers: headers({"Content-Type": "application/json", "Accept": "text/event-stream"}), body: JSON.stringify(body), signal: controller.signal });
    if (!r.ok) {
      let message = "The server answered " + r.status;
      try { const e = await r.json(); message = e.error.message + (e.error.suggestions ? " Did you mean: " + e.error.suggestions.join("; ") + "?" : ""); } catch (e) {}
      throw new Error(message);
    }
    const reader = r.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let cut;
      while ((cut = buffer.indexOf("\n\n")) >= 0) {
        const raw = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        let event = "message", data = "";
        for (const line of raw.split("\n")) {
          if (line.startsWith("event: ")) event = line.slice(7);
          else if (line.startsWith("data: ")) data += (data ? "\n" : "") + line.slice(6);
        }
        if (!data) continue;
        const payload = JSON.parse(data);
        if (event === "sources") { renderSources(payload.sources); $("status").textContent = "Writing the answer…"; }
        else if (event === "delta") { streamed += payload.text; renderAnswer(streamed); }
        else if (event === "done") { finish(payload); }
        else if (event === "error") { throw new Error(payload.message); }
      }
    }
  } catch (e) {
    if (e.name !== "AbortError") { $("status").textContent = ""; note(e.message); }
  } finally {
    $("go").disabled = false;
  }
}

function finish(answer) {
  renderSources(answer.citations);
  renderAnswer(answer.answer);
  if (answer.regionNote) note(answer.regionNote);
  for (const w of answer.warnings) note(w);
  const mode = {model: "answered by the model", extractive: "sentences quoted from the sources", "extractive-fallback": "the model was unavailable: sentences quoted from the sources"}[answer.mode] || answer.mode;
  $("meta").textContent = (answer.location ? "For " + answer.location.name + " · " : "") + mode + " · " + Math.round(answer.timings.totalMs) + " ms";
  $("status").textContent = "";
  $("result").dataset.done = "1";
}

$("ask").addEventListener("submit", (e) => {
  e.preventDefault();
  const q = $("question").value.trim();
  if (q) ask(q, $("location").value.trim());
});

const params = new URLSearchParams(location.search);
if (params.get("q")) {
  $("question").value = params.get("q");
  $("location").value = params.get("location") || "";
  ask($("question").value, $("location").value);
}
</script>
</body>
</html>
"""#
}
