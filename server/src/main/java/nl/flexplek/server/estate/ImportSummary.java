package nl.flexplek.server.estate;

/** What an estate import changed: how many sites and resources it created or updated. */
public record ImportSummary(int sitesCreated, int sitesUpdated, int resourcesCreated, int resourcesUpdated) {
}
