import "./style.css";
import { ApiError, get, request, setKey, setUnauthorizedHandler, type Me } from "./api";
import { can, currentUser, restore, setUser } from "./auth";
import { clear, h } from "./dom";
import { getLang, setLang, t, tv } from "./i18n";
import { href, parseHash } from "./router";
import { renderSearch } from "./pages/search";
import { renderParty } from "./pages/party";
import { renderSource } from "./pages/source";
import { renderRecord } from "./pages/record";
import { renderQueue } from "./possible";
// Pages with cytoscape / echarts load on demand, so sign-in and search stay light.
const renderGraph = async (...a: Parameters<typeof import("./pages/graph").renderGraph>) => (await import("./pages/graph")).renderGraph(...a);
const renderPaths = async (...a: Parameters<typeof import("./pages/paths").renderPaths>) => (await import("./pages/paths")).renderPaths(...a);
const renderFlags = async (...a: Parameters<typeof import("./pages/flags").renderFlags>) => (await import("./pages/flags")).renderFlags(...a);
const renderFlag = async (...a: Parameters<typeof import("./pages/flag").renderFlag>) => (await import("./pages/flag")).renderFlag(...a);
const renderDetectors = async (...a: Parameters<typeof import("./pages/detectors").renderDetectors>) => (await import("./pages/detectors")).renderDetectors(...a);
import { errorBox } from "./ui";

const app = document.getElementById("app")!;
let disposers: (() => void)[] = [];

/** Pages register cleanup (charts, graphs, timers) here; run on every navigation. */
export function onLeave(fn: () => void): void {
  disposers.push(fn);
}

setLang(getLang());
setUnauthorizedHandler(() => {
  setKey(null);
  setUser(null);
  render();
});

function header(me: Me): HTMLElement {
  const r = parseHash();
  const link = (parts: string[], key: string, active: string) =>
    h("a", { href: href(parts), class: r.parts[0] === active ? "active" : "" }, t(key));
  return h(
    "header",
    { class: "top" },
    h("a", { class: "brand", href: "#/" }, "ipclue ", h("span", { class: "brand-sub" }, t("app"))),
    h(
      "nav",
      {},
      can("search") && link([], "nav_search", ""),
      can("paths") && link(["paths"], "nav_paths", "paths"),
      can("search") && link(["possible"], "nav_possible", "possible"),
      can("flags") && link(["flags"], "nav_flags", "flags"),
      can("detectors") && link(["detectors"], "nav_detectors", "detectors"),
    ),
    h(
      "div",
      { class: "who" },
      h("span", { class: "user", "data-testid": "whoami" }, me.name, " · ", tv("role", me.role)),
      h("button", { class: "link", "data-testid": "lang", onclick: () => { setLang(getLang() === "zh" ? "en" : "zh"); render(); } }, getLang() === "zh" ? "English" : "中文"),
      h("button", { class: "link", "data-testid": "logout", onclick: () => { setKey(null); setUser(null); location.hash = "#/"; render(); } }, t("logout")),
    ),
  );
}

function loginPage(): HTMLElement {
  const input = h("input", { type: "password", name: "key", autocomplete: "off", placeholder: t("api_key"), "data-testid": "api-key" });
  const msg = h("div", { class: "msg" });
  const form = h(
    "form",
    {
      class: "login card",
      onsubmit: async (ev: Event) => {
        ev.preventDefault();
        msg.textContent = "";
        const key = input.value.trim();
        if (!key) return;
        try {
          const me = await request<Me>("GET", "/me", { key });
          setKey(key);
          setUser(me);
          // A supervisor's work starts on the dashboard, not on an empty search box.
          if (me.role === "supervisor" && (location.hash === "" || location.hash === "#/")) location.hash = "#/flags";
          render();
        } catch (e) {
          msg.textContent = e instanceof ApiError ? `${t("error")}: ${e.detail || e.title}` : String(e);
          msg.className = "msg error";
        }
      },
    },
    h("h1", {}, "ipclue"),
    h("p", { class: "muted" }, t("app")),
    h("label", {}, t("login_hint"), input),
    h("button", { type: "submit", class: "primary", "data-testid": "login" }, t("login")),
    msg,
    h("button", { type: "button", class: "link lang-login", onclick: () => { setLang(getLang() === "zh" ? "en" : "zh"); render(); } }, getLang() === "zh" ? "English" : "中文"),
  );
  return h("div", { class: "login-wrap" }, form);
}

function denied(): HTMLElement {
  return errorBox(t("not_allowed"));
}

async function render(): Promise<void> {
  for (const d of disposers) {
    try { d(); } catch { /* ignore */ }
  }
  disposers = [];
  clear(app);
  const me = currentUser();
  document.title = `ipclue · ${t("app")}`;
  if (!me) {
    app.appendChild(loginPage());
    (app.querySelector("input") as HTMLInputElement | null)?.focus();
    return;
  }
  app.appendChild(header(me));
  const main = h("main", {});
  app.appendChild(main);
  const r = parseHash();
  const [page, ...rest] = r.parts;
  try {
    switch (page ?? "") {
      case "":
      case "search":
        if (!can("search")) {
          if (can("flags")) await renderFlags(main, r.params, onLeave);
          else main.appendChild(denied());
          break;
        }
        renderSearch(main, r.params);
        break;
      case "party":
        if (!can("search")) return void main.appendChild(denied());
        await renderParty(main, rest[0], r.params);
        break;
      case "graph":
        if (!can("graph")) return void main.appendChild(denied());
        await renderGraph(main, rest[0], r.params, onLeave);
        break;
      case "source":
        if (!can("sources")) return void main.appendChild(denied());
        await renderSource(main, rest[0], r.params);
        break;
      case "record":
        if (!can("search")) return void main.appendChild(denied());
        await renderRecord(main, rest[0], rest.slice(1).join("/"));
        break;
      case "possible":
        if (!can("search")) return void main.appendChild(denied());
        await renderQueue(main, r.params);
        break;
      case "paths":
        if (!can("paths")) return void main.appendChild(denied());
        await renderPaths(main, r.params, onLeave);
        break;
      case "flags":
        if (!can("flags")) return void main.appendChild(denied());
        if (rest[0]) await renderFlag(main, rest.join("/"), onLeave);
        else await renderFlags(main, r.params, onLeave);
        break;
      case "detectors":
        if (!can("detectors")) return void main.appendChild(denied());
        await renderDetectors(main, r.params.get("id"));
        break;
      default:
        main.appendChild(errorBox("404"));
    }
  } catch (e) {
    main.appendChild(errorBox(e));
  }
}

window.addEventListener("hashchange", () => void render());

(async () => {
  await restore();
  void render();
  // Health is informative only: show a banner when the service says it is not ok.
  get<{ status: string }>("/health").then(
    (hl) => { if (hl.status !== "ok") document.body.prepend(h("div", { class: "banner" }, t("health_bad"), ": ", hl.status)); },
    () => {},
  );
})();
