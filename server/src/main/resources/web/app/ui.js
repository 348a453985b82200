// Small building blocks for the staff app's screens: icons, the live region, notices, a confirmation dialog and
// form fields. Elements come from the kit's builder (/assets/dom.js), failures are explained by /assets/problems.js.

import { h, svg } from '/assets/dom.js';

const ICONS = {
  desk: 'M3 9h18v3h-1v8h-2v-8H6v8H4v-8H3z',
  room: 'M4 3h11v18H4zm9 8h-2v2h2zM16 5h4v16h-4v-2h2V7h-2z',
  ebike: 'M5 18a3 3 0 1 0 0-6 3 3 0 0 0 0 6zm14 0a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM9 6h4l3 6-1.8.9L13 10.5 10.5 15H7.8l3-5.4L9.9 8H9zm4-3h3v2h-3zm-1.5 7.5 1 1.8M12 2 9 9h3l-1 6 5-8h-3z',
  ecar: 'M5 11l2-5h10l2 5h1v6h-2v2h-3v-2H9v2H6v-2H4v-6zm2.2 0h9.6l-1.2-3H8.4zM7 13.5a1 1 0 1 0 0 2 1 1 0 0 0 0-2zm10 0a1 1 0 1 0 0 2 1 1 0 0 0 0-2z',
  check: 'M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z',
  cross: 'M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6L19 6.4 17.6 5 12 10.6z',
  clock: 'M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20zm0 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16zm1 3v5.4l3.6 2.1-1 1.7L11 13.6V7z',
  pin: 'M12 2a7 7 0 0 1 7 7c0 5-7 13-7 13S5 14 5 9a7 7 0 0 1 7-7zm0 4.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5z',
  warning: 'M12 2 1 21h22zm-1 6h2v6h-2zm0 8h2v2h-2z',
  info: 'M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20zm-1 8v7h2v-7zm0-4v2h2V6z',
  battery: 'M7 4h3V2h4v2h3v18H7zm2 2v14h6V6z',
  plug: 'M9 2v5H7v4a5 5 0 0 0 4 4.9V22h2v-6.1a5 5 0 0 0 4-4.9V7h-2V2h-2v5h-2V2z',
  star: 'M12 2.5l2.9 6.2 6.6.6-5 4.5 1.5 6.6L12 17l-6 3.4 1.5-6.6-5-4.5 6.6-.6z',
  qr: 'M3 3h8v8H3zm2 2v4h4V5zm8-2h8v8h-8zm2 2v4h4V5zM3 13h8v8H3zm2 2v4h4v-4zm9-2h2v2h-2zm2 2h2v2h-2zm2-2h3v2h-3zm-4 4h2v4h-2zm4 0h3v2h-3zm1 3h2v2h-2z',
  people: 'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm7 0a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM1 20c0-3.9 3.6-7 8-7s8 3.1 8 7z',
};

/** The path data of an icon, for drawing it inside another SVG. */
export function iconPath(name) {
  return ICONS[name] || ICONS.info;
}

/** A decorative icon (hidden from assistive technology: the text next to it says the same). */
export function icon(name, extraClass = '') {
  return svg('svg', { class: `icon ${extraClass}`.trim(), viewBox: '0 0 24 24', 'aria-hidden': 'true', focusable: 'false' },
    svg('path', { d: ICONS[name] || ICONS.info }));
}

/** Says something to screen reader users without moving their focus. */
export function announce(text) {
  const region = document.getElementById('announcer');
  if (region) {
    region.textContent = '';
    // A fresh text node after a tick makes screen readers read the same message twice in a row, too.
    window.setTimeout(() => { region.textContent = text; }, 50);
  }
}

/** A notice block: kind is 'success', 'error', 'info' or 'warning'; the icon and the heading tell the kind, not colour. */
export function notice(kind, title, ...body) {
  const iconName = { success: 'check', error: 'warning', warning: 'warning', info: 'info' }[kind] || 'info';
  return h('div', { class: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : 'status' },
    icon(iconName, 'notice-icon'),
    h('div', { class: 'notice-body' }, title ? h('p', { class: 'notice-title' }, title) : null, ...body));
}

/**
 * Asks for confirmation in a modal dialog (focus moves into it and returns afterwards; Escape cancels).
 * Resolves true when confirmed.
 */
export function confirmDialog({ title, lines = [], confirm, cancel, danger = false }) {
  return new Promise((resolve) => {
    const opener = document.activeElement;
    const titleId = `dialog-title-${Math.random().toString(36).slice(2)}`;
    const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': titleId },
      h('h2', { id: titleId }, title),
      ...lines.map((line) => (line instanceof Node ? line : h('p', {}, line))),
      h('div', { class: 'button-row' },
        h('button', { type: 'button', class: danger ? 'danger' : 'primary', value: 'yes', onclick: () => close(true) }, confirm),
        h('button', { type: 'button', class: 'secondary', value: 'no', onclick: () => close(false) }, cancel)));
    let done = false;
    function close(answer) {
      if (done) {
        return;
      }
      done = true;
      dialog.close();
      dialog.remove();
      if (opener && document.contains(opener)) {
        opener.focus();
      }
      resolve(answer);
    }
    dialog.addEventListener('cancel', (event) => { event.preventDefault(); close(false); });
    document.body.append(dialog);
    dialog.showModal();
    dialog.querySelector('button.primary, button.danger').focus();
  });
}

/** A fresh Idempotency-Key, so a retried booking request never books twice. */
export function idempotencyKey() {
  if (window.crypto && typeof window.crypto.randomUUID === 'function' && window.isSecureContext) {
    return window.crypto.randomUUID();
  }
  const bytes = new Uint8Array(16);
  window.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A labelled form field wrapper: label above the control, an optional hint below the label. */
export function field(labelText, control, hint) {
  const hintEl = hint ? h('p', { class: 'hint', id: `${control.id}-hint` }, hint) : null;
  if (hintEl) {
    control.setAttribute('aria-describedby', hintEl.id);
  }
  return h('div', { class: 'field' }, h('label', { for: control.id }, labelText), hintEl, control);
}

/** A select with options [{value, label}] and the chosen value. */
export function select(id, options, value) {
  return h('select', { id, name: id },
    options.map((o) => h('option', { value: o.value, selected: o.value === value }, o.label)));
}

/** A group of radio buttons in a fieldset with a legend. */
export function radioGroup(name, legend, options, value, onchange) {
  return h('fieldset', { class: 'choice-group' },
    h('legend', {}, legend),
    h('div', { class: 'choices' }, options.map((o) => h('label', { class: 'choice' },
      h('input', { type: 'radio', name, value: o.value, checked: o.value === value, onchange }),
      h('span', {}, o.label)))));
}

/** A group of check boxes in a fieldset with a legend. */
export function checkboxGroup(name, legend, options, values, onchange) {
  return h('fieldset', { class: 'choice-group' },
    h('legend', {}, legend),
    h('div', { class: 'choices' }, options.map((o) => h('label', { class: 'choice' },
      h('input', { type: 'checkbox', name, value: o.value, checked: values.includes(o.value), onchange }),
      h('span', {}, o.label)))));
}

/** A loading line, for lists that are on their way. */
export function loading(t) {
  return h('p', { class: 'loading', role: 'status' }, t('app.loading'));
}
