package org.optreport.build;

import java.nio.file.Path;
import java.util.List;
import org.optreport.errors.InputException;
import org.optreport.experiment.RunRequest;

/**
 * {@code build --require-cached} found runs that are not in the cache: the shards that should have computed them did
 * not (a shard failed or was left out of the merge, or ran other code). Lists the first few.
 */
public final class UncachedRunsException extends InputException {
    private static final int LISTED = 5;

    public UncachedRunsException(Path cache, int runs, List<RunRequest> missing) {
        super("--require-cached: " + missing.size() + " of " + runs + " runs " + (missing.size() == 1 ? "is" : "are") + " not in the cache " + cache
                + ", so no shard computed " + (missing.size() == 1 ? "it" : "them") + " (a shard failed or was not merged, or ran other code): "
                + String.join("; ", missing.stream().limit(LISTED).map(RunRequest::toString).toList())
                + (missing.size() > LISTED ? "; and " + (missing.size() - LISTED) + " more" : "")
                + ". Nothing was computed; merge every shard's cache, or build without --require-cached.");
    }
}
