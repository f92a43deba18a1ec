package org.optreport.build;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.optreport.build.CodeLocation.ClassFacts;

/**
 * The classes some roots can reach by following type references through class files, found in code locations
 * searched in order, with the digest of each; and the names reached that are not followed: the JDK's, and the
 * libraries' that their versions stand for ({@link RuntimeVersions}), even where the location holds them (the
 * shaded jar), so that the jar and the classes folder give the same closure.
 *
 * @param classes internal name to the SHA-256 of its class file, for every class reached inside the locations
 * @param outside the internal names referred to but not followed
 */
record ClassClosure(SortedMap<String, String> classes, SortedSet<String> outside) {
    static ClassClosure of(Collection<String> roots, List<CodeLocation> locations) {
        SortedMap<String, String> classes = new TreeMap<>();
        SortedSet<String> outside = new TreeSet<>();
        Set<String> seen = new HashSet<>(roots);
        Deque<String> pending = new ArrayDeque<>(seen);
        while (!pending.isEmpty()) {
            String name = pending.pop();
            Optional<ClassFacts> facts = RuntimeVersions.inLibrary(name) ? Optional.empty() : find(name, locations);
            if (facts.isEmpty()) {
                outside.add(name);
                continue;
            }
            classes.put(name, facts.get().sha256());
            for (String reference : facts.get().references()) if (seen.add(reference)) pending.push(reference);
        }
        return new ClassClosure(classes, outside);
    }

    private static Optional<ClassFacts> find(String name, List<CodeLocation> locations) {
        for (CodeLocation location : locations) {
            Optional<ClassFacts> facts = location.facts(name);
            if (facts.isPresent()) return facts;
        }
        return Optional.empty();
    }
}
