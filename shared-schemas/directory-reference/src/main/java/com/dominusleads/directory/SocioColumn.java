package com.dominusleads.directory;

/** The 11 columns of a {@code Socios} row, in file order. CPFs are published masked ({@code ***123456**}). */
public enum SocioColumn {
    CNPJ_BASICO, IDENTIFICADOR_SOCIO, NOME_SOCIO, CNPJ_CPF_SOCIO, QUALIFICACAO_SOCIO, DATA_ENTRADA_SOCIEDADE, PAIS,
    REPRESENTANTE_LEGAL, NOME_REPRESENTANTE, QUALIFICACAO_REPRESENTANTE, FAIXA_ETARIA
}
