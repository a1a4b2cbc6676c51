package org.servicestandards.standards.load;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.template.model.DRLOutput;
import org.drools.template.parser.DataListener;

/**
 * Compiles a CSV decision table to DRL. The layout is Drools' spreadsheet layout; where a
 * spreadsheet merges the object-type cell over several CONDITION columns, the CSV form writes
 * {@code ...} at the end of the first cell and as the following cells ({@code "$i : Interaction..."},
 * {@code "..."}), so several columns constrain the same fact.
 */
final class DecisionTables {

    private static final String MERGE = "...";
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

    private DecisionTables() {
    }

    /** Compiles a spreadsheet's decision tables (every sheet) with Apache POI, its zip-bomb limits on. */
    static String xlsxToDrl(byte[] content) {
        return new SpreadsheetCompiler().compile(new ByteArrayInputStream(content), InputType.XLS);
    }

    /** The cells of a CSV table, row by row, so a problem in the DRL it generates can name its cell. */
    static List<List<String>> csvCells(String text) throws IOException {
        try (MappingIterator<List<String>> rows = CSV.readerForListOf(String.class).readValues(text)) {
            return rows.readAll();
        }
    }

    /** The cells of a workbook's first sheet as text, row by row (rows and cells from 1, as the table names them). */
    static List<List<String>> xlsxCells(byte[] content) throws IOException {
        List<List<String>> cells = new java.util.ArrayList<>();
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            DataFormatter text = new DataFormatter();
            Sheet sheet = book.getSheetAt(0);
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                List<String> row = new java.util.ArrayList<>();
                Row cellsOfRow = sheet.getRow(r);
                for (int c = 0; cellsOfRow != null && c < cellsOfRow.getLastCellNum(); c++) {
                    row.add(cellsOfRow.getCell(c) == null ? "" : text.formatCellValue(cellsOfRow.getCell(c)));
                }
                cells.add(row);
            }
        }
        return cells;
    }

    static String csvToDrl(String text) throws IOException {
        DefaultRuleSheetListener listener = new DefaultRuleSheetListener();
        listener.startSheet("csv");
        try (MappingIterator<List<String>> rows = CSV.readerForListOf(String.class).readValues(text)) {
            int row = 0;
            while (rows.hasNext()) {
                List<String> cells = rows.next();
                listener.newRow(row, cells.size());
                int mergeStart = DataListener.NON_MERGED;
                String mergedValue = null;
                for (int column = 0; column < cells.size(); column++) {
                    String value = cells.get(column) == null ? "" : cells.get(column);
                    if (value.endsWith(MERGE)) {
                        if (mergeStart == DataListener.NON_MERGED) {
                            mergeStart = column;
                            mergedValue = value.substring(0, value.length() - MERGE.length());
                        }
                        // A merged cell carries the value of the merge's first cell, as spreadsheets do.
                        listener.newCell(row, column, mergedValue, mergeStart);
                    } else {
                        mergeStart = DataListener.NON_MERGED;
                        listener.newCell(row, column, value, DataListener.NON_MERGED);
                    }
                }
                row++;
            }
        }
        listener.finishSheet();
        DRLOutput out = new DRLOutput();
        listener.getRuleSet().renderDRL(out);
        return out.getDRL();
    }
}
