package dev.quiztutor.bank;

/**
 * What a chat front end can show, checked when a quiz is loaded so that nothing breaks when it is
 * posted. The figures are Discord's (the strictest front end we ship); the console shows anything.
 */
public final class DisplayLimits {
    /** Characters of a button label. A choice option is posted as a button "A. text". */
    public static final int BUTTON_LABEL = 80;
    /** Characters of a select-menu option label. A blanks option is a select entry "A. text". */
    public static final int SELECT_OPTION_LABEL = 100;
    /** Options a select menu can hold, and so options a question may have. */
    public static final int SELECT_OPTIONS = 25;
    /** Rows of components in one message. */
    public static final int ACTION_ROWS = 5;
    /** Buttons in one row. */
    public static final int BUTTONS_PER_ROW = 5;
    /** Blanks in one task: one select row each, and one row for Check / Hint / Show solution. */
    public static final int BLANKS = ACTION_ROWS - 1;
    /** Answer buttons of a choice question: four rows of five, and a row for Hint / Show solution. */
    public static final int CHOICE_BUTTONS = (ACTION_ROWS - 1) * BUTTONS_PER_ROW;
    /** Items of a matching question: one select row each, and one row for Check / Hint / Show solution. */
    public static final int MATCHING_ITEMS = ACTION_ROWS - 1;
    /** Characters of a matching item: it heads its select menu as the placeholder (Discord allows 150). */
    public static final int MATCHING_ITEM = 100;
    /** Characters of a select menu's placeholder. */
    public static final int SELECT_PLACEHOLDER = 150;
    /** Characters of the author's feedback on one answer: it goes with the private reply to that try. */
    public static final int ANSWER_FEEDBACK = 1000;
    /** Characters of an embed's description. */
    public static final int EMBED_DESCRIPTION = 4096;
    /** Characters of an embed's title, and of a field's name. */
    public static final int EMBED_TITLE = 256;
    /** Characters of an embed field's value. */
    public static final int EMBED_FIELD_VALUE = 1024;
    /** Fields of one embed. */
    public static final int EMBED_FIELDS = 25;
    /** Characters of all embeds of one message together. */
    public static final int EMBEDS_TOTAL = 6000;
    /** Characters of a message's plain content. */
    public static final int MESSAGE_CONTENT = 2000;
    /** Characters of a component's custom id, which carries topic and question ids. */
    public static final int CUSTOM_ID = 100;
    /** Characters of a topic or question id: two of them and a small header fit a custom id with room to spare. */
    public static final int ID = 32;
    /** Characters of an autocomplete choice's name, hence of a topic title. */
    public static final int CHOICE_NAME = 100;
    /**
     * Characters the post of a question may use in an embed description (prompt, code fence, option
     * lines), leaving room for the live answer count and the footer.
     */
    public static final int QUESTION_POST = EMBED_DESCRIPTION - 200;
    /** Characters a revealed solution may use: steps, final answer, quick check and mistakes. */
    public static final int SOLUTION = EMBED_DESCRIPTION - 400;

    /**
     * The messages a question appears in with components, each with its own rows (the Discord front
     * end lays them out this way; its tests check that the real messages match).
     */
    public enum Screen {
        PRACTICE_POST("on its practice post", "the answer buttons five to a row, or one menu per blank or item, then"
                + " Hint and Show solution", "use fewer options or blanks"),
        TEST_PAGE("on its topic test page", "the answer buttons five to a row, or one menu per blank or item, then Skip",
                "use fewer options or blanks"),
        LESSON_QUIZ_PAGE("on its lesson quiz page", "the answer buttons five to a row, Hint if it has hints, then"
                + " Previous and Next", "give it at most 15 options, or no hints, or leave it out of lesson.quiz");

        private final String where;
        private final String layout;
        private final String advice;

        Screen(String where, String layout, String advice) {
            this.where = where;
            this.layout = layout;
            this.advice = advice;
        }

        /** Why a question needs too many rows here, and what to change. */
        public String problem(Question q) {
            return "question '" + q.id() + "' needs " + rows(this, q) + " rows of components " + where + " (" + layout
                    + "); a Discord message holds " + ACTION_ROWS + ": " + advice;
        }
    }

    /** Rows of components {@code q} needs on {@code screen}; at most {@link #ACTION_ROWS} fit. */
    public static int rows(Screen screen, Question q) {
        int answers = switch (q.kind()) {
            case CHOICE -> (q.options().size() + BUTTONS_PER_ROW - 1) / BUTTONS_PER_ROW;
            case BLANKS, MATCHING -> q.parts();
            case TRUEFALSE, MULTI, SHORT, NUMERIC -> 1;
        };
        // Tasks answered with menus and Check are read on a lesson page, not answered there: only Previous / Next.
        return switch (screen) {
            case PRACTICE_POST, TEST_PAGE -> answers + 1;
            case LESSON_QUIZ_PAGE -> q.kind().picksParts() ? 1 : answers + (q.hints().isEmpty() ? 0 : 1) + 1;
        };
    }

    private DisplayLimits() {
    }
}
