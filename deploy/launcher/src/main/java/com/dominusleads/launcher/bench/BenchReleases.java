package com.dominusleads.launcher.bench;

import com.dominusleads.launcher.Console;
import com.dominusleads.releasegenerator.GeneratedRelease;
import com.dominusleads.releasegenerator.GeneratorSpec;
import com.dominusleads.releasegenerator.ReleaseGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Synthetic releases for the directory benchmarks, generated once per size and seed and kept in the cache. */
final class BenchReleases {

    private BenchReleases() {
    }

    static Path synthetic(Console console, Path cache, long establishments, long seed) throws Exception {
        Path dir = cache.resolve("bench-releases").resolve("establishments-" + establishments + "-seed-" + seed);
        Path done = dir.resolve(".complete");
        if (Files.exists(done)) {
            return dir;
        }
        Files.createDirectories(dir);
        console.step("generate", String.format(Locale.ROOT, "synthetic release of %,d establishments (kept in %s)",
                establishments, dir));
        GeneratedRelease generated = new ReleaseGenerator(new GeneratorSpec(establishments, seed)).writeTo(dir,
                written -> console.progress("generate", written, establishments, String.format(Locale.ROOT, "%,d", written)));
        console.endProgress();
        console.ok("generate", String.format(Locale.ROOT, "%,d rows", generated.totalRows()));
        Files.writeString(done, "");
        return dir;
    }
}
