package com.dominusleads.ingestion.release;

import com.dominusleads.directory.RfFileKind;

/** One zip of a release: its name, kind and size in bytes (-1 when the source cannot tell before fetching). */
public record ReleaseFile(String name, RfFileKind kind, long size) {
}
