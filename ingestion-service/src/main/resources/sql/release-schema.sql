-- The tables of one release, in schema {schema}. Loaded UNLOGGED and without indexes (the fastest way in), made
-- durable and indexed once every file is in (ReleaseIndexing), then exposed through the views of schema "directory".
-- Every row keeps the file and line it came from (src_file = index in the release's file list, src_line = line).
create schema {schema};

create table {schema}.lookup (
    kind        text     not null,  -- cnaes, motivos, municipios, naturezas, paises, qualificacoes
    code        int      not null,
    description text,
    src_file    smallint not null,
    src_line    int      not null
);

create unlogged table {schema}.company (
    cnpj_basico              text     not null,
    razao_social             text,
    natureza_juridica        smallint,
    qualificacao_responsavel smallint,
    capital_social           numeric(20, 2),
    porte                    smallint,            -- 00 não informado, 01 ME, 03 EPP, 05 demais
    ente_federativo          text,
    data_issues              text[],
    src_file                 smallint not null,
    src_line                 int      not null
);

create unlogged table {schema}.partner (
    cnpj_basico                text     not null,
    identificador              smallint not null,  -- 1 PJ, 2 PF, 3 estrangeiro
    nome                       text,
    documento                  text,               -- CPF masked as published (***123456**), or CNPJ
    qualificacao               smallint,
    data_entrada               date,
    pais                       smallint,
    representante_documento    text,
    representante_nome         text,
    representante_qualificacao smallint,
    faixa_etaria               smallint,
    data_issues                text[],
    src_file                   smallint not null,
    src_line                   int      not null
);

create unlogged table {schema}.simples (
    cnpj_basico           text     not null,
    opcao_simples         boolean,
    data_opcao_simples    date,
    data_exclusao_simples date,
    opcao_mei             boolean,
    data_opcao_mei        date,
    data_exclusao_mei     date,
    data_issues           text[],
    src_file              smallint not null,
    src_line              int      not null
);

-- One partition per UF (and EX, abroad): searches name a UF, and a UF can be reloaded on its own.
create table {schema}.establishment (
    cnpj                   text     collate "C" not null,  -- 14 characters, numeric or alphanumeric
    cnpj_basico            text     not null,
    matriz                 boolean  not null,
    nome_fantasia          text,
    situacao               smallint not null,      -- 1 nula, 2 ativa, 3 suspensa, 4 inapta, 8 baixada
    data_situacao          date,
    motivo                 smallint,
    cidade_exterior        text,
    pais                   smallint,
    data_inicio_atividade  date,
    cnae_principal         int      not null,
    cnaes_secundarios      int[]    not null,      -- distinct, without the principal
    tipo_logradouro        text,
    logradouro             text,
    numero                 text,
    complemento            text,
    bairro                 text,
    cep                    text,
    uf                     text     not null,
    municipio_tom          int,                    -- the Receita's TOM/SIAFI code
    municipio_ibge         int,                    -- IBGE code, from the reference table
    telefones              text[]   not null,      -- E.164; +55 DD 9XXXXXXXX is a mobile
    fax                    text,
    email                  text,
    situacao_especial      text,
    data_situacao_especial date,
    flags                  smallint not null,      -- 1 has phone, 2 has mobile, 4 has e-mail
    data_issues            text[],
    src_file               smallint not null,
    src_line               int      not null
) partition by list (uf);

-- The search table: one row per (establishment, CNAE) for the principal and every secondary CNAE, with what searches
-- filter on. Its index (cnae, situacao, cnpj) gives any CNAE's establishments in CNPJ order: first pages and keyset
-- pages are index range scans, however many millions the CNAE holds.
create table {schema}.establishment_cnae (
    cnae           int      not null,
    situacao       smallint not null,
    cnpj           text     collate "C" not null,
    municipio_ibge int,
    flags          smallint not null,
    principal      boolean  not null,
    uf             text     not null
) partition by list (uf);

-- IBGE municipalities with their TOM codes (reference table shipped with the service, see dominus/reference/SOURCES.md):
-- names with accents for display, and the IBGE code searches use.
create table {schema}.municipality (
    ibge_code int  primary key,
    tom_code  int  not null,
    name      text not null,
    uf        text not null
);

-- Counts for search totals: establishments per (CNAE, UF, situação, flags, principal or not), and per municipality.
-- Summing a handful of rows gives a search's total at once, exact when the search filters on nothing else.
create table {schema}.cnae_count (
    cnae      int      not null,
    uf        text     not null,
    situacao  smallint not null,
    flags     smallint not null,
    principal boolean  not null,
    n         bigint   not null
);
create table {schema}.municipality_count (
    municipio_ibge int,
    uf             text   not null,
    n              bigint not null
);
