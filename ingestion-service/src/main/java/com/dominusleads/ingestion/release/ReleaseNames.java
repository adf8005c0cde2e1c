package com.dominusleads.ingestion.release;

import com.dominusleads.directory.RfFileKind;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The 37 zip names of a complete release, in load order; servers and file systems may vary their case. */
final class ReleaseNames {

    static final List<String> ALL = RfFileKind.allZipNames();

    private static final List<String> ALL_LOWER = ALL.stream().map(ReleaseNames::lower).toList();

    /** Load order: {@link RfFileKind#allZipNames()}, lookups first. */
    static final Comparator<ReleaseFile> LOAD_ORDER =
            Comparator.comparingInt(file -> ALL_LOWER.indexOf(lower(file.name())));

    private ReleaseNames() {
    }

    /** The kind of a release file name; anything else is refused, which also keeps names safe to use as paths. */
    static RfFileKind kindOf(String name) {
        return RfFileKind.ofFileName(name)
                .orElseThrow(() -> new IllegalArgumentException(name + " is not a Receita Federal release zip name"));
    }

    static List<String> missing(Collection<ReleaseFile> files) {
        Set<String> present = files.stream().map(file -> lower(file.name())).collect(Collectors.toSet());
        return ALL.stream().filter(name -> !present.contains(lower(name))).toList();
    }

    static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
