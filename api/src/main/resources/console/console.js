// The skills console: a curator's page over the public API only (no private endpoints), in plain JavaScript.
// Reads need no token; writes send the token pasted into the sign-in form, kept for this browser session only.
"use strict";

const TOKEN_KEY = "skills.console.token";
const JOB_KEY = "skills.console.job";
const $ = (id) => document.getElementById(id);

// ---- Talking to the API -------------------------------------------------------------------------------------

/** A failed call: the problem+json the API answered with (status, title, detail, errors), or a network failure. */
class ApiProblem extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || "The request failed (" + status + ").");
    this.status = status;
    this.problem = problem;
  }
}

async function call(method, path, body, headers = {}) {
  // Always the catalogue as it is now: a curator never edits what a cache remembers.
  const request = { method, cache: "no-store", headers: { Accept: "application/json", ...headers } };
  if (body !== undefined) {
    request.headers["Content-Type"] = request.headers["Content-Type"] || "application/json";
    request.body = JSON.stringify(body);
  }
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token && method !== "GET") {
    request.headers.Authorization = "Bearer " + token;
  }
  if (headers.signal) {
    request.signal = headers.signal;
    delete request.headers.signal;
  }
  let response;
  try {
    response = await fetch(path, request);
  } catch (failure) {
    if (failure.name === "AbortError") {
      throw failure;
    }
    throw new ApiProblem(0, { detail: "The service cannot be reached: " + failure.message });
  }
  const type = response.headers.get("Content-Type") || "";
  const payload = type.includes("json") ? await response.json() : null;
  if (!response.ok) {
    throw new ApiProblem(response.status, payload || { detail: response.status + " " + response.statusText });
  }
  return { status: response.status, headers: response.headers, body: payload };
}

// ---- Messages ----------------------------------------------------------------------------------------------

function showProblem(failure, action) {
  const box = $("message");
  box.className = "message";
  box.replaceChildren();
  if (!(failure instanceof ApiProblem)) {
    box.textContent = String(failure);
  } else {
    const text = document.createElement("span");
    text.textContent = failure.message;
    box.append(text);
    for (const error of failure.problem.errors || []) {
      const line = document.createElement("div");
      line.textContent = error.field + ": " + error.message;
      box.append(line);
    }
  }
  if (action) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = action.label;
    button.addEventListener("click", action.run);
    box.append(button);
  }
  box.hidden = false;
}

function showDone(text) {
  const box = $("message");
  box.className = "message ok";
  box.textContent = text;
  box.hidden = false;
}

function clearMessage() {
  $("message").hidden = true;
}

// ---- Signing in --------------------------------------------------------------------------------------------

function describeToken(token) {
  try {
    const claims = JSON.parse(atob(token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/")));
    const who = claims.sub ? "Signed in as " + claims.sub : "Signed in";
    return who + (claims.scope ? " (" + claims.scope + ")" : "");
  } catch (unreadable) {
    return "Signed in";
  }
}

function showSignedIn() {
  const token = sessionStorage.getItem(TOKEN_KEY);
  $("who").textContent = token ? describeToken(token) : "Reading as a guest";
  $("token").hidden = !!token;
  document.querySelector("label[for=token]").hidden = !!token;
  $("sign-in-button").hidden = !!token;
  $("sign-out-button").hidden = !token;
}

$("sign-in").addEventListener("submit", (event) => {
  event.preventDefault();
  const token = $("token").value.trim().replace(/^Bearer\s+/i, "");
  if (!token) {
    return;
  }
  sessionStorage.setItem(TOKEN_KEY, token);
  $("token").value = "";
  showSignedIn();
  clearMessage();
});

$("sign-out-button").addEventListener("click", () => {
  sessionStorage.removeItem(TOKEN_KEY);
  showSignedIn();
});

// ---- Tabs --------------------------------------------------------------------------------------------------

function showTab(name) {
  for (const tab of ["catalogue", "imports"]) {
    $(tab).hidden = tab !== name;
    $("tab-" + tab).setAttribute("aria-selected", String(tab === name));
  }
}
$("tab-catalogue").addEventListener("click", () => showTab("catalogue"));
$("tab-imports").addEventListener("click", () => showTab("imports"));

// ---- The typeahead -----------------------------------------------------------------------------------------

/**
 * A combobox over GET /skills/suggest: asks on every keystroke (the previous request is aborted), lists the
 * hits, and lets arrow keys, Enter and the mouse pick one.
 */
function typeahead(input, list, pick) {
  let pending = null;
  let hits = [];
  let active = -1;

  function render() {
    list.replaceChildren();
    hits.forEach((hit, index) => {
      const option = document.createElement("li");
      option.id = list.id + "-" + index;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", String(index === active));
      const name = document.createElement("span");
      name.textContent = hit.name;
      const match = document.createElement("span");
      match.className = "match";
      match.textContent = [hit.alias ? "as " + hit.matched : "", hit.category || "", hit.popularity + " uses"].filter(Boolean).join(" · ");
      option.append(name, match);
      option.addEventListener("mousedown", (event) => {
        event.preventDefault();
        choose(index);
      });
      list.append(option);
    });
    list.hidden = hits.length === 0;
    input.setAttribute("aria-expanded", String(hits.length > 0));
    input.setAttribute("aria-activedescendant", active >= 0 ? list.id + "-" + active : "");
  }

  function choose(index) {
    const hit = hits[index];
    hits = [];
    active = -1;
    render();
    if (hit) {
      pick(hit);
    }
  }

  input.addEventListener("input", async () => {
    const text = input.value.trim();
    if (pending) {
      pending.abort();
    }
    if (!text) {
      hits = [];
      render();
      return;
    }
    pending = new AbortController();
    try {
      const answer = await call("GET", "/skills/suggest?limit=10&q=" + encodeURIComponent(text), undefined, { signal: pending.signal });
      hits = answer.body;
      active = hits.length ? 0 : -1;
      render();
    } catch (failure) {
      if (failure.name !== "AbortError") {
        showProblem(failure);
      }
    }
  });

  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" && hits.length) {
      active = (active + 1) % hits.length;
      render();
      event.preventDefault();
    } else if (event.key === "ArrowUp" && hits.length) {
      active = (active - 1 + hits.length) % hits.length;
      render();
      event.preventDefault();
    } else if (event.key === "Enter" && active >= 0) {
      choose(active);
      event.preventDefault();
    } else if (event.key === "Escape") {
      hits = [];
      render();
    }
  });

  input.addEventListener("blur", () => setTimeout(() => {
    hits = [];
    render();
  }, 150));
}

// ---- A skill -----------------------------------------------------------------------------------------------

let current = null; // the skill shown, as the API answered it

async function openSkill(id) {
  try {
    const answer = await call("GET", "/skills/" + id);
    showSkill(answer.body);
  } catch (failure) {
    showProblem(failure);
  }
}

function showSkill(skill) {
  current = skill;
  $("skill").hidden = false;
  $("skill-name").textContent = skill.name;
  $("skill-category").textContent = skill.category || "none";
  $("skill-description").textContent = skill.description || "none";
  $("skill-popularity").textContent = skill.popularity + " uses";
  $("skill-version").textContent = String(skill.version);
  $("skill-merged").textContent = (skill.mergedFrom || []).map((merged) => merged.name + " (" + merged.id + ")").join(", ") || "nothing";
  const aliases = $("aliases");
  aliases.replaceChildren();
  for (const alias of skill.aliases || []) {
    const chip = document.createElement("li");
    const text = document.createElement("span");
    text.textContent = alias;
    const remove = document.createElement("button");
    remove.type = "button";
    remove.textContent = "×";
    remove.setAttribute("aria-label", "Remove alias " + alias);
    remove.addEventListener("click", () => changeAliases(current.aliases.filter((other) => other !== alias), "Alias " + alias + " removed."));
    chip.append(text, remove);
    aliases.append(chip);
  }
  if (!(skill.aliases || []).length) {
    const none = document.createElement("li");
    none.textContent = "none yet";
    aliases.append(none);
  }
}

/** What to show when a write was refused because the skill changed since it was read. */
function staleAction() {
  return { label: "Reload the skill", run: () => { clearMessage(); openSkill(current.id); } };
}

function explainWrite(failure) {
  if (failure instanceof ApiProblem && failure.status === 412) {
    showProblem(new ApiProblem(412, {
      detail: "Someone changed this skill since you opened it (you had version " + current.version + "). "
        + "Reload it to see their changes, then make yours again.",
    }), staleAction());
  } else if (failure instanceof ApiProblem && failure.status === 401) {
    showProblem(new ApiProblem(401, { detail: "Writing needs a token: paste one into Bearer token and sign in. (" + failure.message + ")" }));
  } else {
    showProblem(failure);
  }
}

async function changeAliases(aliases, done) {
  try {
    const answer = await call("PATCH", "/skills/" + current.id, { aliases },
      { "Content-Type": "application/merge-patch+json", "If-Match": '"' + current.version + '"' });
    showSkill(answer.body);
    showDone(done);
  } catch (failure) {
    explainWrite(failure);
  }
}

$("alias-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const alias = $("new-alias").value.trim();
  if (alias) {
    $("new-alias").value = "";
    changeAliases([...(current.aliases || []), alias], "Alias " + alias + " added.");
  }
});

$("reload-button").addEventListener("click", () => openSkill(current.id));

$("edit-button").addEventListener("click", () => {
  $("edit-name").value = current.name;
  $("edit-category").value = current.category || "";
  $("edit-description").value = current.description || "";
  $("edit-aliases").value = (current.aliases || []).join(", ");
  $("edit-form").hidden = false;
  $("edit-name").focus();
});

$("edit-cancel").addEventListener("click", () => { $("edit-form").hidden = true; });

$("edit-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const edited = {
    name: $("edit-name").value.trim(),
    category: $("edit-category").value.trim() || null,
    description: $("edit-description").value.trim() || null,
    aliases: $("edit-aliases").value.split(",").map((alias) => alias.trim()).filter(Boolean),
  };
  try {
    const answer = await call("PUT", "/skills/" + current.id, edited, { "If-Match": '"' + current.version + '"' });
    $("edit-form").hidden = true;
    showSkill(answer.body);
    showDone("Saved.");
  } catch (failure) {
    explainWrite(failure);
  }
});

// ---- Merging -----------------------------------------------------------------------------------------------

let mergeSource = null;

$("merge-button").addEventListener("click", () => {
  mergeSource = null;
  $("merge-search").value = "";
  $("merge-preview").hidden = true;
  $("merge-confirm").disabled = true;
  $("merge-form").hidden = false;
  $("merge-search").focus();
});

$("merge-cancel").addEventListener("click", () => { $("merge-form").hidden = true; });

async function previewMerge(hit) {
  try {
    const source = (await call("GET", "/skills/" + hit.id)).body;
    if (source.id === current.id) {
      showProblem(new ApiProblem(400, { detail: "A skill cannot be merged into itself: pick another one." }));
      return;
    }
    mergeSource = source;
    $("merge-search").value = source.name;
    const names = [source.name, ...(source.aliases || [])];
    $("merge-preview").textContent = source.name + " (" + source.id + ") will disappear into " + current.name + " (" + current.id + "). "
      + "Its names (" + names.join(", ") + ") become aliases of " + current.name + "; its " + source.popularity + " uses are added to "
      + current.name + "'s; GET /skills/" + source.id + " will redirect to /skills/" + current.id + ". This cannot be undone.";
    $("merge-preview").hidden = false;
    $("merge-confirm").disabled = false;
    $("merge-confirm").focus();
  } catch (failure) {
    showProblem(failure);
  }
}

$("merge-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  if (!mergeSource) {
    return;
  }
  try {
    const answer = await call("POST", "/skills/" + current.id + "/merges",
      { source: mergeSource.id, sourceVersion: mergeSource.version }, { "If-Match": '"' + current.version + '"' });
    $("merge-form").hidden = true;
    showSkill(answer.body);
    showDone(mergeSource.name + " was merged into " + answer.body.name + ".");
  } catch (failure) {
    explainWrite(failure);
  }
});

// ---- Imports -----------------------------------------------------------------------------------------------

let polling = null;

$("import-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const urls = $("import-urls").value.split("\n").map((line) => line.trim()).filter(Boolean);
  const category = $("import-category").value.trim();
  try {
    const answer = await call("POST", "/skills/imports", category ? { urls, category } : { urls });
    sessionStorage.setItem(JOB_KEY, answer.body.id);
    showDone("Import started: " + urls.length + " page(s).");
    showJob(answer.body);
    watch(answer.body.id);
  } catch (failure) {
    explainWrite(failure);
  }
});

function watch(id) {
  clearInterval(polling);
  polling = setInterval(async () => {
    try {
      const job = (await call("GET", "/skills/imports/" + id)).body;
      showJob(job);
      if (job.state === "finished" || job.state === "cancelled") {
        clearInterval(polling);
      }
    } catch (failure) {
      clearInterval(polling);
      showProblem(failure);
    }
  }, 1000);
}

function showJob(job) {
  $("job").hidden = false;
  $("job").dataset.id = job.id;
  $("job-id").textContent = job.id;
  $("job-state").textContent = job.state;
  const progress = job.progress;
  $("job-progress").max = progress.pagesTotal;
  $("job-progress").value = progress.pagesDone;
  $("job-summary").textContent = progress.pagesDone + " of " + progress.pagesTotal + " pages done (" + progress.pagesFailed + " failed); "
    + progress.skillsFound + " skills found, " + progress.skillsCreated + " new, " + progress.skillsAlreadyPresent + " already known.";
  $("job-cancel").hidden = job.state === "finished" || job.state === "cancelled";

  const rows = $("pages").tBodies[0];
  rows.replaceChildren();
  for (const page of job.pages) {
    const row = document.createElement("tr");
    for (const value of [page.url, page.unchanged ? "unchanged" : page.state, page.httpStatus ?? "", page.skillsFound, page.skillsCreated,
      page.skillsAlreadyPresent, page.error || ""]) {
      const cell = document.createElement("td");
      cell.textContent = String(value);
      row.append(cell);
    }
    rows.append(row);
  }

  const list = $("suggestions");
  list.replaceChildren();
  for (const suggestion of job.suggestions || []) {
    const item = document.createElement("li");
    const name = document.createElement("span");
    name.textContent = suggestion.name + " (" + suggestion.pages + " page" + (suggestion.pages === 1 ? "" : "s") + ")";
    item.append(name);
    if (suggestion.state === "open") {
      for (const [label, state] of [["Accept", "accepted"], ["Dismiss", "dismissed"]]) {
        const button = document.createElement("button");
        button.type = "button";
        button.textContent = label;
        button.setAttribute("aria-label", label + " " + suggestion.name);
        button.addEventListener("click", () => decide(job.id, suggestion.name, state));
        item.append(button);
      }
    } else {
      const state = document.createElement("span");
      state.className = "state";
      state.textContent = suggestion.state;
      item.append(state);
    }
    list.append(item);
  }
  if (!(job.suggestions || []).length) {
    const none = document.createElement("li");
    none.textContent = "none";
    list.append(none);
  }
}

async function decide(id, name, state) {
  try {
    await call("PATCH", "/skills/imports/" + id + "/suggestions", { name, state });
    showJob((await call("GET", "/skills/imports/" + id)).body);
    showDone(name + (state === "accepted" ? " is now a skill." : " was dismissed."));
  } catch (failure) {
    explainWrite(failure);
  }
}

$("job-cancel").addEventListener("click", async () => {
  const id = $("job").dataset.id;
  try {
    showJob((await call("POST", "/skills/imports/" + id + "/cancel")).body);
    showDone("Import cancelled: pages not started yet will not be fetched.");
  } catch (failure) {
    explainWrite(failure);
  }
});

// ---- Start ---------------------------------------------------------------------------------------------------

typeahead($("search"), $("hits"), (hit) => { clearMessage(); openSkill(hit.id); });
typeahead($("merge-search"), $("merge-hits"), previewMerge);
showSignedIn();
const lastJob = sessionStorage.getItem(JOB_KEY);
if (lastJob) {
  call("GET", "/skills/imports/" + lastJob).then((answer) => {
    showJob(answer.body);
    if (answer.body.state !== "finished" && answer.body.state !== "cancelled") {
      watch(lastJob);
    }
  }).catch(() => sessionStorage.removeItem(JOB_KEY));
}
