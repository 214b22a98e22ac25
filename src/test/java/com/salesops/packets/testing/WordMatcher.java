package com.salesops.packets.testing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;

/**
 * Finds many strings in a text in one pass (Aho–Corasick), so a packet can be searched for hundreds of
 * outside names and thousands of outside booking ids in the time of reading it once. A hit counts only
 * as a whole word: the characters on either side must not be letters or digits, so booking id
 * {@code BK-ODD-1} is not found in {@code BK-ODD-12}, nor the name "Li Na" in "Li Nakamura".
 */
public final class WordMatcher {

    /** A needle found in a text, at {@code start}. */
    public record Hit(String needle, int start) {
    }

    private static final class Node {
        final Map<Character, Node> next = new HashMap<>();
        Node fail;
        /** Needles ending here, including those reached through the fail links. */
        final List<String> out = new ArrayList<>();
    }

    private final Node root = new Node();
    private final int size;

    private WordMatcher(Collection<String> needles) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String n : needles) {
            if (n != null && !n.isEmpty()) {
                distinct.add(n);
            }
        }
        for (String needle : distinct) {
            Node node = root;
            for (int i = 0; i < needle.length(); i++) {
                node = node.next.computeIfAbsent(needle.charAt(i), c -> new Node());
            }
            node.out.add(needle);
        }
        size = distinct.size();
        // breadth first: a node's fail link is the longest proper suffix of its path that is also a prefix
        Queue<Node> queue = new ArrayDeque<>();
        for (Node child : root.next.values()) {
            child.fail = root;
            queue.add(child);
        }
        while (!queue.isEmpty()) {
            Node node = queue.remove();
            for (Map.Entry<Character, Node> e : node.next.entrySet()) {
                Node child = e.getValue();
                Node f = node.fail;
                while (f != null && !f.next.containsKey(e.getKey())) {
                    f = f.fail;
                }
                child.fail = f == null ? root : f.next.get(e.getKey());
                child.out.addAll(child.fail.out);
                queue.add(child);
            }
        }
    }

    public static WordMatcher of(Collection<String> needles) {
        return new WordMatcher(needles);
    }

    /** How many distinct needles it looks for. */
    public int size() {
        return size;
    }

    /** Every whole-word occurrence of every needle, in the order they end in the text. */
    public List<Hit> find(CharSequence text) {
        List<Hit> hits = new ArrayList<>();
        Node node = root;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            while (node != root && !node.next.containsKey(c)) {
                node = node.fail;
            }
            node = node.next.getOrDefault(c, root);
            for (String needle : node.out) {
                int start = i + 1 - needle.length();
                if (!wordCharAt(text, start - 1) && !wordCharAt(text, i + 1)) {
                    hits.add(new Hit(needle, start));
                }
            }
        }
        return hits;
    }

    private static boolean wordCharAt(CharSequence text, int i) {
        return i >= 0 && i < text.length() && Character.isLetterOrDigit(text.charAt(i));
    }
}
