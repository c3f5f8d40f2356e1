-- Extensions every module may rely on: region paths, distances, name search.
create extension if not exists ltree;
create extension if not exists cube;
create extension if not exists earthdistance;
create extension if not exists pg_trgm;
