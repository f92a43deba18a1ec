package org.optreport.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShardTest {
    @Test void parseRejectsNonsense() {
        assertEquals(new Shard(2, 4), Shard.parse("2/4"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Shard.parse("5/4")).getMessage().contains("1 <= I <= N"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Shard.parse("two")).getMessage().contains("I/N"));
    }
}
