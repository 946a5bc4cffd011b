package io.github.proxmoxlxc.core.internal.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.proxmoxlxc.core.ProxmoxException;
import org.junit.jupiter.api.Test;

/** Perl typing: numbers as strings, 0/1 booleans and unknown fields are all read; garbage is reported. */
class LenientJsonTest {


    @Test
    void numbersAndBooleans_areReadFromAnyPerlForm() throws Exception {
        JsonNode n = Json.parse("{\"a\":\"12\",\"b\":12,\"c\":\"1.5\",\"d\":1,\"e\":\"0\",\"f\":true,\"g\":\"\","
                + "\"h\":null,\"i\":\"on\"}");
        assertThat(Json.lng(n, "a")).isEqualTo(12);
        assertThat(Json.lng(n, "b")).isEqualTo(12);
        assertThat(Json.dbl(n, "c")).isEqualTo(1.5);
        assertThat(Json.lng(n, "c")).isEqualTo(1);
        assertThat(Json.bool(n, "d")).isTrue();
        assertThat(Json.bool(n, "e")).isFalse();
        assertThat(Json.bool(n, "f")).isTrue();
        assertThat(Json.bool(n, "i")).isTrue();
        assertThat(Json.intOrNull(n, "g")).isNull();
        assertThat(Json.intOrNull(n, "h")).isNull();
        assertThat(Json.lng(n, "missing")).isZero();
        assertThat(Json.str(n, "b")).isEqualTo("12");
    }

    @Test
    void garbageNumber_isReportedWithFieldAndValue() throws Exception {
        JsonNode n = Json.parse("{\"mem\":\"lots\"}");
        assertThatThrownBy(() -> Json.lng(n, "mem")).isInstanceOf(ProxmoxException.class)
                .hasMessageContaining("'mem'").hasMessageContaining("'lots'");
    }

    @Test
    void mapper_coercesZeroOneToBooleanAndIgnoresUnknownFields() throws Exception {
        Flags f = Json.MAPPER.readValue("{\"enabled\":1,\"count\":\"7\",\"unknown\":[1]}", Flags.class);
        assertThat(f.enabled()).isTrue();
        assertThat(f.count()).isEqualTo(7);
    }

    record Flags(boolean enabled, int count) {
    }
}
