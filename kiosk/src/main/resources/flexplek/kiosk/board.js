// The board as this screen knows it: the last snapshot from GET /api/v1/sites/{siteId}/board with every live
// event applied since, and the counts the screen shows. It holds no names of people: the API never sends any.

export class Board {
  constructor() {
    this.site = null;
    this.floors = [];
    this.desks = new Map();
    this.rooms = new Map();
    this.vehicles = new Map();
    this.openingHours = null;
    this.links = {};
    this.lastEventId = null;
  }

  /** Replaces everything with a snapshot. */
  load(snapshot) {
    this.site = snapshot.site;
    this.openingHours = snapshot.openingHours;
    this.links = snapshot.links || {};
    this.lastEventId = snapshot.lastEventId || null;
    this.desks = new Map();
    this.floors = (snapshot.floors || []).map((floor) => {
      for (const desk of floor.desks || []) {
        this.desks.set(desk.id, { ...desk, floorId: desk.floorId || floor.id });
      }
      return {
        id: floor.id,
        name: floor.name,
        level: floor.level,
        zones: floor.zones || [],
        deskIds: (floor.desks || []).map((desk) => desk.id),
      };
    });
    this.rooms = new Map((snapshot.rooms || []).map((room) => [room.id, room]));
    this.vehicles = new Map((snapshot.vehicles || []).map((vehicle) => [vehicle.id, vehicle]));
  }

  /**
   * Applies one live event's resource and returns it as kept (null for a resource this snapshot does not know: the
   * estate changed, and the caller fetches the board again).
   */
  apply(kind, resource) {
    const collection = { desk: this.desks, room: this.rooms, vehicle: this.vehicles }[kind];
    if (!collection || !resource || !collection.has(resource.id)) {
      return null;
    }
    const known = collection.get(resource.id);
    const kept = kind === 'desk' ? { ...resource, floorId: resource.floorId || known.floorId } : resource;
    collection.set(resource.id, kept);
    return kept;
  }

  /** Floors that have desks, in level order: the ones worth a line and a map. */
  deskFloors() {
    return this.floors.filter((floor) => floor.deskIds.length > 0)
      .sort((a, b) => (a.level ?? 0) - (b.level ?? 0));
  }

  floorDesks(floorId) {
    const floor = this.floors.find((f) => f.id === floorId);
    return floor ? floor.deskIds.map((id) => this.desks.get(id)).filter(Boolean) : [];
  }

  deskCount() {
    const desks = [...this.desks.values()];
    return { free: desks.filter(isFree).length, total: desks.length };
  }

  floorCount(floorId) {
    const desks = this.floorDesks(floorId);
    return { free: desks.filter(isFree).length, total: desks.length };
  }

  /** Free and total desks per zone of a floor, zones without desks left out. */
  zoneCounts(floorId) {
    const floor = this.floors.find((f) => f.id === floorId);
    if (!floor) {
      return [];
    }
    const desks = this.floorDesks(floorId);
    return floor.zones.map((zone) => {
      const inZone = desks.filter((desk) => desk.zoneId === zone.id);
      return { zone, free: inZone.filter(isFree).length, total: inZone.length };
    }).filter((count) => count.total > 0);
  }

  roomCount() {
    const rooms = [...this.rooms.values()];
    return { free: rooms.filter(isFree).length, total: rooms.length };
  }
}

function isFree(resource) {
  return resource.state === 'free';
}

