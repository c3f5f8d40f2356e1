package org.yiyang.ltc.internal;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.yiyang.shared.InvalidInput;

/** A CSV file in UTF-8 with a header row (a byte-order mark tolerated); row 1 is the first data row, blanks skipped. */
final class LtcCsv {
    private LtcCsv() {
    }

    record Row(long rowNo, Map<String, String> values) {
        String get(String column) {
            return values.get(column);
        }

        /** Values are personal data (ID numbers): only the row number. */
        @Override
        public String toString() {
            return "Row[" + rowNo + "]";
        }
    }

    static List<Row> read(byte[] content, List<String> requiredColumns) {
        if (content.length == 0) {
            throw InvalidInput.of("file", "IMPORT_FILE_EMPTY");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw InvalidInput.of("file", "IMPORT_FILE_UNREADABLE");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> table = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get()
                .parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                table.add(record.toList());
            }
        } catch (IOException | RuntimeException e) {
            throw InvalidInput.of("file", "IMPORT_FILE_UNREADABLE");
        }
        if (table.isEmpty()) {
            throw InvalidInput.of("file", "IMPORT_FILE_EMPTY");
        }
        List<String> header = table.get(0).stream().map(String::strip).toList();
        if (!header.containsAll(requiredColumns)) {
            throw InvalidInput.of("file", "IMPORT_HEADER");
        }
        List<Row> rows = new ArrayList<>();
        long rowNo = 0;
        for (List<String> cells : table.subList(1, table.size())) {
            if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                continue;
            }
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < Math.min(header.size(), cells.size()); i++) {
                if (cells.get(i) != null && !cells.get(i).isBlank()) {
                    values.put(header.get(i), cells.get(i).strip());
                }
            }
            rows.add(new Row(++rowNo, values));
        }
        return rows;
    }
}
