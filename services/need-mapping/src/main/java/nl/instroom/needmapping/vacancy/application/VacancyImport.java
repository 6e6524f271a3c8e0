package nl.instroom.needmapping.vacancy.application;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.instroom.chassis.refusal.InvalidRequest;
import nl.instroom.chassis.security.CurrentUser;
import nl.instroom.chassis.web.TooLargeException;
import nl.instroom.events.needmap.Urgency;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Opens vacancies from a spreadsheet export (CSV), as coordinators receive them. The header names the columns, in
 * English or Dutch: schoolCode/vestigingscode, subject/vak, fte, hoursPerWeek/uren, startDate/startdatum (ISO
 * date), urgency/urgentie (LOW, NORMAL, HIGH, CRITICAL or laag, normaal, hoog, kritiek), and optionally
 * openedOn/geopend (ISO date; empty or absent for today), so that a school's existing vacancy records keep the day
 * they opened — within the domain's limits (not in the future, at most 24 months back). Comma or semicolon
 * separated; with semicolons a decimal comma is read too.
 *
 * <p>The file is read as it arrives, line by line. A file with more rows than {@code maxRows}, or with a line or a
 * cell longer than any real export has, is refused as a whole (413) and nothing is opened. Otherwise each row stands
 * alone: good rows are opened — in bulk, a thousand at a time — and bad rows are reported with their line number
 * and reason.
 */
@Service
public class VacancyImport {

    /** The longest line and cell an import takes: far beyond any real vacancy, short of any abuse. */
    static final int MAX_LINE_LENGTH = 1_000;
    static final int MAX_CELL_LENGTH = 120;
    private static final int CHUNK = 1_000;

    /** A rejected row: its line in the file (the header is line 1) and why. */
    public record RejectedLine(int line, String reason) {
    }

    /** What an import did. */
    public record ImportResult(List<String> opened, List<RejectedLine> rejected) {
    }

    private record Row(int line, VacancyService.OpenVacancy vacancy) {
    }

    private static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("schoolcode", "schoolCode"), Map.entry("vestigingscode", "schoolCode"),
            Map.entry("subject", "subject"), Map.entry("vak", "subject"), Map.entry("fte", "fte"),
            Map.entry("hoursperweek", "hoursPerWeek"), Map.entry("uren", "hoursPerWeek"),
            Map.entry("startdate", "startDate"), Map.entry("startdatum", "startDate"),
            Map.entry("urgency", "urgency"), Map.entry("urgentie", "urgency"),
            Map.entry("openedon", "openedOn"), Map.entry("geopend", "openedOn"));
    private static final Map<String, Urgency> DUTCH_URGENCY = Map.of("laag", Urgency.LOW, "normaal", Urgency.NORMAL,
            "hoog", Urgency.HIGH, "kritiek", Urgency.CRITICAL);

    private final VacancyService vacancies;
    private final int maxRows;

    VacancyImport(VacancyService vacancies,
            @Value("${instroom.need.vacancy-import.max-rows:20000}") int maxRows) {
        this.vacancies = vacancies;
        this.maxRows = maxRows;
    }

    public ImportResult importCsv(InputStream csv, CurrentUser user) {
        List<Row> rows = new ArrayList<>();
        List<RejectedLine> rejected = new ArrayList<>();
        read(csv, rows, rejected);
        List<String> opened = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            List<VacancyService.Outcome> outcomes = vacancies.openAll(chunk.stream().map(Row::vacancy).toList(),
                    user);
            for (int i = 0; i < chunk.size(); i++) {
                VacancyService.Outcome outcome = outcomes.get(i);
                if (outcome.openedId() != null) {
                    opened.add(outcome.openedId());
                } else {
                    rejected.add(new RejectedLine(chunk.get(i).line(), outcome.refusal()));
                }
            }
        }
        rejected.sort(java.util.Comparator.comparingInt(RejectedLine::line));
        return new ImportResult(opened, rejected);
    }

    /** Reads every row before anything is opened, so that a file refused as a whole changes nothing. */
    private void read(InputStream csv, List<Row> rows, List<RejectedLine> rejected) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            String header = line(reader, 1);
            if (header == null || header.isBlank()) {
                throw new InvalidRequest(
                        "The file is empty: it needs a header line and a row per vacancy");
            }
            String separator = header.contains(";") ? ";" : ",";
            Map<String, Integer> column = header(header, separator);
            int lineNumber = 1;
            for (String line = line(reader, 2); line != null; line = line(reader, lineNumber + 1)) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                if (rows.size() + rejected.size() >= maxRows) {
                    throw new TooLargeException("An import takes at most " + maxRows + " rows; split the file");
                }
                String[] cells = line.split(separator, -1);
                for (String cell : cells) {
                    if (cell.length() > MAX_CELL_LENGTH) {
                        throw new TooLargeException("Line " + lineNumber + " has a value longer than "
                                + MAX_CELL_LENGTH + " characters; nothing was imported");
                    }
                }
                try {
                    rows.add(new Row(lineNumber, new VacancyService.OpenVacancy(cell(cells, column, "schoolCode"),
                            cell(cells, column, "subject"), fte(cell(cells, column, "fte")),
                            Integer.parseInt(cell(cells, column, "hoursPerWeek")),
                            LocalDate.parse(cell(cells, column, "startDate")),
                            urgency(cell(cells, column, "urgency")), openedOn(cells, column))));
                } catch (NumberFormatException e) {
                    rejected.add(new RejectedLine(lineNumber, "fte and hours must be numbers"));
                } catch (DateTimeParseException e) {
                    rejected.add(new RejectedLine(lineNumber,
                            "start date and opened-on date must be dates like 2027-01-31"));
                } catch (InvalidRequest e) {
                    rejected.add(new RejectedLine(lineNumber, e.getMessage()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next line, refusing one longer than any real export line before it is read whole. */
    private static String line(BufferedReader reader, int lineNumber) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = reader.read(); c != -1; c = reader.read()) {
            if (c == '\n') {
                return stripCarriageReturn(line);
            }
            if (line.length() >= MAX_LINE_LENGTH) {
                throw new TooLargeException("Line " + lineNumber + " is longer than " + MAX_LINE_LENGTH
                        + " characters; nothing was imported");
            }
            line.append((char) c);
        }
        return line.length() == 0 ? null : stripCarriageReturn(line);
    }

    private static String stripCarriageReturn(StringBuilder line) {
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
    }

    private static Map<String, Integer> header(String line, String separator) {
        Map<String, Integer> column = new HashMap<>();
        String[] names = line.split(separator, -1);
        for (int i = 0; i < names.length; i++) {
            String name = COLUMNS.get(names[i].trim().replace("\"", "").replace("\uFEFF", "")
                    .toLowerCase(Locale.ROOT));
            if (name != null) {
                column.put(name, i);
            }
        }
        List<String> missing = new ArrayList<>(List.of("schoolCode", "subject", "fte", "hoursPerWeek", "startDate",
                "urgency"));
        missing.removeAll(column.keySet());
        if (!missing.isEmpty()) {
            throw new InvalidRequest("The header lacks the column(s) " + missing);
        }
        return column;
    }

    private static String cell(String[] cells, Map<String, Integer> column, String name) {
        int index = column.get(name);
        if (index >= cells.length || cells[index].isBlank()) {
            throw new InvalidRequest(name + " is empty");
        }
        return cells[index].trim().replace("\"", "");
    }

    /** The optional opening day: null (today) where the file has no such column or leaves the cell empty. */
    private static LocalDate openedOn(String[] cells, Map<String, Integer> column) {
        Integer index = column.get("openedOn");
        if (index == null || index >= cells.length || cells[index].isBlank()) {
            return null;
        }
        return LocalDate.parse(cells[index].trim().replace("\"", ""));
    }

    private static BigDecimal fte(String value) {
        return new BigDecimal(value.replace(',', '.'));
    }

    private static Urgency urgency(String value) {
        Urgency dutch = DUTCH_URGENCY.get(value.toLowerCase(Locale.ROOT));
        if (dutch != null) {
            return dutch;
        }
        try {
            return Urgency.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest("urgency '" + value + "' is not LOW, NORMAL, HIGH or CRITICAL");
        }
    }
}
