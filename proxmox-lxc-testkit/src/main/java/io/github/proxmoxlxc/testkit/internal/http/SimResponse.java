package io.github.proxmoxlxc.testkit.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response as the handler produces it.
 *
 * @param status HTTP status
 * @param reason reason phrase
 * @param headers extra headers
 * @param body raw body
 * @param wireFault NONE, RESET or EMPTY
 * @param delayMillis delay before answering
 */
record SimResponse(int status, String reason, Map<String, String> headers, byte[] body, WireFault wireFault,
        long delayMillis) {

    /** Transport-level faults. */
    public enum WireFault { NONE, RESET, EMPTY }

    /** The Date header of the current second; formatting it per response cost ~5% of a cheap GET. */
    private record DateHeader(long second, String text) { }

    /**
     * {@code HTTP::Date::time2str}: {@code "Thu, 03 Feb 1994 00:00:00 GMT"}, a two-digit day (where
     * {@code RFC_1123_DATE_TIME} writes {@code 3}).
     */
    private static final java.time.format.DateTimeFormatter HTTP_DATE = java.time.format.DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.ROOT);

    private static volatile DateHeader date = new DateHeader(-1, "");

    /** {@return the date of the current second as HTTP::Date::time2str writes it} */
    static String dateHeader() {
        long now = System.currentTimeMillis() / 1000;
        DateHeader d = date;
        if (d.second() != now) {
            d = new DateHeader(now, HTTP_DATE.format(java.time.Instant.ofEpochSecond(now).atOffset(java.time.ZoneOffset.UTC)));
            date = d;
        }
        return d.text();
    }

    /**
     * The headers {@code sub response} puts on every answer without a modification time: {@code Date},
     * {@code Expires} (the same date), {@code Cache-Control}, {@code Pragma} and {@code Server}. The
     * {@code Connection} header is the gate's ({@link GatedJettyServerFactory}).
     */
    static Map<String, String> standardHeaders() {
        String date = dateHeader();
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Server", "pve-api-daemon/3.0");
        h.put("Date", date);
        h.put("Cache-Control", "max-age=0");
        h.put("Pragma", "no-cache");
        h.put("Expires", date);
        return h;
    }

    static SimResponse of(int status, String reason, String contentType, String body) {
        Map<String, String> h = standardHeaders();
        if (contentType != null) {
            h.put("Content-Type", contentType);
        }
        return new SimResponse(status, reason, h, body.getBytes(StandardCharsets.UTF_8), WireFault.NONE, 0);
    }

    static SimResponse fault(WireFault f) {
        return new SimResponse(0, "", Map.of(), new byte[0], f, 0);
    }

    SimResponse withDelay(long millis) {
        return new SimResponse(status, reason, headers, body, wireFault, delayMillis + millis);
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
