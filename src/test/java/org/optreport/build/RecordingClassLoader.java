package org.optreport.build;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fresh class loader that defines the classes of some folders itself, child first, and records each class it
 * defines from the {@code recorded} folder. Everything else (JDK, libraries) comes from the parent. What a piece of
 * code loads from the project is then observed, not derived from its class files.
 */
final class RecordingClassLoader extends URLClassLoader {
    private final Path recorded;
    private final Path[] folders;
    private final Set<String> loaded = ConcurrentHashMap.newKeySet();

    /** Defines the classes of {@code recorded} and of {@code others} (a test's helpers); records those of {@code recorded}. */
    RecordingClassLoader(Path recorded, Path... others) {
        super(urls(recorded, others), RecordingClassLoader.class.getClassLoader());
        this.recorded = recorded;
        this.folders = prepend(recorded, others);
    }

    /** The internal names of the classes defined from the recorded folder so far. */
    SortedSet<String> loaded() { return new TreeSet<>(loaded); }

    @Override protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> type = findLoadedClass(name);
            String file = name.replace('.', '/') + ".class";
            if (type == null && ownsClass(file)) {
                type = findClass(name);
                if (Files.isRegularFile(recorded.resolve(file))) loaded.add(name.replace('.', '/'));
            }
            if (type == null) return super.loadClass(name, resolve);
            if (resolve) resolveClass(type);
            return type;
        }
    }

    private boolean ownsClass(String file) {
        for (Path folder : folders) if (Files.isRegularFile(folder.resolve(file))) return true;
        return false;
    }

    private static Path[] prepend(Path first, Path... rest) {
        Path[] all = new Path[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static URL[] urls(Path first, Path... rest) {
        Path[] all = prepend(first, rest);
        URL[] urls = new URL[all.length];
        try {
            for (int i = 0; i < all.length; i++) urls[i] = all[i].toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
        return urls;
    }
}
