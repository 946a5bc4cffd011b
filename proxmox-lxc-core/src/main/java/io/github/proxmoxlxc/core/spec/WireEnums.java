package io.github.proxmoxlxc.core.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Decodes the lower-case wire names of this package's enums. */
final class WireEnums {
    private WireEnums() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value != null) {
            for (E e : type.getEnumConstants()) {
                if (e.name().toLowerCase(Locale.ROOT).equals(value)) {
                    return e;
                }
            }
        }
        String allowed = Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        throw new InvalidSpecException(List.of(
                Violation.of(field, String.valueOf(value), "must be one of: " + allowed)));
    }
}
