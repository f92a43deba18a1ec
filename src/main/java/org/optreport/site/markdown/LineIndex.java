package org.optreport.site.markdown;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Character offset to 1-based line number in a text. */
final class LineIndex {
    private final int[] lineStarts;

    LineIndex(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    int lineOf(int offset) {
        int found = Arrays.binarySearch(lineStarts, offset);
        return found >= 0 ? found + 1 : -found - 1;
    }
}
