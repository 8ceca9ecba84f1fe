package org.teamfinder.skills.domain.skill;

/**
 * How many typos a typed text may have and still find a name, as search engines count them (Meilisearch,
 * Algolia): none below 5 characters, one from 5, two from 9. A typo is one character inserted, removed,
 * replaced, or two neighbours swapped ("Pyhton"): the optimal string alignment distance.
 */
public final class Typos {

    private Typos() {
    }

    /** The typos a text of this many characters may have. */
    public static int allowed(String text) {
        int length = text.codePointCount(0, text.length());
        return length >= 9 ? 2 : length >= 5 ? 1 : 0;
    }

    /** The optimal string alignment distance between two texts, by code point; {@code limit + 1} once it exceeds {@code limit}. */
    public static int distance(String a, String b, int limit) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        if (Math.abs(x.length - y.length) > limit) {
            return limit + 1;
        }
        int[][] d = new int[x.length + 1][y.length + 1];
        for (int i = 0; i <= x.length; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= y.length; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= x.length; i++) {
            int best = Integer.MAX_VALUE;
            for (int j = 1; j <= y.length; j++) {
                int cost = x[i - 1] == y[j - 1] ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1]) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
                best = Math.min(best, d[i][j]);
            }
            if (best > limit) {
                return limit + 1;
            }
        }
        return Math.min(d[x.length][y.length], limit + 1);
    }
}
