package org.yiyang.shared;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * China's working days: Monday to Friday, less the public holidays, plus the adjusted working days (调休上班) of each
 * loaded year. The schedules are yearly data; a year without one counts plain Monday–Friday and says so.
 */
public final class WorkingDayCalendar {

    /** One year's State Council schedule. */
    public record YearSchedule(int year, Set<LocalDate> holidays, Set<LocalDate> adjustedWorkingDays,
                               PolicyVersion source) {
        public YearSchedule {
            holidays = Set.copyOf(holidays);
            adjustedWorkingDays = Set.copyOf(adjustedWorkingDays);
            for (LocalDate d : holidays) {
                requireYear(year, d);
            }
            for (LocalDate d : adjustedWorkingDays) {
                requireYear(year, d);
                if (holidays.contains(d)) {
                    throw new IllegalArgumentException(d + " is both a holiday and an adjusted working day");
                }
            }
        }

        private static void requireYear(int year, LocalDate d) {
            if (d.getYear() != year) {
                throw new IllegalArgumentException(d + " does not belong to the schedule of " + year);
            }
        }
    }

    /** A computed deadline, with the years whose schedule was missing (plain Monday–Friday was counted there). */
    public record Deadline(LocalDate due, Set<Integer> yearsWithoutSchedule) {
        public boolean isApproximate() {
            return !yearsWithoutSchedule.isEmpty();
        }
    }

    private final Map<Integer, YearSchedule> years = new TreeMap<>();

    public WorkingDayCalendar(Collection<YearSchedule> schedules) {
        for (YearSchedule s : schedules) {
            if (years.put(s.year(), s) != null) {
                throw new IllegalArgumentException("two schedules for " + s.year());
            }
        }
    }

    public Optional<YearSchedule> schedule(int year) {
        return Optional.ofNullable(years.get(year));
    }

    public boolean hasSchedule(int year) {
        return years.containsKey(year);
    }

    public boolean isWorkingDay(LocalDate day) {
        YearSchedule s = years.get(day.getYear());
        if (s != null) {
            if (s.holidays().contains(day)) {
                return false;
            }
            if (s.adjustedWorkingDays().contains(day)) {
                return true;
            }
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /**
     * The day by which something triggered on {@code event} must be done within {@code workingDays} working days: the
     * count starts on the first working day after the event.
     */
    public Deadline deadline(LocalDate event, int workingDays) {
        if (workingDays < 1) {
            throw new IllegalArgumentException("a deadline counts at least one working day");
        }
        var missing = new java.util.TreeSet<Integer>();
        LocalDate day = event;
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (!years.containsKey(day.getYear())) {
                missing.add(day.getYear());
            }
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return new Deadline(day, Set.copyOf(missing));
    }

    /** Working days strictly after {@code from} up to and including {@code to}. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }
}
