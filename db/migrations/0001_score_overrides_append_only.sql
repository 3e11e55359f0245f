-- The score-override audit trail is append-only: graders and instructors add rows, nobody edits history.
CREATE FUNCTION score_overrides_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'score_overrides is append-only (% rejected)', TG_OP;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER score_overrides_append_only BEFORE UPDATE OR DELETE ON score_overrides
  FOR EACH ROW EXECUTE FUNCTION score_overrides_reject_change();
