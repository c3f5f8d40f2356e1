package org.yiyang.person.internal;

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
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.yiyang.shared.InvalidInput;

/**
 * Reads an import file into rows of named values: CSV in UTF-8 with a header row (a byte-order mark is tolerated), or
 * the first sheet of an .xlsx workbook with a header row. Row 1 is the first data row; blank rows are skipped.
 */
public final class ResidentFile {
    /** The columns an import needs; the others are optional. */
    static final List<String> REQUIRED_COLUMNS = List.of("idNumber", "name", "hukouRegion", "residenceRegion");

    private ResidentFile() {
    }

    /** One data row: its number and its values by column name (blank cells absent). */
    public record ImportRow(long rowNo, Map<String, String> values) {
        public String get(String column) {
            return values.get(column);
        }
    }

    public static List<ImportRow> read(String filename, byte[] content) {
        return read(filename, content, REQUIRED_COLUMNS);
    }

    /** A file whose header must hold the given columns (rosters have their own). */
    public static List<ImportRow> read(String filename, byte[] content, List<String> requiredColumns) {
        if (content.length == 0) {
            throw InvalidInput.of("file", "IMPORT_FILE_EMPTY");
        }
        boolean zip = content.length > 1 && content[0] == 'P' && content[1] == 'K';
        List<List<String>> table = zip || filename.toLowerCase(Locale.ROOT).endsWith(".xlsx") ? xlsx(content)
                : csv(content);
        if (table.isEmpty()) {
            throw InvalidInput.of("file", "IMPORT_FILE_EMPTY");
        }
        List<String> header = table.get(0).stream().map(String::strip).toList();
        if (!header.containsAll(requiredColumns)) {
            throw InvalidInput.of("file", "IMPORT_HEADER");
        }
        var rows = new ArrayList<ImportRow>();
        long rowNo = 0;
        for (List<String> cells : table.subList(1, table.size())) {
            if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                continue;
            }
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < Math.min(header.size(), cells.size()); i++) {
                String v = cells.get(i);
                if (v != null && !v.isBlank()) {
                    values.put(header.get(i), v.strip());
                }
            }
            rows.add(new ImportRow(++rowNo, values));
        }
        return rows;
    }

    private static List<List<String>> csv(byte[] content) {
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
        var table = new ArrayList<List<String>>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get()
                .parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                table.add(record.toList());
            }
        } catch (IOException | RuntimeException e) {
            throw InvalidInput.of("file", "IMPORT_FILE_UNREADABLE");
        }
        return table;
    }

    private static List<List<String>> xlsx(byte[] content) {
        var table = new ArrayList<List<String>>();
        var format = new DataFormatter(Locale.ROOT);
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                var cells = new ArrayList<String>();
                for (int i = 0; i < row.getLastCellNum(); i++) {
                    Cell cell = row.getCell(i);
                    cells.add(cell == null ? null : format.formatCellValue(cell));
                }
                table.add(cells);
            }
        } catch (IOException | RuntimeException e) {
            throw InvalidInput.of("file", "IMPORT_FILE_UNREADABLE");
        }
        return table;
    }
}
