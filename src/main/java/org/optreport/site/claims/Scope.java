package org.optreport.site.claims;

import java.util.HashMap;
import java.util.Map;

/** What a claim is evaluated in: the numbers, and inside a quantifier the member each of its families stands for. */
record Scope(Numbers numbers, Map<Family, String> members) {

    static Scope of(Numbers numbers) { return new Scope(numbers, Map.of()); }

    Scope with(Map<Family, String> more) {
        Map<Family, String> all = new HashMap<>(members);
        all.putAll(more);
        return new Scope(numbers, all);
    }

    double number(String name) {
        return numbers.number(name).orElseThrow(() -> UnknownNumberException.named(name));
    }

    /** The full name a family stands for here. */
    String nameOf(Family family) {
        String member = members.get(family);
        if (member == null) throw new IllegalStateException(family.pattern() + " is used outside its quantifier");
        return family.name(member);
    }

    /** {@code source} with each family written as the number it stands for, so a message names real numbers. */
    String fillIn(String source) {
        String text = source;
        for (Map.Entry<Family, String> member : members.entrySet())
            text = text.replace(member.getKey().pattern(), member.getKey().name(member.getValue()));
        return text;
    }
}
