package org.servicestandards.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

/**
 * The hostile candidate rule files of {@code src/test/resources/hostile-rules}: each would create
 * its proof file ({@code ${PROOF}}) if any of it ran. A DSLR file comes with the DSL of the same
 * name; a {@code .xlsx.csv} file is put in a workbook, one cell per CSV cell.
 */
public final class HostileRules {

    public static final Path FOLDER = Path.of("src/test/resources/hostile-rules");

    private HostileRules() {
    }

    /** The candidates' file names (a DSL file goes with its DSLR, so it is not one on its own). */
    public static List<String> candidates() {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.map(f -> f.getFileName().toString()).filter(name -> !name.endsWith(".dsl")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds the candidate to a rules directory, its code aimed at {@code proof}; returns the path,
     * relative to the directory, where a refusal must point.
     */
    public static String install(Path rules, String candidate, Path proof) {
        try {
            String text = Files.readString(FOLDER.resolve(candidate)).replace("${PROOF}", proof.toString().replace('\\', '/'));
            if (candidate.endsWith(".xlsx.csv")) {
                String target = "tables/" + candidate.replace(".xlsx.csv", ".xlsx");
                workbook(text, rules.resolve(target));
                return target;
            }
            String folder = candidate.endsWith(".csv") ? "tables/" : "standards/";
            Files.writeString(rules.resolve(folder + candidate), text);
            if (candidate.endsWith(".dslr")) {
                String dsl = candidate.replace(".dslr", ".dsl");
                Files.writeString(rules.resolve(folder + dsl), Files.readString(FOLDER.resolve(dsl))
                        .replace("${PROOF}", proof.toString().replace('\\', '/')));
            }
            return folder + candidate;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void workbook(String csv, Path target) throws IOException {
        try (MappingIterator<List<String>> rows = new CsvMapper().readerForListOf(String.class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(csv);
             XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(target)) {
            XSSFSheet sheet = book.createSheet("hostile");
            int r = 0;
            while (rows.hasNext()) {
                List<String> cells = rows.next();
                Row row = sheet.createRow(r++);
                for (int c = 0; c < cells.size(); c++) {
                    row.createCell(c).setCellValue(cells.get(c));
                }
            }
            book.write(out);
        }
    }
}
