// Browser flows against the real ipclue service, driven by playwright-core + Debian's Chromium.
//   BASE_URL=http://127.0.0.1:PORT KEYS_JSON='{"investigator":"…",…}' ARTIFACTS=dir node tests/e2e/flows.mjs
// Each step is checked; screenshots of the main pages go to $ARTIFACTS. Exit 1 when any step fails.
import { createRequire } from "node:module";
import { mkdirSync, mkdtempSync, rmSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const require = createRequire(new URL("../../web/package.json", import.meta.url));
const { chromium } = require("playwright-core");

const BASE = process.env.BASE_URL ?? "http://127.0.0.1:8766";
const KEYS = JSON.parse(process.env.KEYS_JSON ?? "{}");
const ART = process.env.ARTIFACTS ?? new URL("./artifacts", import.meta.url).pathname;
const CHROME = process.env.CHROMIUM ?? "/usr/bin/chromium";
const ONLY = process.env.ONLY ? new Set(process.env.ONLY.split(",")) : null;
mkdirSync(ART, { recursive: true });

const results = [];
const consoleErrors = [];

async function step(name, fn) {
  if (ONLY && !ONLY.has(name)) return;
  const t0 = Date.now();
  try {
    await fn();
    results.push([name, "ok"]);
    console.log(`PASS ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    results.push([name, "fail"]);
    console.log(`FAIL ${name}: ${e?.stack ?? e}`);
    try { await page.screenshot({ path: join(ART, `FAILED-${name}.png`), fullPage: true }); } catch { /* page gone */ }
  }
}

function assert(cond, msg) {
  if (!cond) throw new Error(`assertion failed: ${msg}`);
}

async function shot(name, full = true) {
  await page.waitForTimeout(250); // let charts / layouts finish animating
  await page.screenshot({ path: join(ART, `${name}.png`), fullPage: full });
}

async function api(path, key, init = {}) {
  const res = await fetch(`${BASE}/api/v1${path}`, { ...init, headers: { "X-API-Key": key, "Content-Type": "application/json", ...(init.headers ?? {}) } });
  return { status: res.status, body: await res.json().catch(() => null) };
}

const userDir = mkdtempSync(join(tmpdir(), "ipclue-chromium-"));
// A fresh user-data dir per run (Playwright wants it as launchPersistentContext's argument).
const context = await chromium.launchPersistentContext(userDir, {
  executablePath: CHROME,
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
  viewport: { width: 1400, height: 900 },
  acceptDownloads: true,
  locale: "zh-CN",
});
const browser = context;
let page = context.pages()[0] ?? await context.newPage();
page.setDefaultTimeout(15000);
page.on("console", (m) => { if (m.type() === "error") consoleErrors.push(m.text()); });
page.on("pageerror", (e) => consoleErrors.push(`pageerror: ${e.message}`));

async function login(role) {
  await page.goto(`${BASE}/#/`);
  await page.evaluate(() => sessionStorage.clear());
  await page.reload();
  await page.fill('[data-testid="api-key"]', KEYS[role]);
  await page.click('[data-testid="login"]');
  await page.waitForSelector('[data-testid="whoami"]');
}

let partyUrl = "";
let synthUid = "";
let flagId = "";

await step("login-rejects-bad-key", async () => {
  await page.goto(`${BASE}/#/`);
  await page.waitForSelector('[data-testid="api-key"]');
  await shot("01-login");
  await page.fill('[data-testid="api-key"]', "not-a-real-key-at-all-000");
  await page.click('[data-testid="login"]');
  await page.waitForSelector(".msg.error");
  const txt = await page.textContent(".msg.error");
  assert(/unknown API key/.test(txt), `problem detail shown, got ${txt}`);
});

await step("search", async () => {
  await login("investigator");
  const who = await page.textContent('[data-testid="whoami"]');
  assert(who.includes("侦查员"), `role shown in Chinese: ${who}`);
  await page.fill('[data-testid="search"]', "星河");
  await page.waitForSelector('[data-testid="hit"]');
  const names = await page.$$eval('[data-testid="hit"] .hit-name', (els) => els.map((e) => e.textContent));
  assert(names.some((n) => n.includes("深圳市星河电子有限公司")), `hits: ${names}`);
  await shot("02-search");
});

await step("party", async () => {
  await page.click('[data-testid="hit"]:has-text("深圳市星河电子有限公司")');
  await page.waitForSelector('[data-testid="party-name"]');
  partyUrl = page.url();
  assert((await page.textContent('[data-testid="party-name"]')).includes("星河电子"), "party name");
  await page.waitForSelector('[data-testid="cases"] td');
  const cases = await page.textContent('[data-testid="cases"]');
  assert(cases.includes("民初1001号"), `case listed: ${cases.slice(0, 200)}`);
  await shot("03-party");
  await page.click('[data-testid="cases"] a');
  await page.waitForSelector('[data-testid="record-title"]');
  const rec = await page.textContent("main");
  assert(rec.includes("深圳市银河贸易有限公司"), "the case lists its parties");
  await shot("03b-case", false);
  await page.goto(partyUrl);
  await page.waitForSelector('[data-testid="party-name"]');
});

await step("source", async () => {
  // The sample's own mentions point at files that do not exist (text_status "missing"): that view is
  // checked too, but the highlighted text needs a party from the synthetic corpus, found through a flag.
  const link = await page.$('[data-testid="mentions"] a.src');
  assert(link, "a mention links to its source");
  await link.click();
  await page.waitForSelector('[data-testid="source-text"], [data-testid="source-missing"]');
  let uid = null;
  const flags = (await api("/flags?limit=20", KEYS.investigator)).body.items ?? [];
  for (const f of flags) {
    for (const s of f.subjects ?? []) {
      if (s.label !== "Party") continue;
      const p = (await api(`/parties/${encodeURIComponent(s.key)}`, KEYS.investigator)).body;
      if ((p?.mentions ?? []).some((m) => m.source?.path && !m.source.path.startsWith("sample/") && m.span)) { uid = s.key; break; }
    }
    if (uid) break;
  }
  assert(uid, "a party with a mention in a real source file");
  synthUid = uid;
  await page.goto(`${BASE}/#/party/${encodeURIComponent(uid)}`);
  await page.waitForSelector('[data-testid="mentions"] a.src[href*="start="]');
  await shot("04-party-synth", false);
  await page.click('[data-testid="mentions"] a.src[href*="start="]');
  await page.waitForSelector('[data-testid="source-text"] mark.focus');
  await shot("05-source", false);
  await page.goto(partyUrl);
  await page.waitForSelector('[data-testid="party-name"]');
});

await step("graph-expand", async () => {
  await page.goto(partyUrl);
  await page.waitForSelector('[data-testid="party-name"]');
  await page.click('[data-testid="open-graph"]');
  await page.waitForFunction(() => window.__ipclueCy && window.__ipclueCy.nodes().length > 1);
  await page.waitForTimeout(600);
  await shot("06-graph", false);
  // Expansion is checked on a synthetic party (richer neighbourhood): click, like a user, a party
  // neighbour whose own neighbourhood (asked of the API) has nodes not drawn yet.
  if (synthUid) {
    await page.goto(`${BASE}/#/graph/${encodeURIComponent(synthUid)}`);
    await page.waitForFunction(() => window.__ipclueCy && window.__ipclueCy.nodes().length > 1);
    await page.waitForTimeout(600);
  }
  const candidates = await page.evaluate(() => window.__ipclueCy.nodes('[label = "Party"]').filter((x) => !x.hasClass("root")).map((x) => ({ id: x.id(), key: x.data("key") })));
  const drawn = new Set(await page.evaluate(() => window.__ipclueCy.nodes().map((x) => x.id())));
  let target = null;
  for (const c of candidates) {
    const g = (await api(`/parties/${encodeURIComponent(c.key)}/graph?depth=1`, KEYS.investigator)).body;
    if ((g?.nodes ?? []).some((n) => !drawn.has(n.id))) { target = c; break; }
  }
  assert(target, `a party neighbour with more to show (of ${candidates.length})`);
  const before = drawn.size;
  const pos = await page.evaluate((id) => {
    const cy = window.__ipclueCy;
    const n = cy.getElementById(id);
    const p = n.renderedPosition();
    const box = cy.container().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, target.id);
  await page.mouse.click(pos.x, pos.y);
  await page.waitForFunction((id) => window.__ipclueCy.getElementById(id).hasClass("expanded"), target.id);
  await page.waitForFunction((n) => window.__ipclueCy.nodes().length > n, before);
  await page.waitForTimeout(900);
  const after = await page.evaluate(() => window.__ipclueCy.nodes().length);
  console.log(`  graph nodes ${before} → ${after}`);
  const info = await page.textContent('[data-testid="node-info"]');
  assert(info.length > 0, "node info shown");
  await shot("07-graph-expanded", false);
  // Filter by type: unchecking every type but PARTY_TO hides the other edges.
  const visibleBefore = await page.evaluate(() => window.__ipclueCy.edges(":visible").length);
  await page.evaluate(() => {
    for (const cb of document.querySelectorAll('[data-testid="type-filter"] input')) if (cb.value !== "PARTY_TO" && cb.checked) cb.click();
  });
  const visibleAfter = await page.evaluate(() => window.__ipclueCy.edges(":visible").filter((e) => e.data("type") !== "PARTY_TO" && e.data("type") !== "COLLAPSED").length);
  assert(visibleAfter === 0, `only PARTY_TO edges visible (before ${visibleBefore})`);
  await page.evaluate(() => { for (const cb of document.querySelectorAll('[data-testid="type-filter"] input')) if (!cb.checked) cb.click(); });
  const [dl] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="export-json"]')]);
  const data = JSON.parse(readFileSync(await dl.path(), "utf8"));
  assert(data.nodes.length === (await page.evaluate(() => window.__ipclueCy.nodes().not(".collapsed").length)), "JSON export has the nodes");
  const [png] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="export-png"]')]);
  await png.saveAs(join(ART, "export-graph.png"));
  // Time filter: refetched from the API with since=…; the reloaded graph is drawn and the URL keeps it.
  const all = await page.evaluate(() => window.__ipclueCy.nodes().not(".collapsed").length);
  await page.fill('[data-testid="since"]', "2021-01-01");
  await page.evaluate(() => { window.__ipclueCy.__old = true; });
  await page.click('[data-testid="apply"]');
  await page.waitForFunction(() => window.__ipclueCy && !window.__ipclueCy.__old && window.__ipclueCy.nodes().length > 0);
  const since = await page.evaluate(() => window.__ipclueCy.nodes().not(".collapsed").length);
  assert(page.url().includes("since=2021-01-01"), "filter kept in the URL");
  assert(since <= all, `since filter: ${since} of ${all} nodes`);
  console.log(`  graph since 2021-01-01: ${since} of ${all} nodes`);
});

await step("paths", async () => {
  await page.goto(`${BASE}/#/paths`);
  await page.fill('[data-testid="path-a"]', "星河电子");
  await page.click('[data-testid="path-a-option"]:has-text("深圳市星河电子有限公司")');
  await page.fill('[data-testid="path-b"]', "银河贸易");
  await page.click('[data-testid="path-b-option"]:has-text("深圳市银河贸易有限公司")');
  await page.click('[data-testid="find-path"]');
  await page.waitForSelector('[data-testid="hops"] td');
  const text = await page.textContent('[data-testid="paths"]');
  assert(/路径 1/.test(text), "at least one path");
  await shot("08-paths");
});

await step("flags-dashboard", async () => {
  await page.goto(`${BASE}/#/flags`);
  await page.waitForSelector('[data-testid="flag-row"]');
  await page.waitForSelector(".chart canvas");
  const rows = await page.$$('[data-testid="flag-row"]');
  assert(rows.length > 0, "flags listed");
  await shot("09-flags", false);
  await page.$eval('[data-testid="flag-list"]', (el) => el.scrollIntoView());
  await shot("10-flag-list", false);
  // Filter by status: all seeded flags are new; "dismissed" lists none.
  await page.selectOption('[data-testid="f-status"]', "dismissed");
  await page.click('[data-testid="filter"]');
  await page.waitForSelector("text=没有符合条件的线索");
  await page.selectOption('[data-testid="f-status"]', "");
  await page.click('[data-testid="filter"]');
  await page.waitForSelector('[data-testid="flag-row"]');
  if (synthUid) { // the party filter (linked from a party page) lists only that party's flags
    await page.goto(`${BASE}/#/flags?party=${encodeURIComponent(synthUid)}`);
    await page.waitForSelector('[data-testid="flag-row"]');
    const n = (await page.$$('[data-testid="flag-row"]')).length;
    const all = (await api(`/flags?party=${encodeURIComponent(synthUid)}&limit=25`, KEYS.investigator)).body.items.length;
    assert(n === all, `party filter: ${n} rows, API says ${all}`);
    await page.goto(`${BASE}/#/flags`);
    await page.waitForSelector('[data-testid="flag-row"]');
  }
});

await step("flag-review", async () => {
  await page.click('[data-testid="flag-row"] a');
  await page.waitForSelector('[data-testid="flag-reason"]');
  flagId = decodeURIComponent(page.url().split("#/flags/")[1]);
  const basis = await page.textContent('[data-testid="legal-basis"]');
  assert(basis && basis !== "—", "legal basis shown");
  await page.waitForFunction(() => window.__ipclueCy && window.__ipclueCy.nodes().length > 0).catch(() => {});
  await page.waitForTimeout(500);
  await shot("11-flag");
  await page.selectOption('[data-testid="review-status"]', "reviewing");
  await page.fill('[data-testid="review-note"]', "e2e：核对原被告关联关系");
  await page.click('[data-testid="review-submit"]');
  await page.waitForSelector('[data-testid="review-msg"] .ok-box');
  const st = await page.textContent('[data-testid="flag-status"]');
  assert(st.includes("审查中"), `status now reviewing: ${st}`);
  const r = await api(`/flags/${encodeURIComponent(flagId)}`, KEYS.investigator);
  assert(r.body.status === "reviewing", `stored status ${r.body.status}`);
  // An illegal transition comes back as problem+json; its detail is shown.
  await page.selectOption('[data-testid="review-status"]', "confirmed");
  await page.click('[data-testid="review-submit"]');
  await page.waitForSelector('[data-testid="review-msg"] .ok-box');
  await page.reload();
  await page.waitForSelector('[data-testid="history"]');
  await shot("12-flag-reviewed");
});

await step("detector-dry-run", async () => {
  await page.goto(`${BASE}/#/detectors`);
  await page.waitForSelector('[data-testid^="detector-"]');
  await shot("13-detectors", false);
  const ids = await page.$$eval('[data-testid^="dry-run-"]', (els) => els.map((e) => e.dataset.testid.slice("dry-run-".length)));
  assert(ids.length > 0, "dry-run buttons");
  const id = ids.includes("linked-opponents") ? "linked-opponents" : ids[0];
  const flagsBefore = (await api("/stats", KEYS.investigator)).body.totals.flags;
  const out = `[data-testid="dry-out-${id}"]`;
  const hitsShown = async () => {
    await page.waitForSelector(`${out} [data-testid="hits-count"], ${out} [data-testid="error"]`);
    const text = await page.textContent(out);
    const m = /命中 (\d+) 条/.exec(text);
    assert(m, `hits shown: ${text.slice(0, 200)}`);
    return Number(m[1]);
  };
  await page.click(`[data-testid="dry-run-${id}"]`);
  const withDefaults = await hitsShown();
  // Edited parameters are sent: a stricter min_score can only keep fewer hits.
  const minScore = await page.$(`[data-testid="param-${id}-min_score"]`);
  if (minScore) {
    await minScore.fill("1");
    await page.click(`[data-testid="dry-run-${id}"]`);
    await page.waitForFunction((sel) => !document.querySelector(`${sel} .loading`), out);
    const strict = await hitsShown();
    assert(strict <= withDefaults, `min_score=1 keeps ${strict} of ${withDefaults}`);
    console.log(`  dry run ${id}: ${withDefaults} hits with defaults, ${strict} with min_score=1`);
  }
  const flagsAfter = (await api("/stats", KEYS.investigator)).body.totals.flags;
  assert(flagsAfter === flagsBefore, "a dry run stores nothing");
  await page.$eval(`[data-testid="detector-${id}"]`, (el) => el.scrollIntoView());
  await shot("14-dry-run", false);
});

await step("english", async () => {
  await page.goto(`${BASE}/#/flags`);
  await page.waitForSelector('[data-testid="flag-row"]');
  await page.click('[data-testid="lang"]');
  await page.waitForSelector("text=Flags dashboard");
  await page.waitForSelector('[data-testid="flag-row"]');
  await shot("15-flags-en", false);
  await page.click('[data-testid="lang"]');
  await page.waitForSelector("text=线索看板");
});

await step("errors-shown", async () => {
  await page.goto(`${BASE}/#/party/no-such-party-uid`);
  await page.waitForSelector('[data-testid="error"]');
  const txt = await page.textContent('[data-testid="error"]');
  assert(/no-such-party-uid/.test(txt), `problem detail shown: ${txt}`);
});

await step("consumer-sees-less", async () => {
  await login("consumer");
  await page.goto(flagId ? `${BASE}/#/flags/${encodeURIComponent(flagId)}` : `${BASE}/#/flags`);
  await page.waitForSelector('[data-testid="flag-reason"]');
  assert(!(await page.$('[data-testid="review-submit"]')), "no review form for consumers");
  await page.goto(`${BASE}/#/detectors`);
  await page.waitForSelector('[data-testid^="detector-"]');
  assert(!(await page.$('[data-testid^="dry-run-"]')), "no dry run for consumers");
  await page.goto(partyUrl);
  await page.waitForSelector('[data-testid="party-name"]');
  assert(!(await page.$('[data-testid="mentions"] a.src')), "sources are not links for consumers");
  await shot("16-party-consumer", false);
  await page.click('[data-testid="logout"]');
  await page.waitForSelector('[data-testid="api-key"]');
});

await step("flag-dependencies", async () => {
  // A flag lists the resolution decisions it rests on (weakest links, possible matches): 线索依赖：…（score，evidence）
  await login("investigator");
  const list = await api("/flags?limit=200", KEYS.investigator);
  let target = null;
  for (const f of list.body?.items ?? []) {
    const d = await api(`/flags/${encodeURIComponent(f.id)}`, KEYS.investigator);
    if (d.body?.dependency_summary) { target = d.body; break; }
  }
  assert(target, "some stored flag rests on a link below 1.0");
  await page.goto(`${BASE}/#/flags/${encodeURIComponent(target.id)}`);
  await page.waitForSelector('[data-testid="flag-dependencies"]');
  const txt = await page.textContent('[data-testid="flag-dependencies"]');
  assert(/^线索依赖：.+（\d\.\d\d，.+）/.test(txt), `dependency line shown: ${txt}`);
  assert(txt === target.dependency_summary, "the page shows the API's dependency line");
  await shot("17-flag-dependencies", false);
});

await browser.close();
rmSync(userDir, { recursive: true, force: true });
const failed = results.filter((r) => r[1] !== "ok").length;
const passed = results.length - failed;
const realErrors = consoleErrors.filter((e) => !/status of (401|403|404|409|422)/.test(e));
if (realErrors.length) console.log("browser console errors:\n  " + realErrors.join("\n  "));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
