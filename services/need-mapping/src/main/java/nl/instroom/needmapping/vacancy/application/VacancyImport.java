package nl.instroom.needmapping.vacancy.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.instroom.chassis.security.CurrentUser;
import nl.instroom.chassis.web.NotFoundException;
import nl.instroom.events.needmap.Urgency;
import org.springframework.stereotype.Service;

/**
 * Opens vacancies from a spreadsheet export (CSV), as coordinators receive them. The header names the columns, in
 * English or Dutch: schoolCode/vestigingscode, subject/vak, fte, hoursPerWeek/uren, startDate/startdatum (ISO
 * date), urgency/urgentie (LOW, NORMAL, HIGH, CRITICAL or laag, normaal, hoog, kritiek). Comma or semicolon
 * separated; with semicolons a decimal comma is read too. Each row stands alone: good rows are opened, bad rows are
 * reported with their line number and reason.
 */
@Service
public class VacancyImport {

    /** A rejected row: its line in the file (the header is line 1) and why. */
    public record RejectedLine(int line, String reason) {
    }

    /** What an import did. */
    public record ImportResult(List<String> opened, List<RejectedLine> rejected) {
    }

    private static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("schoolcode", "schoolCode"), Map.entry("vestigingscode", "schoolCode"),
            Map.entry("subject", "subject"), Map.entry("vak", "subject"), Map.entry("fte", "fte"),
            Map.entry("hoursperweek", "hoursPerWeek"), Map.entry("uren", "hoursPerWeek"),
            Map.entry("startdate", "startDate"), Map.entry("startdatum", "startDate"),
            Map.entry("urgency", "urgency"), Map.entry("urgentie", "urgency"));
    private static final Map<String, Urgency> DUTCH_URGENCY = Map.of("laag", Urgency.LOW, "normaal", Urgency.NORMAL,
            "hoog", Urgency.HIGH, "kritiek", Urgency.CRITICAL);

    private final VacancyService vacancies;

    VacancyImport(VacancyService vacancies) {
        this.vacancies = vacancies;
    }

    public ImportResult importCsv(String csv, CurrentUser user) {
        List<String> lines = csv.lines().toList();
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new IllegalArgumentException("The file is empty: it needs a header line and a row per vacancy");
        }
        String separator = lines.get(0).contains(";") ? ";" : ",";
        Map<String, Integer> column = header(lines.get(0), separator);
        List<String> opened = new ArrayList<>();
        List<RejectedLine> rejected = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                String[] cells = line.split(separator, -1);
                opened.add(vacancies.open(new VacancyService.OpenVacancy(cell(cells, column, "schoolCode"),
                        cell(cells, column, "subject"), fte(cell(cells, column, "fte")),
                        Integer.parseInt(cell(cells, column, "hoursPerWeek")),
                        LocalDate.parse(cell(cells, column, "startDate")), urgency(cell(cells, column, "urgency"))),
                        user).id());
            } catch (NotFoundException e) {
                rejected.add(new RejectedLine(i + 1, "unknown school, or not yours"));
            } catch (NumberFormatException e) {
                rejected.add(new RejectedLine(i + 1, "fte and hours must be numbers"));
            } catch (DateTimeParseException e) {
                rejected.add(new RejectedLine(i + 1, "start date must be a date like 2027-01-31"));
            } catch (IllegalArgumentException | NullPointerException e) {
                rejected.add(new RejectedLine(i + 1, String.valueOf(e.getMessage())));
            }
        }
        return new ImportResult(opened, rejected);
    }

    private static Map<String, Integer> header(String line, String separator) {
        Map<String, Integer> column = new HashMap<>();
        String[] names = line.split(separator, -1);
        for (int i = 0; i < names.length; i++) {
            String name = COLUMNS.get(names[i].trim().replace("\"", "").toLowerCase(Locale.ROOT));
            if (name != null) {
                column.put(name, i);
            }
        }
        List<String> missing = new ArrayList<>(List.of("schoolCode", "subject", "fte", "hoursPerWeek", "startDate",
                "urgency"));
        missing.removeAll(column.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("The header lacks the column(s) " + missing);
        }
        return column;
    }

    private static String cell(String[] cells, Map<String, Integer> column, String name) {
        int index = column.get(name);
        if (index >= cells.length || cells[index].isBlank()) {
            throw new IllegalArgumentException(name + " is empty");
        }
        return cells[index].trim().replace("\"", "");
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
            throw new IllegalArgumentException("urgency '" + value + "' is not LOW, NORMAL, HIGH or CRITICAL");
        }
    }
}
