package org.optreport.build;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What a fingerprinted closure runs on outside its code location: the libraries it calls, each standing for all its
 * classes by its version, and the JVM.
 */
final class RuntimeVersions {
    /** A library found by its package, and where its version is read. */
    private record Library(String name, String packagePrefix, Supplier<String> version) {}

    /**
     * The libraries whose code computes results or draws them. A library's own dependencies either share its prefix
     * (EJML's modules, Jackson's core under databind) or are pinned by its version (the commons-math3 that computes
     * JMH's score errors). A test checks that everything else the project's closures reach outside their location
     * belongs to the JDK.
     */
    private static final List<Library> LIBRARIES = List.of(
            // EJML's jars carry no Maven record; all its modules are released together under one version
            new Library("ejml", "org/ejml/", () -> constant("org.ejml.EjmlVersion", "VERSION") + " " + constant("org.ejml.EjmlVersion", "GIT_SHA")),
            new Library("jackson", "com/fasterxml/jackson/",
                    () -> maven("com.fasterxml.jackson.core/jackson-core") + " " + maven("com.fasterxml.jackson.core/jackson-databind")),
            new Library("commons-csv", "org/apache/commons/csv/", () -> maven("org.apache.commons/commons-csv")),
            // the edit distance behind "did you mean" in the errors of a data file's unknown column
            new Library("commons-text", "org/apache/commons/text/", () -> maven("org.apache.commons/commons-text")),
            new Library("jmh", "org/openjdk/jmh/", () -> maven("org.openjdk.jmh/jmh-core")),
            // the benchmarks' DGEMM yardstick: the binding's version names the OpenBLAS build it bundles
            new Library("openblas", "org/bytedeco/", () -> maven("org.bytedeco/openblas") + " " + maven("org.bytedeco/javacpp")),
            // its jar records no version: its classes' bytes stand for it (the SVG figures)
            new Library("vectorgraphics2d", "de/erichseifert/vectorgraphics2d/",
                    () -> classesDigest("de/erichseifert/vectorgraphics2d/", "de/erichseifert/vectorgraphics2d/VectorGraphics2D.class")));

    /**
     * The JVM a result was computed on. Not just the specification version: Math's exp, log, pow and trigonometric
     * functions may round differently from one VM build or processor architecture to the next (their specification
     * allows an ulp of error, and HotSpot computes them with per-architecture intrinsics), and Java2D's rendering of
     * a chart changes with the JDK. Results are reused only on the VM build and architecture that computed them; a
     * JDK update recomputes everything once, the safe direction.
     */
    private static final List<String> JVM_PROPERTIES = List.of("java.vm.name", "java.vm.version", "os.arch");

    static final String UNKNOWN = "unknown";

    private RuntimeVersions() {}

    /** The versions of the libraries among {@code classNames} (internal names) and of the JVM, by name. */
    static SortedMap<String, String> of(Collection<String> classNames) {
        SortedMap<String, String> versions = new TreeMap<>();
        for (Library library : LIBRARIES)
            if (classNames.stream().anyMatch(name -> name.startsWith(library.packagePrefix())))
                versions.put(library.name(), library.version().get());
        for (String property : JVM_PROPERTIES) versions.put(property, System.getProperty(property, UNKNOWN));
        return versions;
    }

    /** Whether {@code className} (an internal name) belongs to one of the libraries covered by their versions. */
    static boolean inLibrary(String className) {
        return LIBRARIES.stream().anyMatch(library -> className.startsWith(library.packagePrefix()));
    }

    /** The version Maven recorded in the artifact's jar (the shaded jar keeps every dependency's record). */
    private static String maven(String artifact) {
        try (InputStream in = RuntimeVersions.class.getResourceAsStream("/META-INF/maven/" + artifact + "/pom.properties")) {
            if (in == null) return UNKNOWN;
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", UNKNOWN);
        } catch (IOException e) {
            return UNKNOWN;
        }
    }

    /**
     * For a library without a version record: a digest of all its classes under {@code prefix}, read from the jar that
     * holds {@code probe} (the library's own jar, or the application jar it is packed into: only its entries count).
     */
    private static String classesDigest(String prefix, String probe) {
        java.net.URL url = RuntimeVersions.class.getClassLoader().getResource(probe);
        if (url == null || !url.getProtocol().equals("jar")) return UNKNOWN;
        try {
            java.net.JarURLConnection connection = (java.net.JarURLConnection) url.openConnection();
            connection.setUseCaches(false);
            try (java.util.jar.JarFile jar = connection.getJarFile()) {
                java.security.MessageDigest sha = org.optreport.files.Sha256.digest();
                List<java.util.jar.JarEntry> entries = jar.stream().filter(e -> e.getName().startsWith(prefix) && e.getName().endsWith(".class"))
                        .sorted(java.util.Comparator.comparing(java.util.jar.JarEntry::getName)).toList();
                for (java.util.jar.JarEntry entry : entries) {
                    sha.update(entry.getName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    try (InputStream in = jar.getInputStream(entry)) {
                        sha.update(in.readAllBytes());
                    }
                }
                return entries.isEmpty() ? UNKNOWN : "classes " + org.optreport.files.Sha256.finish(sha).substring(0, 16);
            }
        } catch (IOException e) {
            return UNKNOWN;
        }
    }

    /** A library's version constant, read from the class at run time (javac would inline the compile-time value). */
    private static String constant(String className, String field) {
        try {
            return String.valueOf(Class.forName(className, false, RuntimeVersions.class.getClassLoader()).getField(field).get(null));
        } catch (ReflectiveOperationException e) {
            return UNKNOWN;
        }
    }
}
