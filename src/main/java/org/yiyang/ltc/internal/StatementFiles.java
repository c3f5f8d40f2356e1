package org.yiyang.ltc.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;

/**
 * Provider statements of a settlement run as CSV (UTF-8 with a byte-order mark, for spreadsheet programs) and Excel.
 * A run made from a non-official catalogue starts with its stamp ("SAMPLE CATALOGUE — not for payment") as the first
 * row, in both formats. Amounts in fen; no personal data (beneficiaries by id).
 */
final class StatementFiles {
    static final List<String> HEADER = List.of("month", "forMonth", "agreementNo", "provider", "beneficiaryId", "category",
            "costFen", "eligibleCostFen", "limitFen", "limitKind", "ratioBp", "fundPayFen", "selfPayFen", "note",
            "policy");

    private StatementFiles() {
    }

    static byte[] csv(SettlementRuns.RunView run, List<SettlementRuns.StatementRow> rows) {
        var out = new ByteArrayOutputStream();
        try (var csv = new Csv(run, out)) {
            rows.forEach(csv);
        }
        return out.toByteArray();
    }

    /**
     * The CSV statement written row by row to a stream (a download or a file), so a city's statement is never held
     * in memory; closing it flushes but leaves the stream open.
     */
    static final class Csv implements java.util.function.Consumer<SettlementRuns.StatementRow>, AutoCloseable {
        private final SettlementRuns.RunView run;
        private final java.io.Writer out;

        Csv(SettlementRuns.RunView run, java.io.OutputStream stream) {
            this.run = run;
            this.out = new java.io.BufferedWriter(new java.io.OutputStreamWriter(stream, StandardCharsets.UTF_8),
                    1 << 16);
            write("\uFEFF");
            if (run.stamp() != null) {
                write(cell(run.stamp()) + "\r\n");
            }
            write(String.join(",", HEADER) + "\r\n");
        }

        @Override
        public void accept(SettlementRuns.StatementRow r) {
            List<String> cells = values(run, r);
            StringBuilder line = new StringBuilder(160);
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    line.append(',');
                }
                line.append(cell(cells.get(i)));
            }
            write(line.append("\r\n").toString());
        }

        private void write(String text) {
            try {
                out.write(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * The Excel statement written as rows arrive (POI's streaming workbook keeps a window of rows in memory and the
     * rest in a temporary file, deleted on close), so a city's statement is never held in memory.
     */
    static final class Xlsx implements java.util.function.Consumer<SettlementRuns.StatementRow>, AutoCloseable {
        private static final int WINDOW = 200;
        private final SettlementRuns.RunView run;
        private final java.io.OutputStream out;
        private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        private final Sheet sheet;
        private int rowNo;

        Xlsx(SettlementRuns.RunView run, java.io.OutputStream out) {
            this.run = run;
            this.out = out;
            this.sheet = workbook.createSheet("statement " + run.month());
            if (run.stamp() != null) {
                sheet.createRow(rowNo++).createCell(0).setCellValue(run.stamp());
            }
            Row header = sheet.createRow(rowNo++);
            for (int i = 0; i < HEADER.size(); i++) {
                header.createCell(i).setCellValue(HEADER.get(i));
            }
        }

        @Override
        public void accept(SettlementRuns.StatementRow r) {
            Row row = sheet.createRow(rowNo++);
            List<String> cells = values(run, r);
            for (int i = 0; i < cells.size(); i++) {
                String v = cells.get(i);
                boolean number = i >= 6 && i <= 12 && i != 9 && !v.isEmpty();
                if (number) {
                    row.createCell(i).setCellValue(Long.parseLong(v));
                } else {
                    row.createCell(i).setCellValue(v);
                }
            }
        }

        @Override
        public void close() {
            try {
                workbook.write(out);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                try {
                    workbook.close(); // also deletes the temporary file of the flushed rows
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private static List<String> values(SettlementRuns.RunView run, SettlementRuns.StatementRow r) {
        return List.of(run.month(), r.forMonth(), r.agreementNo(), r.providerName(), r.beneficiaryId().toString(), r.category(),
                String.valueOf(r.costFen()), String.valueOf(r.eligibleCostFen()), text(r.limitFen()),
                text(r.limitKind()), String.valueOf(r.ratioBp()), String.valueOf(r.fundPayFen()),
                String.valueOf(r.selfPayFen()), text(r.note()), r.policyId());
    }

    private static String text(@Nullable Object value) {
        return value == null ? "" : value.toString();
    }

    private static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?\\d+")
                ? "'" + value : value;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n")
                ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
