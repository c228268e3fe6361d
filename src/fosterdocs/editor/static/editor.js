// The editor's behaviour in the browser: GOV.UK Frontend's components, the focus after an action, and checking as
// you type (the server checks the form and this script puts each finding at its field; the form works without it).
import { initAll } from "./govuk-frontend.min.js";

document.body.classList.add("govuk-frontend-supported");
initAll();

const focus = document.body.dataset.focus;
if (focus) {
  const [verb, id] = focus.includes(":") ? focus.split(/:(.*)/s) : ["", focus];
  // after a move, the same button on the item (or, at the top or bottom, the other one); else the item or list
  const other = verb === "up" ? "down" : "up";
  const target = (verb && (document.getElementById(`act-${verb}-${id}`) || document.getElementById(`act-${other}-${id}`)))
    || document.getElementById(`item-${id}`) || document.getElementById(id);
  target?.focus();
}

const form = document.getElementById("editor-form");
const DELAY = 400; // ms after the last key press
let timer = null;
let asked = 0;

// Each check asks only for what changes: the error summary, the fields whose findings come or go, and the address
// of the updated preview.
async function check() {
  const ask = ++asked;
  const body = new FormData(form);
  body.set("action", "check");
  for (const shown of form.querySelectorAll(".fd-field .govuk-error-message")) {
    body.append("shown", shown.closest(".fd-field").id.replace(/^field-/, ""));
  }
  const response = await fetch(`/live${window.location.pathname.replace(/^\/edit/, "")}`,
    { method: "POST", body, credentials: "same-origin" });
  if (ask !== asked || !response.ok) return; // a later check is on its way
  const live = await response.json();
  const parse = (html) => new DOMParser().parseFromString(html, "text/html").body;
  document.getElementById("findings").replaceChildren(...parse(live.summary).childNodes);
  for (const html of Object.values(live.fields)) {
    const fresh = parse(html).querySelector(".fd-field");
    const here = fresh && document.getElementById(fresh.id);
    if (!here || here.querySelector(".fd-field")) continue; // groups and lists keep their items as they are
    const was = here.querySelector(".govuk-error-message")?.textContent ?? "";
    const now = fresh.querySelector(".govuk-error-message")?.textContent ?? "";
    if (was === now) continue;
    const active = here.contains(document.activeElement) ? document.activeElement : null;
    const caret = active && "selectionStart" in active ? [active.selectionStart, active.selectionEnd] : null;
    for (const input of fresh.querySelectorAll("input, textarea")) {
      const mine = document.getElementById(input.id);
      if (mine && input.type !== "radio") input.value = mine.value;
      if (mine && input.type === "radio") input.checked = mine.checked;
    }
    here.replaceWith(fresh);
    if (active) {
      const again = document.getElementById(active.id);
      again?.focus();
      if (caret && again) again.setSelectionRange(...caret);
    }
  }
  const frame = document.querySelector("iframe[name=preview]");
  frame?.contentWindow.location.replace(live.preview); // the preview follows the form (no history entry)
  document.dispatchEvent(new CustomEvent("fosterdocs:checked"));
}

if (form && form.dataset.live === "true") {
  form.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(check, DELAY);
  });
  form.addEventListener("submit", (event) => {
    if (event.submitter?.id === "update-preview") return;
    clearTimeout(timer); // the page is being replaced: a check on its way is no longer wanted
    asked++;
  });
}
