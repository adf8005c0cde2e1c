package com.dominusleads.directory;

/** The 7 columns of the {@code Simples} row, in file order ({@code S}/{@code N} flags, dates {@code YYYYMMDD}). */
public enum SimplesColumn {
    CNPJ_BASICO, OPCAO_SIMPLES, DATA_OPCAO_SIMPLES, DATA_EXCLUSAO_SIMPLES, OPCAO_MEI, DATA_OPCAO_MEI, DATA_EXCLUSAO_MEI
}
