package org.optreport.build;

import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;

/**
 * Every type a class file names: its constant pool's class entries and, through ASM's {@link ClassRemapper}, which
 * hands each type name to its {@link Remapper}, every descriptor, generic signature, annotation (values included),
 * instruction operand, stack-map frame, inner-class and nest entry, and invokedynamic bootstrap method and argument
 * (lambdas, method references). The class's own name is left out.
 */
final class ClassReferences {
    /** JVMS 4.4.1: the tag of a CONSTANT_Class_info entry. */
    private static final int CONSTANT_CLASS = 7;

    private ClassReferences() {}

    /** The internal names ({@code java/util/List}) of the types {@code classFile} refers to. */
    static Set<String> of(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        Set<String> names = new TreeSet<>();
        addConstantPoolClasses(reader, names);
        Remapper recorder = new Remapper(Opcodes.ASM9) {
            @Override public String map(String internalName) {
                names.add(internalName);
                return internalName;
            }
        };
        // the writer only gives the remapper visitors to descend into every member and method body; its output is dropped
        reader.accept(new ClassRemapper(new ClassWriter(0), recorder), 0);
        names.remove(reader.getClassName());
        return Set.copyOf(names);
    }

    /** Class entries no instruction uses are still references (and cost nothing to follow). */
    private static void addConstantPoolClasses(ClassReader reader, Set<String> names) {
        char[] buffer = new char[reader.getMaxStringLength()];
        for (int item = 1; item < reader.getItemCount(); item++) {
            int offset = reader.getItem(item); // 0 for the unusable slot after a long or double
            if (offset == 0 || reader.readByte(offset - 1) != CONSTANT_CLASS) continue;
            Type type = Type.getObjectType(reader.readUTF8(offset, buffer));
            if (type.getSort() == Type.ARRAY) type = type.getElementType();
            if (type.getSort() == Type.OBJECT) names.add(type.getInternalName());
        }
    }
}
