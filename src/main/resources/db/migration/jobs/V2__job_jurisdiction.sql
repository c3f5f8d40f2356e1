-- A job belongs to the jurisdiction of the user who started it; system jobs (no user) are city-wide.
alter table job add column jurisdiction_path ltree;
create index job_jurisdiction on job using gist (jurisdiction_path);
