package nl.instroom.careeradvice.cases.application;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import nl.instroom.careeradvice.figures.domain.DeskFigures;

/** The desk's anonymous counters in memory: each raise noted as a line, for asserting what was counted. */
final class CountedDeskFigures implements DeskFigures {

    private final List<String> raised = new ArrayList<>();

    @Override
    public void requested(YearMonth month, boolean newCase) {
        raised.add("requested " + month + (newCase ? " new case" : " returning"));
    }

    @Override
    public void advised(YearMonth month) {
        raised.add("advised " + month);
    }

    @Override
    public void reached(YearMonth month, List<String> phases) {
        raised.add("reached " + month + " " + phases);
    }

    @Override
    public void left(YearMonth month, String reason) {
        raised.add("left " + month + " " + reason);
    }

    @Override
    public void referred(YearMonth month, String region, String sector, String subject) {
        raised.add("referred " + month + " " + region);
    }

    @Override
    public List<Month> months(YearMonth from, YearMonth to) {
        throw new UnsupportedOperationException("the figures are read in the figures tests");
    }

    List<String> raised() {
        return List.copyOf(raised);
    }
}
