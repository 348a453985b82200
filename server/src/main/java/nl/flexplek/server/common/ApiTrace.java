package nl.flexplek.server.common;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;


/**
 * What one request's filters and handler read from the query string and which types they answered with, noted only
 * while a filter runs the rest of the request inside {@link #during}. The server never does; the API document's test
 * does, to check that each documented operation's query parameters and response schema are the code's. Helidon runs
 * a request's filters and handler on one (virtual) thread, so the trace is a thread-local for that while.
 */
public final class ApiTrace {
    private static final ThreadLocal<ApiTrace> CURRENT = new ThreadLocal<>();

    private final Set<String> queryParameters = ConcurrentHashMap.newKeySet();
    private final List<Class<?>> answers = new CopyOnWriteArrayList<>();

    /** Runs the rest of a request, noting what it reads and writes here. */
    public void during(Runnable request) {
        CURRENT.set(this);
        try {
            request.run();
        } finally {
            CURRENT.remove();
        }
    }

    /** The query parameters asked for, whether the request had them or not. */
    public Set<String> queryParameters() {
        return Set.copyOf(queryParameters);
    }

    /** The types of the JSON bodies answered with. */
    public List<Class<?>> answers() {
        return List.copyOf(answers);
    }

    /** Notes that the request's query parameter {@code name} was asked for. */
    public static void queried(String name) {
        ApiTrace trace = CURRENT.get();
        if (trace != null) {
            trace.queryParameters.add(name);
        }
    }

    static void answered(Object body) {
        ApiTrace trace = CURRENT.get();
        if (trace != null) {
            trace.answers.add(body == null ? Void.class : body.getClass());
        }
    }
}
