package com.dominusleads.stack;

import java.nio.file.Files;
import java.nio.file.Path;

/** The JDK child JVMs run on: the one running us (the launcher and the tests already require 21+). */
public final class JavaRuntime {

    private JavaRuntime() {
    }

    public static Path javaHome() {
        return Path.of(System.getProperty("java.home"));
    }

    public static String java() {
        Path java = javaHome().resolve("bin/java");
        return Files.isExecutable(java) ? java.toString() : "java";
    }
}
