// Exports from the page: the Download menu of the current search (every
// match, not a page, as CSV, JSON lines or text, from /v1/export) and the
// hits a delegate ticks, exported alone (/v1/export?passage_id=...), in the
// order ticked. The ticks stay while the page is open, across pages and
// searches, so a delegate can collect statements from several searches.

import {ApiError} from './api.js';
import {clear, formatNumber, h} from './dom.js';
import {exportParams} from './state.js';

export const FORMATS = [
  {format: 'csv', label: 'CSV', note: 'for a spreadsheet'},
  {format: 'jsonl', label: 'JSON lines', note: 'for a program'},
  {format: 'txt', label: 'Plain text', note: 'to read or paste'},
];

// The ids of the ticked hits go in the export's URL, which the server takes
// up to 8 KiB long (--max-target-bytes): at about 30 bytes an id, this many
// fit with room to spare.
export const MAX_TICKED = 200;

function exportUrl(params, format) {
  const query = new URLSearchParams(params);
  query.set('format', format);
  return `/v1/export?${query}`;
}

/**
 * Downloads `url`, an export. The server refuses an export past its bound
 * (--max-export) with a 400 that a download would save as the file; a HEAD
 * asks first, and the error is shown by `onError` instead.
 */
async function download(url, onError) {
  try {
    const head = await fetch(url, {method: 'HEAD'});
    if (!head.ok) {
      const answer = await fetch(url, {headers: {Accept: 'application/json'}});
      const body = await answer.json().catch(() => ({}));
      const error = body.error || {};
      throw new ApiError(answer.status, error.code || 'error', error.message || `The server answered ${answer.status}.`);
    }
  } catch (e) {
    onError(e instanceof ApiError ? e : new ApiError(0, 'network', 'The search service cannot be reached.'));
    return;
  }
  const link = h('a', {href: url, download: '', hidden: true});
  document.body.append(link);
  link.click();
  link.remove();
}

function formatLinks(params, onError, label) {
  return h('ul', {class: 'menu-list'}, FORMATS.map(({format, label: name, note}) => {
    const url = exportUrl(params, format);
    return h('li', {}, h('a', {href: url, download: '', dataset: {format}, 'aria-label': `${label} as ${name}`,
                               onclick: (event) => {
                                 if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
                                 event.preventDefault();
                                 download(url, onError);
                               }},
      h('span', {class: 'menu-format'}, name), h('span', {class: 'menu-note'}, ` ${note}`)));
  }));
}

/** The Download menu for the search `state` whose answer is `result`. */
export function downloadMenu(state, result, onError) {
  const unit = state.group === 'document' ? 'paragraph per document' : 'paragraphs';
  const all = result.total === 1 ? 'The one paragraph' : `All ${formatNumber(result.total)} ${unit}`;
  return h('details', {class: 'menu download-menu'},
    h('summary', {class: 'button-secondary menu-button'}, 'Download'),
    h('div', {class: 'menu-panel'},
      h('p', {class: 'menu-lede'}, `${all} of this search, in its order, with citations and links:`),
      formatLinks(exportParams(state), onError, 'Download this search')));
}

/**
 * The hits a delegate ticked, and the bar (`bar`) that exports them;
 * `onError(error)` shows what went wrong.
 */
export class Selection {
  constructor(bar, onError) {
    this.bar = bar;
    this.onError = onError;
    this.ticked = new Map();  // passage_id -> what the hit is, in the order ticked
  }

  has(passageId) {
    return this.ticked.has(passageId);
  }

  /** The checkbox that ticks `hit`. */
  checkbox(hit) {
    const id = `tick-${hit.passage_id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
    const input = h('input', {type: 'checkbox', id, class: 'hit-tick-box', checked: this.has(hit.passage_id),
                              onchange: (e) => this.toggle(hit, e.target)});
    return h('span', {class: 'hit-tick'}, input, h('label', {for: id}, 'Select',
      h('span', {class: 'visually-hidden'}, ' for export')));
  }

  toggle(hit, input) {
    if (input.checked && !this.ticked.has(hit.passage_id)) {
      if (this.ticked.size >= MAX_TICKED) {
        input.checked = false;
        this.onError(new ApiError(0, 'too_many', `At most ${MAX_TICKED} paragraphs can be exported as a selection; ` +
                                                  'download the whole search instead.'));
        return;
      }
      this.ticked.set(hit.passage_id, hit);
    } else if (!input.checked) {
      this.ticked.delete(hit.passage_id);
    }
    this.render();
  }

  clear() {
    this.ticked.clear();
    for (const box of document.querySelectorAll('.hit-tick-box')) box.checked = false;
    this.render();
  }

  render() {
    clear(this.bar);
    this.bar.hidden = this.ticked.size === 0;
    if (!this.ticked.size) return;
    const n = this.ticked.size;
    const params = new URLSearchParams({passage_id: [...this.ticked.keys()].join(',')});
    this.bar.append(
      h('p', {class: 'selection-count', role: 'status'},
        h('strong', {}, formatNumber(n)), n === 1 ? ' paragraph selected' : ' paragraphs selected'),
      h('span', {class: 'selection-label'}, 'Download the selection:'),
      formatLinks(params, this.onError, 'Download the selected paragraphs'),
      h('button', {type: 'button', class: 'link-button', onclick: () => this.clear()}, 'Clear the selection'));
  }
}
