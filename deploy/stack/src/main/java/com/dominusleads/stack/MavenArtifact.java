package com.dominusleads.stack;

/** {@code groupId:artifactId:version[:classifier]:type}, for server distributions published on Maven Central. */
public record MavenArtifact(String groupId, String artifactId, String version, String classifier, String type) {

    public static final MavenArtifact APICURIO_REGISTRY =
            new MavenArtifact("io.apicurio", "apicurio-registry-app", "3.3.3", "all", "tar.gz");
    public static final MavenArtifact KEYCLOAK =
            new MavenArtifact("org.keycloak", "keycloak-quarkus-dist", "26.7.3", null, "zip");

    /** The file name Maven gives it, e.g. {@code apicurio-registry-app-3.3.3-all.tar.gz}. */
    public String fileName() {
        return artifactId + "-" + version + (classifier == null ? "" : "-" + classifier) + "." + type;
    }

    /** The path below a Maven repository root (local or remote). */
    public String repositoryPath() {
        return groupId.replace('.', '/') + "/" + artifactId + "/" + version + "/" + fileName();
    }

    /** The directory name of the unpacked distribution. */
    public String distributionName() {
        return artifactId + "-" + version;
    }
}
