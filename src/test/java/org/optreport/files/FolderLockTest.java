package org.optreport.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderLockTest {
    @TempDir Path dir;

    @Test void aSecondHolderWaitsSayingSoUntilTheFirstReleases() throws Exception {
        Path lockFile = dir.resolve(".lock");
        List<String> said = new CopyOnWriteArrayList<>();
        CountDownLatch acquired = new CountDownLatch(1);
        Thread second;
        try (FolderLock first = FolderLock.acquire(lockFile, "the site", said::add)) {
            second = new Thread(() -> {
                try (FolderLock lock = FolderLock.acquire(lockFile, "the site", said::add)) {
                    acquired.countDown();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            second.start();
            assertFalse(acquired.await(300, TimeUnit.MILLISECONDS), "the second holder must wait");
        }
        assertTrue(acquired.await(10, TimeUnit.SECONDS), "and get the lock once the first released it");
        second.join();
        assertEquals(1, said.size());
        assertTrue(said.get(0).contains("waiting for another build that uses the site"), said.toString());
    }
}
