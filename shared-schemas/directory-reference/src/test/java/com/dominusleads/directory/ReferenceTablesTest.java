package com.dominusleads.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReferenceTablesTest {

    @Test
    void municipalitiesAreFoundByTheReceitaTomCodeAndByIbgeCode() {
        Municipalities municipalities = Municipalities.instance();
        assertThat(municipalities.all()).hasSize(5_571);
        assertThat(municipalities.byTom(7107)).contains(new Municipality(3550308, 7107, "São Paulo", "SP"));
        assertThat(municipalities.byTom(9701)).contains(new Municipality(5300108, 9701, "Brasília", "DF"));
        assertThat(municipalities.byIbge(3550308).map(Municipality::tomCode)).contains(7107);
        assertThat(municipalities.byTom(9998)).isEmpty();
    }

    @Test
    void cnaeSubclassesKeepTheirIbgeDescriptionsIncludingQuotedOnes() {
        CnaeCatalog catalog = CnaeCatalog.instance();
        assertThat(catalog.all()).hasSize(1_332);
        assertThat(catalog.byCode(6201501)).contains(
                new Cnae(6201501, "Desenvolvimento de programas de computador sob encomenda", "J"));
        assertThat(catalog.byCode(111301).map(Cnae::description)).contains("Cultivo de arroz");
    }

    @Test
    void releaseFileNamesMapToTheirKind() {
        assertThat(RfFileKind.ofFileName("Estabelecimentos3.zip")).contains(RfFileKind.ESTABELECIMENTOS);
        assertThat(RfFileKind.ofFileName("empresas0.ZIP")).contains(RfFileKind.EMPRESAS);
        assertThat(RfFileKind.ofFileName("Simples.zip")).contains(RfFileKind.SIMPLES);
        assertThat(RfFileKind.ofFileName("Cnaes.zip")).contains(RfFileKind.CNAES);
        assertThat(RfFileKind.ofFileName("Cnaes1.zip")).isEmpty();
        assertThat(RfFileKind.ofFileName("Estabelecimentos.zip")).isEmpty();
        assertThat(RfFileKind.allZipNames()).hasSize(37).startsWith("Cnaes.zip").contains("Socios9.zip");
        assertThat(EstabelecimentoColumn.values()).hasSize(RfFileKind.ESTABELECIMENTOS.columns());
        assertThat(EmpresaColumn.values()).hasSize(RfFileKind.EMPRESAS.columns());
        assertThat(SocioColumn.values()).hasSize(RfFileKind.SOCIOS.columns());
        assertThat(SimplesColumn.values()).hasSize(RfFileKind.SIMPLES.columns());
    }
}
