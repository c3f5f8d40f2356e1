package org.yiyang.jobs;

/** Where a job stands. */
public enum JobStatus {
    RUNNING, SUCCEEDED, FAILED
}
