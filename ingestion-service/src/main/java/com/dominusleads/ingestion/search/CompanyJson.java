package com.dominusleads.ingestion.search;

/**
 * The api-cnaes company document, built by PostgreSQL from {@code e} (establishment), {@code co} (company) and
 * {@code si} (simples) with labels from the release's own lookup tables: one round trip gives ready JSON.
 */
final class CompanyJson {

    private CompanyJson() {
    }

    private static String label(String kind, String code) {
        return "(select l.description from directory.lookup l where l.kind = '" + kind + "' and l.code = " + code + ")";
    }

    private static String coded(String kind, String code) {
        return "case when " + code + " is null then null else json_build_object('codigo', " + code + ", 'descricao', "
                + label(kind, code) + ") end";
    }

    static final String SITUACAO = "case e.situacao when 1 then 'NULA' when 2 then 'ATIVA' when 3 then 'SUSPENSA'"
            + " when 4 then 'INAPTA' when 8 then 'BAIXADA' end";

    static final String PORTE = "case co.porte when 0 then 'NAO INFORMADO' when 1 then 'MICRO EMPRESA'"
            + " when 3 then 'EMPRESA DE PEQUENO PORTE' when 5 then 'DEMAIS' end";

    /** The document without partners (search results). */
    static final String SUMMARY = """
            json_build_object(
              'cnpj', e.cnpj,
              'cnpj_basico', e.cnpj_basico,
              'razao_social', co.razao_social,
              'nome_fantasia', e.nome_fantasia,
              'matriz_filial', case when e.matriz then 'MATRIZ' else 'FILIAL' end,
              'situacao_cadastral', json_build_object('codigo', e.situacao, 'descricao', %s),
              'data_situacao_cadastral', e.data_situacao,
              'motivo_situacao_cadastral', %s,
              'situacao_especial', e.situacao_especial,
              'data_situacao_especial', e.data_situacao_especial,
              'data_inicio_atividade', e.data_inicio_atividade,
              'natureza_juridica', %s,
              'qualificacao_responsavel', %s,
              'porte', case when co.porte is null then null else json_build_object('codigo', co.porte, 'descricao', %s) end,
              'capital_social', co.capital_social,
              'ente_federativo', co.ente_federativo,
              'cnae_principal', json_build_object('codigo', lpad(e.cnae_principal::text, 7, '0'),
                                                  'descricao', %s),
              'cnaes_secundarios', (select coalesce(json_agg(json_build_object('codigo', lpad(u.c::text, 7, '0'),
                                                   'descricao', l.description) order by u.o), '[]'::json)
                                    from unnest(e.cnaes_secundarios) with ordinality u(c, o)
                                    left join directory.lookup l on l.kind = 'cnaes' and l.code = u.c),
              'endereco', json_build_object(
                  'tipo_logradouro', e.tipo_logradouro, 'logradouro', e.logradouro, 'numero', e.numero,
                  'complemento', e.complemento, 'bairro', e.bairro, 'cep', e.cep, 'uf', e.uf,
                  'municipio', coalesce((select m.name from directory.municipality m where m.ibge_code = e.municipio_ibge),
                                        %s),
                  'ibge_municipio_id', e.municipio_ibge,
                  'codigo_municipio_receita', e.municipio_tom,
                  'cidade_exterior', e.cidade_exterior,
                  'pais', %s),
              'telefones', (select coalesce(json_agg(json_build_object(
                                'ddd', substr(t, 4, 2), 'numero', substr(t, 6),
                                'tipo', case when length(t) = 14 then 'MOVEL' else 'FIXO' end, 'e164', t)), '[]'::json)
                            from unnest(e.telefones) t),
              'fax', e.fax,
              'emails', case when e.email is null then '[]'::json else json_build_array(e.email) end,
              'simples', case when si.cnpj_basico is null then null else json_build_object(
                  'optante', si.opcao_simples, 'data_opcao', si.data_opcao_simples,
                  'data_exclusao', si.data_exclusao_simples, 'mei', si.opcao_mei,
                  'data_opcao_mei', si.data_opcao_mei, 'data_exclusao_mei', si.data_exclusao_mei) end,
              'data_issues', coalesce(to_json(e.data_issues || co.data_issues || si.data_issues), '[]'::json)
            )""".formatted(SITUACAO, coded("motivos", "e.motivo"), coded("naturezas", "co.natureza_juridica"),
            coded("qualificacoes", "co.qualificacao_responsavel"), PORTE, label("cnaes", "e.cnae_principal"),
            label("municipios", "e.municipio_tom"), coded("paises", "e.pais"));

    /** The partners of {@code e}'s company, as published (CPFs masked by the Receita). */
    static final String PARTNERS = """
            (select coalesce(json_agg(json_build_object(
                 'identificador', case p.identificador when 1 then 'PESSOA JURIDICA' when 2 then 'PESSOA FISICA'
                                                       else 'ESTRANGEIRO' end,
                 'nome', p.nome, 'documento', p.documento,
                 'qualificacao', %s,
                 'data_entrada', p.data_entrada,
                 'pais', %s,
                 'representante_legal', case when p.representante_documento is null
                                             and p.representante_nome is null then null
                                        else json_build_object('documento', p.representante_documento,
                                                               'nome', p.representante_nome,
                                                               'qualificacao', %s) end,
                 'faixa_etaria', p.faixa_etaria) order by p.src_file, p.src_line), '[]'::json)
             from directory.partner p where p.cnpj_basico = e.cnpj_basico)""".formatted(
            coded("qualificacoes", "p.qualificacao"), coded("paises", "p.pais"),
            coded("qualificacoes", "p.representante_qualificacao"));
}
