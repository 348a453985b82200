package nl.flexplek.server.insights;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import nl.flexplek.server.common.InvalidRequestException;

/** A run of local dates, both ends included, as figures are asked for; at most a bounded number of days. */
record Period(LocalDate from, LocalDate to) {

    /** Checks the request: both dates present, {@code to} not before {@code from}, at most {@code maxDays} days. */
    static Period of(LocalDate from, LocalDate to, int maxDays) {
        if (from == null) {
            throw InvalidRequestException.field("from", "is required (a date like 2026-11-02)");
        }
        if (to == null) {
            throw InvalidRequestException.field("to", "is required (a date like 2026-11-29)");
        }
        if (to.isBefore(from)) {
            throw InvalidRequestException.field("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > maxDays) {
            throw InvalidRequestException.field("to", "the period may be at most " + maxDays + " days");
        }
        return new Period(from, to);
    }

    int days() {
        return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }

    LocalDate day(int index) {
        return from.plusDays(index);
    }

    /** The start of the first day in this time zone. */
    Instant start(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The end of the last day (the start of the day after) in this time zone. */
    Instant end(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
