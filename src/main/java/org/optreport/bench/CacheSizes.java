package org.optreport.bench;

import org.optreport.host.Machine;

/**
 * The data cache sizes of the first CPU (Linux sysfs), for sizing the bandwidth benchmark's working sets; where the
 * machine does not report them, typical sizes of a current server core (32 KiB, 1 MiB, 32 MiB).
 */
record CacheSizes(long l1, long l2, long l3) {
    static CacheSizes ofThisMachine() {
        long l1 = 32 << 10, l2 = 1 << 20, l3 = 32 << 20;
        for (Machine.Cache cache : Machine.dataCaches()) {
            if (cache.level() == 1) l1 = cache.bytes();
            else if (cache.level() == 2) l2 = cache.bytes();
            else if (cache.level() == 3) l3 = cache.bytes();
        }
        return new CacheSizes(l1, l2, l3);
    }
}
