package org.optreport.site.claims;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/** The numbers claims are checked against, by full name ({@code study.name}). */
public interface Numbers {
    /** The number called {@code name}, if there is one. */
    OptionalDouble number(String name);

    /** The full names of all numbers of {@code study}: what a family such as {@code study.name.*} ranges over. */
    Set<String> names(String study);

    /** Numbers from a map of full names, e.g. for tests. */
    static Numbers of(Map<String, Double> numbers) {
        return new Numbers() {
            @Override public OptionalDouble number(String name) {
                Double value = numbers.get(name);
                return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
            }

            @Override public Set<String> names(String study) {
                Set<String> names = new TreeSet<>();
                for (String name : numbers.keySet()) if (name.startsWith(study + ".")) names.add(name);
                return names;
            }
        };
    }
}
