package org.optreport.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.SimpleRemapper;

/** Copies of the project's classes folder, and the edits to them (made with ASM) that the fingerprint tests make. */
final class ClassFolderCopy {
    private ClassFolderCopy() {}

    /** The folder the project's classes are compiled to (target/classes). */
    static Path projectClasses() { return CodeLocation.of(CodeFingerprint.class); }

    /** A copy of the project's classes folder in a new folder under {@code parent}. */
    static Path of(Path parent) throws IOException {
        Path source = projectClasses(), copy = Files.createTempDirectory(parent, "classes");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) Files.createDirectories(target);
                else Files.copy(file, target);
            }
        }
        return copy;
    }

    /** Gives the class {@code internalName} in {@code folder} one more field, as an edit to its source would. */
    static void addField(Path folder, String internalName, String field) throws IOException {
        Path file = folder.resolve(internalName + ".class");
        ClassWriter writer = new ClassWriter(0);
        new ClassReader(Files.readAllBytes(file)).accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override public void visitEnd() {
                visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC, field, "I", null, null).visitEnd();
                super.visitEnd();
            }
        }, 0);
        Files.write(file, writer.toByteArray());
    }

    /** Renames the class {@code from} to {@code to} (internal names) in every class file of {@code folder}, and moves its file. */
    static void move(Path folder, String from, String to) throws IOException {
        SimpleRemapper rename = new SimpleRemapper(Opcodes.ASM9, Map.of(from, to));
        List<Path> classes;
        try (Stream<Path> files = Files.walk(folder)) {
            classes = files.filter(f -> f.toString().endsWith(".class")).toList();
        }
        for (Path file : classes) {
            ClassWriter writer = new ClassWriter(0);
            new ClassReader(Files.readAllBytes(file)).accept(new ClassRemapper(writer, rename), 0);
            Files.write(file, writer.toByteArray());
        }
        Path moved = folder.resolve(to + ".class");
        Files.createDirectories(moved.getParent());
        Files.move(folder.resolve(from + ".class"), moved);
    }
}
