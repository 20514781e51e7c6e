package io.github.entitymigrations.schema;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * An immutable list kept sorted by one order, whose edited copies ({@link #with}, {@link #without}) share all
 * but one small chunk with it. A replay takes the schema after every operation: with a plain list each of those
 * copies a list of every table, so a long history cost time quadratic in its size; here an edit copies one chunk
 * and the chunk index, and {@link Schema} takes the list as it is (it is sorted by {@link Schema}'s own order).
 */
public final class OrderedList<T> extends AbstractList<T> implements RandomAccess {

    /** Items per chunk, at most twice that before a chunk is split. */
    private static final int CHUNK = 64;

    private final Comparator<? super T> order;
    /** The key {@link #matching} finds items by, or {@code null}. */
    private final Function<? super T, String> indexKey;
    private final Object[][] chunks;
    /**
     * Per chunk, its items' positions in it by index key, built when first asked for and shared by every list
     * that shares the chunk (a lookup then probes one small map per chunk instead of reading every item).
     */
    private final Index[] indexes;
    /** {@code ends[i]}: how many items chunks 0..i hold. */
    private final int[] ends;

    private OrderedList(Comparator<? super T> order, Function<? super T, String> indexKey, Object[][] chunks,
                        Index[] indexes) {
        this.order = order;
        this.indexKey = indexKey;
        this.chunks = chunks;
        this.indexes = indexes == null ? new Index[chunks.length] : indexes;
        for (int i = 0; i < this.indexes.length; i++) {
            if (this.indexes[i] == null) {
                this.indexes[i] = new Index();
            }
        }
        this.ends = new int[chunks.length];
        int n = 0;
        for (int i = 0; i < chunks.length; i++) {
            n += chunks[i].length;
            ends[i] = n;
        }
    }

    /** {@code items} sorted by {@code order} (a stable sort, as {@link Schema} sorts), found by {@code indexKey}. */
    public static <T> OrderedList<T> of(Comparator<? super T> order, Function<? super T, String> indexKey,
                                        List<? extends T> items) {
        Object[] all = items.toArray();
        for (Object o : all) {
            java.util.Objects.requireNonNull(o);
        }
        @SuppressWarnings("unchecked")
        Comparator<Object> c = (Comparator<Object>) order;
        Arrays.sort(all, c);
        List<Object[]> chunks = new ArrayList<>();
        for (int from = 0; from < all.length; from += CHUNK) {
            chunks.add(Arrays.copyOfRange(all, from, Math.min(all.length, from + CHUNK)));
        }
        return new OrderedList<>(order, indexKey, chunks.toArray(new Object[0][]), null);
    }

    /** The order this list is sorted by. */
    public Comparator<? super T> order() {
        return order;
    }

    /** The key {@link #matching} finds items by. */
    public Function<? super T, String> indexKey() {
        return indexKey;
    }

    /** The items whose index key is {@code key}, in order. */
    @SuppressWarnings("unchecked")
    public List<T> matching(String key) {
        List<T> result = new ArrayList<>(1);
        int hash = key.hashCode();
        for (int c = 0; c < chunks.length; c++) {
            Probe probe = indexes[c].probe;
            if (probe == null) {
                String[] keys = indexes[c].keys;
                probe = new Probe(keys != null ? keys : keys(chunks[c], (Function<Object, String>) indexKey));
                indexes[c].probe = probe;
            }
            probe.collect(key, hash, chunks[c], (List<Object>) result);
        }
        return result;
    }

    @Override
    public int size() {
        return ends.length == 0 ? 0 : ends[ends.length - 1];
    }

    @Override
    @SuppressWarnings("unchecked")
    public T get(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("Index " + index + " out of bounds for length " + size());
        }
        int chunk = chunkOf(index);
        return (T) chunks[chunk][index - start(chunk)];
    }

    /**
     * This list with {@code item} added where the order puts it; an item the order deems equal to it (the same
     * name) is replaced.
     */
    public OrderedList<T> with(T item) {
        java.util.Objects.requireNonNull(item);
        if (chunks.length == 0) {
            return new OrderedList<>(order, indexKey, new Object[][] {{item}}, null);
        }
        int at = search(item);
        boolean replace = at >= 0;
        int position = replace ? at : -at - 1;
        int chunk = position == size() ? chunks.length - 1 : chunkOf(position);
        Object[] old = chunks[chunk];
        int offset = position - start(chunk);
        Object[] edited;
        if (replace) {
            edited = old.clone();
            edited[offset] = item;
        } else {
            edited = new Object[old.length + 1];
            System.arraycopy(old, 0, edited, 0, offset);
            edited[offset] = item;
            System.arraycopy(old, offset, edited, offset + 1, old.length - offset);
        }
        if (edited.length <= 2 * CHUNK) {
            return replaced(chunk, edited, offset, replace ? 0 : 1);
        }
        Object[][] copy = new Object[chunks.length + 1][];
        System.arraycopy(chunks, 0, copy, 0, chunk);
        copy[chunk] = Arrays.copyOfRange(edited, 0, CHUNK);
        copy[chunk + 1] = Arrays.copyOfRange(edited, CHUNK, edited.length);
        System.arraycopy(chunks, chunk + 1, copy, chunk + 2, chunks.length - chunk - 1);
        return new OrderedList<>(order, indexKey, copy, spliced(chunk, 1, 2));
    }

    /** This list without the item the order deems equal to {@code item}; this list when there is none. */
    public OrderedList<T> without(T item) {
        int at = search(item);
        if (at < 0) {
            return this;
        }
        int chunk = chunkOf(at);
        Object[] old = chunks[chunk];
        int offset = at - start(chunk);
        if (old.length == 1) {
            Object[][] copy = new Object[chunks.length - 1][];
            System.arraycopy(chunks, 0, copy, 0, chunk);
            System.arraycopy(chunks, chunk + 1, copy, chunk, chunks.length - chunk - 1);
            return new OrderedList<>(order, indexKey, copy, spliced(chunk, 1, 0));
        }
        Object[] edited = new Object[old.length - 1];
        System.arraycopy(old, 0, edited, 0, offset);
        System.arraycopy(old, offset + 1, edited, offset, old.length - offset - 1);
        return replaced(chunk, edited, offset, -1);
    }

    /**
     * This list with chunk {@code chunk} replaced by {@code edited}, which is the old chunk with its item at
     * {@code offset} replaced ({@code change} 0), one inserted there (1) or removed (-1); the other chunks' indexes
     * are kept, and the edited chunk's keys are carried over from the old one's where it has them, so that only
     * the new item's key is computed.
     */
    private OrderedList<T> replaced(int chunk, Object[] edited, int offset, int change) {
        Object[][] copy = chunks.clone();
        copy[chunk] = edited;
        Index[] kept = indexes.clone();
        Probe probe = indexes[chunk].probe;
        String[] old = probe != null ? probe.keys : indexes[chunk].keys;
        kept[chunk] = old == null ? null : new Index(carriedKeys(old, edited, offset, change));
        return new OrderedList<>(order, indexKey, copy, kept);
    }

    /** The keys of {@code edited} from those of the chunk it was edited from ({@code old}), as {@link #replaced}. */
    @SuppressWarnings("unchecked")
    private String[] carriedKeys(String[] old, Object[] edited, int offset, int change) {
        String[] keys = new String[edited.length];
        int tail = change > 0 ? offset : offset + 1; // the first old key after the edit
        System.arraycopy(old, 0, keys, 0, offset);
        System.arraycopy(old, tail, keys, change < 0 ? offset : offset + 1, old.length - tail);
        if (change >= 0) {
            keys[offset] = ((Function<Object, String>) indexKey).apply(edited[offset]);
        }
        return keys;
    }

    /** The chunk indexes with {@code removed} of them at {@code at} replaced by {@code added} empty ones. */
    private Index[] spliced(int at, int removed, int added) {
        Index[] result = new Index[indexes.length - removed + added];
        System.arraycopy(indexes, 0, result, 0, at);
        System.arraycopy(indexes, at + removed, result, at + added, indexes.length - at - removed);
        return result;
    }

    /** As {@link java.util.Collections#binarySearch}: the index of an item equal to {@code key} in the order, else {@code -(insertion point) - 1}. */
    public int search(T key) {
        return java.util.Collections.binarySearch(this, key, order);
    }

    private int start(int chunk) {
        return chunk == 0 ? 0 : ends[chunk - 1];
    }

    /** The chunk holding {@code index} (which is below {@link #size()}). */
    private int chunkOf(int index) {
        int low = 0;
        int high = ends.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (ends[mid] <= index) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** One chunk's index, built on first use and shared by every list holding that chunk. */
    private static final class Index {
        /** The chunk's keys carried over from the chunk it was edited from, or {@code null}: computed when needed. */
        final String[] keys;
        /** Racy but safe: a {@link Probe} is immutable, and a thread seeing none builds its own. */
        Probe probe;

        Index() {
            this(null);
        }

        Index(String[] keys) {
            this.keys = keys;
        }
    }

    /** Each item's index key. */
    private static String[] keys(Object[] chunk, Function<Object, String> indexKey) {
        String[] keys = new String[chunk.length];
        for (int i = 0; i < chunk.length; i++) {
            keys[i] = indexKey.apply(chunk[i]);
        }
        return keys;
    }

    /**
     * A chunk's items' positions by index key: open addressing on the keys' hash codes, linear probing. Built for
     * each chunk a replay edits (one per operation), so it is plain arrays, without a map, boxing or a lambda per
     * item; all its fields final, so a thread that sees it sees it whole.
     */
    private static final class Probe {
        private final String[] keys;
        /** Position + 1 of an item, 0 for an empty slot; twice as many slots as items at least, a power of two. */
        private final int[] slots;

        Probe(String[] keys) {
            this.keys = keys;
            slots = new int[Integer.highestOneBit(Math.max(1, keys.length) * 2) * 2];
            int mask = slots.length - 1;
            for (int i = 0; i < keys.length; i++) {
                int slot = keys[i].hashCode() & mask;
                while (slots[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = i + 1;
            }
        }

        /**
         * Adds the chunk's items whose key is {@code key} to {@code into}, in position order: items with the same
         * key were put in position order along the same probe sequence, so they are met in that order.
         */
        void collect(String key, int hash, Object[] chunk, List<Object> into) {
            int mask = slots.length - 1;
            for (int slot = hash & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
                int at = slots[slot] - 1;
                if (keys[at].equals(key)) {
                    into.add(chunk[at]);
                }
            }
        }
    }
}
