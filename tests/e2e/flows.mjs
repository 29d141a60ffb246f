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
  await login("supervisor"); // reviews and dry runs are the supervisor's (ipclue/api/roles.py)
  await page.goto(`${BASE}/#/flags`);
  await page.waitForSelector('[data-testid="flag-row"]');
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
  await page.waitForSelector('[data-testid="error"]'); // consumers get flags only (ipclue/api/roles.py)
  assert(!(await page.$('[data-testid^="dry-run-"]')), "no dry run for consumers");
  await page.goto(partyUrl);
  await page.waitForSelector('[data-testid="error"]');
  assert(!(await page.$('[data-testid="party-name"]')), "no party page for consumers");
  await shot("16-party-consumer", false);
  await page.click('[data-testid="logout"]');
  await page.waitForSelector('[data-testid="api-key"]');
});

// Enum values the graph stores: none may show on a Chinese page (they are translated by instance).
const ENGLISH_ENUM = /\b(mediated|withdrawn|partly_upheld|upheld|dismissed|reversed|plaintiff|defendant|appellant|appellee|thresholds_\d+|shared_(address|phone|email)|legal_rep|same_agent|same_firm|(LEGAL_REP|SHAREHOLDER|OFFICER|BRANCH)_OF|LOCATED_AT|HAS_(PHONE|EMAIL))\b/;
const englishIn = async (sel) => ENGLISH_ENUM.exec(await page.$eval(sel, (el) => el.innerText))?.[0] ?? null;

await step("flag-page-reads-in-chinese", async () => {
  await login("investigator");
  let flag = null;
  for (const det of ["false-litigation-ring", "linked-opponents", "penalty-not-transferred"]) {
    const items = (await api(`/flags?detector=${det}&limit=5`, KEYS.investigator)).body?.items ?? [];
    if (items.length) { flag = items[0]; break; }
  }
  assert(flag, "a flag of a converted detector to open");
  await page.goto(`${BASE}/#/flags/${encodeURIComponent(flag.id)}`);
  await page.waitForSelector('[data-testid="flag-reason"]');
  await page.waitForSelector('[data-testid="evidence"]');
  const reason = await page.textContent('[data-testid="flag-reason"]');
  assert(/[\u4e00-\u9fff]/.test(reason) && !reason.includes(" / "), `a Chinese reason without an English tail: ${reason}`);
  const head = await page.$$eval('[data-testid="evidence"] th', (ths) => ths.map((x) => x.textContent));
  assert(head.join("|") === "类型|对象|详情|来源", `evidence columns: ${head}`);
  const evidence = await page.textContent('[data-testid="evidence"]');
  assert(!/\b(org|per)-[0-9A-Za-z]{6,}/.test(evidence), `names, not uids, in the evidence: ${evidence.slice(0, 300)}`);
  if (flag.detector !== "penalty-not-transferred") assert(evidence.includes("案件") && evidence.includes("裁判结果"), `labelled case rows: ${evidence.slice(0, 300)}`);
  const english = await englishIn("main");
  assert(!english, `no English enum value on the Chinese flag page, found ${english}`);
  await shot("20-flag-wording");
});

await step("dry-run-form-in-chinese", async () => {
  await login("supervisor"); // dry runs are supervisor work (api/roles.py)
  await page.goto(`${BASE}/#/detectors?id=linked-opponents`);
  await page.waitForSelector('[data-testid="detector-linked-opponents"]');
  const card = '[data-testid="detector-linked-opponents"]';
  const doc = await page.textContent('[data-testid="doc-linked-opponents-max_hops"]');
  assert(doc.includes("关联跳数"), `doc_zh shown first: ${doc}`);
  const hops = page.locator('[data-testid="param-linked-opponents-max_hops"]');
  assert((await hops.getAttribute("type")) === "number" && (await hops.getAttribute("max")) === "3", "max_hops is a number box bounded at 3");
  assert((await page.getAttribute('[data-testid="param-linked-opponents-require_signal"]', "type")) === "checkbox", "a bool is a checkbox");
  const outcomes = await page.textContent('[data-testid="param-linked-opponents-passive_outcomes"]');
  assert(outcomes.includes("调解") && outcomes.includes("撤诉"), `outcome choices in Chinese: ${outcomes}`);
  assert(await page.isChecked('[data-testid="param-linked-opponents-passive_outcomes-mediated"]'), "the default choices are ticked");
  const pair = await page.$$eval('[data-testid="param-linked-opponents-opposed_roles"] .tuple:first-child select', (ss) => ss.map((x) => x.selectedOptions[0].textContent));
  assert(pair.join("|") === "原告|被告", `role pairs chosen in Chinese: ${pair}`);
  const english = await englishIn(card);
  assert(!english, `no English enum value on the Chinese detector card, found ${english}`);
  const out = '[data-testid="dry-out-linked-opponents"]';
  await hops.fill("9");
  await page.click('[data-testid="dry-run-linked-opponents"]');
  await page.waitForSelector(`${out} [data-testid="error"]`);
  const err = await page.textContent(`${out} [data-testid="error"]`);
  assert(err.includes("max_hops") && err.includes("3"), `the refusal names the field: ${err}`);
  await page.click(`${card} .dry button.button`); // reset to defaults
  await page.click('[data-testid="dry-run-linked-opponents"]');
  await page.waitForSelector(`${out} [data-testid="dry-compare"]`);
  const cmp = await page.textContent(`${out} [data-testid="dry-compare"]`);
  assert(/新增 \d+ 条，未变 \d+ 条，消失 \d+ 条/.test(cmp), `compared with the stored flags: ${cmp}`);
  const englishAfter = await englishIn(card);
  assert(!englishAfter, `no English enum value in the dry-run result, found ${englishAfter}`);
  await page.$eval(card, (el) => el.scrollIntoView());
  await shot("21-dry-run-form", false);
});

await step("flag-page-english-reason", async () => {
  const items = (await api("/flags?detector=false-litigation-ring&limit=1", KEYS.investigator)).body?.items ?? [];
  const flag = items[0] ?? (await api("/flags?detector=linked-opponents&limit=1", KEYS.investigator)).body.items[0];
  assert(flag?.reason_en, "a flag with a rendered English reason");
  await page.goto(`${BASE}/#/flags/${encodeURIComponent(flag.id)}`);
  await page.waitForSelector('[data-testid="flag-reason"]');
  await page.click('[data-testid="lang"]');
  try {
    await page.waitForFunction((want) => document.querySelector('[data-testid="flag-reason"]')?.textContent === want, flag.reason_en);
    await page.waitForSelector('[data-testid="evidence"] th');
    const head = await page.$$eval('[data-testid="evidence"] th', (ths) => ths.map((x) => x.textContent));
    assert(head.join("|") === "Kind|Item|Details|Source", `evidence columns in English: ${head}`);
    await shot("22-flag-english", false);
  } finally { // back to Chinese whatever happened: the later steps read Chinese pages
    await page.click('[data-testid="lang"]');
    await page.waitForFunction((want) => document.querySelector('[data-testid="flag-reason"]')?.textContent === want, flag.reason);
  }
});

// ---- issue 19: reports and exports (report engineer) ----
async function downloaded(click) {
  const [dl] = await Promise.all([page.waitForEvent("download", { timeout: 60000 }), click()]);
  const path = join(ART, dl.suggestedFilename());
  await dl.saveAs(path);
  return path;
}

await step("report-pdf-and-png", async () => {
  const { execFileSync } = await import("node:child_process");
  await login("investigator");
  const first = flagId || (await api("/flags?limit=1", KEYS.investigator)).body.items[0].id;
  await page.goto(`${BASE}/#/flags/${encodeURIComponent(first)}`);
  await page.waitForSelector('[data-testid="report-buttons"]');
  const text = await page.textContent('[data-testid="report-buttons"]');
  assert(text.includes("审查报告 PDF") && text.includes("移送函 Word"), `report buttons in Chinese: ${text}`);
  const pdf = await downloaded(() => page.click('[data-testid="report-review-pdf"]'));
  assert(readFileSync(pdf).subarray(0, 4).toString() === "%PDF", "a PDF was downloaded");
  const body = execFileSync("pdftotext", [pdf, "-"]).toString();
  assert(body.includes("线索审查报告") && body.includes(first), "the PDF names the report and the flag");
  execFileSync("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", pdf, join(ART, "17-report-page")]);
  const png = readFileSync(join(ART, "17-report-page-1.png"));
  assert(png.length > 10000, `page 1 rendered as PNG (${png.length} bytes)`);
  await shot("18-flag-report-buttons", false);
});

await step("selection-report-and-export", async () => {
  await page.goto(`${BASE}/#/flags`);
  await page.waitForSelector('[data-testid="flag-select"]');
  const boxes = await page.$$('[data-testid="flag-select"]');
  for (const b of boxes.slice(0, 2)) await b.check();
  const docx = await downloaded(() => page.click('[data-testid="report-referral-docx"]'));
  assert(readFileSync(docx).subarray(0, 2).toString() === "PK", "a DOCX (zip) was downloaded");
  const csv = await downloaded(() => page.click('[data-testid="export-csv"]'));
  const lines = readFileSync(csv, "utf-8").replace(/^\uFEFF/, "").trim().split(/\r?\n/);
  const total = (await api("/stats", KEYS.investigator)).body.totals.flags;
  assert(lines[0].startsWith("线索编号,规则") && lines.length - 1 === total, `CSV has ${lines.length - 1} of ${total} flags`);
  await shot("19-flag-list-actions", false);
});

await step("review-workflow", async () => {
  await login("supervisor"); // assignments and bulk status changes are supervisor work (api/roles.py)
  const items = (await api("/flags?limit=5&status=new", KEYS.investigator)).body.items;
  assert(items.length >= 2, "two new flags to work on");
  await page.goto(`${BASE}/#/flags/${encodeURIComponent(items[0].id)}`);
  await page.waitForSelector('[data-testid="assignee"]');
  await page.fill('[data-testid="assignee"]', "张检察官");
  await page.fill('[data-testid="due-on"]', "2020-01-31");
  await page.click('[data-testid="assign-submit"]');
  await page.waitForSelector('[data-testid="assignment-state"]:has-text("已逾期")');
  await page.fill('[data-testid="comment-text"]', "请调取双方的工商登记档案");
  await page.click('[data-testid="comment-submit"]');
  await page.waitForSelector('[data-testid="comments"] li:has-text("请调取双方的工商登记档案")');
  const thread = await page.textContent('[data-testid="comments"]');
  assert(thread.includes("指派") && thread.includes("张检察官") && thread.includes("评论"), `thread: ${thread}`);
  await page.$eval('[data-testid="comments"]', (el) => el.scrollIntoView());
  await shot("20-flag-workflow", false);
  // Bulk: the two new flags to 审查中 from the list.
  await page.goto(`${BASE}/#/flags?status=new`);
  await page.waitForSelector('[data-testid="flag-select"]');
  for (const it of items.slice(0, 2)) {
    await page.check(`tr:has(a[href*="${encodeURIComponent(it.id)}"]) [data-testid="flag-select"]`);
  }
  await page.selectOption('[data-testid="bulk-status"]', "reviewing");
  await page.fill('[data-testid="bulk-note"]', "批量转入审查");
  await page.click('[data-testid="bulk-apply"]');
  await page.waitForSelector('[data-testid="bulk-msg"]:has-text("已更新 2 条")');
  for (const it of items.slice(0, 2)) {
    const st = (await api(`/flags/${encodeURIComponent(it.id)}`, KEYS.investigator)).body.status;
    assert(st === "reviewing", `${it.id} now ${st}`);
  }
  await shot("21-bulk-review", false);
});

await step("supervisor-lands-on-dashboard", async () => {
  await login("supervisor");
  await page.waitForSelector("h1:has-text('线索看板')");
  assert(page.url().includes("#/flags"), `supervisor landed on ${page.url()}`);
  await page.waitForSelector('[data-testid="flag-row"]');
  // The toolbar and the status column read in Chinese (the reasons' wording is issue 19 item 2's).
  const actions = await page.textContent('[data-testid="flag-actions"]');
  assert(actions.includes("审查报告 PDF") && actions.includes("批量改为") && actions.includes("审查中"), `toolbar: ${actions}`);
  const statuses = await page.$$eval('[data-testid="flag-row"] td:nth-child(4)', (els) => els.map((e) => e.textContent.trim()));
  for (const st of statuses) assert(/^(新线索|审查中|已确认|已排除|已移送)$/.test(st), `status cell ${st}`);
  await shot("22-supervisor-landing", false);
});

await step("paths-k-with-records", async () => {
  await login("investigator");
  const uid = async (q) => (await api(`/parties?q=${encodeURIComponent(q)}`, KEYS.investigator)).body.items[0].uid;
  const [a, b] = [await uid("深圳市星河电子有限公司"), await uid("深圳市银河贸易有限公司")];
  await page.goto(`${BASE}/#/paths?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}&max_hops=4&k=5`);
  await page.waitForSelector('[data-testid="hop-sentence"]');
  const api5 = (await api(`/paths?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}&max_hops=4&k=5`, KEYS.investigator)).body.paths;
  const graphs = await page.$$('[data-testid="path-graph"] canvas');
  assert(api5.length >= 2 && (await page.$$('[data-testid="path-graph"]')).length === api5.length, `one small graph per path (${api5.length})`);
  assert(graphs.length > 0, "path graphs drawn");
  const sentences = await page.$$eval('[data-testid="hop-sentence"]', (els) => els.map((e) => e.textContent));
  assert(sentences.every((x) => /[\u4e00-\u9fff]/.test(x) && !/LINKED|PARTY_TO|HAS_PHONE/.test(x)), `sentences in Chinese: ${sentences.slice(0, 3)}`);
  const chain = await page.textContent('[data-testid="paths"]');
  assert(/涉案|电话|地址/.test(chain), "the linking case, phone or address is in a chain");
  await shot("23-paths-k", true);
});

await step("party-control-and-ownership", async () => {
  await login("investigator");
  const uid = (await api(`/parties?q=${encodeURIComponent("深圳市星河电子有限公司")}`, KEYS.investigator)).body.items[0].uid;
  await page.goto(`${BASE}/#/party/${encodeURIComponent(uid)}`);
  await page.waitForSelector('[data-testid="control"]');
  const text = await page.textContent('[data-testid="control"]');
  for (const word of ["法定代表人 / 股东 / 高管", "林志远", "股权穿透", "向上：股东及其股东", "持股 80%"]) assert(text.includes(word), `control section shows ${word}: ${text.slice(0, 300)}`);
  await page.$eval('[data-testid="control"]', (el) => el.scrollIntoView());
  await shot("24-party-control", false);
});

await step("graph-tools", async () => {
  const uid = (await api(`/parties?q=${encodeURIComponent("深圳市星河电子有限公司")}`, KEYS.investigator)).body.items[0].uid;
  await page.goto(`${BASE}/#/graph/${encodeURIComponent(uid)}`);
  await page.waitForFunction(() => window.__ipclueCy && window.__ipclueCy.nodes().length > 1);
  await page.waitForTimeout(800); // the page settles (its URL update may redraw the graph once)
  const q = await page.evaluate(() => String(window.__ipclueCy.nodes(":visible").filter((n) => !n.hasClass("root") && n.data("name")).first().data("name")).slice(0, 4));
  await page.fill('[data-testid="graph-search"]', q);
  await page.waitForSelector('[data-testid="graph-tools-msg"]:has-text("找到")');
  const matched = await page.evaluate(() => window.__ipclueCy.nodes(".match").length);
  assert(matched >= 1, `search marks matches (${matched})`);
  const id = await page.evaluate(() => { const cy = window.__ipclueCy; cy.nodes().unselect(); const n = cy.nodes(".match").first(); n.select(); return n.id(); });
  const display = (x) => page.evaluate((y) => window.__ipclueCy.getElementById(y).style("display"), x);
  await page.click('[data-testid="graph-hide"]');
  await page.waitForTimeout(150);
  assert((await display(id)) === "none", `hidden (${await page.textContent('[data-testid="graph-tools-msg"]')})`);
  await page.click('[data-testid="graph-undo"]');
  await page.waitForTimeout(150);
  assert((await display(id)) === "element", "undo shows it again");
  await page.evaluate((x) => { window.__ipclueCy.getElementById(x).select(); }, id); // returns nothing: serialising a collection takes ~30 s
  await page.click('[data-testid="graph-pin"]');
  assert(await page.evaluate((x) => window.__ipclueCy.getElementById(x).locked(), id), "pinned");
  const labels = await page.evaluate(() => window.__ipclueCy.edges().map((e) => e.data("text")));
  assert(labels.every((l) => /[\u4e00-\u9fff]/.test(l) || /^×/.test(l) || l === ""), `relationship names in Chinese: ${labels.filter((l) => !/[\u4e00-\u9fff]/.test(l)).slice(0, 5)}`);
  await shot("25-graph-tools", false);
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

await step("possible-queue", async () => {
  // The review queue (#/possible, in the nav): every possible match best first, as GET /possible-matches gives
  // it, each pair linking to its parties; a minimum score filters it.
  await login("investigator");
  await page.click('nav a[href="#/possible"]');
  await page.waitForSelector('[data-testid="queue-table"] td');
  const queue = (await api("/possible-matches?limit=200", KEYS.investigator)).body;
  assert(queue.total >= 1, `the harness has possible matches: ${JSON.stringify(queue)}`);
  const txt = await page.textContent('[data-testid="queue-table"]');
  for (const word of ["欧阳锋", "飞鸿", "同名且单位字号相同"]) assert(txt.includes(word), `queue shows ${word}: ${txt.slice(0, 300)}`);
  assert(!/person:group/.test(txt), `rule names in Chinese: ${txt.slice(0, 300)}`);
  const total = await page.textContent('[data-testid="queue-total"]');
  assert(total.replace(/,/g, "").includes(String(queue.total)), `total shown: ${total} (API ${queue.total})`);
  const first = queue.items[0];
  const links = await page.$$eval('[data-testid="queue-link"]', (els) => els.slice(0, 2).map((e) => e.getAttribute("href")));
  assert(links[0] === `#/party/${encodeURIComponent(first.a)}` && links[1] === `#/party/${encodeURIComponent(first.b)}`, `best first, linked: ${links}`);
  assert((await page.isVisible('[data-testid="queue-more"]')) === Boolean(queue.total > 50), `"load more" only when there is more (total ${queue.total})`);
  await shot("26a-possible-queue", false);
  await page.fill('[data-testid="queue-min-score"]', "0.99");
  await page.click('[data-testid="queue-apply"]');
  await page.waitForFunction(() => location.hash.includes("min_score=0.99") && (document.querySelector('[data-testid="queue-total"]')?.textContent ?? "").includes("共 0 条"));
  const none = await page.$$('[data-testid="queue-table"] td');
  assert(none.length === 0, "no possible match at 0.99 or more (a match scores below the merge threshold)");
});

await step("party-possible-matches", async () => {
  // Two 欧阳锋, legal representatives of two companies of the 字号 飞鸿 (harness.group_register, through the
  // real pipeline): a possible match. Investigators see it read-only; a supervisor confirms it: one party.
  const people = async () => (await api(`/parties?q=${encodeURIComponent("欧阳锋")}`, KEYS.investigator)).body.items.filter((p) => p.name === "欧阳锋");
  const before = await people();
  assert(before.length === 2, `two parties named 欧阳锋 before review: ${JSON.stringify(before)}`);
  const [a, b] = before.map((p) => p.uid).sort();
  await login("investigator");
  await page.goto(`${BASE}/#/party/${encodeURIComponent(a)}`);
  await page.waitForSelector('[data-testid="possible-table"] td');
  const txt = await page.textContent('[data-testid="possible-section"]');
  for (const word of ["可能为同一人", "欧阳锋", "同名且单位字号相同", "飞鸿", "法定代表人@杭州飞鸿科技有限公司"]) assert(txt.includes(word), `possible match shows ${word}: ${txt}`);
  assert(/0\.\d\d/.test(txt) && !/person:|group-trade|trade_name/.test(txt), `score shown, no rule code: ${txt}`);
  const link = await page.getAttribute('[data-testid="possible-link"]', "href");
  assert(link === `#/party/${encodeURIComponent(b)}`, `links the other party: ${link}`);
  assert((await page.$$('[data-testid="possible-confirm"]')).length === 0, "investigators cannot confirm");
  const mentions = await page.textContent('[data-testid="mentions"]');
  assert(!/person:|org:|corroborated|same name/.test(mentions), `mention rules and evidence in Chinese: ${mentions.slice(0, 300)}`);
  await login("supervisor");
  await page.goto(`${BASE}/#/party/${encodeURIComponent(b)}`);
  await page.waitForSelector('[data-testid="possible-confirm"]');
  await page.$eval('[data-testid="possible-section"]', (el) => el.scrollIntoView());
  await shot("26-party-possible-matches", false);
  await page.fill('[data-testid="possible-note"]', "核实：同一人（营业执照）");
  await page.click('[data-testid="possible-confirm"]');
  await page.waitForSelector('[data-testid="possible-msg"] .ok-box');
  assert(page.url().includes(encodeURIComponent(a)), `the page moves to the kept party ${a}: ${page.url()}`);
  const after = await page.textContent('[data-testid="possible-section"]');
  assert(after.includes("已确认为同一人并合并") && after.includes("无"), `merge shown, list empty: ${after}`);
  await page.waitForSelector('[data-testid="control"]');
  const profile = await page.textContent("main");
  assert(profile.includes("杭州飞鸿科技有限公司") && profile.includes("杭州飞鸿贸易有限公司"), "the merged party holds both companies");
  const left = await people();
  assert(left.length === 1 && left[0].uid === a, `one 欧阳锋 left: ${JSON.stringify(left)}`);
  await shot("27-party-merged", false);
});

await step("graph-node-info-in-chinese", async () => {
  // Every kind of node in the explorer: its details panel names each field in Chinese (no raw keys such as
  // hint/base/parentNode), and every relationship type in the type filter is translated.
  await login("investigator");
  const uid = (await api(`/parties?q=${encodeURIComponent("深圳市星河电子有限公司")}`, KEYS.investigator)).body.items[0].uid;
  await page.goto(`${BASE}/#/graph/${encodeURIComponent(uid)}?depth=2`);
  await page.waitForFunction(() => window.__ipclueCy && window.__ipclueCy.nodes().length > 5);
  await page.waitForTimeout(800);
  const labels = await page.evaluate(() => [...new Set(window.__ipclueCy.nodes().map((n) => String(n.data("label"))))]);
  assert(labels.length >= 3, `several kinds of node: ${labels}`);
  for (const label of labels) {
    await page.evaluate((l) => { window.__ipclueCy.nodes().filter((n) => n.data("label") === l).first().emit("tap"); }, label); // returns nothing: a collection would be serialised
    await page.waitForTimeout(150);
    await page.$$eval('[data-testid="node-info"] details', (ds) => ds.forEach((d) => { d.open = true; }));
    const heads = await page.$$eval('[data-testid="node-info"] th', (els) => els.map((e) => e.textContent.trim()));
    const raw = heads.filter((x) => !/[\u4e00-\u9fff]/.test(x));
    assert(raw.length === 0, `${label}: field names in Chinese, got ${raw}`);
  }
  const types = await page.$$eval('[data-testid="type-filter"] label', (els) => els.map((e) => e.textContent));
  assert(types.length > 5 && types.every((x) => /[\u4e00-\u9fff]/.test(x) && !/[A-Z]{3,}_?/.test(x)), `relationship types translated: ${types.filter((x) => /[A-Z]{3,}/.test(x))}`);
});

await step("evidence-graphs-no-raw-codes", async () => {
  // One flag per detector: its evidence graph names every node (no raw uid such as org-…/per-…) and every
  // relationship in Chinese.
  await login("investigator");
  const items = (await api("/flags?limit=200", KEYS.investigator)).body.items;
  const one = [...new Map(items.map((f) => [f.detector, f])).values()];
  const bad = [];
  let checked = 0;
  for (const f of one) {
    await page.goto(`${BASE}/#/flags/${encodeURIComponent(f.id)}`);
    await page.waitForSelector('[data-testid="evidence-graph"], [data-testid="flag-title"], h1');
    const drawn = await page.waitForFunction(() => window.__ipclueCy && !window.__ipclueCy.destroyed() && window.__ipclueCy.container()?.closest('[data-testid="evidence-graph"]'), null, { timeout: 5000 }).then(() => true, () => false);
    if (!drawn) continue;
    checked++;
    const texts = await page.evaluate(() => ({
      nodes: window.__ipclueCy.nodes().map((n) => String(n.data("text") ?? "")),
      edges: window.__ipclueCy.edges().map((e) => String(e.data("text") ?? "")),
    }));
    for (const x of texts.nodes) if (/^(org|per)-[0-9a-z]{6,}|^[A-Z][a-z]+:/.test(x)) bad.push(`${f.detector} node ${x}`);
    for (const x of texts.edges) if (x && !/[\u4e00-\u9fff]/.test(x)) bad.push(`${f.detector} edge ${x}`);
  }
  console.log(`  evidence graphs checked: ${checked} of ${one.length} detectors`);
  assert(checked >= 3, `evidence graphs of several detectors: ${checked}`);
  assert(bad.length === 0, `raw codes in evidence graphs: ${bad.slice(0, 8)}`);
});

await step("party-possible-match-rejected", async () => {
  // The two 令狐冲 (字号 华岳): a supervisor rejects the match; the list is updated and both parties stay.
  const people = async () => (await api(`/parties?q=${encodeURIComponent("令狐冲")}`, KEYS.investigator)).body.items.filter((p) => p.name === "令狐冲");
  const before = await people();
  assert(before.length === 2, `two parties named 令狐冲: ${JSON.stringify(before)}`);
  await login("supervisor");
  await page.goto(`${BASE}/#/party/${encodeURIComponent(before[0].uid)}`);
  await page.waitForSelector('[data-testid="possible-reject"]');
  const txt = await page.textContent('[data-testid="possible-section"]');
  assert(txt.includes("华岳") && txt.includes("令狐冲"), `the match is listed: ${txt}`);
  await page.click('[data-testid="possible-reject"]');
  await page.waitForSelector('[data-testid="possible-msg"] .ok-box');
  const after = await page.textContent('[data-testid="possible-section"]');
  assert(after.includes("已否定") && after.includes("无") && !(await page.$('[data-testid="possible-table"]')), `list updated: ${after}`);
  assert((await people()).length === 2, "both 令狐冲 stay");
  const other = await api(`/parties/${encodeURIComponent(before[1].uid)}/possible-matches`, KEYS.investigator);
  assert(other.body.items.length === 0, `not proposed again from the other side: ${JSON.stringify(other.body)}`);
  await shot("28-party-possible-rejected", false);
});

await browser.close();
rmSync(userDir, { recursive: true, force: true });
const failed = results.filter((r) => r[1] !== "ok").length;
const passed = results.length - failed;
const realErrors = consoleErrors.filter((e) => !/status of (401|403|404|409|422)/.test(e));
if (realErrors.length) console.log("browser console errors:\n  " + realErrors.join("\n  "));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
