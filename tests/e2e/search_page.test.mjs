// The search page end to end: the real cstd-indexer builds an index of
// ../shared/corpus/cstd (with the catalogue of its symbols), of the same
// reports as PDFs (../shared/corpus/cstd-pdf) and of the sample archive's
// speech in a temp folder, the real cstd-searchd serves it on
// a loopback port, and Debian's Chromium (headless, driven by
// playwright-core) uses the page as a delegate would. What the page shows is
// checked against what the API answers to the same question, and every
// request the browser makes is watched: none may leave the loopback host.
//
// Screenshots of each step go to build/e2e-artifacts/ (CSTD_E2E_ARTIFACTS).
//
// Environment: CSTD_BIN_DIR (default build/bin), CSTD_CORPUS (default
// ../shared/corpus/cstd), CSTD_CORPUS_PDF (default ../shared/corpus/cstd-pdf),
// CSTD_CHROMIUM (default /usr/bin/chromium), CSTD_E2E_ARTIFACTS.

import assert from 'node:assert/strict';
import {execFileSync, spawn} from 'node:child_process';
import {copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, before, test} from 'node:test';
import {fileURLToPath} from 'node:url';

import {chromium} from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const binDir = process.env.CSTD_BIN_DIR || path.join(root, 'build/bin');
const corpus = process.env.CSTD_CORPUS || path.resolve(root, '../shared/corpus/cstd');
const corpusPdf = process.env.CSTD_CORPUS_PDF || path.resolve(root, '../shared/corpus/cstd-pdf');
const chromiumPath = process.env.CSTD_CHROMIUM || '/usr/bin/chromium';
const artifacts = process.env.CSTD_E2E_ARTIFACTS || path.join(root, 'build/e2e-artifacts');
const WIDE = {width: 1280, height: 1000};
const NARROW = {width: 390, height: 844};
const TIMEOUT = 15000;

let temp;
let server;
let base;
let browser;
let context;
const requests = [];   // every URL the browser asked for
const offsite = [];    // the ones that were not for the loopback server
const pageErrors = [];  // uncaught exceptions and console errors in the page

// ---- The server -------------------------------------------------------------

function startServer(index) {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(binDir, 'cstd-searchd'), ['--index', index, '--listen', '127.0.0.1:0', '--no-log'],
                        {stdio: ['ignore', 'pipe', 'inherit']});
    let out = '';
    const timer = setTimeout(() => reject(new Error(`cstd-searchd did not start: ${out}`)), 20000);
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`cstd-searchd exited with ${code}: ${out}`)));
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = /listening on (http:\/\/[^\s]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({child, url: m[1]});
      }
    });
  });
}

/** The API's own answer, to compare the page against. */
async function api(target) {
  const response = await fetch(base + target);
  assert.equal(response.status, 200, `${target}: ${response.status}`);
  return response.json();
}

const fmt = (n) => n.toLocaleString('en');

before(async () => {
  temp = mkdtempSync(path.join(os.tmpdir(), 'cstd-e2e-'));
  const index = path.join(temp, 'index');
  // The corpus as text (with the catalogue of its symbols) and as PDFs, and
  // one speech of the sample archive (numbered by position).
  const extra = path.join(temp, 'extra');
  mkdirSync(extra);
  copyFileSync(path.join(root, 'data/sample/speech-ken-2022.txt'), path.join(extra, 'speech-ken-2022.txt'));
  execFileSync(path.join(binDir, 'cstd-indexer'),
               ['build', '--index', index, corpus, corpusPdf, extra,
                '--metadata', path.join(root, 'data/catalogues/cstd-corpus.csv')],
               {stdio: ['ignore', 'ignore', 'inherit']});
  const started = await startServer(index);
  server = started.child;
  base = started.url;
  mkdirSync(artifacts, {recursive: true});
  const args = ['--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update',
                '--no-first-run', '--disable-default-apps', '--disable-sync'];
  // Chromium's sandbox cannot start as root (containers, CI).
  if (process.getuid && process.getuid() === 0) args.push('--no-sandbox');
  browser = await chromium.launch({executablePath: chromiumPath, headless: true, args});
  context = await newContext(WIDE);
});

after(async () => {
  if (browser) await browser.close();
  if (server) {
    server.removeAllListeners('exit');
    server.kill('SIGTERM');
  }
  if (temp) rmSync(temp, {recursive: true, force: true});
});

function isLoopback(url) {
  const u = new URL(url);
  if (u.protocol === 'data:' || u.protocol === 'blob:' || u.href === 'about:blank') return true;
  return u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
}

async function newContext(viewport) {
  const ctx = await browser.newContext({viewport, reducedMotion: 'reduce'});
  // Every request the page makes passes here; one for anywhere but the
  // loopback server is recorded and refused.
  await ctx.route('**/*', (route) => {
    const url = route.request().url();
    requests.push(url);
    if (isLoopback(url)) return route.continue();
    offsite.push(url);
    return route.abort('blockedbyclient');
  });
  ctx.on('page', (page) => watch(page));
  return ctx;
}

function watch(page) {
  page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(`${page.url()}: console: ${m.text()}`);
  });
  page.on('request', (r) => {
    if (!isLoopback(r.url())) offsite.push(r.url());
  });
  page.setDefaultTimeout(TIMEOUT);
}

async function shot(page, name) {
  await page.screenshot({path: path.join(artifacts, name)});
}

/** Waits until the page says `total` results. */
async function waitForTotal(page, total) {
  await page.waitForFunction((t) => {
    const el = document.querySelector('#status .status-total');
    const results = document.querySelector('#results');
    return el && el.textContent === t && !results.hasAttribute('aria-busy');
  }, fmt(total));
}

async function sidebarCounts(page, field) {
  return page.$$eval(`#facet-${field} .facet-values input`, (inputs) => Object.fromEntries(inputs.map((input) => {
    const count = input.parentElement.querySelector('.facet-count');
    return [input.dataset.value, count ? Number(count.firstChild.textContent.replace(/,/g, '')) : null];
  })));
}

const apiCounts = (result, field) => Object.fromEntries((result.facets[field] || []).map((v) => [String(v.value), v.count]));

// ---- The steps ---------------------------------------------------------------

test('a shared URL reproduces the search: hits, marks, filters and timeline', async () => {
  const page = await context.newPage();
  const response = await page.goto(`${base}/?q=internet+governance&year=2022..2024`);
  assert.equal(response.status(), 200);
  assert.match(response.headers()['content-security-policy'], /default-src 'none'/);
  const want = await api('/v1/search?q=internet+governance&year=2022..2024&per_page=20');
  assert.ok(want.total > 0, 'the corpus has hits for the shared query');
  await waitForTotal(page, want.total);

  const titles = await page.$$eval('#hits .hit-title .hit-doc', (els) => els.map((e) => e.textContent));
  assert.deepEqual(titles, want.hits.map((hit) => hit.title));
  const marks = await page.$$eval('#hits .hit-snippet mark', (els) => els.map((e) => e.textContent.toLowerCase()));
  assert.ok(marks.length >= want.hits.length, `marks in every snippet: ${marks.length}`);
  // The index stems: "governance" also finds "government".
  for (const m of marks) assert.match(m, /^(internet|govern)/);
  const paragraphs = await page.$$eval('#hits .para-ref', (els) => els.map((e) => e.textContent));
  assert.deepEqual(paragraphs, want.hits.map((hit) => (hit.paragraph === null ? 'Unnumbered paragraph' : `Paragraph ${hit.paragraph}`)));
  // Document types read as the API titles them (/v1/labels): the page has no copy.
  const labels = await api('/v1/labels');
  const typeTitles = Object.fromEntries(labels.type.map((t) => [t.value, t.label]));
  const badges = await page.$$eval('#hits .hit-meta .badge', (els) => els.map((e) => e.textContent));
  assert.deepEqual(badges, want.hits.map((hit) => typeTitles[hit.type]));

  // The form and the sidebar show the state of the URL.
  assert.equal(await page.inputValue('#q'), 'internet governance');
  assert.equal(await page.inputValue('#facet-year-from'), '2022');
  assert.equal(await page.inputValue('#facet-year-to'), '2024');
  const chips = await page.$$eval('#chips .chip-active', (els) => els.map((e) => e.textContent));
  assert.deepEqual(chips, ['Year: 2022–2024×']);
  assert.deepEqual(await sidebarCounts(page, 'type'), apiCounts(want, 'type'));

  // The timeline: per delegation and year, as the API counts them.
  const top = (want.facets.country || []).slice(0, 5).map((v) => v.value);
  assert.ok(top.length > 0, 'delegations speak on internet governance in the corpus');
  await page.waitForSelector('#timeline:not([hidden]) svg rect');
  const rows = await page.$$eval('#timeline tbody tr', (trs) => trs.map((tr) => [tr.dataset.country,
    Object.fromEntries([...tr.querySelectorAll('td')].map((td) => [td.dataset.year, Number(td.textContent)]))]));
  assert.deepEqual(rows.map(([code]) => code), top);
  for (const [code, byYear] of rows) {
    const perCountry = await api(`/v1/search?q=internet+governance&year=2022..2024&country=${code}&facets=year&per_page=1`);
    for (const v of perCountry.facets.year) {
      if (v.count) assert.equal(byYear[String(v.value)], v.count, `${code} in ${v.value}`);
    }
  }
  await shot(page, '01-shared-url.png');
  await page.close();
});

const journey = {};

test('typing a query shows results as you type, and the URL follows', async () => {
  const page = (journey.page = await context.newPage());
  // The page's timers run on Playwright's clock, so what is tested is the
  // debounce, not how fast this machine types: a loaded machine may space
  // two keys further apart than the debounce.
  await page.clock.install();
  await page.goto(`${base}/`);
  const all = await api('/v1/search?q=&per_page=20');
  await waitForTotal(page, all.total);
  await page.click('#q');
  const searchesBefore = requests.length;
  // Time stands still while the words are typed, then goes on: one pause.
  await page.clock.pauseAt(Date.now() + 60000);
  await page.keyboard.type('digital divide', {delay: 40});
  await page.clock.resume();
  const want = (journey.query = await api('/v1/search?q=digital+divide&per_page=20'));
  assert.ok(want.total > 0 && want.total < all.total);
  // The URL first (a prefix typed on the way, "digital divid", may find as
  // many), then the results of that search.
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'digital divide');
  await waitForTotal(page, want.total);
  // Debounced: a search for a pause in typing, not for every key.
  const searches = requests.slice(searchesBefore).map((u) => new URL(u))
    .filter((u) => u.pathname === '/v1/search' && !u.searchParams.has('facets'));
  assert.deepEqual(searches.map((u) => u.searchParams.get('q')), ['digital divide']);
  const marks = await page.$$eval('#hits mark', (els) => els.map((e) => e.textContent.toLowerCase()));
  assert.ok(marks.some((m) => m.startsWith('digital')) && marks.some((m) => m.startsWith('divide')), marks.join());
  await shot(page, '02-typed-query.png');
});

test('ticking a country narrows the hits; counts follow multi-select semantics', async () => {
  const page = journey.page;
  const before = journey.query;
  const country = before.facets.country[0];
  const other = before.facets.country[1];
  assert.ok(country && other, 'at least two delegations in the results');
  await page.check(`#facet-country input[data-value="${country.value}"]`);
  const want = (journey.filtered = await api(`/v1/search?q=digital+divide&country=${country.value}&per_page=20`));
  assert.ok(want.total > 0 && want.total < before.total, `${want.total} < ${before.total}`);
  await waitForTotal(page, want.total);
  assert.deepEqual(new URL(page.url()).searchParams.getAll('country'), [country.value]);

  // Every hit names the delegation, with its chip pressed.
  const hits = await page.$$eval('#hits .hit', (els, name) => els.map((hit) => [...hit.querySelectorAll('.chip-country[aria-pressed="true"]')]
    .some((c) => c.textContent.endsWith(name))), country.label);
  assert.equal(hits.length, want.hits.length);
  assert.ok(hits.every(Boolean), 'each hit shows the ticked delegation');
  // Other fields' counts change with the filter; the country's own do not
  // (so a second delegation can be added), as the API says.
  assert.notDeepEqual(apiCounts(want, 'year'), apiCounts(before, 'year'));
  assert.deepEqual(await sidebarCounts(page, 'year'), apiCounts(want, 'year'));
  const countries = await sidebarCounts(page, 'country');
  assert.equal(countries[other.value], other.count);
  assert.deepEqual(countries, apiCounts(want, 'country'));
  const chips = await page.$$eval('#chips .chip-active', (els) => els.map((e) => e.getAttribute('aria-label')));
  assert.deepEqual(chips, [`Remove filter Delegation: ${country.label}`]);
  await shot(page, '03-country-ticked.png');
});

test('opening a hit lands on its paragraph anchor, words highlighted, and goes back', async () => {
  const page = journey.page;
  const hit = journey.filtered.hits[0];
  assert.notEqual(hit.paragraph, null, 'the first hit has a paragraph number');
  const anchor = `p${hit.paragraph}`;
  await page.click('#hits .hit-title a >> nth=0');
  await page.waitForSelector(`#document-view:not([hidden]) #${anchor}.is-target`);
  assert.equal(await page.isVisible('#search-view'), false, 'the results make way for the document');
  const url = new URL(page.url());
  assert.equal(url.hash, `#${anchor}`);
  assert.equal(url.searchParams.get('doc'), hit.doc_id);
  assert.equal(url.searchParams.get('q'), 'digital divide');

  const doc = await api(`/v1/documents/${hit.doc_id}`);
  assert.equal(await page.textContent('#doc-title'), doc.document.title);
  assert.equal(await page.locator('#document-view .para').count(), doc.paragraphs.length);
  const target = page.locator(`#${anchor}`);
  assert.equal(await target.locator('.para-num').textContent(), String(hit.paragraph));
  const expected = doc.paragraphs.find((p) => p.number === hit.paragraph);
  assert.equal(await target.locator('.para-text').textContent(), expected.text);
  const marks = await target.locator('mark').allTextContents();
  assert.ok(marks.some((m) => /^(digital|divide)/i.test(m)), `marks in the paragraph: ${marks}`);
  // In view and focused: a delegate lands on it, and so does a screen reader.
  const box = await target.boundingBox();
  assert.ok(box.y >= 0 && box.y < WIDE.height / 2, `paragraph at y=${box.y}`);
  assert.equal(await page.evaluate(() => document.activeElement.id), anchor);
  const countries = await target.locator('.chip-country').allTextContents();
  assert.ok(countries.some((c) => c.endsWith(journey.filtered.query.filters.country[0]) ||
                                  hit.countries.some((k) => c.endsWith(k.name))), `attribution: ${countries}`);
  await shot(page, '04-document-anchor.png');

  // The same link, loaded afresh (as shared), lands there too.
  const fresh = await context.newPage();
  await fresh.goto(page.url());
  await fresh.waitForSelector(`#${anchor}.is-target`);
  assert.equal(await fresh.evaluate(() => document.activeElement.id), anchor);
  await fresh.close();

  // Another paragraph's number is its link to cite: the URL and the mark follow.
  const other = doc.paragraphs.find((p) => p.number !== null && p.number !== hit.paragraph);
  await page.click(`#p${other.number} .para-num`);
  await page.waitForSelector(`#p${other.number}.is-target`);
  assert.equal(new URL(page.url()).hash, `#p${other.number}`);
  assert.equal(await page.locator('.para.is-target').count(), 1);

  await page.click('.back-link');
  await page.waitForSelector('#search-view:not([hidden]) #hits .hit');
  assert.equal(await page.isVisible('#document-view'), false);
  assert.equal(new URL(page.url()).searchParams.get('doc'), null);
  await waitForTotal(page, journey.filtered.total);
  await page.close();
});

test('a PDF\'s hits show their page; its document links to the original and each paragraph to its page', async () => {
  const page = await context.newPage();
  const want = await api('/v1/search?q=digital+divide&per_page=20');
  const pdfHits = want.hits.filter((hit) => hit.page !== null);
  assert.ok(pdfHits.length > 0 && pdfHits.length < want.hits.length, 'hits from the PDFs and from the text files');
  await page.goto(`${base}/?q=digital+divide`);
  await waitForTotal(page, want.total);
  const shown = await page.$$eval('#hits .hit-meta', (metas) => metas.map((m) => m.querySelector('.page-ref')?.textContent ?? null));
  assert.deepEqual(shown, want.hits.map((hit) => (hit.page === null ? null : `p. ${hit.page}`)));
  await shot(page, '08-hits-with-pages.png');

  // The document of the first PDF hit, opened as a delegate would.
  const hit = pdfHits[0];
  // The page's anchors: #p37, or #passage-ID for an unnumbered paragraph.
  const anchor = hit.paragraph !== null ? `p${hit.paragraph}` : `passage-${hit.passage_id}`;
  await page.click(`#hits .hit >> nth=${want.hits.indexOf(hit)} >> .hit-title a`);
  await page.waitForSelector(`#document-view:not([hidden]) #${anchor}.is-target`);
  const doc = await api(`/v1/documents/${hit.doc_id}`);
  assert.equal(doc.document.format, 'pdf');
  assert.equal(doc.document.original, `/v1/documents/${hit.doc_id}/original`);
  assert.ok(!('source' in doc.document), 'no server path in the answer');
  const original = page.locator('#document-view .doc-original');
  assert.equal(await original.textContent(), 'Original PDF');
  assert.equal(await original.getAttribute('href'), doc.document.original);
  // Each paragraph links to its page of the PDF.
  const links = await page.$$eval('#document-view .para', (paras) => paras.map((p) => p.querySelector('.para-page')?.getAttribute('href') ?? null));
  assert.deepEqual(links, doc.paragraphs.map((p) => (p.page === null ? null : `${doc.document.original}#page=${p.page}`)));
  assert.ok(doc.paragraphs.some((p) => p.page > 1), 'paragraphs on later pages');
  assert.equal(await page.locator(`#${anchor} .para-page`).textContent(), `p. ${hit.page}`);
  await shot(page, '09-document-original-pdf.png');

  // What the links point at is the PDF itself, served by this server.
  const response = await fetch(base + doc.document.original);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'application/pdf');
  assert.match(response.headers.get('content-disposition'), /^inline; filename="[^"/]+\.pdf"$/);
  assert.equal(Buffer.from(await response.arrayBuffer()).subarray(0, 5).toString(), '%PDF-');

  // A text document links to its original file, and its paragraphs to no page.
  const text = want.hits.find((h) => h.page === null);
  await page.goto(`${base}/?doc=${encodeURIComponent(text.doc_id)}`);
  await page.waitForSelector('#document-view:not([hidden]) .doc-original');
  assert.equal(await page.textContent('#document-view .doc-original'), 'Original file');
  assert.equal(await page.getAttribute('#document-view .doc-original', 'href'), `/v1/documents/${text.doc_id}/original`);
  assert.equal(await page.locator('#document-view .para-page').count(), 0);
  await page.close();
});

test('inferred action lines are marked apart from named ones, with their evidence on hover and focus', async () => {
  const page = await context.newPage();
  // Hits on one line: some name it, others are about it (the API says which).
  const want = await api('/v1/search?q=&action_line=C7&per_page=20');
  const named = want.hits.reduce((n, hit) => n + hit.action_lines.length, 0);
  const inferred = want.hits.flatMap((hit) => hit.action_lines_inferred);
  assert.ok(inferred.length > 0, 'hits with inferred lines');
  await page.goto(`${base}/?action_line=C7`);
  await waitForTotal(page, want.total);
  const chips = page.locator('#hits .hit-people .chip-inferred');
  assert.equal(await chips.count(), inferred.length);
  assert.equal(await page.locator('#hits .hit-people button.chip-plain:not(.chip-inferred)').count(), named);
  assert.deepEqual(await chips.evaluateAll((els) => els.map((el) => el.dataset.evidence)),
                   inferred.map((line) => line.evidence.join('; ')));
  // The evidence is hidden until the chip is pointed at or focused; the
  // chip is described by it for screen readers.
  const first = chips.first();
  const tipId = await first.getAttribute('aria-describedby');
  const tip = page.locator(`#${tipId}`);
  assert.equal(await tip.isVisible(), false);
  await first.focus();
  await tip.waitFor({state: 'visible'});
  const text = await tip.textContent();
  assert.ok(text.includes('inferred') && inferred[0].evidence.every((e) => text.includes(e)), text);
  await shot(page, '12-inferred-line-evidence-on-focus.png');
  await page.mouse.move(0, 0);
  await page.locator('#hits .hit-title a').first().focus();
  await tip.waitFor({state: 'hidden'});
  await first.hover();
  await tip.waitFor({state: 'visible'});

  // The document view shows both kinds for a paragraph, marked the same way.
  const both = (await api('/v1/search?q=&per_page=100')).hits.find((hit) => hit.action_lines.length &&
                                                                         hit.action_lines_inferred.length);
  assert.ok(both, 'a paragraph that names a line and is about another');
  const anchor = both.paragraph !== null ? `p${both.paragraph}` : `passage-${both.passage_id}`;
  await page.goto(`${base}/?doc=${encodeURIComponent(both.doc_id)}#${anchor}`);
  await page.waitForSelector(`#document-view:not([hidden]) #${anchor}.is-target`);
  const para = page.locator(`#${anchor} .para-attribution`);
  assert.deepEqual((await para.locator('.chip-plain').allTextContents()).map((t) => t.replace('Action line named: ', '')),
                   both.action_lines);
  const docChips = para.locator('.chip-inferred');
  assert.equal(await docChips.count(), both.action_lines_inferred.length);
  await docChips.first().focus();
  const docTip = page.locator(`#${await docChips.first().getAttribute('aria-describedby')}`);
  await docTip.waitFor({state: 'visible'});
  assert.ok((await docTip.textContent()).includes(both.action_lines_inferred[0].evidence[0]));
  await shot(page, '13-document-both-kinds.png');
  await page.close();
});

test('the speaker filter box completes names through /v1/facets/speaker?prefix=', async () => {
  const page = await context.newPage();
  // A name typed before the page has its first answer (a slow server, a
  // quick user) is looked up once the answer comes: the first search is
  // held until the box's debounce has run, on Playwright's clock.
  await page.clock.install();
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  let first = true;
  await page.route((url) => url.pathname === '/v1/search', async (route) => {
    if (first) {
      first = false;
      await held;
    }
    await route.fallback();
  });
  await page.goto(`${base}/`);
  const want = await api('/v1/facets/speaker?q=&prefix=pe&limit=50');
  assert.ok(want.values.length > 0);
  await page.fill('#facet-speaker-find', 'pe');
  await page.clock.runFor(1000);
  release();
  await page.waitForFunction((n) => document.querySelectorAll('#facet-speaker .facet-values input').length === n &&
                                    !document.querySelector('#facet-speaker .facet-more:not([hidden])'), want.values.length);
  const labels = await page.$$eval('#facet-speaker .facet-label', (els) => els.map((e) => e.textContent));
  assert.deepEqual(labels, want.values.map((v) => v.label));
  await page.close();
});

test('filters written as names in a link take the API\'s canonical values', async () => {
  const page = await context.newPage();
  await page.goto(`${base}/?country=iran&speaker=Peter+Major`);
  const want = await api('/v1/search?q=&country=iran&speaker=Peter+Major&per_page=20');
  assert.deepEqual(want.query.filters, {country: ['IRN'], speaker: ['peter-major']});
  await waitForTotal(page, want.total);
  const url = new URL(page.url());
  assert.deepEqual(url.searchParams.getAll('country'), ['IRN']);
  assert.deepEqual(url.searchParams.getAll('speaker'), ['peter-major']);
  assert.ok(await page.isChecked('#facet-country input[data-value="IRN"]'));
  // No hit names them, so the page asks the API for the names.
  assert.equal(want.total, 0);
  await page.waitForFunction((labels) => [...document.querySelectorAll('#chips .chip-active')]
    .map((e) => e.getAttribute('aria-label')).join('|') === labels,
  'Remove filter Delegation: Iran|Remove filter Speaker: Peter Major');
  assert.equal(await page.textContent('#facet-country label[for="f-country-IRN"] .facet-label'), 'Iran');
  await page.close();
});

test('on a narrow screen the layout stacks and nothing overflows', async () => {
  const narrow = await newContext(NARROW);
  const page = await narrow.newPage();
  await page.goto(`${base}/?q=internet+governance`);
  const want = await api('/v1/search?q=internet+governance&per_page=20');
  await waitForTotal(page, want.total);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
            'no horizontal scrolling');
  // Filters sit behind a button, above the results.
  assert.equal(await page.isVisible('#facet-country'), false);
  const results = await page.locator('#results').boundingBox();
  const toggle = await page.locator('#filters-toggle').boundingBox();
  assert.ok(toggle.y < results.y);
  await shot(page, '05-narrow.png');
  await page.click('#filters-toggle');
  assert.equal(await page.getAttribute('#filters-toggle', 'aria-expanded'), 'true');
  assert.equal(await page.isVisible('#facet-country'), true);
  await shot(page, '06-narrow-filters.png');
  await narrow.close();
});

test('an error from the API is shown as a readable message', async () => {
  const page = await context.newPage();
  await page.goto(`${base}/?q=broadband&year=abc`);
  const response = await fetch(`${base}/v1/search?q=broadband&year=abc&per_page=20`);
  assert.equal(response.status, 400);
  const {error} = await response.json();
  await page.waitForSelector('#error:not([hidden])');
  const text = await page.textContent('#error');
  assert.ok(text.includes(error.message), `${text} shows ${error.message}`);
  assert.equal(await page.locator('#hits .hit').count(), 0);
  await shot(page, '07-api-error.png');
  // The browser logs the 400 itself; that is the one console error expected.
  const expected = pageErrors.filter((e) => /status of 400/.test(e));
  assert.ok(expected.length >= 1);
  pageErrors.splice(0, pageErrors.length, ...pageErrors.filter((e) => !/status of 400/.test(e)));
  await page.close();
});

test('keyboard and screen readers: skip link first, every control labelled', async () => {
  const page = await context.newPage();
  await page.goto(`${base}/?q=wsis`);
  await page.waitForSelector('#hits .hit');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to results');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'q');
  const unlabelled = await page.$$eval('input, select, button', (els) => els
    .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby') &&
                    !el.textContent.trim())
    .map((el) => el.outerHTML.slice(0, 120)));
  assert.deepEqual(unlabelled, []);
  assert.equal(await page.getAttribute('#status', 'aria-live'), 'polite');
  const legends = await page.$$eval('fieldset.facet', (fs) => fs.map((f) => f.querySelector('legend')?.textContent));
  assert.ok(legends.length === 6 && legends.every(Boolean), legends.join());
  // Ticking a facet by keyboard keeps the focus on the checkbox.
  await page.focus('#facet-type input >> nth=0');
  const value = await page.evaluate(() => document.activeElement.dataset.value);
  await page.keyboard.press('Space');
  await page.waitForFunction((v) => new URL(location.href).searchParams.get('type') === v, value);
  await page.waitForFunction((v) => document.activeElement.dataset.value === v && document.activeElement.checked, value);
  await page.close();
});

// "25th session · 2022", as the page heads a session's statements.
function sessionHeading(s) {
  const n = s.session;
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({1: 'st', 2: 'nd', 3: 'rd'}[n % 10] || 'th');
  return `${n}${suffix} session · ${s.year}`;
}

test('a speaker\'s page, from their chip: statements by session and year, action lines, topics, paragraph links', async () => {
  const page = await context.newPage();
  // David Souter's statement names him only in a footnote; his name finds it.
  await page.goto(`${base}/?q=Souter`);
  const search = await api('/v1/search?q=Souter&per_page=20');
  assert.ok(search.total > 0, 'q=Souter finds his statements');
  await waitForTotal(page, search.total);
  const speaker = search.hits[0].speakers.find((s) => /Souter/.test(s.name));
  assert.ok(speaker, 'the hit credits David Souter');
  await page.click(`#hits .profile-link-speaker[href*="person=${speaker.id}"] >> nth=0`);
  await page.waitForSelector('#profile-view:not([hidden]) .profile-statement');
  assert.equal(await page.isVisible('#search-view'), false);
  assert.equal(new URL(page.url()).searchParams.get('person'), speaker.id);

  const profile = await api(`/v1/speakers/${speaker.id}`);
  const statements = await api(`/v1/search?speaker=${speaker.id}&sort=date_desc&per_page=100&facets=`);
  assert.equal(await page.textContent('#profile-title'), profile.name);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'profile-title');
  assert.deepEqual(await page.$$eval('.profile-sessions li a', (els) => els.map((e) => e.textContent)),
                   profile.sessions.map(sessionHeading));
  assert.deepEqual(await page.$$eval('.profile-section > h3', (els) => els.map((e) => e.textContent)),
                   profile.sessions.map(sessionHeading));
  assert.equal(await page.locator('.profile-statement').count(), statements.hits.length);
  assert.deepEqual(await page.$$eval('[aria-labelledby="profile-topics"] .chip', (els) => els.map((e) => e.textContent)),
                   profile.topics.map((t) => t.term));
  assert.deepEqual(await page.$$eval('[aria-labelledby="profile-lines"] .chip', (els) => els.map((e) => e.firstChild.textContent)),
                   profile.action_lines.map((a) => a.value));
  await shot(page, '08-speaker-page.png');

  // Each statement links to its paragraph; the document opens there, and Back returns to the page.
  const hit = statements.hits.find((h) => h.paragraph !== null);
  await page.click(`.profile-para[href*="doc=${hit.doc_id}"][href$="#p${hit.paragraph}"]`);
  await page.waitForSelector(`#document-view:not([hidden]) #p${hit.paragraph}.is-target`);
  assert.equal(await page.isVisible('#profile-view'), false);
  await page.click('.back-link');
  await page.waitForSelector('#profile-view:not([hidden]) .profile-statement');
  assert.equal(new URL(page.url()).searchParams.get('person'), speaker.id);
  // And from the page, back to the search it was reached from.
  await page.click('#profile-view .back-link');
  await waitForTotal(page, search.total);
  assert.equal(new URL(page.url()).searchParams.get('person'), null);
  await page.close();
});

test('a delegation\'s page, from a delegation chip in the document view, also on a narrow screen', async () => {
  const hit = (await api('/v1/search?q=&country=IRN&per_page=1')).hits[0];
  assert.ok(hit && hit.paragraph !== null, 'Iran speaks in a numbered paragraph of the corpus');
  const profile = await api('/v1/countries/IRN');
  const statements = await api('/v1/search?country=IRN&sort=date_desc&per_page=100&facets=');
  for (const [viewport, name] of [[WIDE, '09-delegation-page.png'], [NARROW, '10-delegation-page-narrow.png']]) {
    const ctx = viewport === WIDE ? context : await newContext(NARROW);
    const page = await ctx.newPage();
    await page.goto(`${base}/?doc=${hit.doc_id}#p${hit.paragraph}`);
    await page.waitForSelector(`#p${hit.paragraph}.is-target`);
    await page.click(`#p${hit.paragraph} .profile-link-delegation[href*="delegation=IRN"]`);
    await page.waitForSelector('#profile-view:not([hidden]) .profile-statement');
    assert.equal(await page.textContent('#profile-title'), profile.name);
    assert.equal(await page.locator('.profile-statement').count(), statements.hits.length);
    assert.deepEqual(await page.$$eval('.profile-section > h3', (els) => els.map((e) => e.textContent)),
                     profile.sessions.map(sessionHeading));
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
              'no horizontal scrolling');
    await shot(page, name);
    await page.close();
    if (ctx !== context) await ctx.close();
  }
});

test('a query that finds nothing shows its suggestion\'s results, saying so, and can be searched as typed', async () => {
  const page = await context.newPage();
  const typed = await api('/v1/search?q=internet+govrnance&per_page=20');
  assert.equal(typed.total, 0);
  assert.equal(typed.suggestion, 'internet governance');
  const suggested = await api('/v1/search?q=internet+governance&per_page=20');
  assert.ok(suggested.total > 0);
  await page.goto(`${base}/?q=internet+govrnance`);
  await waitForTotal(page, suggested.total);
  assert.equal(await page.textContent('#suggestion'),
               'Showing results for internet governance; search instead for internet govrnance.');
  const ids = await page.$$eval('#hits .hit-title a', (els) => els.map((a) => new URL(a.href).searchParams.get('doc')));
  assert.deepEqual(ids, suggested.hits.map((hit) => hit.doc_id));
  assert.equal(await page.inputValue('#q'), 'internet govrnance');  // the box keeps what was typed
  await shot(page, '14-suggestion-showing-results-for.png');
  // "Search instead": the query as typed, which finds nothing, and the
  // suggestion offered.
  await page.click('#suggestion a >> nth=1');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('as_typed') === '1');
  await waitForTotal(page, 0);
  assert.equal(await page.textContent('#suggestion'), 'Did you mean internet governance?');
  await page.close();
});

test('every hit and every paragraph has its citation, and "Copy citation" copies it', async () => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {origin: base});
  const page = await context.newPage();
  const want = await api('/v1/search?q=internet+governance&country=IRN&per_page=20');
  assert.ok(want.hits.length > 0);
  await page.goto(`${base}/?q=internet+governance&country=IRN`);
  await waitForTotal(page, want.total);
  assert.deepEqual(await page.$$eval('#hits .cite-text', (els) => els.map((e) => e.textContent)),
                   want.hits.map((hit) => hit.citation));
  const cited = want.hits.find((hit) => hit.symbol);
  assert.ok(cited && cited.citation.startsWith(`${cited.symbol}, para. `), 'a hit cited by its symbol');
  // A statement of a paragraph of several: said so beside the paragraph.
  const statementHit = want.hits.findIndex((hit) => hit.statement !== null);
  assert.ok(statementHit >= 0, 'Iran\'s statement in a paragraph of several');
  assert.equal(await page.textContent(`#hits .hit >> nth=${statementHit} >> .statement-ref`),
               `statement ${want.hits[statementHit].statement + 1}`);
  await page.click('#hits .cite-copy >> nth=0');
  await page.waitForFunction(() => document.querySelector('#hits .cite-status').textContent === 'Copied');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), want.hits[0].citation);
  await shot(page, '15-citation-in-hits.png');

  // The document view: title and symbol, each paragraph's citation.
  const hit = want.hits[0];
  const doc = await api(`/v1/documents/${hit.doc_id}`);
  await page.click('#hits .hit-title a >> nth=0');
  await page.waitForSelector(`#document-view:not([hidden]) #p${hit.paragraph}.is-target`);
  assert.equal(await page.textContent('#doc-title'), doc.document.title);
  if (doc.document.symbol) assert.ok((await page.textContent('.doc-facts')).includes(doc.document.symbol));
  assert.deepEqual(await page.$$eval('#document-view .para .cite-text', (els) => els.map((e) => e.textContent)),
                   doc.paragraphs.map((p) => p.citation));
  await page.click(`#p${hit.paragraph} .cite-copy`);
  await page.waitForFunction((id) => document.querySelector(`#${id} .cite-status`).textContent === 'Copied',
                             `p${hit.paragraph}`);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()),
               doc.paragraphs.find((p) => p.number === hit.paragraph).citation);
  await shot(page, '16-citation-in-document.png');
  await page.close();
});

test('a speech is numbered by position, and its old passage anchors still land on the paragraph', async () => {
  const page = await context.newPage();
  const doc = await api('/v1/documents/speech-ken-2022');
  assert.equal(doc.document.type, 'speech');
  assert.deepEqual(doc.paragraphs.map((p) => p.number), doc.paragraphs.map((p, i) => i + 1));
  assert.ok(!doc.document.title.includes('speech-ken-2022'), doc.document.title);
  await page.goto(`${base}/?doc=speech-ken-2022#passage-speech-ken-2022-3`);
  await page.waitForSelector('#document-view:not([hidden]) #p3.is-target');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'p3');
  await page.close();
});

test('words found through an acronym are marked in snippets and in the document view', async () => {
  const page = await context.newPage();
  const want = await api('/v1/search?q=WSIS&per_page=20');
  const spelled = want.hits.findIndex((hit) => /<mark>World Summit on the Information Society<\/mark>/i.test(hit.snippet));
  assert.ok(spelled >= 0, 'a snippet marks the spelled-out form');
  await page.goto(`${base}/?q=WSIS`);
  await waitForTotal(page, want.total);
  const marks = await page.$$eval(`#hits .hit >> nth=${spelled} >> .hit-snippet mark`, (els) => els.map((e) => e.textContent));
  assert.ok(marks.some((m) => /^world summit on the information society$/i.test(m)), marks.join('|'));
  // The document view marks the form too (the API names it: highlight).
  const hit = want.hits[spelled];
  await page.goto(`${base}/?doc=${encodeURIComponent(hit.doc_id)}&q=WSIS`);
  await page.waitForSelector('#document-view:not([hidden]) .para');
  const docMarks = await page.$$eval('#document-view .para-text mark', (els) => els.map((e) => e.textContent.replace(/\s+/g, ' ')));
  assert.ok(docMarks.some((m) => /^world summit on the information society$/i.test(m)), docMarks.slice(0, 10).join('|'));
  assert.ok(docMarks.some((m) => /^wsis$/i.test(m)));
  await shot(page, '17-acronym-marked-in-document.png');
  await page.close();
});

// ---- A delegate's workflows: download, tick, follow, similar, compare ------------

/** The records of an RFC 4180 CSV text (quoted fields may hold commas, quotes and line breaks). */
function csvRecords(text) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; ++i) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        ++i;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      ++i;
    } else {
      field += c;
    }
  }
  if (field || record.length) records.push([...record, field]);
  return records;
}

test('the Download menu exports every match of the search; ticked hits export alone', async () => {
  const page = await context.newPage();
  await page.goto(`${base}/?q=digital`);
  const want = await api('/v1/search?q=digital&per_page=20');
  assert.ok(want.total > want.hits.length, 'more matches than a page');
  await waitForTotal(page, want.total);
  await page.click('.download-menu > summary');
  const links = await page.$$eval('.download-menu .menu-list a', (as) => as.map((a) => [a.dataset.format, a.getAttribute('href')]));
  assert.deepEqual(links.map(([format]) => format), ['csv', 'jsonl', 'txt']);
  for (const [format, href] of links) {
    const url = new URL(href, base);
    assert.equal(url.pathname, '/v1/export');
    assert.equal(url.searchParams.get('q'), 'digital');
    assert.equal(url.searchParams.get('format'), format);
  }
  assert.match(await page.textContent('.download-menu .menu-lede'), new RegExp(`^All ${fmt(want.total)} paragraphs`));
  await shot(page, '21-download-menu.png');
  // Every match, not the page: as many rows as the search's total, in its order.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('.download-menu a[data-format="csv"]')]);
  assert.equal(download.suggestedFilename(), 'cstd-export.csv');
  const rows = csvRecords(readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, ''));
  assert.equal(rows[0][0], 'citation');
  assert.equal(rows.length - 1, want.total);
  const idColumn = rows[0].indexOf('passage_id');
  assert.deepEqual(rows.slice(1, 1 + want.hits.length).map((r) => r[idColumn]), want.hits.map((hit) => hit.passage_id));

  // Two ticked hits: the bar exports them alone, in the order ticked, and
  // the ticks stay on another page of results.
  await page.check('#hits .hit-tick-box >> nth=2');
  await page.check('#hits .hit-tick-box >> nth=0');
  await page.waitForSelector('#selection:not([hidden])');
  assert.match(await page.textContent('#selection .selection-count'), /^2 paragraphs selected/);
  await shot(page, '22-ticked-hits.png');
  const [picked] = await Promise.all([page.waitForEvent('download'), page.click('#selection a[data-format="jsonl"]')]);
  const lines = readFileSync(await picked.path(), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((l) => l.passage_id), [want.hits[2].passage_id, want.hits[0].passage_id]);
  await page.click('#pager a[rel="next"]');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('page') === '2');
  assert.match(await page.textContent('#selection .selection-count'), /^2 paragraphs selected/);
  await page.click('#selection .link-button');
  await page.waitForSelector('#selection', {state: 'hidden'});
  await page.close();
});

test('Follow this search gives the search\'s Atom feed, announced in the head', async () => {
  const page = await context.newPage();
  await page.goto(`${base}/?q=internet+governance&year=2022..2024`);
  const want = await api('/v1/search?q=internet+governance&year=2022..2024&per_page=20');
  await waitForTotal(page, want.total);
  await page.click('.follow-button');
  await page.waitForSelector('#follow-panel:not([hidden])');
  assert.equal(await page.getAttribute('.follow-button', 'aria-expanded'), 'true');
  const url = await page.inputValue('#follow-url');
  const feed = new URL(url);
  assert.equal(feed.pathname, '/v1/feed');
  assert.equal(feed.searchParams.get('q'), 'internet governance');
  assert.deepEqual(feed.searchParams.getAll('year'), ['2022..2024']);
  assert.equal(await page.getAttribute('link[rel="alternate"][type="application/atom+xml"]', 'href'), url);
  const response = await fetch(url);
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type'), /^application\/atom\+xml/);
  const xml = await response.text();
  assert.match(xml, /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
  assert.equal((xml.match(/<entry>/g) || []).length, Math.min(want.total, 50));
  await shot(page, '23-follow-search.png');
  await page.close();
});

test('"Similar statements by other delegations" opens under a paragraph, from the API', async () => {
  const hit = (await api('/v1/search?q=&country=IRN&per_page=1')).hits[0];
  assert.ok(hit && hit.paragraph !== null);
  const want = await api(`/v1/passages/${hit.passage_id}/similar?per_page=5&facets=country&other_delegations=true`);
  assert.ok(want.hits.length > 0, 'others said something like it');
  const page = await context.newPage();
  await page.goto(`${base}/?doc=${encodeURIComponent(hit.doc_id)}#p${hit.paragraph}`);
  await page.waitForSelector(`#p${hit.paragraph}.is-target`);
  const button = page.locator(`#p${hit.paragraph} .similar-button`);
  assert.equal(await button.textContent(), 'Similar statements by other delegations');
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  await button.click();
  await page.waitForSelector(`#p${hit.paragraph} .similar-item`);
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  const items = await page.$$eval(`#p${hit.paragraph} .similar-item`, (els) => els.map((el) => ({
    who: el.querySelector('.similar-who').textContent, href: el.querySelector('.similar-where a').getAttribute('href')})));
  assert.equal(items.length, want.hits.length);
  items.forEach((item, i) => {
    assert.equal(new URL(item.href, base).searchParams.get('doc'), want.hits[i].doc_id);
    assert.ok(!item.who.includes('Iran'), `${item.who}: another delegation`);
  });
  await shot(page, '24-similar-statements.png');
  // A similar statement opens in its document, at its paragraph.
  await page.click(`#p${hit.paragraph} .similar-item .similar-where a >> nth=0`);
  await page.waitForFunction((doc) => new URL(location.href).searchParams.get('doc') === doc, want.hits[0].doc_id);
  await page.waitForSelector('#document-view .para.is-target');
  await page.close();
});

test('Compare, from the delegation facet, puts delegations side by side by year and by session', async () => {
  const page = await context.newPage();
  await page.goto(`${base}/?q=internet+governance`);
  const search = await api('/v1/search?q=internet+governance&per_page=20');
  await waitForTotal(page, search.total);
  const [a, b] = search.facets.country.map((v) => v.value);
  assert.ok(a && b, 'two delegations to compare');
  // Untouched, the button offers the top delegations; ticked, the ticked ones.
  assert.match(await page.textContent('#facet-country .facet-compare'), /^Compare the top \d side by side$/);
  await page.check(`#facet-country input[data-value="${a}"]`);
  await page.waitForFunction((code) => new URL(location.href).searchParams.getAll('country').includes(code), a);
  await page.check(`#facet-country input[data-value="${b}"]`);
  await page.waitForFunction(() => new URL(location.href).searchParams.getAll('country').length === 2);
  await page.waitForFunction(() => document.querySelector('#facet-country .facet-compare').textContent ===
                                   'Compare the 2 ticked side by side');
  await page.click('#facet-country .facet-compare');
  await page.waitForSelector('#compare-view:not([hidden]) .compare-table');
  const url = new URL(page.url());
  assert.deepEqual(url.searchParams.get('compare').split(','), [a, b]);
  assert.equal(url.searchParams.get('q'), 'internet governance');
  assert.deepEqual(url.searchParams.getAll('country'), [], 'the columns replace the delegation filter');
  assert.equal(await page.isVisible('#search-view'), false);

  const check = async (by) => {
    const want = await api(`/v1/compare?q=internet+governance&delegations=${a},${b}&by=${by}&top=3`);
    assert.deepEqual(await page.$$eval('.compare-table thead th[data-country]', (ths) => ths.map((th) => th.dataset.country)),
                     [a, b]);
    const cells = await page.$$eval('.compare-table tbody tr', (trs) => trs.map((tr) => [Number(tr.dataset.value),
      [...tr.querySelectorAll('td')].map((td) => Number(td.dataset.count)),
      [...tr.querySelectorAll('td')].map((td) => td.querySelectorAll('.compare-hits li').length)]));
    assert.deepEqual(cells, want.rows.map((row) => [row.value, row.cells.map((c) => c.count),
                                                    row.cells.map((c) => c.hits.length)]));
    assert.ok(cells.some(([, counts]) => counts.some((n) => n > 0)));
  };
  await check('year');
  await shot(page, '25-compare-by-year.png');
  await page.click('.compare-by a');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('by') === 'session');
  await page.waitForSelector('.compare-by-current >> text=by session');
  await check('session');
  await shot(page, '26-compare-by-session.png');
  // A statement opens in its document; Back returns to the comparison.
  await page.click('.compare-hits a >> nth=0');
  await page.waitForSelector('#document-view:not([hidden]) .para.is-target');
  await page.click('#document-view .back-link');
  await page.waitForSelector('#compare-view:not([hidden]) .compare-table');
  await page.close();

  // A shared link, on a phone: the table scrolls, the page does not.
  const narrow = await newContext(NARROW);
  const phone = await narrow.newPage();
  const third = search.facets.country[2] ? `,${search.facets.country[2].value}` : '';
  await phone.goto(`${base}/?compare=${a},${b}${third}&q=internet+governance`);
  await phone.waitForSelector('#compare-view:not([hidden]) .compare-table');
  assert.ok(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no horizontal scrolling');
  await shot(phone, '27-compare-narrow.png');
  await narrow.close();
});

test('no request left the loopback host, and the page used the API', () => {
  assert.deepEqual(offsite, []);
  const paths = requests.map((u) => new URL(u)).filter((u) => u.protocol === 'http:').map((u) => u.pathname);
  assert.ok(paths.includes('/v1/search'));
  assert.ok(paths.includes('/v1/labels'));
  assert.ok(paths.some((p) => p.startsWith('/v1/documents/')));
  assert.ok(paths.some((p) => p.startsWith('/v1/facets/')));
  assert.ok(paths.some((p) => p.startsWith('/v1/speakers/')));
  assert.ok(paths.some((p) => p.startsWith('/v1/countries/')));
  for (const p of ['/v1/export', '/v1/compare']) assert.ok(paths.includes(p), p);
  assert.ok(paths.some((p) => /^\/v1\/passages\/[^/]+\/similar$/.test(p)));
  const unexpected = paths.filter((p) => p !== '/' && !p.startsWith('/assets/') && !p.startsWith('/v1/'));
  assert.deepEqual(unexpected, []);
  assert.deepEqual(pageErrors, []);
});
