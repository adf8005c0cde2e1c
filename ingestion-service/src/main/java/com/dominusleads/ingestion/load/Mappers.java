package com.dominusleads.ingestion.load;

import com.dominusleads.directory.RfFileKind;
import com.dominusleads.ingestion.normalisation.PhoneNumbers;

/** The mapper for each kind of release file. */
public final class Mappers {

    private Mappers() {
    }

    /** A new mapper (mappers keep scratch state: one per loading thread). */
    public static RowMapper forKind(RfFileKind kind, PhoneNumbers phones) {
        return switch (kind) {
            case ESTABELECIMENTOS -> new EstablishmentMapper(phones);
            case EMPRESAS -> new CompanyMapper();
            case SOCIOS -> new PartnerMapper();
            case SIMPLES -> new SimplesMapper();
            default -> new LookupMapper(kind);
        };
    }
}
