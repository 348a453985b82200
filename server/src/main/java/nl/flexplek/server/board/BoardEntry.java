package nl.flexplek.server.board;

/** One resource as a screen shows it: a desk, a room or a vehicle. */
public sealed interface BoardEntry permits DeskEntry, RoomEntry, VehicleEntry {
    String id();
}
