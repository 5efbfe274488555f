// The sidebar: one fieldset per facet, multi-select checkboxes with the
// API's counts. A field's counts leave its own filter out (the API's
// multi-select semantics), so ticking a second country widens the search
// and the country counts say by how much. Long facets get a filter box that
// asks /v1/facets/{field}?prefix=.

import {api} from './api.js';
import {clear, debounce, formatNumber, h} from './dom.js';
import {learnNames, valueLabel} from './labels.js';
import {FACET_PANELS} from './fields.js';
import {filterParams} from './state.js';

// One panel per facet the server counts by default, as its table has them
// (fields.js); what the page adds is its own: a box to find a name, the
// range of years, and Compare on the delegations.
const FACETS = FACET_PANELS.map((panel) => ({
  ...panel,
  find: panel.named ? `Find a ${panel.legend.toLowerCase()}` : null,
  range: panel.field === 'year',
  compare: panel.field === 'country',
}));
const SHOWN = 8;  // values shown before "Show all"
const COMPARED_TOP = 3;  // delegations "Compare" takes when fewer than two are ticked
const COMPARED_MAX = 6;  // and at most (the API's bound)
const RANGE = /^(\d+)\.\.(\d+)$/;

export class FacetPanel {
  /**
   * `handlers`: onToggle(field, value, checked), onYearRange("A..B" or null),
   * onError(error), onCompare(codes) (the delegations to put side by side).
   */
  constructor(container, handlers) {
    this.handlers = handlers;
    this.groups = new Map();
    this.state = null;
    this.result = null;
    clear(container);
    for (const spec of FACETS) {
      const group = this.buildGroup(spec);
      this.groups.set(spec.field, group);
      container.append(group.fieldset);
    }
  }

  buildGroup(spec) {
    const group = {spec, expanded: false, prefix: '', prefixValues: null, request: null};
    const id = `facet-${spec.field}`;
    group.list = h('ul', {class: 'facet-values', id: `${id}-values`});
    group.more = h('button', {type: 'button', class: 'link-button facet-more', 'aria-controls': `${id}-values`,
                              'aria-expanded': 'false', hidden: true,
                              onclick: () => {
                                group.expanded = !group.expanded;
                                this.renderGroup(group);
                              }});
    group.count = h('span', {class: 'facet-selected'});
    const children = [h('legend', {}, spec.legend, group.count)];
    if (spec.find) {
      group.find = h('input', {type: 'search', id: `${id}-find`, class: 'facet-find', autocomplete: 'off',
                               placeholder: `${spec.find}…`, 'aria-controls': `${id}-values`});
      const search = debounce(() => this.findValues(group), 200);
      group.find.addEventListener('input', () => {
        group.prefix = group.find.value.trim();
        if (!group.prefix) {
          search.cancel();
          group.prefixValues = null;
          this.renderGroup(group);
        } else {
          search();
        }
      });
      children.push(h('label', {for: `${id}-find`, class: 'visually-hidden'}, spec.find), group.find);
    }
    children.push(group.list, group.more);
    if (spec.range) children.push(this.buildRange(group, id));
    if (spec.compare) {
      group.compare = h('button', {type: 'button', class: 'button-secondary facet-compare',
                                   onclick: () => this.handlers.onCompare(group.compareCodes)});
      children.push(group.compare);
    }
    group.fieldset = h('fieldset', {class: 'facet', id}, children);
    return group;
  }

  buildRange(group, id) {
    group.from = h('input', {type: 'number', id: `${id}-from`, inputmode: 'numeric', min: 1900, max: 2100});
    group.to = h('input', {type: 'number', id: `${id}-to`, inputmode: 'numeric', min: 1900, max: 2100});
    const apply = (event) => {
      event.preventDefault();
      const from = group.from.value.trim() || group.from.placeholder;
      const to = group.to.value.trim() || group.to.placeholder;
      this.handlers.onYearRange(group.from.value.trim() || group.to.value.trim() ? `${from}..${to}` : null);
    };
    // A form of its own, so Enter in either box applies the range.
    return h('form', {class: 'facet-range', 'aria-labelledby': `${id}-range-label`, onsubmit: apply},
             h('span', {id: `${id}-range-label`, class: 'facet-range-label'}, 'Range of years'),
             h('span', {class: 'facet-range-inputs'},
               h('label', {for: `${id}-from`}, 'From'), group.from,
               h('label', {for: `${id}-to`}, 'to'), group.to,
               h('button', {type: 'submit', class: 'button-secondary'}, 'Apply')));
  }

  /** Shows the facets of a /v1/search answer for `state`. */
  update(result, state) {
    this.result = result;
    this.state = state;
    for (const group of this.groups.values()) {
      if (group.prefix) this.findValues(group);
      else this.renderGroup(group);
    }
    const years = this.groups.get('year');
    const range = state.filters.year.find((v) => RANGE.test(v));
    const known = (result.facets.year || []).map((v) => Number(v.value));
    years.from.placeholder = known.length ? String(Math.min(...known)) : '';
    years.to.placeholder = known.length ? String(Math.max(...known)) : '';
    if (document.activeElement !== years.from && document.activeElement !== years.to) {
      years.from.value = range ? RANGE.exec(range)[1] : '';
      years.to.value = range ? RANGE.exec(range)[2] : '';
    }
  }

  /**
   * Lists the values of `group` that start with what its find box holds, for
   * the search shown. Typed before the first answer (a slow server, a quick
   * user), it waits: `update` looks for every group's prefix when the
   * answer comes.
   */
  async findValues(group) {
    if (!this.state) return;
    const field = group.spec.field;
    if (group.request) group.request.abort();
    group.request = new AbortController();
    const params = filterParams(this.state);
    params.set('prefix', group.prefix);
    params.set('limit', '50');
    try {
      const answer = await api.facet(field, params, group.request.signal);
      learnNames(answer);
      group.prefixValues = answer.values;
      this.renderGroup(group);
    } catch (e) {
      if (e.name !== 'AbortError') this.handlers.onError(e);
    }
  }

  renderGroup(group) {
    const {field, numeric} = group.spec;
    const selected = this.state ? this.state.filters[field] : [];
    let values = group.prefix ? group.prefixValues || [] : (this.result && this.result.facets[field]) || [];
    values = values.map((v) => ({value: String(v.value), count: v.count}));
    if (numeric) values.sort((a, b) => Number(b.value) - Number(a.value));
    // A selected value is always listed, even when the counts no longer name it.
    if (!group.prefix) {
      for (const value of selected) {
        if (!RANGE.test(value) && !values.some((v) => v.value === value)) values.unshift({value, count: null});
      }
    }
    const focused = document.activeElement && document.activeElement.dataset &&
                    document.activeElement.dataset.field === field ? document.activeElement.dataset.value : null;
    const limit = group.expanded || group.prefix ? values.length : SHOWN;
    const shown = values.filter((v, i) => i < limit || selected.includes(v.value));
    clear(group.list);
    if (!shown.length) {
      group.list.append(h('li', {class: 'facet-empty'},
                          group.prefix ? `No ${group.spec.legend.toLowerCase()} starts with “${group.prefix}”` : 'None in these results'));
    }
    for (const v of shown) {
      const id = `f-${field}-${v.value.replace(/[^A-Za-z0-9_-]/g, '_')}`;
      const input = h('input', {type: 'checkbox', id, dataset: {field, value: v.value},
                                checked: selected.includes(v.value),
                                onchange: (e) => this.handlers.onToggle(field, v.value, e.target.checked)});
      const label = valueLabel(field, v.value);
      group.list.append(h('li', {},
        input,
        h('label', {for: id},
          h('span', {class: 'facet-label'}, label),
          v.count === null ? null : h('span', {class: 'facet-count'}, formatNumber(v.count),
                                     h('span', {class: 'visually-hidden'}, v.count === 1 ? ' result' : ' results')))));
      if (focused === v.value) input.focus();
    }
    const hidden = values.length - shown.length;
    group.more.hidden = Boolean(group.prefix) || (values.length <= SHOWN && !group.expanded);
    group.more.textContent = group.expanded ? 'Show fewer' : `Show all ${values.length} (${hidden} more)`;
    group.more.setAttribute('aria-expanded', String(group.expanded));
    const n = selected.length;
    group.count.textContent = n ? ` (${n} selected)` : '';
    if (group.compare) this.renderCompare(group, selected, values);
  }

  // "Compare": the ticked delegations side by side, or the top ones of the
  // results when fewer than two are ticked.
  renderCompare(group, selected, values) {
    const ticked = selected.filter((v) => !RANGE.test(v));
    const codes = ticked.length >= 2 ? ticked.slice(0, COMPARED_MAX)
                                     : values.filter((v) => v.count).slice(0, COMPARED_TOP).map((v) => v.value);
    group.compareCodes = codes;
    group.compare.hidden = codes.length < 2;
    group.compare.textContent = ticked.length >= 2 ? `Compare the ${codes.length} ticked side by side`
                                                   : `Compare the top ${codes.length} side by side`;
  }
}
