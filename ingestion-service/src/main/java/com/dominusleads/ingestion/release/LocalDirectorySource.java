package com.dominusleads.ingestion.release;

import com.dominusleads.directory.RfFileKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A release already on disk: the RF zips in one directory (not searched recursively), read in place. Whatever else
 * the directory holds is ignored, and a partial release is listed as it is: the caller decides, with
 * {@link #missing(List)}, whether it is complete enough.
 */
public final class LocalDirectorySource implements ReleaseSource {

    private final Path dir;

    public LocalDirectorySource(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    @Override
    public String location() {
        return dir.toString();
    }

    @Override
    public List<ReleaseFile> files() throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new ReleaseFileException(location(), "is not a directory; point the release source at the directory"
                    + " holding the RF zips (Cnaes.zip, Empresas0.zip, …)");
        }
        List<ReleaseFile> files = new ArrayList<>();
        Map<String, Path> seen = new HashMap<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path path : (Iterable<Path>) entries.sorted()::iterator) {
                String name = path.getFileName().toString();
                Optional<RfFileKind> kind = RfFileKind.ofFileName(name);
                if (kind.isEmpty() || !Files.isRegularFile(path)) {
                    continue;
                }
                Path other = seen.putIfAbsent(ReleaseNames.lower(name), path);
                if (other != null) {
                    throw new ReleaseFileException(name, "is in " + dir + " twice, as " + other.getFileName() + " and "
                            + name + "; remove one of them");
                }
                files.add(new ReleaseFile(name, kind.get(), Files.size(path)));
            }
        }
        files.sort(ReleaseNames.LOAD_ORDER);
        return List.copyOf(files);
    }

    /** The file itself, once its central directory opens and shows the one CSV entry of a release zip. */
    @Override
    public Path fetch(ReleaseFile file, DownloadProgress progress) throws IOException {
        String name = file.name();
        ReleaseNames.kindOf(name);
        Path path = dir.resolve(name);
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new ReleaseFileException(name, "is not a readable file at " + path
                    + "; put the RF's " + name + " there, or list the directory again");
        }
        long size = Files.size(path);
        if (file.size() >= 0 && size != file.size()) {
            throw new ReleaseFileException(name, "changed since it was listed: " + file.size() + " bytes then, " + size
                    + " now at " + path + "; if it is still being copied, wait for the copy to finish and list again");
        }
        try {
            ZipIntegrity.checkCentralDirectory(path);
        } catch (IOException e) {
            throw new ReleaseFileException(name, path + " is not a usable release zip (" + e.getMessage()
                    + "); replace it with a fresh copy of the RF's file", e);
        }
        progress.advanced(name, size, size);
        return path;
    }

    /** The names, of the 37 in a complete release, that {@code files} lacks, in load order. */
    public static List<String> missing(List<ReleaseFile> files) {
        return ReleaseNames.missing(files);
    }
}
