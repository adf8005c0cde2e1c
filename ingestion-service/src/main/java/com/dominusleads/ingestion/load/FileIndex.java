package com.dominusleads.ingestion.load;

import com.dominusleads.directory.RfFileKind;
import java.util.List;

/** A release file's number: its place in the standard list of 37 names, stored with every row it produced. */
public final class FileIndex {

    private static final List<String> NAMES = RfFileKind.allZipNames();

    private FileIndex() {
    }

    public static int of(String fileName) {
        for (int i = 0; i < NAMES.size(); i++) {
            if (NAMES.get(i).equalsIgnoreCase(fileName)) {
                return i;
            }
        }
        throw new IllegalArgumentException(fileName + " is not a Receita release file name");
    }

    public static String name(int index) {
        return NAMES.get(index);
    }
}
