// Estate: the resources of a site, taking one out of service or back, adding a desk, and the booking rules per
// resource type. Everything goes through the estate and policy endpoints; nothing is kept here but what is shown.

import { api } from '/assets/api.js';
import { h } from '/assets/dom.js';
import { formatNumber, icon, saveBlob, sitePicker, table } from './ui.js';

const TYPES = ['desk', 'room', 'ebike', 'ecar'];
/** The features the estate knows, per type of resource (the list shows them all, a new desk takes a desk's). */
const FEATURES = {
  desk: ['standing', 'dual-monitor', 'docking', 'quiet', 'wheelchair-accessible'],
  room: ['screen', 'video-conferencing', 'accessible', 'whiteboard'],
  ebike: ['child-seat', 'cargo'],
  ecar: ['tow-hitch', 'wheelchair-accessible'],
};
const DESK_FEATURES = FEATURES.desk;
const KNOWN_FEATURES = new Set(Object.values(FEATURES).flat());
const POLICY_FIELDS = [
  { name: 'maxDaysAhead', min: 0, max: 730 },
  { name: 'maxDurationMinutes', min: 15, max: 20160 },
  { name: 'maxUpcomingPerPerson', min: 1, max: 1000 },
  { name: 'turnaroundMinutes', min: 0, max: 1440 },
  { name: 'checkInOpensMinutes', min: 0, max: 240 },
  { name: 'graceMinutes', min: 1, max: 240 },
];
const ID_PATTERN = '[a-z0-9][a-z0-9\\-]{0,63}';

export function mount(root, ctx) {
  const { t } = ctx;
  let stopped = false;
  let site = null;
  let resources = [];
  let typeFilter = 'all';
  let search = '';

  const pickerSlot = h('div', { class: 'toolbar-item' });
  const listSlot = h('div', { 'aria-busy': 'true' }, h('p', { text: t('loading') }));
  const countLine = h('p', { class: 'status-line', id: 'resource-count', 'aria-live': 'polite' });
  const listMessage = h('p', { class: 'form-message', id: 'resource-message', role: 'alert' });
  const addSlot = h('div');
  const policySlot = h('div');
  const filters = h('div', { class: 'toolbar' },
    h('div', { class: 'field field-inline' },
      h('label', { for: 'estate-type', text: t('estate.typeFilter') }),
      h('select', { id: 'estate-type', onchange: (e) => { typeFilter = e.target.value; drawList(); } },
        h('option', { value: 'all', text: t('estate.allTypes') }),
        TYPES.map((type) => h('option', { value: type, text: t(`types.${type}`) })))),
    h('div', { class: 'field field-inline' },
      h('label', { for: 'estate-search', text: t('estate.search') }),
      h('input', { id: 'estate-search', type: 'search', oninput: (e) => { search = e.target.value.trim().toLowerCase(); drawList(); } })),
    countLine);

  root.append(
    h('div', { class: 'page-head' },
      h('h1', { text: t('estate.title') }),
      h('div', { class: 'toolbar' }, pickerSlot)),
    h('section', { class: 'panel', 'aria-labelledby': 'resources-title' },
      h('h2', { id: 'resources-title', text: t('estate.resourcesTitle') }), filters, listMessage, listSlot),
    h('section', { class: 'panel', 'aria-labelledby': 'add-desk-title' },
      h('h2', { id: 'add-desk-title', text: t('estate.addTitle') }), addSlot),
    h('section', { class: 'panel', 'aria-labelledby': 'policies-title' },
      h('h2', { id: 'policies-title', text: t('policy.title') }),
      h('p', { class: 'muted', text: t('policy.intro') }), policySlot));

  async function start() {
    try {
      const sites = await ctx.sites();
      const chosen = await ctx.site();
      pickerSlot.replaceChildren(sitePicker(sites, chosen, (id) => selectSite(sites, id), t, 'estate-site'));
      selectSite(sites, chosen);
      loadPolicies();
    } catch (error) {
      listSlot.replaceChildren(errorText(error));
    }
  }

  async function selectSite(sites, siteId) {
    site = sites.find((s) => s.id === siteId);
    ctx.chooseSite(siteId);
    listSlot.setAttribute('aria-busy', 'true');
    try {
      const answer = await api(`/api/v1/resources?siteId=${encodeURIComponent(siteId)}`);
      if (stopped || site.id !== siteId) {
        return;
      }
      resources = answer.resources;
      drawList();
      addSlot.replaceChildren(addDeskForm());
    } catch (error) {
      listSlot.replaceChildren(errorText(error));
    } finally {
      listSlot.removeAttribute('aria-busy');
    }
  }

  function floorName(id) {
    return site.floors.find((f) => f.id === id)?.name || '–';
  }

  function zoneName(floorId, zoneId) {
    return site.floors.find((f) => f.id === floorId)?.zones?.find((z) => z.id === zoneId)?.name || '–';
  }

  function drawList() {
    const shown = resources.filter((r) => (typeFilter === 'all' || r.type === typeFilter)
      && (!search || r.name.toLowerCase().includes(search) || r.id.includes(search)));
    countLine.textContent = t('estate.count', { shown: formatNumber(shown.length, ctx.language),
      total: formatNumber(resources.length, ctx.language) });
    listSlot.replaceChildren(h('div', { class: 'table-scroll' }, table(t('estate.resourcesCaption', { site: site.name }),
      [t('estate.nameAndId'), t('estate.type'), t('estate.floorAndZone'), t('estate.features'),
        t('estate.status'), t('estate.action')],
      shown.map((r) => [
        h('span', { class: 'stack' }, h('span', { text: r.name }), h('code', { class: 'muted', text: r.id }),
          r.sensorId ? h('span', { class: 'muted small' }, `${t('live.sensor')}: `, h('code', { text: r.sensorId })) : null),
        t(`type.${r.type}`),
        h('span', { class: 'stack' }, h('span', { text: floorName(r.floorId) }),
          r.zoneId ? h('span', { class: 'muted small', text: zoneName(r.floorId, r.zoneId) }) : null),
        r.features.map((f) => (KNOWN_FEATURES.has(f) ? t(`feature.${f}`) : f)).join(', ') || '–',
        serviceBadge(r),
        h('div', { class: 'actions' }, serviceButton(r), r.type === 'desk' ? qrButton(r) : null)]),
      { rowHeader: true, captionHidden: true, class: 'data resources' })));
  }

  function serviceBadge(resource) {
    const badge = h('span', { class: `state st-${resource.inService ? 'free' : 'out-of-service'}` },
      icon(resource.inService ? 'done' : 'stopped'),
      h('span', { text: t(resource.inService ? 'estate.inService' : 'estate.outOfService') }));
    badge.dataset.resource = resource.id;
    return badge;
  }

  function serviceButton(resource) {
    const button = h('button', { type: 'button', class: 'button-small' });
    button.dataset.resource = resource.id;
    const label = () => {
      button.replaceChildren(
        h('span', { text: t(resource.inService ? 'estate.takeOut' : 'estate.putBack') }),
        h('span', { class: 'visually-hidden', text: `: ${resource.name}` }));
    };
    label();
    button.addEventListener('click', async () => {
      button.disabled = true;
      listMessage.replaceChildren();
      try {
        const updated = await api(`/api/v1/resources/${encodeURIComponent(resource.id)}`, {
          method: 'PATCH', body: { inService: !resource.inService },
        });
        Object.assign(resource, updated);
        const row = button.closest('tr');
        row.querySelector(`span.state[data-resource="${CSS.escape(resource.id)}"]`).replaceWith(serviceBadge(resource));
        label();
        ctx.announce(t(resource.inService ? 'estate.nowInService' : 'estate.nowOutOfService', { name: resource.name }));
      } catch (error) {
        listMessage.replaceChildren(icon('warning'), h('span', { class: 'error-text', text: ctx.problemText(error) }));
      } finally {
        button.disabled = false;
        button.focus();
      }
    });
    return button;
  }

  /** The desk's printable QR label (it opens the staff app's walk-up page), fetched with the token and saved. */
  function qrButton(resource) {
    const button = h('button', { type: 'button', class: 'button-small' }, icon('download'),
      h('span', { text: t('estate.qr') }), h('span', { class: 'visually-hidden', text: `: ${resource.name}` }));
    button.addEventListener('click', async () => {
      listMessage.replaceChildren();
      try {
        const response = await api(`/api/v1/resources/${encodeURIComponent(resource.id)}/qr.svg`, {
          raw: true, headers: { Accept: 'image/svg+xml' },
        });
        if (!response.ok) {
          throw Object.assign(new Error(), { status: response.status, problem: await response.json().catch(() => ({})) });
        }
        saveBlob(await response.blob(), `qr-${resource.id}.svg`);
      } catch (error) {
        listMessage.replaceChildren(icon('warning'), h('span', { class: 'error-text', text: ctx.problemText(error) }));
      }
    });
    return button;
  }

  function addDeskForm() {
    const message = h('div', { class: 'form-message', id: 'add-desk-message', role: 'status' });
    const idInput = h('input', { id: 'desk-id', name: 'id', required: true, pattern: ID_PATTERN, maxlength: 64,
      autocomplete: 'off', spellcheck: 'false' });
    let idTouched = false;
    idInput.addEventListener('input', () => { idTouched = true; });
    // New desks usually join the floors that already have desks.
    const deskFloor = site.floors.find((f) => resources.some((r) => r.type === 'desk' && r.floorId === f.id))?.id;
    const floorSelect = h('select', { id: 'desk-floor', name: 'floorId', required: true },
      site.floors.map((f) => h('option', { value: f.id, text: f.name, selected: f.id === deskFloor })));
    const zoneSelect = h('select', { id: 'desk-zone', name: 'zoneId' });
    const fillZones = () => {
      const floor = site.floors.find((f) => f.id === floorSelect.value);
      zoneSelect.replaceChildren(h('option', { value: '', text: t('estate.noZone') }),
        ...(floor?.zones || []).map((z) => h('option', { value: z.id, text: z.name })));
      if (!idTouched) {
        idInput.value = nextDeskId(floorSelect.value);
      }
    };
    floorSelect.addEventListener('change', fillZones);
    const field = (id, label, control, hint) => {
      if (hint) {
        control.setAttribute('aria-describedby', `${id}-hint`);
      }
      return h('div', { class: 'field' },
        h('label', { for: id, text: label }), control,
        hint ? h('span', { class: 'hint', id: `${id}-hint`, text: hint }) : null,
        h('span', { class: 'field-error', id: `${id}-error` }));
    };
    const number = (id, name) => h('input', { id, name, type: 'number', min: 0, max: 10000, step: 0.1, inputmode: 'decimal' });
    const form = h('form', { id: 'add-desk', class: 'form-grid', novalidate: true },
      field('desk-name', t('estate.name'), h('input', { id: 'desk-name', name: 'name', required: true, maxlength: 200 })),
      field('desk-id', t('estate.id'), idInput, t('estate.idHint')),
      field('desk-floor', t('live.floor'), floorSelect),
      field('desk-zone', t('live.zone'), zoneSelect),
      h('fieldset', { class: 'field features' },
        h('legend', { text: t('estate.features') }),
        DESK_FEATURES.map((f) => h('label', { class: 'check' },
          h('input', { type: 'checkbox', name: 'features', value: f }), h('span', { text: t(`feature.${f}`) })))),
      h('fieldset', { class: 'field position' },
        h('legend', { text: t('estate.position') }),
        h('span', { class: 'hint', id: 'position-hint', text: t('estate.positionHint') }),
        h('div', { class: 'pair' },
          field('desk-x', t('estate.x'), number('desk-x', 'x')),
          field('desk-y', t('estate.y'), number('desk-y', 'y')))),
      field('desk-sensor', t('estate.sensorId'), h('input', { id: 'desk-sensor', name: 'sensorId', maxlength: 128,
        autocomplete: 'off', spellcheck: 'false' }), t('estate.sensorHint')),
      h('div', { class: 'form-actions' },
        h('button', { type: 'submit', class: 'button' }, t('estate.addSubmit')), message));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearErrors(form);
      message.replaceChildren();
      const data = new FormData(form);
      const body = {
        id: String(data.get('id')).trim(),
        siteId: site.id,
        floorId: data.get('floorId'),
        type: 'desk',
        name: String(data.get('name')).trim(),
        features: data.getAll('features'),
      };
      if (data.get('zoneId')) {
        body.zoneId = data.get('zoneId');
      }
      if (String(data.get('sensorId')).trim()) {
        body.sensorId = String(data.get('sensorId')).trim();
      }
      const x = String(data.get('x')).trim();
      const y = String(data.get('y')).trim();
      const errors = [];
      if (!body.name) {
        errors.push(['desk-name', t('form.required')]);
      }
      if (!new RegExp(`^${ID_PATTERN}$`).test(body.id)) {
        errors.push(['desk-id', t('estate.idInvalid')]);
      }
      if ((x === '') !== (y === '')) {
        errors.push([x === '' ? 'desk-x' : 'desk-y', t('estate.positionBoth')]);
      } else if (x !== '') {
        body.position = { x: Number(x), y: Number(y) };
      }
      if (errors.length) {
        showErrors(form, errors);
        return;
      }
      try {
        const created = await api('/api/v1/resources', { method: 'POST', body });
        resources.push(created);
        resources.sort((a, b) => a.id.localeCompare(b.id));
        drawList();
        form.reset();
        idTouched = false;
        fillZones();
        message.replaceChildren(icon('done'), h('span', { text: t('estate.added', { name: created.name, id: created.id }) }));
      } catch (error) {
        const fieldErrors = (error.problem?.errors || []).map((f) => [`desk-${{ id: 'id', name: 'name', floorId: 'floor',
          zoneId: 'zone', sensorId: 'sensor', position: 'x' }[f.name] || f.name}`, f.reason]);
        if (error.status === 409) {
          fieldErrors.push(['desk-id', ctx.problemText(error)]);
        }
        showErrors(form, fieldErrors);
        message.replaceChildren(icon('warning'), h('span', { class: 'error-text', text: ctx.problemText(error) }));
      }
    });
    fillZones();
    return form;
  }

  function nextDeskId(floorId) {
    const pattern = new RegExp(`^${floorId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-d(\\d+)$`);
    let highest = 0;
    let width = 3;
    for (const r of resources) {
      const match = pattern.exec(r.id);
      if (match) {
        highest = Math.max(highest, Number(match[1]));
        width = match[1].length;
      }
    }
    return `${floorId}-d${String(highest + 1).padStart(width, '0')}`;
  }

  async function loadPolicies() {
    try {
      const { policies } = await api('/api/v1/policies');
      if (stopped) {
        return;
      }
      policySlot.replaceChildren(h('div', { class: 'policies' }, policies.map(policyForm)));
    } catch (error) {
      policySlot.replaceChildren(errorText(error));
    }
  }

  function policyForm(policy) {
    const type = policy.resourceType;
    const message = h('div', { class: 'form-message', role: 'status', id: `policy-${type}-message` });
    const form = h('form', { class: 'policy', id: `policy-${type}`, novalidate: true },
      h('fieldset', {},
        h('legend', { text: t(`types.${type}`) }),
        POLICY_FIELDS.map((f) => {
          const id = `policy-${type}-${f.name}`;
          return h('div', { class: 'field field-row' },
            h('label', { for: id, text: t(`policy.${f.name}`) }),
            h('input', { id, name: f.name, type: 'number', min: f.min, max: f.max, step: 1, required: true,
              value: String(policy[f.name]), class: 'input-number', 'aria-describedby': `${id}-error` }),
            h('span', { class: 'field-error', id: `${id}-error` }));
        }),
        h('div', { class: 'form-actions' },
          h('button', { type: 'submit', class: 'button' },
            h('span', { text: t('policy.save') }), h('span', { class: 'visually-hidden', text: ` ${t(`types.${type}`)}` })),
          message)));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearErrors(form);
      message.replaceChildren();
      const body = { resourceType: type };
      const errors = [];
      for (const f of POLICY_FIELDS) {
        const input = form.elements[f.name];
        const value = Number(input.value);
        if (input.value === '' || !Number.isInteger(value) || value < f.min || value > f.max) {
          errors.push([input.id, t('form.between', { min: f.min, max: f.max })]);
        }
        body[f.name] = value;
      }
      if (errors.length) {
        showErrors(form, errors);
        return;
      }
      try {
        await api(`/api/v1/policies/${type}`, { method: 'PUT', body });
        message.replaceChildren(icon('done'), h('span', { text: t('policy.saved') }));
      } catch (error) {
        message.replaceChildren(icon('warning'), h('span', { class: 'error-text', text: ctx.problemText(error) }));
      }
    });
    return form;
  }

  function errorText(error) {
    return h('p', { class: 'error-text', role: 'alert', text: ctx.problemText(error) });
  }

  start();
  return () => {
    stopped = true;
  };
}

function clearErrors(form) {
  for (const input of form.querySelectorAll('[aria-invalid]')) {
    input.removeAttribute('aria-invalid');
  }
  for (const span of form.querySelectorAll('.field-error')) {
    span.textContent = '';
  }
}

/** Marks fields invalid with their reason next to them, and moves focus to the first. */
function showErrors(form, errors) {
  let first = null;
  for (const [id, reason] of errors) {
    const input = form.querySelector(`#${CSS.escape(id)}`);
    const slot = form.querySelector(`#${CSS.escape(id)}-error`);
    if (!input) {
      continue;
    }
    input.setAttribute('aria-invalid', 'true');
    const described = new Set((input.getAttribute('aria-describedby') || '').split(' ').filter(Boolean));
    described.add(`${id}-error`);
    input.setAttribute('aria-describedby', [...described].join(' '));
    if (slot) {
      slot.textContent = reason;
    }
    first = first || input;
  }
  first?.focus();
}
