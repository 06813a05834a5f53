package dev.rebound.classifier.classify;

/**
 * How many characters the regular expressions of one classification may examine, in all and per run: the
 * deadline that keeps a badly backtracking pattern (a user's {@code (a+)+$}) from hanging the classifier. It
 * counts characters, not time, so a classification is deterministic: the same input gives the same verdict on
 * any machine. A run that exceeds its share counts as no match.
 */
final class Budget {

    /** Characters one pattern may examine on one line: ample for linear work on a 2,000-character line. */
    static final int PER_RUN = 200_000;
    /** Characters all patterns together may examine for one classification. */
    static final long PER_CLASSIFICATION = 5_000_000;

    private long remaining;
    private int exceeded;

    Budget(long total) {
        this.remaining = total;
    }

    static Budget standard() {
        return new Budget(PER_CLASSIFICATION);
    }

    boolean exhausted() {
        return remaining <= 0;
    }

    /** How many runs gave up. */
    int exceeded() {
        return exceeded;
    }

    /** The line, counting what a run examines, in {@code reused} (a line no run reads any more). */
    Guarded guard(Guarded reused, String line) {
        reused.reset(line, (int) Math.min(PER_RUN, remaining));
        return reused;
    }

    /** Charges what the run examined. */
    void settle(Guarded guarded) {
        remaining -= guarded.used();
        if (guarded.left < 0) {
            exceeded++;
        }
    }

    /** Thrown (without a stack trace) when a run has examined its share. */
    static final class Exceeded extends RuntimeException {
        private static final Exceeded INSTANCE = new Exceeded();

        private Exceeded() {
            super("regular expression budget exceeded", null, false, false);
        }
    }

    /** A line that counts every character read from it. */
    static final class Guarded implements CharSequence {

        private String line = "";
        private int allowance;
        private int left;

        void reset(String line, int allowance) {
            this.line = line;
            this.allowance = allowance;
            this.left = allowance;
        }

        /** Lets go of the line once the run is over. */
        void release() {
            line = "";
        }

        int used() {
            return allowance - Math.max(left, 0);
        }

        @Override
        public int length() {
            return line.length();
        }

        @Override
        public char charAt(int index) {
            if (--left < 0) {
                throw Exceeded.INSTANCE;
            }
            return line.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return line.subSequence(start, end);
        }

        @Override
        public String toString() {
            return line;
        }
    }
}
