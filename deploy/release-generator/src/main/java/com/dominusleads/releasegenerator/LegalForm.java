package com.dominusleads.releasegenerator;

/**
 * The legal forms generated, with the natureza jurídica and the qualificação of the person responsible that go with
 * each, their share of companies (roughly the register's: individual entrepreneurs and limited companies dominate)
 * and whether they open branches.
 */
enum LegalForm {
    MEI(2135, 50, 32.0, false),
    EMPRESARIO(2135, 50, 11.0, true),
    LIMITADA(2062, 49, 35.0, true),
    EIRELI(2305, 65, 3.0, true),
    SOCIEDADE_SIMPLES(2240, 49, 1.5, true),
    ADVOCACIA(2321, 65, 0.5, false),
    SA_FECHADA(2054, 10, 0.7, true),
    SA_ABERTA(2046, 10, 0.03, true),
    COOPERATIVA(2143, 16, 0.3, true),
    EMPRESA_PUBLICA(2011, 16, 0.01, true),
    ECONOMIA_MISTA(2038, 10, 0.01, true),
    ESTRANGEIRA(2216, 17, 0.1, false),
    ASSOCIACAO(3999, 16, 5.5, true),
    RELIGIOSA(3220, 16, 1.2, true),
    CONDOMINIO(3085, 19, 2.0, false),
    FUNDACAO(3069, 16, 0.15, false),
    SINDICATO(3131, 16, 0.15, false),
    CARTORIO(3034, 32, 0.05, false),
    PRODUTOR_RURAL(4120, 59, 1.5, false),
    CANDIDATO(4090, 51, 1.2, false),
    MUNICIPIO(1244, 5, 0.03, false),
    ORGAO_MUNICIPAL(1031, 5, 0.1, true);

    final int natureza;
    final int qualificacaoResponsavel;
    final double percent;
    final boolean opensBranches;

    LegalForm(int natureza, int qualificacaoResponsavel, double percent, boolean opensBranches) {
        this.natureza = natureza;
        this.qualificacaoResponsavel = qualificacaoResponsavel;
        this.percent = percent;
        this.opensBranches = opensBranches;
    }

    boolean isPublic() {
        return natureza < 2000;
    }

    static WeightedChoice choice() {
        LegalForm[] forms = values();
        double[] weights = new double[forms.length];
        for (int i = 0; i < forms.length; i++) {
            weights[i] = forms[i].percent;
        }
        return new WeightedChoice(weights);
    }
}
