package com.dominusleads.directory;

/** A CNAE 2.3 subclass: 7-digit code, description and the letter of its section (A–U). */
public record Cnae(int code, String description, String section) {
}
