package org.optreport.build;

/**
 * The I-th of N parts of a sweep ({@code --shard I/N}, 1-based). Which runs belong to it is decided by
 * {@link ShardPlan}, by expected cost.
 */
public record Shard(int index, int count) {
    public Shard {
        if (count < 1 || index < 1 || index > count)
            throw new IllegalArgumentException("shard must be I/N with 1 <= I <= N, got " + index + "/" + count);
    }

    public static Shard parse(String text) {
        String[] parts = text.trim().split("/");
        try {
            if (parts.length == 2) return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("shard must look like I/N (for example 2/4), got '" + text + "'");
    }

    @Override public String toString() { return index + "/" + count; }
}
