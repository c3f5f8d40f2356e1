package org.yiyang.ltc.internal;

import java.io.ByteArrayInputStream;
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
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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

    /** An .xlsx workbook (its first sheet, read as text cells) or else a CSV file. */
    static List<Row> readCsvOrXlsx(byte[] content, List<String> requiredColumns) {
        boolean zip = content.length > 3 && content[0] == 'P' && content[1] == 'K' && content[2] == 3
                && content[3] == 4;
        return zip ? readXlsx(content, requiredColumns) : read(content, requiredColumns);
    }

    static List<Row> readXlsx(byte[] content, List<String> requiredColumns) {
        List<List<String>> table = new ArrayList<>();
        var format = new DataFormatter(java.util.Locale.ROOT);
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw InvalidInput.of("file", "IMPORT_FILE_EMPTY");
            }
            Sheet sheet = workbook.getSheetAt(0);
            for (org.apache.poi.ss.usermodel.Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < Math.max(0, row.getLastCellNum()); i++) {
                    Cell cell = row.getCell(i);
                    cells.add(cell == null ? null : format.formatCellValue(cell));
                }
                table.add(cells);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInput invalid) {
                throw invalid;
            }
            throw InvalidInput.of("file", "IMPORT_FILE_UNREADABLE");
        }
        return rows(table, requiredColumns);
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
        return rows(table, requiredColumns);
    }

    private static List<Row> rows(List<List<String>> table, List<String> requiredColumns) {
        table = table.stream().filter(cells -> !cells.stream().allMatch(c -> c == null || c.isBlank())).toList();
        if (table.isEmpty()) {
            throw InvalidInput.of("file", "IMPORT_FILE_EMPTY");
        }
        List<String> header = table.get(0).stream().map(h -> h == null ? "" : h.strip()).toList();
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
