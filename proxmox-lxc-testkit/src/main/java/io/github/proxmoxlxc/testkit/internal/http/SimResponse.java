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

    private static volatile DateHeader date = new DateHeader(-1, "");

    private static String dateHeader() {
        long now = System.currentTimeMillis() / 1000;
        DateHeader d = date;
        if (d.second() != now) {
            d = new DateHeader(now, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    java.time.Instant.ofEpochSecond(now).atOffset(java.time.ZoneOffset.UTC)));
            date = d;
        }
        return d.text();
    }

    static SimResponse of(int status, String reason, String contentType, String body) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Server", "pve-api-daemon/3.0");
        h.put("Date", dateHeader());
        h.put("Cache-Control", "max-age=0");
        h.put("Pragma", "no-cache");
        h.put("Expires", "0");
        if (contentType != null) {
            h.put("Content-Type", contentType);
        }
        if (status >= 400) {
            h.put("Connection", "close");
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
