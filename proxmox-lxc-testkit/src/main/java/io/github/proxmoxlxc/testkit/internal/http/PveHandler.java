package io.github.proxmoxlxc.testkit.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.proxmoxlxc.testkit.Fault;
import io.github.proxmoxlxc.testkit.internal.model.PveError;
import io.github.proxmoxlxc.testkit.internal.model.PveModel;
import io.github.proxmoxlxc.testkit.internal.schema.ApiSchema;
import io.github.proxmoxlxc.testkit.internal.schema.Endpoint;
import io.github.proxmoxlxc.testkit.internal.schema.Forms;
import io.github.proxmoxlxc.testkit.internal.schema.ParamValidator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated pveproxy: parses, authenticates and validates a request, then calls the model and
 * renders the answer the way pve-http-server does.
 */
public final class PveHandler {

    private static final Logger LOG = LoggerFactory.getLogger(PveHandler.class);
    private static final String JSON = "application/json;charset=UTF-8";
    private static final String PREFIX = "/api2/json";
    private static final Set<String> NOT_OPTIONS = Set.of("delete", "digest", "revert", "node", "vmid");

    private final ObjectMapper mapper = new ObjectMapper();
    private final ApiSchema schema = ApiSchema.load();
    private final PveModel model;
    private final HandlerSettings settings;
    private final Auth auth;
    private final FaultEngine faults;
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final JsonNode configSchema;

    /** Creates the handler over a model. */
    public PveHandler(PveModel model, HandlerSettings settings, FaultEngine faults, Clock clock) {
        this.model = model;
        this.settings = settings;
        this.faults = faults;
        this.auth = new Auth(settings.tokenId(), settings.tokenSecret(), settings.rootPassword(), clock, model::acl);
        this.configSchema = schema.endpoint("PUT /nodes/{node}/lxc/{vmid}/config").orElseThrow().parameters();
    }

    /** Requests seen per endpoint key ({@code "METHOD /template"}, or {@code "METHOD /raw/path"} if unknown). */
    public Map<String, Long> requestCounts() {
        Map<String, Long> out = new java.util.TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** Forgets the request counts. */
    public void resetCounts() {
        counts.clear();
    }

    /** Handles one request. Never throws. */
    public SimResponse handle(SimRequest req) {
        try {
            return doHandle(req);
        } catch (RuntimeException e) {
            LOG.warn("simulator failed on {} {}", req.method(), req.path(), e);
            return error(new PveError(500, "internal simulator error: " + e.getClass().getSimpleName()));
        }
    }

    private SimResponse doHandle(SimRequest req) {
        String method = req.method();
        if (!req.path().startsWith(PREFIX + "/")) {
            count(method + " " + req.path());
            return httpError(501, "no such uri");
        }
        String sub = req.path().substring(PREFIX.length());
        ApiSchema.Match match = schema.match(method, sub).orElse(null);
        if (match == null) {
            count(method + " " + sub);
            return error(new PveError(501, "Method '" + method + " " + sub + "' not implemented"));
        }
        Endpoint ep = match.endpoint();
        count(ep.key());
        // authentication first: an unauthenticated caller sees a 401, never a simulated fault
        SimResponse denied = ep.key().equals(LOGIN) ? null : authFailure(req, ep);
        if (denied != null) {
            return denied;
        }
        Fault fault = faults.next(ep.key());
        long delay = 0;
        if (fault != null) {
            switch (fault.kind()) {
                case CONNECTION_RESET:
                    return SimResponse.fault(SimResponse.WireFault.RESET);
                case EMPTY_RESPONSE:
                    return SimResponse.fault(SimResponse.WireFault.EMPTY);
                case STATUS:
                case PROXY_CONNECT_FAILED:
                    return SimResponse.of(fault.status(), fault.reason(), fault.body().isEmpty() ? null : JSON,
                            fault.body());
                case LOCK_HELD_IN_WORKER:
                    if (WORKER_LOCKS.contains(ep.key())) {
                        break;
                    }
                    return lockHeld(req, match);
                case LOCK_HELD:
                    return lockHeld(req, match);
                case DELAY:
                    delay = fault.delay().toMillis();
                    break;
                default:
                    break;
            }
        }
        SimResponse resp = authorizedHandle(req, match, fault);
        if (fault != null && fault.kind() == Fault.Kind.PROXY_TIMEOUT) {
            resp = SimResponse.of(596, fault.reason(), null, "");
        }
        return delay > 0 ? resp.withDelay(delay) : resp;
    }

    /** Endpoints whose worker takes the config flock inside the task (pve-container's API2/LXC*.pm). */
    private static final Set<String> WORKER_LOCKS = Set.of("POST /nodes/{node}/lxc",
            "POST /nodes/{node}/lxc/{vmid}/status/start", "POST /nodes/{node}/lxc/{vmid}/status/stop",
            "POST /nodes/{node}/lxc/{vmid}/status/shutdown", "POST /nodes/{node}/lxc/{vmid}/status/suspend",
            "DELETE /nodes/{node}/lxc/{vmid}", "PUT /nodes/{node}/lxc/{vmid}/resize");

    /**
     * A config flock that timed out before any change: {@code lock_file_full}'s text, with
     * create_vm's prefix on a create or restore ({@code create_and_lock_config} runs in an eval there).
     */
    private SimResponse lockHeld(SimRequest req, ApiSchema.Match match) {
        String vmid = match.pathValues().get("vmid");
        String prefix = "";
        if (match.endpoint().key().equals("POST /nodes/{node}/lxc")) {
            Map<String, Object> p;
            try {
                p = params(req, match);
            } catch (PveError e) {
                p = Map.of();
            }
            vmid = String.valueOf(p.getOrDefault("vmid", "0"));
            boolean restore = "1".equals(String.valueOf(p.get("restore"))) || Boolean.TRUE.equals(p.get("restore"));
            prefix = (restore ? "unable to restore CT " : "unable to create CT ") + vmid + " - ";
        }
        return error(PveError.die(prefix + "can't lock file '/run/lock/lxc/pve-config-" + (vmid == null ? "0" : vmid)
                + ".lock' - got timeout"));
    }

    /** The body limit; larger requests are refused before the body is read. */
    public static final int MAX_BODY = 512 * 1024;
    private static final String LOGIN = "POST /access/ticket";

    /**
     * The checks made from the request line and headers alone, before any body is read: the body
     * size announced, and the credentials (except for the login call).
     *
     * @param method the method
     * @param path the path without query
     * @param header the request headers
     * @param contentLength the announced body length, or -1
     * @param chunked whether the body is sent chunked (no length known up front)
     * @return the refusal, or null to go on
     */
    public SimResponse beforeBody(String method, String path, java.util.function.Function<String, String> header,
                                  long contentLength, boolean chunked) {
        if (chunked) {
            // process_header, before the credentials
            return httpError(501, "chunked transfer encoding not supported");
        }
        if (contentLength > MAX_BODY) {
            return httpError(501, "for data too large");
        }
        if (!path.startsWith(PREFIX + "/")) {
            return null;
        }
        ApiSchema.Match match = schema.match(method, path.substring(PREFIX.length())).orElse(null);
        if (match == null || match.endpoint().key().equals(LOGIN)) {
            return null;
        }
        return authFailure(new SimRequest(method, path, null, header, new byte[0]), match.endpoint());
    }

    /** The 401 (or token-not-allowed 403) for a request, or null when its credentials hold. */
    private SimResponse authFailure(SimRequest req, Endpoint ep) {
        Auth.Result a = auth.authenticate(req.header().apply("Authorization"), req.header().apply("Cookie"));
        if (a.failure() != null) {
            return SimResponse.of(401, a.failure(), null, "").withDelay(settings.authFailureDelayMillis());
        }
        return null;
    }

    private SimResponse authorizedHandle(SimRequest req, ApiSchema.Match match, Fault fault) {
        String method = req.method();
        Endpoint ep = match.endpoint();
        if (req.body().length > 0 && !method.equals("POST") && !method.equals("PUT")) {
            return httpError(501, "Unexpected content for method '" + method + "'");
        }
        if (req.body().length > MAX_BODY) {
            return httpError(501, "for data too large");
        }
        boolean login = ep.key().equals(LOGIN);
        String user = null;
        if (!login) {
            Auth.Result a = auth.authenticate(req.header().apply("Authorization"), req.header().apply("Cookie"));
            if (a.failure() != null) {
                return SimResponse.of(401, a.failure(), null, "").withDelay(settings.authFailureDelayMillis());
            }
            if (a.ticket() && !method.equals("GET") && !auth.verifyCsrf(req.header().apply("CSRFPreventionToken"), a.user())) {
                return SimResponse.of(401, "Permission denied - invalid csrf token", null, "");
            }
            if (!a.ticket() && !ep.allowsToken()) {
                return error(PveError.perm("URI '" + ep.template() + "' not available with API token, need proper ticket."));
            }
            user = a.user();
        }
        Map<String, Object> raw;
        try {
            raw = params(req, match);
        } catch (PveError e) {
            return error(e);
        }
        if (!login) {
            // pve-http-server checks the schema permissions before it verifies the parameters
            try {
                PermissionCheck.require(ep.info().path("permissions"), model.acl(), user, raw);
            } catch (PveError e) {
                return error(e);
            }
        }
        Map<String, String> errors = ParamValidator.validate(ep.parameters(), raw);
        if (!errors.isEmpty()) {
            return error(PveError.params(errors));
        }
        Map<String, String> p = new LinkedHashMap<>();
        raw.forEach((k, v) -> p.put(k, v instanceof Boolean b ? (b ? "1" : "0") : String.valueOf(v)));
        if (login) {
            return login(p);
        }
        try {
            Object[] result;
            if (fault != null && (fault.kind() == Fault.Kind.TASK_ERROR || fault.kind() == Fault.Kind.LOCK_HELD_IN_WORKER)) {
                // arm and fork under the model lock so a concurrent request cannot take the failure
                synchronized (model) {
                    model.armTaskFailure(fault.kind() == Fault.Kind.TASK_ERROR
                            ? new PveModel.TaskFailure(fault.step(), fault.body()) : PveModel.TaskFailure.configLockTimeout());
                    try {
                        result = Routes.dispatch(this, ep.key(), p, user);
                    } finally {
                        model.armTaskFailure(null);
                    }
                }
            } else {
                result = Routes.dispatch(this, ep.key(), p, user);
            }
            Map<String, Object> env = new LinkedHashMap<>();
            env.put("data", result[0]);
            if (result.length > 1) {
                env.put("total", result[1]);
            }
            return SimResponse.of(200, "OK", JSON, json(env));
        } catch (PveError e) {
            return error(e);
        }
    }

    private Map<String, Object> params(SimRequest req, ApiSchema.Match match) {
        Map<String, Object> params = new LinkedHashMap<>();
        if (req.method().equals("POST") || req.method().equals("PUT")) {
            String ct = req.header().apply("Content-Type");
            String body = new String(req.body(), StandardCharsets.UTF_8);
            if (ct != null && ct.toLowerCase(java.util.Locale.ROOT).startsWith("application/json") && !body.isBlank()) {
                try {
                    JsonNode n = mapper.readTree(body);
                    for (Map.Entry<String, JsonNode> e : n.properties()) {
                        JsonNode v = e.getValue();
                        params.put(e.getKey(), v.isBoolean() ? (Object) v.booleanValue()
                                : v.isArray() ? List.of(v.toString()) : v.isNumber() ? v.numberValue() : v.asText());
                    }
                } catch (JsonProcessingException e) {
                    throw new PveError(400, "malformed JSON body");
                }
            } else {
                params.putAll(Forms.decode(body));
            }
        }
        params.putAll(Forms.decode(req.query()));
        params.remove("_dc");
        Map<String, String> conflicts = new LinkedHashMap<>();
        match.pathValues().forEach((k, v) -> {
            Object given = params.get(k);
            if (given != null && !String.valueOf(given).equals(v)) {
                conflicts.put(k, "duplicate parameter (already defined in URI) with conflicting values!");
            }
            params.put(k, v);
        });
        if (!conflicts.isEmpty()) {
            throw PveError.params(conflicts);
        }
        return params;
    }

    private SimResponse login(Map<String, String> p) {
        String user = auth.login(p.get("username"), p.get("realm"), p.get("password"));
        if (user == null) {
            Map<String, Object> env = new LinkedHashMap<>();
            env.put("data", null);
            if (!settings.legacyErrors()) {
                env.put("message", "authentication failure\n");
            }
            return SimResponse.of(401, "authentication failure", JSON, json(env)).withDelay(settings.authFailureDelayMillis());
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("username", user);
        data.put("ticket", auth.ticketFor(user));
        data.put("CSRFPreventionToken", auth.csrfFor(user));
        data.put("clustername", settings.clusterName());
        data.put("cap", Map.of("vms", Map.of("VM.Allocate", 1, "VM.PowerMgmt", 1, "VM.Config.Disk", 1),
                "storage", Map.of("Datastore.AllocateSpace", 1, "Datastore.AllocateTemplate", 1),
                "nodes", Map.of("Sys.Audit", 1, "Sys.Modify", 1), "access", Map.of("User.Modify", 1),
                "dc", Map.of("Sys.Audit", 1), "sdn", Map.of("SDN.Use", 1), "mapping", Map.of("Mapping.Use", 1)));
        return SimResponse.of(200, "OK", JSON, json(Map.of("data", data)));
    }

    /**
     * An answer from AnyEvent.pm's {@code sub error}: the message is the reason phrase and, since
     * pve-http-server 5.2.0 ({@code $content //= $msg}), the body too, as plain text without a
     * {@code Content-Type}; with {@link HandlerSettings#legacyErrors()} the body is empty, as before.
     */
    SimResponse httpError(int status, String message) {
        return SimResponse.of(status, message, null, settings.legacyErrors() ? "" : message);
    }

    SimResponse error(PveError e) {
        String msg = e.getMessage();
        String reason = msg.lines().findFirst().orElse("");
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("data", null);
        if (!settings.legacyErrors()) {
            env.put("message", msg.endsWith("\n") ? msg : msg + "\n");
        }
        if (!e.errors().isEmpty()) {
            env.put("errors", new java.util.TreeMap<>(e.errors()));
        }
        return SimResponse.of(e.status(), reason, JSON, json(env));
    }

    private String json(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void count(String key) {
        counts.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    PveModel model() {
        return model;
    }

    HandlerSettings settings() {
        return settings;
    }

    /** The schema type of a config key ({@code integer}, {@code boolean}, ...), or null. */
    String configType(String key) {
        JsonNode prop = ParamValidator.property(configSchema, key);
        return prop == null ? null : prop.path("type").asText(null);
    }

    /** Whether {@code delete=key} names a config option. */
    boolean knownOption(String key) {
        return !NOT_OPTIONS.contains(key) && ParamValidator.property(configSchema, key) != null;
    }
}
