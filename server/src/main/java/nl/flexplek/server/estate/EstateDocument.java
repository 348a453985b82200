package nl.flexplek.server.estate;

import java.util.List;

/** The estate as a file or an import request: sites (with floors and zones) and resources. */
public record EstateDocument(List<Site> sites, List<Resource> resources) {
    public EstateDocument {
        sites = sites == null ? List.of() : List.copyOf(sites);
        resources = resources == null ? List.of() : List.copyOf(resources);
    }
}
