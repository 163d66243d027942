-- Question types beyond choice and blanks (issue 11): attempts at true/false, multiple-response,
-- short-answer, numeric and matching questions. Typed answers are stored in `response` as "=" and the
-- text; true/false as "true" or "false" (see Codes.java).
ALTER TABLE attempt_event DROP CONSTRAINT attempt_event_kind_check;
ALTER TABLE attempt_event ADD CONSTRAINT attempt_event_kind_check
    CHECK (kind IN ('choice', 'blanks', 'truefalse', 'multi', 'short', 'numeric', 'matching'));
