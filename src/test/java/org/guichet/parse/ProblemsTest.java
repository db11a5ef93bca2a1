package org.guichet.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemsTest {

    @Test
    void keepsAtMostFiftyDistinctSentencesTheLastSayingMoreWereLeftOut() {
        Problems problems = new Problems();
        for (int i = 0; i < 80; i++) {
            problems.add("Problem " + i + ".");
            problems.add("Problem " + i + ".");
        }

        assertThat(problems.list()).hasSize(InboundMail.MAX_PROBLEMS)
                .startsWith("Problem 0.", "Problem 1.")
                .endsWith("Problem 48.", Problems.LEFT_OUT);
    }
}
