package org.optreport.build;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * What a cached result depends on besides its parameters and data: the bytes of the classes that compute it
 * (packages data, linalg, model, experiment, bench) and the versions of the numerical libraries and the Java platform.
 * Any change to those invalidates every cached run, which is the safe direction.
 */
public final class CodeFingerprint {
    private static final List<String> EXPERIMENT_PACKAGES = List.of("org/optreport/data/", "org/optreport/linalg/",
            "org/optreport/model/", "org/optreport/experiment/", "org/optreport/bench/");
    private static final List<String> CHART_PACKAGES = List.of("org/optreport/report/", "org/optreport/site/chart/");
    private static final List<String> LIBRARIES = List.of("org.ejml/ejml-core", "org.ejml/ejml-ddense",
            "com.fasterxml.jackson.core/jackson-databind", "org.apache.commons/commons-csv");

    private static volatile String experiments;
    private static volatile String charts;

    private CodeFingerprint() {}

    /** SHA-256 over the computing classes (sorted by name) and the library versions; computed once per JVM. */
    public static String current() {
        String f = experiments;
        if (f == null) experiments = f = compute(EXPERIMENT_PACKAGES);
        return f;
    }

    /** The same over the classes that turn results into charts (report, site.chart): keys the figure cache. */
    public static String charts() {
        String f = charts;
        if (f == null) charts = f = compute(CHART_PACKAGES);
        return f;
    }

    /** Library and platform versions, for the record in each cache entry. */
    public static TreeMap<String, String> libraryVersions() {
        TreeMap<String, String> versions = new TreeMap<>();
        for (String lib : LIBRARIES) {
            String resource = "/META-INF/maven/" + lib + "/pom.properties";
            try (InputStream in = CodeFingerprint.class.getResourceAsStream(resource)) {
                Properties p = new Properties();
                if (in != null) p.load(in);
                versions.put(lib, p.getProperty("version", "unknown"));
            } catch (IOException e) {
                versions.put(lib, "unknown");
            }
        }
        versions.put("java.specification.version", System.getProperty("java.specification.version"));
        return versions;
    }

    private static String compute(List<String> packages) {
        TreeMap<String, byte[]> classes = new TreeMap<>();
        try {
            Path location = Path.of(CodeFingerprint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location)) {
                    for (Path file : (Iterable<Path>) files::iterator) {
                        String name = location.relativize(file).toString().replace('\\', '/');
                        if (Files.isRegularFile(file) && inPackages(name, packages)) classes.put(name, Files.readAllBytes(file));
                    }
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    for (JarEntry e : (Iterable<JarEntry>) jar.stream()::iterator)
                        if (inPackages(e.getName(), packages))
                            try (InputStream in = jar.getInputStream(e)) { classes.put(e.getName(), in.readAllBytes()); }
                }
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            classes.forEach((name, bytes) -> {
                sha.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update(bytes);
            });
            sha.update(libraryVersions().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException | URISyntaxException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint the experiment code: " + e.getMessage(), e);
        }
    }

    private static boolean inPackages(String name, List<String> packages) {
        return name.endsWith(".class") && packages.stream().anyMatch(name::startsWith);
    }
}
