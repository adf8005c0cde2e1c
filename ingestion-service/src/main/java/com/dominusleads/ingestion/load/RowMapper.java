package com.dominusleads.ingestion.load;

import com.dominusleads.ingestion.parsing.RfRecordReader;
import com.dominusleads.ingestion.persistence.BinaryCopyBuffer;
import java.util.List;

/**
 * Turns one Receita record into one row of a directory table, normalising as it goes. A record whose key fields are
 * malformed is refused with a reason (and quarantined by the caller); a bad optional field (a phone, an e-mail, a
 * date) is dropped and named in the row's {@code data_issues}, so that the company stays searchable and the loss is
 * visible. Instances keep scratch state: one per loading thread.
 */
public interface RowMapper {

    /** The table (inside the release schema) the rows go to. */
    String table();

    /** Fields per record of the file kind this mapper reads. */
    int fields();

    /** The columns, in the order {@link #map} writes them. */
    List<String> columns();

    /**
     * Writes {@code record} as one row; returns null, or why the record is malformed (then nothing is written).
     * {@code fileIndex} and the record's line number are stored with the row: every row can be traced to its line.
     */
    String map(RfRecordReader record, int fileIndex, BinaryCopyBuffer out);
}
