// "Who spoke when": for the current query and filters, paragraphs per year
// for each of the top delegations, as stacked bars in inline SVG. The API
// gives marginal counts only, so it is one small request per delegation
// (the year facet of the same search, filtered to that delegation).

import {api} from './api.js';
import {clear, formatNumber, h} from './dom.js';
import {countryName} from './labels.js';
import {filterParams} from './state.js';

const TOP = 5;          // delegations charted when none is selected
const MAX_SELECTED = 6;  // at most this many selected ones
// Okabe-Ito: told apart with any colour vision.
const COLOURS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00'];
const RANGE = /^(\d+)\.\.(\d+)$/;

function yearFilter(values) {
  if (!values.length) return () => true;
  const tests = values.map((v) => {
    const range = RANGE.exec(v);
    if (range) return (y) => y >= Number(range[1]) && y <= Number(range[2]);
    return (y) => y === Number(v);
  });
  return (y) => tests.some((t) => t(y));
}

function niceMax(n) {
  if (n <= 4) return Math.max(n, 1);
  const magnitude = 10 ** Math.floor(Math.log10(n));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (step * magnitude >= n) return step * magnitude;
  }
  return n;
}

/**
 * Fills `section` for a search `result` of `state`; hides it when no
 * delegation is named. `onCountry(code)` filters by a delegation. Resolves
 * when drawn; rejects with the API's error (or AbortError).
 */
export async function renderTimeline(section, state, result, signal, onCountry) {
  const selected = state.filters.country.slice(0, MAX_SELECTED);
  const countries = selected.length ? selected : (result.facets.country || []).slice(0, TOP).map((v) => v.value);
  if (!countries.length || !result.facets.year) {
    section.hidden = true;
    clear(section);
    return;
  }
  const inFilter = yearFilter(state.filters.year);
  const answers = await Promise.all(countries.map((code) => {
    const params = filterParams(state, {except: 'country'});
    params.set('country', code);
    params.set('facets', 'year');
    params.set('per_page', '1');
    return api.search(params, signal);
  }));
  const counts = countries.map((code, i) => {
    const byYear = new Map();
    for (const v of answers[i].facets.year || []) {
      if (inFilter(Number(v.value))) byYear.set(Number(v.value), v.count);
    }
    return {code, name: countryName(code), colour: COLOURS[i % COLOURS.length], byYear};
  });
  const yearSet = new Set(result.facets.year.map((v) => Number(v.value)).filter(inFilter));
  for (const c of counts) for (const y of c.byYear.keys()) yearSet.add(y);
  const years = [...yearSet].sort((a, b) => a - b);
  // Whole years between the first and the last, so gaps show as gaps.
  const span = [];
  if (years.length) for (let y = years[0]; y <= years[years.length - 1]; ++y) span.push(y);
  const totals = span.map((y) => counts.reduce((sum, c) => sum + (c.byYear.get(y) || 0), 0));
  const grand = totals.reduce((a, b) => a + b, 0);

  clear(section);
  section.hidden = false;
  const heading = h('h2', {id: 'timeline-heading', class: 'card-title'}, 'Who spoke when');
  const lede = h('p', {class: 'timeline-lede'},
                 selected.length ? 'Paragraphs per year naming the selected delegations, for this search.'
                                 : `Paragraphs per year naming the ${counts.length === 1 ? 'delegation' : `top ${counts.length} delegations`} in these results.`);
  const legend = h('ul', {class: 'timeline-legend', 'aria-label': 'Delegations charted'},
                   counts.map((c) => h('li', {},
                     h('button', {type: 'button', class: 'legend-item', 'aria-pressed': String(selected.includes(c.code)),
                                  title: selected.includes(c.code) ? `Remove the filter ${c.name}` : `Show only ${c.name}`,
                                  onclick: () => onCountry(c.code)},
                       h('span', {class: `swatch swatch-${COLOURS.indexOf(c.colour)}`, 'aria-hidden': 'true'}),
                       c.name,
                       h('span', {class: 'legend-count'}, formatNumber([...c.byYear.values()].reduce((a, b) => a + b, 0)))))));
  section.append(h('div', {class: 'card-head'}, heading, lede), legend);
  if (!grand) {
    section.append(h('p', {class: 'timeline-empty'}, 'No paragraph in these years names these delegations.'));
    return;
  }
  // Drawn at the width it is shown at, so its text stays legible on a phone.
  const width = Math.max(280, Math.min(960, section.clientWidth - 36 || 640));
  section.append(chart(span, totals, counts, width), table(span, counts));
}

function chart(years, totals, counts, width) {
  const height = 190;
  const left = 34, right = 8, top = 10, bottom = 26;
  const plotW = width - left - right, plotH = height - top - bottom;
  const max = niceMax(Math.max(...totals));
  const band = plotW / years.length;
  const barW = Math.max(2, Math.min(48, band * 0.6));
  const labelEvery = Math.ceil(years.length / 12);
  const svg = h('svg', {class: 'timeline-chart', viewBox: `0 0 ${width} ${height}`, role: 'img',
                        'aria-labelledby': 'timeline-svg-title timeline-svg-desc', preserveAspectRatio: 'xMidYMid meet'});
  const summary = counts.map((c) => {
    const parts = years.filter((y) => c.byYear.get(y)).map((y) => `${y}: ${c.byYear.get(y)}`);
    return `${c.name}: ${parts.length ? parts.join(', ') : 'none'}`;
  }).join('; ');
  svg.append(h('title', {id: 'timeline-svg-title'}, 'Paragraphs per year by delegation'),
             h('desc', {id: 'timeline-svg-desc'}, summary));
  const grid = h('g', {class: 'chart-grid'});
  for (const tick of [0, max / 2, max]) {
    if (tick !== Math.round(tick)) continue;
    const y = top + plotH - (tick / max) * plotH;
    grid.append(h('line', {x1: left, x2: width - right, y1: y, y2: y}),
                h('text', {x: left - 6, y: y + 4, 'text-anchor': 'end'}, formatNumber(tick)));
  }
  svg.append(grid);
  const bars = h('g', {class: 'chart-bars'});
  years.forEach((year, i) => {
    const x = left + i * band + (band - barW) / 2;
    let base = top + plotH;
    for (const c of counts) {
      const n = c.byYear.get(year) || 0;
      if (!n) continue;
      const barH = (n / max) * plotH;
      base -= barH;
      bars.append(h('rect', {x, y: base, width: barW, height: Math.max(barH, 1), fill: c.colour},
                    h('title', {}, `${c.name}, ${year}: ${n} paragraph${n === 1 ? '' : 's'}`)));
    }
    if (i % labelEvery === 0 || i === years.length - 1) {
      bars.append(h('text', {class: 'chart-year', x: left + i * band + band / 2, y: height - 8, 'text-anchor': 'middle'},
                    String(year)));
    }
  });
  svg.append(bars);
  return svg;
}

function table(years, counts) {
  const shownYears = years.filter((y) => counts.some((c) => c.byYear.get(y)));
  return h('details', {class: 'timeline-table'},
    h('summary', {}, 'Show the numbers'),
    h('div', {class: 'table-scroll'},
      h('table', {},
        h('caption', {class: 'visually-hidden'}, 'Paragraphs per year by delegation'),
        h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'Delegation'),
                              shownYears.map((y) => h('th', {scope: 'col'}, String(y))))),
        h('tbody', {}, counts.map((c) => h('tr', {dataset: {country: c.code}},
          h('th', {scope: 'row'}, c.name),
          shownYears.map((y) => h('td', {dataset: {year: String(y)}}, formatNumber(c.byYear.get(y) || 0)))))))));
}
