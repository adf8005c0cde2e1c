package com.dominusleads.ingestion.release;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads an Apache/nginx-style HTML directory listing: the names of the files it links to in that same directory. */
final class DirectoryListing {

    private static final Pattern HREF =
            Pattern.compile("href\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))", Pattern.CASE_INSENSITIVE);

    private DirectoryListing() {
    }

    /**
     * File names linked from {@code html}, in page order, without duplicates. Links are resolved against
     * {@code directory} (which ends with '/'), and only its direct children count: a listing's links to the parent or
     * to another month's release must not be mistaken for files of this one.
     */
    static List<String> linkedNames(String html, URI directory) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = HREF.matcher(html);
        while (matcher.find()) {
            String href = matcher.group(1) != null ? matcher.group(1)
                    : matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
            String name = childName(href.strip(), directory);
            if (name != null) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }

    private static String childName(String href, URI directory) {
        URI link;
        try {
            link = directory.resolve(href);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
        String path = link.getPath();
        String dirPath = directory.getPath();
        if (link.getRawQuery() != null || path == null || !path.startsWith(dirPath)
                || !Objects.equals(link.getRawAuthority(), directory.getRawAuthority())) {
            return null; // sort links (?C=N;O=D), other hosts, parents
        }
        String rest = path.substring(dirPath.length());
        if (rest.isEmpty() || rest.contains("/")) {
            return null; // the directory itself, or something deeper
        }
        return rest;
    }
}
