package org.optreport.site;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The outcome of the latest {@code serve --watch} rebuild, which open pages follow through the event stream. Each
 * outcome has an id that a page carries from the moment it was served, so a page that missed an event while it was
 * reconnecting still learns that the site changed. Ids start with this server's own prefix: a page served by an
 * earlier run of the server reloads when it reconnects to this one.
 */
public final class RebuildStatus {
    private final String instance = UUID.randomUUID().toString().substring(0, 8);
    private long generation;
    private RebuildFailure failure;

    /** The outcome at a moment: its id, and the failure, or null after a success (and before any rebuild). */
    public record Outcome(String id, RebuildFailure failure) {}

    /** The site was rebuilt: open pages reload. */
    public synchronized void succeeded() {
        generation++;
        failure = null;
        notifyAll();
    }

    /** The rebuild failed and the previous site stays: open pages show why until the next success. */
    public synchronized void failed(RebuildFailure why) {
        generation++;
        failure = why;
        notifyAll();
    }

    public synchronized Outcome current() { return new Outcome(id(), failure); }

    /** Waits until the outcome's id is not {@code seen} and returns it, or returns null at {@code deadlineNanos}. */
    synchronized Outcome awaitOtherThan(String seen, long deadlineNanos) throws InterruptedException {
        while (id().equals(seen)) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) return null;
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return current();
    }

    private String id() { return instance + "-" + generation; }
}
