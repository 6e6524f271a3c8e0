package nl.instroom.needmapping.vacancy.application;

import java.util.Collection;

/**
 * What the vacancy use cases tell once vacancies of schools were stored: a port the need implements (it scores those
 * schools again). Vacancies know no need code, so the need, which reads vacancies, and vacancy form no cycle, and the
 * use cases can be tested without the need's recalculation thread.
 */
public interface VacancyChanges {

    /** A vacancy of this school was opened, filled or withdrawn. */
    void schoolChanged(String schoolCode);

    /** Vacancies of these schools were opened together (an import). */
    void schoolsChanged(Collection<String> schoolCodes);
}
