// The kiosk's floor: the shared floor map (/assets/floormap.js) as the entrance screen shows it, each desk its
// live state's symbol with a text label for assistive technology, zones outlined and named with their free desks.
// Built once per floor; a live event changes one desk's symbol and nothing else.

import { FloorMap } from '/assets/floormap.js';
import { h } from '/assets/dom.js';

/** Desks fewer than this many icon widths across still get a map this wide, so two desks do not fill the screen. */
const MIN_WIDTH_IN_ICONS = 16;
const MIN_HEIGHT_IN_ICONS = 6;
const LABEL_IN_ICONS = 0.62;

export class KioskFloor {
  /** floor: {id, name, zones}; desks: this floor's desks. */
  constructor(floor, desks, t) {
    this.floor = floor;
    this.t = t;
    this.element = h('div', { class: 'map', dataset: { floor: floor.id } });
    const zoned = (floor.zones || []).some((zone) => desks.some((desk) => desk.zoneId === zone.id));
    this.map = new FloorMap({
      floor,
      desks,
      label: t('map.title', { floor: floor.name }),
      role: 'group',
      svgAttributes: { preserveAspectRatio: 'xMidYMid meet', focusable: 'false' },
      pad: (size) => size,
      minWidth: (size) => size * MIN_WIDTH_IN_ICONS,
      minHeight: (size) => size * MIN_HEIGHT_IN_ICONS,
      extraTop: (size) => (zoned ? size * LABEL_IN_ICONS * 1.4 : 0),
      zones: 'above',
      zoneMargin: (size) => ({ top: size * 0.7, right: size * 0.7, bottom: size * 0.7, left: size * 0.7 }),
      deskAttributes: (desk) => {
        const state = desk.state || 'offline';
        return {
          class: `desk st-${state}`, role: 'img', 'data-id': desk.id, 'data-state': state,
          'aria-label': this.t('desk.label', { name: desk.name, state: this.t(`state.${state}`) }),
        };
      },
    });
    this.unplaced = this.map.unplaced;
    if (this.map.element) {
      this.element.append(this.map.element);
    }
  }

  /** Shows a desk's new state; nothing else on the map changes. */
  update(desk) {
    this.map.update(desk);
  }

  /** Writes each zone's count next to its name: [{zone, free, total}]. */
  updateZones(counts) {
    for (const count of counts) {
      this.map.setZoneText(count.zone.id, ` · ${this.t('zone.free', count)}`);
    }
  }

  relabel(t, desks) {
    this.t = t;
    this.map.setLabel(t('map.title', { floor: this.floor.name }));
    desks.forEach((desk) => this.update(desk));
  }
}
