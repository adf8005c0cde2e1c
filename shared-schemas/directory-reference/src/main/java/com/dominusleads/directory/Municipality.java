package com.dominusleads.directory;

/** A Brazilian municipality: its IBGE code (7 digits), the Receita Federal's TOM/SIAFI code, name and UF. */
public record Municipality(int ibgeCode, int tomCode, String name, String uf) {
}
