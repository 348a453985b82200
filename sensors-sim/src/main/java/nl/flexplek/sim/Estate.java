package nl.flexplek.sim;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The sites and resources to simulate, from the server's API or an estate file (same field names). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Estate(List<Site> sites, List<Resource> resources) {
    public Estate {
        sites = sites == null ? List.of() : List.copyOf(sites);
        resources = resources == null ? List.of() : List.copyOf(resources);
    }

    public Map<String, Site> sitesById() {
        return sites.stream().collect(Collectors.toMap(Site::id, Function.identity(), (a, b) -> a));
    }

    /** The resources that have a sensor on a known site: the ones the simulator plays. */
    public List<Resource> sensed() {
        Map<String, Site> byId = sitesById();
        return resources.stream().filter(Resource::hasSensor).filter(r -> byId.containsKey(r.siteId())).toList();
    }
}
