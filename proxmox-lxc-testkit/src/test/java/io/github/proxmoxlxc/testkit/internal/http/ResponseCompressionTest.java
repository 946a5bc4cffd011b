package io.github.proxmoxlxc.testkit.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.Test;

/** The choice and the encodings of pveproxy's response compression. */
class ResponseCompressionTest {

    @Test
    void choice_followsAnyEventPmSubstringMatch() {
        assertThat(ResponseCompression.choose("gzip", 1025)).isEqualTo("gzip");
        assertThat(ResponseCompression.choose("gzip, deflate", 1025)).isEqualTo("gzip");
        assertThat(ResponseCompression.choose("deflate, gzip", 1025)).isEqualTo("gzip");
        assertThat(ResponseCompression.choose("deflate", 1025)).isEqualTo("deflate");
        assertThat(ResponseCompression.choose("x-gzip", 1025)).as("m/gzip/ matches inside a token").isEqualTo("gzip");
        assertThat(ResponseCompression.choose("gzip;q=0, deflate", 1025)).as("q-values are not read")
                .isEqualTo("gzip");
        assertThat(ResponseCompression.choose("GZIP", 1025)).as("the match is case-sensitive").isNull();
        assertThat(ResponseCompression.choose("br, zstd", 1025)).isNull();
        assertThat(ResponseCompression.choose("", 1025)).isNull();
        assertThat(ResponseCompression.choose(null, 100_000)).isNull();
    }

    @Test
    void choice_onlyOverThreshold() {
        assertThat(ResponseCompression.choose("gzip", 0)).isNull();
        assertThat(ResponseCompression.choose("gzip", ResponseCompression.THRESHOLD)).isNull();
        assertThat(ResponseCompression.choose("gzip", ResponseCompression.THRESHOLD + 1)).isEqualTo("gzip");
        assertThat(ResponseCompression.choose("deflate", ResponseCompression.THRESHOLD)).isNull();
    }

    @Test
    void encodings_roundTrip_forCompressibleAndIncompressibleBodies() throws IOException {
        byte[] text = "{\"data\":[{\"vmid\":100,\"status\":\"running\"}]}".repeat(200).getBytes(StandardCharsets.UTF_8);
        byte[] noise = new byte[70_000];
        new Random(7).nextBytes(noise);
        for (byte[] body : new byte[][] {text, noise}) {
            byte[] gz = ResponseCompression.encode("gzip", body);
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
                assertThat(in.readAllBytes()).isEqualTo(body);
            }
            byte[] z = ResponseCompression.encode("deflate", body);
            try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(z))) {
                assertThat(in.readAllBytes()).isEqualTo(body);
            }
        }
        assertThat(ResponseCompression.encode("gzip", text).length).isLessThan(text.length / 10);
    }

    @Test
    void unknownCoding_isRefusedByName() {
        assertThatThrownBy(() -> ResponseCompression.encode("br", new byte[1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'br'");
    }
}
