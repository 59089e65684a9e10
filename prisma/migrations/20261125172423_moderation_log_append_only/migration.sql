-- The moderation log is append-only: updating or deleting an entry is refused by the database itself.
-- (The hash chain still exposes tampering by anyone able to disable these triggers: see scripts/verify-log.ts.)
CREATE FUNCTION "moderation_action_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'The moderation log is append-only: % is not allowed on "ModerationAction".', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "ModerationAction_append_only"
  BEFORE UPDATE OR DELETE ON "ModerationAction"
  FOR EACH ROW EXECUTE FUNCTION "moderation_action_append_only"();

CREATE TRIGGER "ModerationAction_no_truncate"
  BEFORE TRUNCATE ON "ModerationAction"
  FOR EACH STATEMENT EXECUTE FUNCTION "moderation_action_append_only"();
