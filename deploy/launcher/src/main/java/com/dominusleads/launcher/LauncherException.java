package com.dominusleads.launcher;

/** A failure the user can act on: the message is one line saying the cause and what to do next. */
public final class LauncherException extends RuntimeException {

    public LauncherException(String message) {
        super(message);
    }
}
