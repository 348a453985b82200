package nl.flexplek.server.estate;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An immutable snapshot of the whole estate. The estate is small (hundreds of rows) and read on every booking and
 * search, so the service keeps one snapshot in memory and swaps it after each committed change.
 */
public record Estate(Map<String, Site> sites, Map<String, Resource> resources) {
    public Estate(Collection<Site> sites, Collection<Resource> resources) {
        this(index(sites.stream().sorted(Comparator.comparing(Site::name)).toList(), Site::id),
                index(resources.stream().sorted(Comparator.comparing(Resource::id)).toList(), Resource::id));
    }

    public Optional<Site> site(String id) {
        return Optional.ofNullable(sites.get(id));
    }

    public Optional<Resource> resource(String id) {
        return Optional.ofNullable(resources.get(id));
    }

    /** Resources of a site, optionally of one type, in id order. */
    public List<Resource> resourcesAt(String siteId, ResourceType type) {
        return resources.values().stream()
                .filter(r -> r.siteId().equals(siteId) && (type == null || r.type() == type))
                .toList();
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.toMap(key, Function.identity(), (a, b) -> b, LinkedHashMap::new));
    }
}
