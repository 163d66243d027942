package dev.quiztutor.bank;

import java.util.List;

/** The worked solution revealed when an attempt ends: numbered steps, the final answer and a quick check. */
public record Solution(List<Step> steps, String answer, String quickCheck) {
    public Solution {
        steps = List.copyOf(steps);
    }

    public boolean hasQuickCheck() {
        return !quickCheck.isEmpty();
    }
}
