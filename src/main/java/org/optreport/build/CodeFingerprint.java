package org.optreport.build;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a cached result depends on besides its parameters and data: the code that computes it. That code is found,
 * not listed: from a few root classes (an experiment's {@code codeRoots()}), every type reference in the class files
 * is followed through the project's code location, the classes folder or jar, whatever the package. The fingerprint
 * is the SHA-256 of those classes' names and bytes, and of the versions of the libraries they call and of the JVM
 * (which stand for the code outside the project, {@link RuntimeVersions}). Editing a class changes the fingerprints
 * of exactly the roots that reach it, in whatever package it is.
 */
public final class CodeFingerprint {
    private static final class Running {
        static final CodeFingerprint INSTANCE = new CodeFingerprint(CodeLocation.of(CodeFingerprint.class));
    }

    private final CodeLocation location;
    private final Map<Path, CodeLocation> rootLocations = new ConcurrentHashMap<>();
    private final Map<List<String>, String> byRoots = new ConcurrentHashMap<>();

    private CodeFingerprint(Path location) { this.location = new CodeLocation(location); }

    /** Over the running code's location (target/classes, or the jar); memoized for the life of the JVM. */
    public static CodeFingerprint running() { return Running.INSTANCE; }

    /** Over the classes folder or jar at {@code location}. */
    public static CodeFingerprint at(Path location) { return new CodeFingerprint(location); }

    /** The fingerprint of the code {@code roots} reach; computed once per set of roots. */
    public String of(Collection<Class<?>> roots) {
        List<String> names = List.copyOf(new TreeSet<>(roots.stream().map(CodeFingerprint::internalName).toList()));
        return byRoots.computeIfAbsent(names, n -> digest(closure(roots)));
    }

    /**
     * The classes {@code roots} reach. A root outside this location (an experiment a test defines) is read, with what
     * it reaches, from the location it was loaded from, after this one.
     */
    ClassClosure closure(Collection<Class<?>> roots) {
        List<CodeLocation> search = new ArrayList<>(List.of(location));
        for (Class<?> root : roots) {
            if (location.facts(internalName(root)).isPresent()) continue;
            CodeLocation own = rootLocations.computeIfAbsent(CodeLocation.of(root), CodeLocation::new);
            if (!search.contains(own)) search.add(own);
        }
        ClassClosure closure = ClassClosure.of(roots.stream().map(CodeFingerprint::internalName).toList(), search);
        for (Class<?> root : roots)
            if (!closure.classes().containsKey(internalName(root)))
                throw new IllegalStateException("cannot fingerprint " + root.getName() + ": its class file is neither in "
                        + location.path() + " nor where it was loaded from");
        return closure;
    }

    private static String digest(ClassClosure closure) {
        MessageDigest sha = sha256();
        closure.classes().forEach((name, classSha) -> update(sha, "class " + name + " " + classSha + "\n"));
        List<String> referenced = new ArrayList<>(closure.classes().keySet());
        referenced.addAll(closure.outside());
        RuntimeVersions.of(referenced).forEach((name, version) -> update(sha, "runtime " + name + " " + version + "\n"));
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void update(MessageDigest sha, String line) { sha.update(line.getBytes(StandardCharsets.UTF_8)); }

    private static String internalName(Class<?> type) { return type.getName().replace('.', '/'); }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
