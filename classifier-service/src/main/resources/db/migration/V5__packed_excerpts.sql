-- The service stores each new row's redacted log excerpt LZ4-compressed (PackedText: the UTF-8 length in four
-- bytes, then one LZ4 block), about 2.7 times smaller on the benchmark's logs; PostgreSQL's CPU per stored
-- classification fell from about 70 to 41 µs, measured alone (docs/decisions/0012). Rows stored before keep their
-- text in log_excerpt; a row has one of the two, or neither when its event had no log.
alter table classifications add column log_excerpt_lz4 bytea;
-- already compressed: never let PostgreSQL try pglz on it (a long log's packed bytes go out of line as they are)
alter table classifications alter column log_excerpt_lz4 set storage external;
