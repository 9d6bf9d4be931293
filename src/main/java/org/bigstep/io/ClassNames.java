package org.bigstep.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Names for the classes of a multi-class set. A class is given by its number or by a name; names match
 * ignoring case and any character that is not a letter or digit, so {@code T-shirt/top}, {@code tshirt}
 * and {@code t_shirt} are the same.
 */
public final class ClassNames {

    /** Fashion-MNIST's ten classes, canonical spelling first, then accepted aliases. */
    public static final ClassNames FASHION_MNIST = new ClassNames(List.of(
            List.of("t-shirt/top", "t-shirt", "top"),
            List.of("trouser", "trousers"),
            List.of("pullover"),
            List.of("dress"),
            List.of("coat"),
            List.of("sandal"),
            List.of("shirt"),
            List.of("sneaker"),
            List.of("bag"),
            List.of("ankle-boot", "boot")));

    /** CIFAR-10's ten classes (batches.meta.txt order). */
    public static final ClassNames CIFAR10 = new ClassNames(List.of(
            List.of("airplane", "plane"),
            List.of("automobile", "car"),
            List.of("bird"),
            List.of("cat"),
            List.of("deer"),
            List.of("dog"),
            List.of("frog"),
            List.of("horse"),
            List.of("ship"),
            List.of("truck")));

    /** Classes known only by number. */
    public static final ClassNames NUMBERS = new ClassNames(List.of());

    private final List<String> canonical;
    private final Map<String, Integer> byKey;

    private ClassNames(List<List<String>> names) {
        this.canonical = new ArrayList<>();
        this.byKey = new LinkedHashMap<>();
        for (int k = 0; k < names.size(); k++) {
            canonical.add(names.get(k).get(0));
            for (String alias : names.get(k)) {
                byKey.put(key(alias), k);
            }
        }
    }

    /** The canonical name of class k, or its number when it has none. */
    public String name(int k) {
        return k >= 0 && k < canonical.size() ? canonical.get(k) : Integer.toString(k);
    }

    /** The canonical names, in class order (empty for number-only classes). */
    public List<String> names() {
        return List.copyOf(canonical);
    }

    /**
     * The class a user wrote: a number 0..classCount-1 or a name.
     *
     * @throws IllegalArgumentException naming the accepted names
     */
    public int parse(String text, int classCount) {
        String t = text.trim();
        if (!t.isEmpty() && t.chars().allMatch(Character::isDigit)) {
            try {
                int k = Integer.parseInt(t);
                if (k < classCount) {
                    return k;
                }
            } catch (NumberFormatException e) {
                // too large: reported below
            }
            throw new IllegalArgumentException("class " + t + " does not exist; expected a number 0.." + (classCount - 1)
                    + (canonical.isEmpty() ? "" : " or one of " + String.join(", ", canonical)));
        }
        Integer k = byKey.get(key(t));
        if (k == null || k >= classCount) {
            throw new IllegalArgumentException("unknown class '" + text + "'; expected a number 0.." + (classCount - 1)
                    + (canonical.isEmpty() ? "" : " or one of " + String.join(", ", canonical)));
        }
        return k;
    }

    private static String key(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }
}
