package org.yiyang.jobs;

/** One rejected row of a bulk job: row number (1 = first data row), field and reason code. */
public record Rejection(long rowNo, String field, String code) {
}
