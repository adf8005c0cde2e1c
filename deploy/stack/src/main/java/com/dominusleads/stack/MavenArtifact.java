package com.dominusleads.stack;

/** {@code groupId:artifactId:version[:classifier]:type}, for servers published on Maven Central (archives or jars). */
public record MavenArtifact(String groupId, String artifactId, String version, String classifier, String type) {

    public static final MavenArtifact APICURIO_REGISTRY =
            new MavenArtifact("io.apicurio", "apicurio-registry-app", "3.3.3", "all", "tar.gz");
    public static final MavenArtifact KEYCLOAK =
            new MavenArtifact("org.keycloak", "keycloak-quarkus-dist", "26.7.3", null, "zip");
    /**
     * A self-contained (shaded) jar, run with {@code java -jar}, never put on a classpath of ours. The build fetches
     * it (deploy/stack/pom.xml, version from the root pom's dependencyManagement): keep both versions in step.
     */
    public static final MavenArtifact GREENMAIL_STANDALONE =
            new MavenArtifact("com.icegreen", "greenmail-standalone", "2.1.5", null, "jar");

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
