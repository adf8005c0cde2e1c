package com.dominusleads.companydata;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A company as the contract describes it: the establishment (CNPJ, address, contacts) with its company's data, and,
 * when it comes through cnaes-gateway, where it came from and how fresh it is. Unknown fields are ignored and codes may
 * come as numbers or strings, so variants of the remote API still read.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CompanyDocument(String cnpj,
                              @JsonProperty("razao_social") String razaoSocial,
                              @JsonProperty("nome_fantasia") String nomeFantasia,
                              @JsonProperty("situacao_cadastral") Coded situacaoCadastral,
                              @JsonProperty("data_inicio_atividade") String dataInicioAtividade,
                              @JsonProperty("natureza_juridica") Coded naturezaJuridica,
                              Coded porte,
                              @JsonProperty("capital_social") BigDecimal capitalSocial,
                              @JsonProperty("cnae_principal") Coded cnaePrincipal,
                              @JsonProperty("cnaes_secundarios") List<Coded> cnaesSecundarios,
                              Address endereco,
                              List<Phone> telefones,
                              List<String> emails,
                              List<Partner> socios,
                              Source source,
                              @JsonProperty("fetched_at") OffsetDateTime fetchedAt,
                              @JsonProperty("expires_at") OffsetDateTime expiresAt,
                              Boolean stale) {

    /**
     * Where the gateway got a document: the local directory, the remote API just now, or its cache of earlier remote
     * answers (then {@code fetched_at} says when, and {@code stale} that the remote could not refresh it).
     */
    public enum Source {
        @JsonProperty("local") LOCAL,
        @JsonProperty("remote") REMOTE,
        @JsonProperty("cache") CACHE
    }

    /** A code with its label ({@code {"codigo": …, "descricao": …}}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Coded(String codigo, String descricao) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Address(@JsonProperty("tipo_logradouro") String tipoLogradouro, String logradouro, String numero,
                          String complemento, String bairro, String cep, String uf, String municipio,
                          @JsonProperty("ibge_municipio_id") Integer ibgeMunicipioId) {
    }

    /** {@code tipo}: MOVEL or FIXO. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Phone(String ddd, String numero, String tipo, String e164) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Partner(String nome, String documento, String identificador, Coded qualificacao,
                          @JsonProperty("data_entrada") String dataEntrada) {
    }
}
