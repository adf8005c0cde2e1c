package com.dominusleads.ingestion.release;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a Receita Federal release comes from: a local directory of zips, or an HTTP base URL whose zips are
 * downloaded (resumed after an interruption, checked for size and integrity) into a local cache first. Either way the
 * loader reads each zip from a local path, streaming it; nothing is ever unzipped to disk.
 */
public interface ReleaseSource {

    /** Human-readable location, for status and logs (a directory or a URL). */
    String location();

    /** The release's zips that this source holds (names like {@code Estabelecimentos0.zip}), in load order. */
    List<ReleaseFile> files() throws IOException;

    /** A local, complete and verified copy of {@code file}: the file itself, or a finished download. */
    Path fetch(ReleaseFile file, DownloadProgress progress) throws IOException;
}
