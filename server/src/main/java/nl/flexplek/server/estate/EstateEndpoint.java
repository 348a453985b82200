package nl.flexplek.server.estate;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import nl.flexplek.server.common.Coded;
import nl.flexplek.server.common.InvalidRequestException;
import nl.flexplek.server.common.Requests;
import nl.flexplek.server.common.Responses;
import nl.flexplek.server.identity.Access;
import nl.flexplek.server.identity.Account;
import nl.flexplek.server.identity.Role;

/**
 * Sites and resources. Anyone logged in reads them (a kiosk only its own site); only facility managers change
 * the estate.
 */
final class EstateEndpoint implements HttpService {
    private final EstateService estate;
    private final Requests requests;
    private final Requests yamlRequests;
    private final Responses responses;

    EstateEndpoint(EstateService estate, Requests requests, ObjectMapper yamlMapper, Responses responses) {
        this.estate = estate;
        this.requests = requests;
        this.yamlRequests = new Requests(yamlMapper);
        this.responses = responses;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/sites", Access.allow(Access.ANYONE, this::sites))
                .get("/sites/{siteId}", Access.allow(Access.ANYONE, this::site))
                .put("/sites/{siteId}", Access.allow(Access.MANAGERS, this::putSite))
                .get("/resources", Access.allow(Access.ANYONE, this::resources))
                .post("/resources", Access.allow(Access.MANAGERS, this::createResource))
                .get("/resources/{resourceId}", Access.allow(Access.ANYONE, this::resource))
                .put("/resources/{resourceId}", Access.allow(Access.MANAGERS, this::putResource))
                .patch("/resources/{resourceId}", Access.allow(Access.MANAGERS, this::patchResource))
                .post("/estate/imports", Access.allow(Access.MANAGERS, this::importEstate));
    }

    record SiteList(List<Site> sites) {
    }

    record ResourceList(int count, List<Resource> resources) {
    }

    /** The only field a PATCH changes: taking a resource out of service or back. */
    record ResourcePatch(Boolean inService) {
        ResourcePatch {
            if (inService == null) {
                throw new IllegalArgumentException("inService is required");
            }
        }
    }

    private void sites(Account who, ServerRequest req, ServerResponse res) {
        List<Site> sites = estate.estate().sites().values().stream()
                .filter(site -> Access.canRead(who, site.id()))
                .toList();
        responses.ok(res, new SiteList(sites));
    }

    private void site(Account who, ServerRequest req, ServerResponse res) {
        Site site = estate.site(Requests.path(req, "siteId"));
        Access.requireSite(who, site.id());
        responses.ok(res, site);
    }

    private void putSite(Account who, ServerRequest req, ServerResponse res) {
        String id = Requests.path(req, "siteId");
        Site body = requests.body(req, Site.class);
        boolean created = estate.putSite(id, body);
        responses.send(res, created ? Status.CREATED_201 : Status.OK_200, estate.site(id));
    }

    private void resources(Account who, ServerRequest req, ServerResponse res) {
        // Without a siteId a kiosk gets its own site's resources; another siteId is refused.
        String siteId = Requests.query(req, "siteId").orElse(who.is(Role.KIOSK) ? who.siteId() : null);
        if (siteId != null) {
            Access.requireSite(who, siteId);
        }
        List<Resource> found = estate.resources(siteId,
                Requests.query(req, "type").map(t -> Coded.parse(ResourceType.class, t, "type")).orElse(null),
                Requests.query(req, "zoneId").orElse(null), Requests.listQuery(req, "features"));
        responses.ok(res, new ResourceList(found.size(), found));
    }

    private void resource(Account who, ServerRequest req, ServerResponse res) {
        Resource resource = estate.resource(Requests.path(req, "resourceId"));
        Access.requireSite(who, resource.siteId());
        responses.ok(res, resource);
    }

    private void createResource(Account who, ServerRequest req, ServerResponse res) {
        Resource created = estate.createResource(requests.body(req, Resource.class));
        responses.created(res, "/api/v1/resources/" + created.id(), created);
    }

    private void putResource(Account who, ServerRequest req, ServerResponse res) {
        String id = Requests.path(req, "resourceId");
        boolean created = estate.putResource(id, requests.body(req, Resource.class));
        responses.send(res, created ? Status.CREATED_201 : Status.OK_200, estate.resource(id));
    }

    private void patchResource(Account who, ServerRequest req, ServerResponse res) {
        String id = Requests.path(req, "resourceId");
        ResourcePatch patch = requests.body(req, ResourcePatch.class);
        responses.ok(res, estate.setInService(id, patch.inService()));
    }

    private void importEstate(Account who, ServerRequest req, ServerResponse res) {
        String type = req.headers().first(HeaderNames.CONTENT_TYPE).orElse("").toLowerCase();
        EstateDocument document;
        if (type.startsWith("application/yaml") || type.startsWith("application/x-yaml") || type.startsWith("text/yaml")) {
            if (!req.content().hasEntity()) {
                throw new InvalidRequestException("The request needs an estate document.");
            }
            document = yamlRequests.parse(req.content().as(byte[].class), EstateDocument.class);
        } else {
            document = requests.body(req, EstateDocument.class);
        }
        responses.ok(res, estate.importDocument(document));
    }
}
