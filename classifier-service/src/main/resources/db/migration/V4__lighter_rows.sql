-- Lighter rows (docs/classifier.md, "Speed"): the classification is kept as written (json, not jsonb: nothing
-- queries inside it, and jsonb parsed and rebuilt every ~1 KiB document on insert); the evidence column only
-- repeated the classification's evidence; a row with a log of a few KiB stays in its page instead of putting the
-- excerpt in the TOAST table (longer logs still go out of line, uncompressed).
alter table classifications drop column evidence;
alter table classifications alter column classification type json using classification::json;
alter table classifications set (toast_tuple_target = 8160);
