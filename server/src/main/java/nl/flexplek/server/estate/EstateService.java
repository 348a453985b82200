package nl.flexplek.server.estate;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Logger;

import nl.flexplek.server.common.ConflictException;
import nl.flexplek.server.common.Database;
import nl.flexplek.server.common.InvalidRequestException;
import nl.flexplek.server.common.NotFoundException;

/**
 * The estate's use cases: read the current snapshot, import an estate document, and the facility managers'
 * changes (create or replace a site or resource, take a resource out of service). After each committed change the
 * snapshot is reloaded and listeners hear about it.
 */
public final class EstateService {
    private static final Logger LOG = Logger.getLogger(EstateService.class.getName());

    private final Database db;
    private final EstateRepository repository;
    private final List<Consumer<Estate>> listeners = new CopyOnWriteArrayList<>();
    private volatile Estate estate;

    public EstateService(Database db, com.fasterxml.jackson.databind.ObjectMapper mapper) {
        this.db = db;
        this.repository = new EstateRepository(mapper);
        this.estate = db.read(repository::load);
    }

    /** The current estate; an immutable snapshot, safe to keep for the length of a request. */
    public Estate estate() {
        return estate;
    }

    public Site site(String id) {
        return estate.site(id).orElseThrow(() -> new NotFoundException("There is no site '" + id + "'."));
    }

    public Resource resource(String id) {
        return estate.resource(id).orElseThrow(() -> new NotFoundException("There is no resource '" + id + "'."));
    }

    /**
     * The resources that match every filter given (null or empty: any): at a site, of a type, in a zone, with all
     * the features asked for. A feature no resource type has (or not the type asked for) is a field error.
     */
    public List<Resource> resources(String siteId, ResourceType type, String zoneId, List<String> features) {
        for (String feature : features) {
            boolean known = type == null ? Arrays.stream(ResourceType.values()).anyMatch(t -> t.features().contains(feature))
                    : type.features().contains(feature);
            if (!known) {
                throw InvalidRequestException.field("features", "'" + feature + "' is not a known feature"
                        + (type == null ? "" : " of a " + type.code()));
            }
        }
        return estate.resources().values().stream()
                .filter(r -> siteId == null || r.siteId().equals(siteId))
                .filter(r -> type == null || r.type() == type)
                .filter(r -> zoneId == null || zoneId.equals(r.zoneId()))
                .filter(r -> r.hasFeatures(features))
                .toList();
    }

    /** Tells the listener about every new estate snapshot (after the change is committed). */
    public void onChange(Consumer<Estate> listener) {
        listeners.add(listener);
    }

    /** Imports a whole document: sites first, then resources; idempotent, so re-running it changes nothing. */
    public ImportSummary importDocument(EstateDocument document) {
        ImportSummary summary = db.write(handle -> {
            int sitesCreated = 0;
            int resourcesCreated = 0;
            for (Site site : document.sites()) {
                sitesCreated += repository.saveSite(handle, site) ? 1 : 0;
            }
            Estate withSites = repository.load(handle);
            for (Resource resource : document.resources()) {
                resourcesCreated += repository.saveResource(handle, withSites, resource) ? 1 : 0;
            }
            return new ImportSummary(sitesCreated, document.sites().size() - sitesCreated,
                    resourcesCreated, document.resources().size() - resourcesCreated);
        });
        reload();
        LOG.info(() -> "Estate import: " + summary);
        return summary;
    }

    /** Creates or replaces a site; returns true when it was created. */
    public boolean putSite(String id, Site site) {
        requireSameId(id, site.id());
        boolean created = db.write(handle -> repository.saveSite(handle, site));
        reload();
        LOG.info(() -> (created ? "Site created: " : "Site updated: ") + id);
        return created;
    }

    /** Creates a resource; the id must be new. */
    public Resource createResource(Resource resource) {
        db.write(handle -> {
            if (!repository.saveResource(handle, estate, resource)) {
                throw new ConflictException("duplicate-id", "Resource '" + resource.id() + "' already exists; use PUT to change it.");
            }
            return null;
        });
        reload();
        LOG.info(() -> "Resource created: " + resource.id());
        return resource(resource.id());
    }

    /** Creates or replaces a resource; returns true when it was created. */
    public boolean putResource(String id, Resource resource) {
        requireSameId(id, resource.id());
        boolean created = db.write(handle -> repository.saveResource(handle, estate, resource));
        reload();
        LOG.info(() -> (created ? "Resource created: " : "Resource updated: ") + id);
        return created;
    }

    /** Takes a resource out of service (no new bookings) or puts it back. */
    public Resource setInService(String id, boolean inService) {
        Resource updated = resource(id).withInService(inService);
        db.write(handle -> repository.saveResource(handle, estate, updated));
        reload();
        LOG.info(() -> "Resource " + id + (inService ? " back in service" : " taken out of service"));
        return resource(id);
    }

    private synchronized void reload() {
        Estate fresh = db.read(repository::load);
        estate = fresh;
        listeners.forEach(listener -> listener.accept(fresh));
    }

    private static void requireSameId(String pathId, String bodyId) {
        if (!pathId.equals(bodyId)) {
            throw InvalidRequestException.field("id", "must match the id in the address ('" + pathId + "')");
        }
    }
}
