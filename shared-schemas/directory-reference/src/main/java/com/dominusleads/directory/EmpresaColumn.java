package com.dominusleads.directory;

/** The 7 columns of an {@code Empresas} row, in file order. {@code CAPITAL_SOCIAL} has a decimal comma. */
public enum EmpresaColumn {
    CNPJ_BASICO, RAZAO_SOCIAL, NATUREZA_JURIDICA, QUALIFICACAO_RESPONSAVEL, CAPITAL_SOCIAL, PORTE, ENTE_FEDERATIVO
}
